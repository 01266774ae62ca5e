package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limberapp/limber/prefs"
	"github.com/limberapp/limber/store"
)

// welcomeCalls records what the welcome asked for.
type welcomeCalls struct {
	autostart []bool
	wizard    int
	shown     int
}

func newTestWelcome(t *testing.T, autostartErr error) (*WelcomeView, *welcomeCalls) {
	t.Helper()
	test.NewTempApp(t)
	c := &welcomeCalls{}
	v := NewWelcomeView(fyne.CurrentApp(), WelcomeOptions{
		Config:    prefs.Defaults(),
		Autostart: true,
		SetAutostart: func(on bool) error {
			c.autostart = append(c.autostart, on)
			return autostartErr
		},
		OpenWizard: func() error { c.wizard++; return nil },
		MarkShown:  func() error { c.shown++; return nil },
	})
	t.Cleanup(func() {
		if !v.closed {
			v.win.Close()
		}
	})
	return v, c
}

func TestScheduleLineDefaults(t *testing.T) {
	got := ScheduleLine(prefs.Defaults())
	want := "Breaks: posture 30 s every 20 min · mobility 3 min every hour · rest 10 min every 2 h"
	if got != want {
		t.Errorf("ScheduleLine = %q, want %q", got, want)
	}
}

func TestScheduleLineReadsConfig(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	data := "[breaks.posture]\nevery = \"15m\"\nduration = \"45s\"\n[breaks.rest]\nenabled = false\n[breaks.mobility]\nevery = \"90m\"\nduration = \"2m30s\"\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, probs := prefs.Load(path, prefs.Options{NoEnv: true})
	if len(probs) > 0 {
		t.Fatalf("config problems: %v", probs)
	}
	got := ScheduleLine(cfg)
	if got != "Breaks: posture 45 s every 15 min · mobility 2 min 30 s every 1 h 30 min" {
		t.Errorf("ScheduleLine = %q", got)
	}
	for k, b := range cfg.Breaks {
		b.Enabled = false
		cfg.Breaks[k] = b
	}
	if got := ScheduleLine(cfg); !strings.Contains(got, "turned off") {
		t.Errorf("all off: %q", got)
	}
}

func TestWelcomeShowsWhatLimberDoes(t *testing.T) {
	v, _ := newTestWelcome(t, nil)
	if v.win.Title() != "Welcome to Limber" || !v.Autostart() {
		t.Errorf("title %q autostart %v", v.win.Title(), v.Autostart())
	}
	if !strings.Contains(v.schedule.Text, "posture 30 s every 20 min") {
		t.Errorf("schedule %q", v.schedule.Text)
	}
	if len(WelcomeLines()) != 3 {
		t.Errorf("%d lines about Limber", len(WelcomeLines()))
	}
}

func TestWelcomeSetUpNow(t *testing.T) {
	v, c := newTestWelcome(t, nil)
	test.Tap(v.setup)
	if len(c.autostart) != 1 || !c.autostart[0] || c.wizard != 1 || c.shown != 1 || !v.closed {
		t.Errorf("calls %+v closed %v", c, v.closed)
	}
}

func TestWelcomeLaterWithAutostartOff(t *testing.T) {
	v, c := newTestWelcome(t, nil)
	test.Tap(v.autostart)
	test.Tap(v.later)
	if len(c.autostart) != 1 || c.autostart[0] || c.wizard != 0 || c.shown != 1 || !v.closed {
		t.Errorf("calls %+v closed %v", c, v.closed)
	}
}

func TestWelcomeCloseOnlyMarksShown(t *testing.T) {
	v, c := newTestWelcome(t, nil)
	v.OnClose()
	if len(c.autostart) != 0 || c.wizard != 0 || c.shown != 1 {
		t.Errorf("calls %+v", c)
	}
}

func TestWelcomeAutostartErrorKeepsWindow(t *testing.T) {
	v, c := newTestWelcome(t, errors.New("no autostart folder"))
	test.Tap(v.setup)
	if v.closed || c.wizard != 0 || c.shown != 0 {
		t.Errorf("closed %v calls %+v", v.closed, c)
	}
	if !v.message.Visible() || !strings.Contains(v.message.Text, "no autostart folder") || !strings.Contains(v.message.Text, "turn on") {
		t.Errorf("message %q", v.message.Text)
	}
}

func TestWelcomeKeys(t *testing.T) {
	v, c := newTestWelcome(t, nil)
	v.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.wizard != 0 || c.shown != 1 || len(c.autostart) != 1 {
		t.Errorf("Esc: %+v", c)
	}
	v2, c2 := newTestWelcome(t, nil)
	v2.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c2.wizard != 1 || c2.shown != 1 {
		t.Errorf("Enter: %+v", c2)
	}
}

func TestWelcomeMarkerWritten(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	test.NewTempApp(t)
	v := NewWelcomeView(fyne.CurrentApp(), WelcomeOptions{Config: prefs.Defaults(), MarkShown: store.MarkWelcomeShown})
	if store.WelcomeShown() {
		t.Fatal("shown before")
	}
	test.Tap(v.later)
	if !store.WelcomeShown() {
		t.Error("marker not written")
	}
}

func TestSpanText(t *testing.T) {
	for d, want := range map[time.Duration]string{30 * time.Second: "30 s", 3 * time.Minute: "3 min", 90 * time.Second: "1 min 30 s", 2 * time.Hour: "2 h", 0: "0 s"} {
		if got := spanText(d); got != want {
			t.Errorf("spanText(%v) = %q, want %q", d, got, want)
		}
	}
	if everyText(time.Hour) != "hour" {
		t.Error(everyText(time.Hour))
	}
}

func TestWelcomeGolden(t *testing.T) {
	v, _ := newTestWelcome(t, nil)
	test.AssertImageMatches(t, "welcome.png", v.win.Canvas().Capture())
}
