package ui

import (
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// fakeLimberAgent answers the Limber window like the agent would.
type fakeLimberAgent struct {
	mu       sync.Mutex
	st       LimberStatus
	down     bool
	statuses int
	calls    []string
	ticks    chan time.Time
	starts   int
	stops    int
}

func (f *fakeLimberAgent) options() LimberOptions {
	do := func(what string, change func()) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		if f.down {
			return errors.New("Limber is not running (start it with `limber`)")
		}
		f.calls = append(f.calls, what)
		if change != nil {
			change()
		}
		return nil
	}
	return LimberOptions{
		Status: func() (LimberStatus, error) {
			f.mu.Lock()
			defer f.mu.Unlock()
			f.statuses++
			if f.down {
				return LimberStatus{}, errors.New("not running")
			}
			return f.st, nil
		},
		Break: func(k string) error {
			return do("break "+k, func() { f.st.State, f.st.InBreak = "in_break", k })
		},
		Pause: func(d time.Duration) error {
			return do("pause "+d.String(), func() { f.st.State = "paused" })
		},
		Resume:   func() error { return do("resume", func() { f.st.State = "running" }) },
		Settings: func() error { return do("settings", nil) },
		History:  func() error { return do("history", nil) },
		Quit:     func() error { return do("quit", nil) },
		Ticker: func() (<-chan time.Time, func()) {
			f.mu.Lock()
			defer f.mu.Unlock()
			f.starts++
			return f.ticks, func() {
				f.mu.Lock()
				f.stops++
				f.mu.Unlock()
			}
		},
		Now: func() time.Time { return time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local) },
		Go:  func(f func()) { f() },
	}
}

func (f *fakeLimberAgent) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.statuses
}

func (f *fakeLimberAgent) called() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

func newTestLimber(t *testing.T) (*LimberView, *fakeLimberAgent) {
	t.Helper()
	test.NewTempApp(t)
	f := &fakeLimberAgent{ticks: make(chan time.Time), st: LimberStatus{State: "running", Next: []LimberNext{
		{Kind: "posture", In: 12 * time.Minute}, {Kind: "mobility", In: 47*time.Minute + 30*time.Second}, {Kind: "rest", In: 108 * time.Minute},
	}}}
	v := NewLimberView(fyne.CurrentApp(), f.options())
	t.Cleanup(func() {
		if !v.closed {
			v.close()
		}
	})
	return v, f
}

// waitFor polls ok (the view's goroutines answer through fyne.Do).
func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for range 500 {
		if ok() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("never: %s", what)
}

func TestLimberWindowShowsTheNextBreaks(t *testing.T) {
	v, _ := newTestLimber(t)
	v.Show()
	want := []string{"Posture break: in 12 min", "Mobility break: in 48 min", "Rest break: in 1 h 48 min"}
	if got := v.NextLines(); !slices.Equal(got, want) {
		t.Fatalf("next breaks %q, want %q", got, want)
	}
	if got := v.StateLine(); got != "Running: breaks count your active time at the desk" {
		t.Fatalf("state line %q", got)
	}
}

func TestLimberWindowButtonsTalkToTheAgent(t *testing.T) {
	v, f := newTestLimber(t)
	v.Show()
	test.Tap(v.Button("Mobility"))
	waitFor(t, "the break shows as in progress", func() bool { return v.StateLine() == "Mobility break in progress" })
	test.Tap(v.Button("30 minutes"))
	waitFor(t, "Resume replaces the pause buttons", func() bool { return v.Button("Resume").Visible() && v.Button("1 hour").Disabled() })
	if got := v.NextLines()[0]; got != "Posture break: in 12 min once resumed" {
		t.Fatalf("while paused the first line is %q", got)
	}
	test.Tap(v.Button("Resume"))
	waitFor(t, "running again", func() bool { return !v.Button("Resume").Visible() && !v.Button("1 hour").Disabled() })
	test.Tap(v.Button("Until tomorrow"))
	waitFor(t, "paused", func() bool { return v.Button("Resume").Visible() })
	test.Tap(v.Button("Settings…"))
	waitFor(t, "settings asked for", func() bool { return len(f.called()) == 5 })
	want := []string{"break mobility", "pause 30m0s", "resume", "pause 0s", "settings"}
	if got := f.called(); !slices.Equal(got, want) {
		t.Fatalf("requests %q, want %q", got, want)
	}
	test.Tap(v.Button("Quit Limber"))
	waitFor(t, "the window closes after quit", func() bool { return v.closed })
	if got := f.called(); got[len(got)-1] != "quit" {
		t.Fatalf("last request %q, want quit", got)
	}
}

func TestLimberWindowSaysWhenTheAgentIsGone(t *testing.T) {
	v, f := newTestLimber(t)
	v.Show()
	f.mu.Lock()
	f.down = true
	f.mu.Unlock()
	test.Tap(v.Button("Posture"))
	waitFor(t, "the error and the not-running line", func() bool {
		return v.Message() != "" && v.StateLine() == "Limber is not running. Start it from your applications, or run limber."
	})
	if !v.Button("Posture").Disabled() || !v.Button("Settings…").Disabled() {
		t.Fatal("buttons stay enabled with no agent to answer")
	}
}

func TestDueText(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "now", 30 * time.Second: "in under a minute", time.Minute: "in 1 min", 61 * time.Second: "in 2 min",
		59 * time.Minute: "in 59 min", time.Hour: "in 1 h", 2*time.Hour + 5*time.Minute: "in 2 h 5 min",
	} {
		if got := DueText(d); got != want {
			t.Errorf("DueText(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestLimberStateLinePaused(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local)
	if got := LimberStateLine(LimberStatus{State: "paused", PausedUntil: now.Add(30 * time.Minute)}, now); got != "Paused until 10:30" {
		t.Errorf("got %q", got)
	}
	if got := LimberStateLine(LimberStatus{State: "paused", PausedUntil: now.Add(24 * time.Hour)}, now); got != "Paused until Wed 10:00" {
		t.Errorf("got %q", got)
	}
}

func TestLimberWindowGolden(t *testing.T) {
	v, _ := newTestLimber(t)
	v.Show()
	v.win.Resize(fyne.NewSize(460, v.win.Content().MinSize().Height))
	test.AssertImageMatches(t, "limber_window.png", v.win.Canvas().Capture())
}

// The Limber window opens the history (issue 16).
func TestLimberWindowOpensHistory(t *testing.T) {
	v, f := newTestLimber(t)
	v.Show()
	test.Tap(v.hist)
	waitFor(t, "the history request", func() bool {
		for _, c := range f.called() {
			if c == "history" {
				return true
			}
		}
		return false
	})
}
