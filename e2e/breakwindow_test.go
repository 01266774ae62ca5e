//go:build e2e

package e2e

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/limberapp/limber/journal"
)

// xdo runs xdotool and returns its trimmed output.
func xdo(t *testing.T, args ...string) (string, error) {
	out, err := exec.Command("xdotool", args...).Output()
	return strings.TrimSpace(string(out)), err
}

// waitWindow waits until a mapped window whose name contains name exists.
func waitWindow(t *testing.T, name string, within time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if out, err := xdo(t, "search", "--onlyvisible", "--name", name); err == nil && out != "" {
			return strings.Fields(out)[0]
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no visible window named %q within %v", name, within)
	return ""
}

// pressKey focuses the window (there is no window manager: XSetInputFocus)
// and types a key through XTEST, as a person would.
func pressKey(t *testing.T, win, key string) {
	t.Helper()
	if _, err := xdo(t, "windowfocus", "--sync", win); err != nil {
		t.Fatalf("xdotool windowfocus: %v", err)
	}
	if _, err := xdo(t, "key", key); err != nil {
		t.Fatalf("xdotool key %s: %v", key, err)
	}
}

// A posture break warned a few seconds after start: its notification
// reaches dunst, dunst's default action opens the break window, Enter
// finishes it, the journal has the completed record and the posture
// clock starts again.
func TestNotificationActionOpensBreakWindow(t *testing.T) {
	s := newSession(t, "[breaks.posture]\nevery = \"2m\"\nwarn_before = \"1m55s\"\n")
	moveMouse(t)
	s.start()
	if st := s.status(); st.Notifier != "dbus" {
		t.Fatalf("dunst offers actions, so the agent should use D-Bus notifications: %+v", st)
	}
	// The person is at the desk: no warning is shown to someone away.
	s.eventually("the warning reaches dunst", 15*time.Second, func() bool {
		moveMouse(t)
		return dunstDisplayed(t) > 0
	})
	if out, err := exec.Command("dunstctl", "action").CombinedOutput(); err != nil {
		t.Fatalf("dunstctl action: %v %s", err, out)
	}
	win := waitWindow(t, "Posture break", 15*time.Second)
	if st := s.status(); st.State != "in_break" || st.InBreak != "posture" {
		t.Fatalf("status while the window is open: %+v", st)
	}
	// Someone typing when the window appears: Enter in its first second
	// is ignored (defect 18).
	time.Sleep(400 * time.Millisecond)
	pressKey(t, win, "Return")
	time.Sleep(300 * time.Millisecond)
	if st := s.status(); st.State != "in_break" {
		t.Fatalf("Enter in the window's first second ended the break: %+v", st)
	}
	time.Sleep(time.Second)
	pressKey(t, win, "Return")
	s.eventually("the break ends", 10*time.Second, func() bool { return s.status().State == "running" })
	st := s.status()
	if st.Next[0].Kind != "posture" || st.Next[0].DueInSeconds < 110 {
		t.Fatalf("posture should start again from 2 min: %+v", st)
	}
	recs, warns, err := journal.Read(filepath.Join(s.dirs["XDG_STATE_HOME"], "limber", "journal.jsonl"))
	if err != nil || len(warns) != 0 {
		t.Fatalf("journal: %v %v", err, warns)
	}
	// Done two seconds into a 30 s break: ended early, not completed.
	var ended *journal.Record
	for i := range recs {
		if recs[i].Kind == "posture" && (recs[i].Event == "completed" || recs[i].Event == "ended_early") {
			ended = &recs[i]
		}
	}
	if ended == nil || ended.Event != "ended_early" || ended.Exercise == "" || ended.Seconds <= 0 {
		t.Fatalf("want an ended_early posture record with its exercise and time: %+v", ended)
	}
	s.eventually("the window closes", 5*time.Second, func() bool {
		out, _ := xdo(t, "search", "--onlyvisible", "--name", "Posture break")
		return out == ""
	})
	s.quit()
}

// `limber break now --kind rest` opens the rest break window; closing it
// with the window's close button counts as closed (a postpone).
func TestBreakNowOpensWindowAndEscPostpones(t *testing.T) {
	s := newSession(t, "")
	s.start()
	if _, errs, err := s.limber("break", "now", "--kind", "rest"); err != nil {
		t.Fatalf("break now: %v %s", err, errs)
	}
	win := waitWindow(t, "Rest break", 15*time.Second)
	time.Sleep(1500 * time.Millisecond) // keys count from the window's second second on
	pressKey(t, win, "Escape")
	s.eventually("the break is postponed", 10*time.Second, func() bool { return s.status().State == "running" })
	recs, _, err := journal.Read(filepath.Join(s.dirs["XDG_STATE_HOME"], "limber", "journal.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	last := recs[len(recs)-1]
	if last.Event != "postponed" || last.Kind != "rest" || last.Exercise == "" {
		t.Fatalf("Esc should journal a postponed rest break with its exercise: %+v", last)
	}
	for _, n := range s.status().Next {
		if n.Kind == "rest" && n.PostponesLeft != 2 {
			t.Fatalf("one postpone of the rest break used: %+v", n)
		}
	}
	s.quit()
}

// A break ended outside its window (a pause from the CLI or the tray)
// closes the window through the view's command channel (defect 3), and
// the journal says how the break ended.
func TestPauseClosesTheBreakWindow(t *testing.T) {
	s := newSession(t, "")
	s.start()
	if _, errs, err := s.limber("break", "now", "--kind", "mobility"); err != nil {
		t.Fatalf("break now: %v %s", err, errs)
	}
	waitWindow(t, "Mobility break", 15*time.Second)
	if _, errs, err := s.limber("pause", "10m"); err != nil {
		t.Fatalf("pause: %v %s", err, errs)
	}
	s.eventually("the window closes", 10*time.Second, func() bool {
		out, _ := xdo(t, "search", "--onlyvisible", "--name", "Mobility break")
		return out == ""
	})
	recs, _, err := journal.Read(filepath.Join(s.dirs["XDG_STATE_HOME"], "limber", "journal.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range recs {
		if r.Kind == "mobility" && r.Event == "interrupted" {
			found = true
		}
	}
	if !found {
		t.Fatalf("the paused break should be journaled as interrupted: %+v", recs)
	}
	if st := s.status(); st.State != "paused" {
		t.Fatalf("status: %+v", st)
	}
	s.quit()
}
