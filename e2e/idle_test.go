//go:build e2e

package e2e

import (
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/limberapp/limber/journal"
)

func moveMouse(t *testing.T) {
	t.Helper()
	if out, err := exec.Command("xdotool", "mousemove_relative", "--", "7", "5").CombinedOutput(); err != nil {
		t.Fatalf("xdotool: %v %s", err, out)
	}
}

// With a 15 s idle threshold and no input, the agent reads the X server's
// idle time (MIT-SCREEN-SAVER), reports `idle` within 40 s, journals a
// natural posture break, and input makes it active again.
func TestIdleUnderXvfb(t *testing.T) {
	s := newSession(t, "[idle]\nthreshold = \"15s\"\n")
	s.start()
	for i := 0; i < 4; i++ { // a few seconds at the desk
		moveMouse(t)
		time.Sleep(700 * time.Millisecond)
	}
	started := time.Now()
	out, _, _ := s.limber("status")
	t.Logf("status:\n%s", out)
	if st := s.status(); st.State != "running" || st.IdleSource != "x11-screensaver" {
		t.Fatalf("active at first, idle time from the X server: %+v", st)
	}
	s.eventually("state idle", 40*time.Second, func() bool { return s.status().State == "idle" })
	t.Logf("idle after %v without input", time.Since(started).Round(time.Second))
	jp := filepath.Join(s.dirs["XDG_STATE_HOME"], "limber", "journal.jsonl")
	s.eventually("a natural posture break in the journal", 20*time.Second, func() bool {
		recs, _, _ := journal.Read(jp)
		for _, r := range recs {
			if r.Event == "natural" && r.Kind == "posture" {
				return true
			}
		}
		return false
	})
	moveMouse(t)
	back := time.Now()
	s.eventually("active again after input", 20*time.Second, func() bool { return s.status().State == "running" })
	t.Logf("active again %v after input", time.Since(back).Round(100*time.Millisecond))
	s.quit()
}
