package agent

import (
	"fmt"
	"os"
	"os/exec"

	"github.com/limberapp/limber/schedule"
)

// processViews opens views by starting this same binary as
// `limber ui VIEW …`, a short-lived Fyne process.
type processViews struct {
	exe    string
	config string
	socket string
	log    *os.File
	// onLoop runs a function on the agent's loop.
	onLoop func(func())
}

func (v *processViews) command(args ...string) *exec.Cmd {
	full := append([]string{"ui"}, args...)
	if v.config != "" {
		full = append(full, "--config", v.config)
	}
	c := exec.Command(v.exe, full...)
	c.Env = append(os.Environ(), "LIMBER_SOCKET="+v.socket)
	c.Stdout, c.Stderr = v.log, v.log
	return c
}

// OpenBreak implements Views.
func (v *processViews) OpenBreak(k schedule.Kind, onExit func()) error {
	c := v.command("break", "--kind", string(k))
	if err := c.Start(); err != nil {
		return fmt.Errorf("starting the break window: %w", err)
	}
	go func() {
		c.Wait()
		v.onLoop(onExit)
	}()
	return nil
}

// Open implements Views.
func (v *processViews) Open(view string, args ...string) error {
	c := v.command(append([]string{view}, args...)...)
	if err := c.Start(); err != nil {
		return fmt.Errorf("starting the %s window: %w", view, err)
	}
	go c.Wait()
	return nil
}
