package agent

import (
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/limberapp/limber/platform"
)

// newTestNoTray returns a noTray whose grace timers wait in timers until
// the test runs them.
func newTestNoTray(desktop string) (*noTray, *fakeNotifier, *[]func()) {
	timers := &[]func(){}
	n := &fakeNotifier{acts: true}
	return &noTray{notifier: n, desktop: desktop, log: io.Discard, after: func(d time.Duration, f func()) {
		*timers = append(*timers, f)
	}}, n, timers
}

func runTimers(timers *[]func()) {
	fs := *timers
	*timers = nil
	for _, f := range fs {
		f()
	}
}

func TestNoTrayNoticeOnceAfterGrace(t *testing.T) {
	nt, n, timers := newTestNoTray("GNOME")
	nt.start(false)
	if len(n.notes()) != 0 {
		t.Fatal("a notice before the grace is over")
	}
	runTimers(timers)
	notes := n.notes()
	if len(notes) != 1 || notes[0].Title != "Limber is running, with no tray icon" {
		t.Fatalf("notices %+v, want the one no-tray notice", notes)
	}
	if !strings.Contains(notes[0].Body, "gnome-shell-extension-appindicator") || !strings.Contains(notes[0].Body, "run limber again") {
		t.Fatalf("the GNOME notice does not say how to get the icon and reach Limber: %q", notes[0].Body)
	}
	if len(notes[0].Actions) != 1 || notes[0].Actions[0].Key != platform.DefaultAction {
		t.Fatalf("actions %+v, want a click that opens the Limber window", notes[0].Actions)
	}
	id, _ := n.Send(platform.Notification{}) // the next id is one past the notice's
	if !nt.isNotice(id-1) || nt.isNotice(id) {
		t.Fatal("isNotice does not pick out the notice")
	}
}

func TestNoTrayHostInTimeMeansNoNotice(t *testing.T) {
	nt, n, timers := newTestNoTray("XFCE")
	nt.start(false)
	nt.changed(true) // the panel came up within the grace
	runTimers(timers)
	if len(n.notes()) != 0 {
		t.Fatalf("notices %+v although a host appeared within the grace", n.notes())
	}
}

func TestNoTrayNoticeNamesEachDesktop(t *testing.T) {
	for desktop, want := range map[string]string{
		"ubuntu:GNOME": "gnome-shell-extension-appindicator", "KDE": "System Tray widget", "XFCE": "Status Tray plugin",
		"sway": "waybar", "": "StatusNotifierItem tray",
	} {
		if body := noTrayNotice(desktop, false, nil).Body; !strings.Contains(body, want) {
			t.Errorf("%q: notice %q does not say %q", desktop, body, want)
		}
	}
}

// Random sequences of hosts coming and going and grace timers firing:
// no notice goes out while a host is there; the no-tray notice at most
// once, and only when no host came since the start; the went-away notice
// at most once, when a host that was there goes.
func TestNoTrayRandom(t *testing.T) {
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewPCG(uint64(seed), 1))
	for run := range 300 {
		nt, n, timers := newTestNoTray("GNOME")
		present := rng.IntN(2) == 0
		nt.start(present)
		changedSinceStart := false
		var trail []string
		for step := range 12 {
			before := len(n.notes())
			switch rng.IntN(3) {
			case 0, 1:
				was := present
				present = rng.IntN(2) == 0
				nt.changed(present)
				if was != present {
					changedSinceStart = true
				}
				trail = append(trail, map[bool]string{true: "host", false: "none"}[present])
				sent := n.notes()[before:]
				switch {
				case present && len(sent) > 0:
					t.Fatalf("seed %d run %d step %d %v: a notice as a host appeared: %+v", seed, run, step, trail, sent)
				case !present && was && len(sent) > 1:
					t.Fatalf("seed %d run %d step %d %v: %d notices as the host went", seed, run, step, trail, len(sent))
				case len(sent) == 1 && sent[0].Title != "Limber's tray icon went away":
					t.Fatalf("seed %d run %d step %d %v: %q as the host went", seed, run, step, trail, sent[0].Title)
				}
			case 2:
				runTimers(timers)
				trail = append(trail, "grace")
				sent := n.notes()[before:]
				if len(sent) > 0 && (present || changedSinceStart) {
					t.Fatalf("seed %d run %d step %d %v: the no-tray notice after the state changed: %+v", seed, run, step, trail, sent)
				}
			}
		}
		missing, gone := 0, 0
		for _, note := range n.notes() {
			switch note.Title {
			case "Limber is running, with no tray icon":
				missing++
			case "Limber's tray icon went away":
				gone++
			}
		}
		if missing > 1 || gone > 1 || missing+gone != len(n.notes()) {
			t.Fatalf("seed %d run %d %v: notices %v, want each at most once", seed, run, trail, n.titles())
		}
	}
}

func TestNoTrayNoticeWithoutWindowsPointsToTheCommandLine(t *testing.T) {
	why := errors.New("this Wayland session runs without XWayland (DISPLAY is not set), and Limber's windows need X11")
	for _, gone := range []bool{false, true} {
		body := noTrayNotice("GNOME", gone, why).Body
		if !strings.Contains(body, "without XWayland") || !strings.Contains(body, "limber break now") || strings.Contains(body, "run limber again") {
			t.Errorf("gone %v: %q should say why windows cannot open and point to the command line", gone, body)
		}
	}
	n := windowNotice(why, StatusJSON{State: "running", Next: []NextJSON{{Kind: "posture", DueInSeconds: 720}, {Kind: "rest", DueInSeconds: 6000}}})
	if want := "This Wayland session runs without XWayland (DISPLAY is not set), and Limber's windows need X11. Next: posture break in 12 min, rest break in 1 h 40 min. " + cliHint(); n.Body != want {
		t.Errorf("window notice %q, want %q", n.Body, want)
	}
}

func TestNoWindowsWithATraySaysSoOnce(t *testing.T) {
	nt, n, timers := newTestNoTray("KDE")
	nt.noWindows = errors.New("this Wayland session runs without XWayland (DISPLAY is not set), and Limber's windows need X11")
	nt.start(true)
	runTimers(timers)
	notes := n.notes()
	if len(notes) != 1 || notes[0].Title != "Limber's windows cannot open here" || !strings.Contains(notes[0].Body, "without XWayland") || len(notes[0].Actions) != 0 {
		t.Fatalf("notices %+v, want one saying why windows cannot open, with no button to open one", notes)
	}
	nt2, n2, _ := newTestNoTray("KDE")
	nt2.start(true)
	if len(n2.notes()) != 0 {
		t.Fatalf("notices %+v with a tray and working windows", n2.notes())
	}
}
