package cmd

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/limberapp/limber/agent"
)

// A view started where no window can open (a Wayland session without
// XWayland) exits with one plain line saying why, the line the agent
// passes on to the person, instead of a Go panic from Fyne's driver.
func TestViewWithoutDisplaySaysWhy(t *testing.T) {
	bin := buildLimber(t)
	dir := t.TempDir()
	for _, view := range []string{"limber", "settings"} {
		cmd := exec.Command(bin, "ui", view)
		cmd.Env = append(os.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=wayland-limber-test", "XDG_CONFIG_HOME="+dir, "XDG_STATE_HOME="+dir, "HOME="+dir)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 4 {
			t.Errorf("ui %s: %v, want exit status 4", view, err)
		}
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		last := lines[len(lines)-1]
		if !strings.Contains(last, "cannot open a window") || !strings.Contains(last, "without XWayland") {
			t.Errorf("ui %s: last line %q does not say why (stderr: %s)", view, last, stderr.String())
		}
	}
}

func TestLimberStatusFromTheAgent(t *testing.T) {
	until := time.Date(2026, 12, 1, 11, 0, 0, 0, time.Local)
	st := limberStatus(agent.StatusJSON{State: "paused", PausedUntil: &until, Next: []agent.NextJSON{{Kind: "posture", DueInSeconds: 90}}})
	if st.State != "paused" || !st.PausedUntil.Equal(until) || len(st.Next) != 1 || st.Next[0].In != 90*time.Second {
		t.Fatalf("got %+v", st)
	}
	got := limberSummary(agent.StatusJSON{State: "running", Next: []agent.NextJSON{{Kind: "posture", DueInSeconds: 720}, {Kind: "rest", DueInSeconds: 6000}}})
	if want := "Running: breaks count your active time at the desk. Next: posture break in 12 min, rest break in 1 h 40 min."; got != want {
		t.Fatalf("summary %q, want %q", got, want)
	}
}
