package agent

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"

	"github.com/limberapp/limber/schedule"
)

// processViews opens views by starting this same binary as
// `limber ui VIEW …`, a short-lived Fyne process. A break window can be
// pre-started hidden when its warning goes out, so that it appears at
// once when the notification is clicked or the break falls due.
type processViews struct {
	exe    string
	config string
	socket string
	log    *os.File
	// onLoop runs a function on the agent's loop.
	onLoop func(func())

	mu       sync.Mutex
	prepared map[schedule.Kind]*viewProc
}

// viewProc is a running break window process.
type viewProc struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	mu     sync.Mutex
	onExit func()
	exited bool
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

// start launches a break window process (hidden waits for "show").
func (v *processViews) start(k schedule.Kind, hidden bool, onExit func()) (*viewProc, error) {
	args := []string{"break", "--kind", string(k)}
	if hidden {
		args = append(args, "--hidden")
	}
	p := &viewProc{cmd: v.command(args...), onExit: onExit}
	if hidden {
		in, err := p.cmd.StdinPipe()
		if err != nil {
			return nil, err
		}
		p.stdin = in
	}
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the break window: %w", err)
	}
	go func() {
		p.cmd.Wait()
		p.mu.Lock()
		p.exited = true
		f := p.onExit
		p.mu.Unlock()
		v.mu.Lock()
		if v.prepared[k] == p {
			delete(v.prepared, k)
		}
		v.mu.Unlock()
		if f != nil {
			v.onLoop(f)
		}
	}()
	return p, nil
}

// Prestart implements Views: start the window hidden.
func (v *processViews) Prestart(k schedule.Kind) error {
	v.mu.Lock()
	if v.prepared == nil {
		v.prepared = map[schedule.Kind]*viewProc{}
	}
	_, have := v.prepared[k]
	v.mu.Unlock()
	if have {
		return nil
	}
	p, err := v.start(k, true, nil)
	if err != nil {
		return err
	}
	v.mu.Lock()
	v.prepared[k] = p
	v.mu.Unlock()
	return nil
}

// Discard implements Views: a pre-started window that is no longer
// needed (the break was postponed or skipped from the notification) quits.
func (v *processViews) Discard(k schedule.Kind) {
	v.mu.Lock()
	p := v.prepared[k]
	delete(v.prepared, k)
	v.mu.Unlock()
	if p != nil && p.stdin != nil {
		p.stdin.Close()
	}
}

// OpenBreak implements Views: show the pre-started window, or start one.
func (v *processViews) OpenBreak(k schedule.Kind, onExit func()) error {
	v.mu.Lock()
	p := v.prepared[k]
	delete(v.prepared, k)
	v.mu.Unlock()
	if p != nil {
		p.mu.Lock()
		alive := !p.exited
		if alive {
			p.onExit = onExit
		}
		p.mu.Unlock()
		if alive {
			if _, err := io.WriteString(p.stdin, "show\n"); err == nil {
				return nil
			}
		}
	}
	_, err := v.start(k, false, onExit)
	return err
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
