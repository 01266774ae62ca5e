//go:build e2e

package e2e

import (
	"os"
	"strings"
	"testing"
	"time"
)

// The agent registers a tray item, its menu starts a posture break, the
// break's notification reaches dunst, status reports it, and quit ends it.
func TestTrayMenuStartsBreakAndNotifies(t *testing.T) {
	exec := newSession(t, "", "LIMBER_NOTIFICATIONS_OPEN_WINDOW=false")
	exec.start()
	conn := sessionBus(t)
	tr := findTray(t, conn)

	menu := tr.layout(t)
	var labels []string
	for _, c := range menu.Children {
		labels = append(labels, c.Label)
	}
	for _, want := range []string{"Take a break now", "Pause", "Settings…", "Quit"} {
		if menu.find(want) == nil {
			t.Fatalf("menu %q lacks %q", labels, want)
		}
	}
	exec.eventually("the status line and tooltip show the next break", 5*time.Second, func() bool {
		first := tr.layout(t).Children[0]
		return strings.HasPrefix(first.Label, "Next: posture break in 20 min") && !first.Enabled &&
			strings.Contains(tr.tooltip(t), "next break in 20 min")
	})
	st := exec.status()
	if st.State != "running" || len(st.Next) != 3 || st.Next[0].Kind != "posture" || st.Next[0].DueInSeconds < 1190 || st.Next[0].DueInSeconds > 1200 {
		t.Fatalf("status at start: %+v", st)
	}

	tr.click(t, "Take a break now", "Posture")
	exec.eventually("status shows the posture break", 5*time.Second, func() bool {
		st := exec.status()
		return st.State == "in_break" && st.InBreak == "posture"
	})
	exec.eventually("dunst shows the notification", 5*time.Second, func() bool { return dunstDisplayed(t) > 0 })
	if notes := dunstHistory(t); !hasNote(notes, "posture break") {
		t.Fatalf("dunst did not receive the posture break notification: %+v", notes)
	}
	exec.eventually("the tray's status line follows", 5*time.Second, func() bool {
		return tr.layout(t).Children[0].Label == "Posture break in progress"
	})

	tr.click(t, "Pause", "30 minutes")
	exec.eventually("paused", 5*time.Second, func() bool { return exec.status().State == "paused" })
	if _, _, err := exec.limber("resume"); err != nil {
		t.Fatal(err)
	}
	if st := exec.status(); st.State == "paused" {
		t.Fatalf("still paused after resume: %+v", st)
	}
	exec.quit()
	if _, _, err := exec.limber("status"); err == nil {
		t.Fatal("status should fail once the agent has quit")
	}
}

// A second `limber` does not start a second agent.
func TestSecondInstanceExitsZero(t *testing.T) {
	s := newSession(t, "")
	s.start()
	out, errs, err := s.limber()
	if err != nil {
		t.Fatalf("second limber: %v %s", err, errs)
	}
	if !strings.Contains(out, "already running") {
		t.Fatalf("second limber said %q", out)
	}
	s.quit()
}

// A broken config file never stops the agent: it starts on defaults,
// tells the person naming the file and line, and leaves the file as it is.
func TestBrokenConfigStartsOnDefaultsAndSaysWhy(t *testing.T) {
	broken := "[breaks.posture]\nevery = \"15m\"\nduration = 30s\n"
	s := newSession(t, broken)
	s.start()
	st := s.status()
	if st.State != "running" || st.Next[0].Kind != "posture" || st.Next[0].DueInSeconds < 1190 {
		t.Fatalf("defaults expected: %+v", st)
	}
	if len(st.Problems) != 1 || !strings.Contains(st.Problems[0], s.configPath()+":3:") {
		t.Fatalf("problems %q should name %s line 3", st.Problems, s.configPath())
	}
	s.eventually("the problem notification", 5*time.Second, func() bool {
		return hasNote(dunstHistory(t), "problem in your settings")
	})
	if !strings.Contains(s.log.String(), s.configPath()+":3:") {
		t.Fatalf("stderr should name the file and line: %s", s.log.String())
	}
	s.quit()
	after, _ := os.ReadFile(s.configPath())
	if string(after) != broken {
		t.Fatal("the broken file was rewritten")
	}
}

// An invalid value keeps the rest of the file and names the key.
func TestInvalidValueNamesKey(t *testing.T) {
	s := newSession(t, "[breaks.posture]\nevery = \"15m\"\nduration = \"forever\"\n")
	s.start()
	st := s.status()
	if st.Next[0].Kind != "posture" || st.Next[0].DueInSeconds > 900 {
		t.Fatalf("the good key should apply (15m): %+v", st)
	}
	if len(st.Problems) != 1 || !strings.Contains(st.Problems[0], "breaks.posture.duration") {
		t.Fatalf("problems: %q", st.Problems)
	}
	s.quit()
}

// CLI errors: no agent → non-zero; bad arguments → non-zero with a message.
func TestCLIErrors(t *testing.T) {
	s := newSession(t, "")
	if _, errs, err := s.limber("status", "--json"); err == nil || !strings.Contains(errs, "not running") {
		t.Fatalf("status with no agent: err=%v stderr=%q", err, errs)
	}
	s.start()
	for _, args := range [][]string{{"pause", "soon"}, {"break", "now", "--kind", "nap"}, {"break", "later"}, {"pause"}} {
		_, errs, err := s.limber(args...)
		if err == nil || strings.TrimSpace(errs) == "" {
			t.Errorf("limber %v: want an error message and non-zero exit, got err=%v stderr=%q", args, err, errs)
		}
	}
	s.quit()
}
