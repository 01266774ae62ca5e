package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"github.com/gofrs/flock"
	"github.com/spf13/cobra"

	"github.com/limberapp/limber/agent"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/ui"
)

var uiLimberCmd = &cobra.Command{
	Use:   "limber",
	Short: "The Limber window: next breaks, take a break now, pause or resume, settings, quit",
	Args:  cobra.NoArgs,
	RunE:  runLimberView,
}

func runLimberView(cmd *cobra.Command, args []string) error {
	// One Limber window at a time: a launcher clicked twice brings the
	// open one forward instead.
	release, first := oneLimberWindow()
	if !first {
		fmt.Fprintln(os.Stderr, "limber: the Limber window is already open; bringing it forward")
		return nil
	}
	defer release()
	a := newApp()
	v := ui.NewLimberView(a, limberOptions())
	onRaise(func() { fyne.Do(v.Raise) })
	v.Show()
	a.Run()
	return nil
}

// oneLimberWindow takes the Limber window's lock in the runtime
// directory. Held by another window: that one is asked to come forward
// and first is false. With no runtime directory there is no lock.
func oneLimberWindow() (release func(), first bool) {
	dir, err := platform.RuntimeDir()
	if err != nil {
		return func() {}, true
	}
	l := flock.New(filepath.Join(dir, "limber-window.lock"))
	pidFile := filepath.Join(dir, "limber-window.pid")
	if ok, err := l.TryLock(); err != nil {
		return func() {}, true
	} else if !ok {
		if data, err := os.ReadFile(pidFile); err == nil {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(data))); err == nil {
				raise(pid)
			}
		}
		return nil, false
	}
	_ = os.WriteFile(pidFile, []byte(strconv.Itoa(os.Getpid())), 0o600)
	return func() { os.Remove(pidFile); l.Unlock() }, true
}

// limberOptions connect the Limber window to the agent's control socket.
func limberOptions() ui.LimberOptions {
	do := func(req agent.Request) error {
		_, err := call(req)
		return err
	}
	return ui.LimberOptions{
		Status: func() (ui.LimberStatus, error) {
			resp, err := call(agent.Request{Cmd: "status"})
			if err != nil || resp.Status == nil {
				return ui.LimberStatus{}, err
			}
			return limberStatus(*resp.Status), nil
		},
		Break: func(kind string) error { return do(agent.Request{Cmd: "break", Kind: kind}) },
		Pause: func(d time.Duration) error {
			if d <= 0 {
				return do(agent.Request{Cmd: "pause", UntilTomorrow: true})
			}
			return do(agent.Request{Cmd: "pause", Seconds: d.Seconds()})
		},
		Resume:   func() error { return do(agent.Request{Cmd: "resume"}) },
		Settings: func() error { return do(agent.Request{Cmd: "open", View: "settings"}) },
		History:  func() error { return do(agent.Request{Cmd: "open", View: "history"}) },
		Quit:     func() error { return do(agent.Request{Cmd: "quit"}) },
	}
}

// limberStatus is the agent's status as the window shows it.
func limberStatus(st agent.StatusJSON) ui.LimberStatus {
	out := ui.LimberStatus{State: st.State, InBreak: st.InBreak}
	if st.PausedUntil != nil {
		out.PausedUntil = *st.PausedUntil
	}
	for _, n := range st.Next {
		out.Next = append(out.Next, ui.LimberNext{Kind: n.Kind, In: time.Duration(n.DueInSeconds) * time.Second})
	}
	return out
}

func init() { uiCmd.AddCommand(uiLimberCmd) }
