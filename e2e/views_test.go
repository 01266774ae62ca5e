//go:build e2e

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The first start opens the welcome window once; a later start does not.
func TestWelcomeShowsOnceOnFirstStart(t *testing.T) {
	s := newSession(t, "")
	marker := filepath.Join(s.dirs["XDG_STATE_HOME"], "limber", "welcome-shown")
	os.Remove(marker)
	s.start()
	win := waitWindow(t, "Welcome", 20*time.Second)
	pressKey(t, win, "Escape") // "Later"
	s.eventually("the welcome closes and marks itself shown", 10*time.Second, func() bool {
		_, err := os.Stat(marker)
		out, _ := xdo(t, "search", "--onlyvisible", "--name", "Welcome")
		return err == nil && out == ""
	})
	s.quit()
	s.start()
	time.Sleep(3 * time.Second)
	if out, _ := xdo(t, "search", "--onlyvisible", "--name", "Welcome"); out != "" {
		t.Fatal("the welcome showed again on the second start")
	}
	s.quit()
}

// The tray's view items open their windows.
func TestTrayItemsOpenTheirWindows(t *testing.T) {
	s := newSession(t, "")
	s.start()
	tr := findTray(t, sessionBus(t))
	for _, c := range []struct{ item, window string }{
		{"Workstation check…", "Workstation"},
		{"Lifting refresher…", "Lifting"},
		{"I strained my back…", "recovery"},
	} {
		tr.click(t, c.item)
		win := waitWindow(t, c.window, 20*time.Second)
		name, _ := xdo(t, "getwindowname", win)
		t.Logf("%s opened %q", c.item, name)
		exec.Command("xdotool", "windowclose", win).Run()
		stopViews()
	}
	s.quit()
}

// `limber autostart enable|status|disable` writes a valid XDG entry and
// removes it again.
func TestAutostartRoundTrip(t *testing.T) {
	s := newSession(t, "")
	if out, errs, err := s.limber("autostart", "enable"); err != nil || !strings.Contains(out, "start when you log in") {
		t.Fatalf("enable: %v %s %s", err, out, errs)
	}
	entry := filepath.Join(s.dirs["XDG_CONFIG_HOME"], "autostart", "org.limber.Limber.desktop")
	if out, err := exec.Command("desktop-file-validate", entry).CombinedOutput(); err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Fatalf("desktop-file-validate: %v %s", err, out)
	}
	if out, _, _ := s.limber("autostart", "status"); !strings.HasPrefix(out, "enabled") {
		t.Fatalf("status: %q", out)
	}
	s.limber("autostart", "disable")
	if out, _, _ := s.limber("autostart", "status"); strings.TrimSpace(out) != "disabled" {
		t.Fatalf("status after disable: %q", out)
	}
	if _, err := os.Stat(entry); !os.IsNotExist(err) {
		t.Fatal("the entry is still there")
	}
}

// The lifting refresher, overdue, fires at its time of day; clicking its
// notification opens the refresher window.
func TestLiftingRefresherFromItsNotification(t *testing.T) {
	at := time.Now().Add(time.Minute).Truncate(time.Minute)
	if at.Day() != time.Now().Day() {
		t.Skip("too close to midnight for a same-day time")
	}
	s := newSession(t, "[lifting]\nat = \""+at.Format("15:04")+"\"\n")
	state := filepath.Join(s.dirs["XDG_STATE_HOME"], "limber", "agent.json")
	last := time.Now().Add(-8 * 24 * time.Hour).Format(time.RFC3339)
	if err := os.WriteFile(state, []byte(`{"calendar":{"lifting":"`+last+`"}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	s.start()
	s.eventually("the refresher's notification at "+at.Format("15:04"), time.Until(at)+15*time.Second, func() bool {
		moveMouse(t) // at the desk, though calendar items do not wait for that
		return dunstDisplayed(t) > 0
	})
	if out, err := exec.Command("dunstctl", "action").CombinedOutput(); err != nil {
		t.Fatalf("dunstctl action: %v %s", err, out)
	}
	win := waitWindow(t, "Lifting refresher", 20*time.Second)
	name, _ := xdo(t, "getwindowname", win)
	t.Logf("notification opened %q", name)
	s.quit()
}
