package agent

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/schedule"
)

func TestRoughly(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                               "less than a minute",
		59 * time.Second:                "less than a minute",
		time.Minute:                     "1 min",
		61 * time.Second:                "2 min",
		19*time.Minute + 30*time.Second: "20 min",
		time.Hour:                       "1 h 00 min",
		2*time.Hour + 5*time.Minute:     "2 h 05 min",
	} {
		if got := roughly(d); got != want {
			t.Errorf("roughly(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestStatusLineAndTooltip(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)
	run := schedule.Status{State: schedule.Running, Next: []schedule.NextBreak{{Kind: schedule.Posture, In: 12 * time.Minute}}}
	if got := statusLine(run, now); got != "Next: posture break in 12 min" {
		t.Error(got)
	}
	if got := tooltip(run, now); got != "Limber — next break in 12 min (posture)" {
		t.Error(got)
	}
	paused := schedule.Status{State: schedule.Paused, PausedUntil: now.Add(30 * time.Minute)}
	if got := statusLine(paused, now); got != "Paused until 10:30" {
		t.Error(got)
	}
	tomorrow := schedule.Status{State: schedule.Paused, PausedUntil: time.Date(2026, 11, 25, 6, 0, 0, 0, time.Local)}
	if got := tooltip(tomorrow, now); got != "Limber — Paused until Wed 06:00" {
		t.Error(got)
	}
	inBreak := schedule.Status{State: schedule.InBreak, InBreak: schedule.Rest}
	if got := statusLine(inBreak, now); got != "Rest break in progress" {
		t.Error(got)
	}
	if got := statusLine(schedule.Status{State: schedule.Running}, now); got != "No breaks enabled" {
		t.Error(got)
	}
}

func TestTodayTallyLine(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)
	run := schedule.Status{State: schedule.Running, Next: []schedule.NextBreak{{Kind: schedule.Posture, In: 6 * time.Minute}}}
	var tally todayTally
	if got := tally.line(run, now); got != "Next: posture break in 6 min" {
		t.Errorf("nothing due yet: %q", got)
	}
	recs := []journal.Record{
		{Time: now.Add(-25 * time.Hour), Event: "completed", Kind: "posture"}, // yesterday
		{Time: now.Add(-3 * time.Hour), Event: "completed", Kind: "posture"},
		{Time: now.Add(-2 * time.Hour), Event: "natural", Kind: "rest"},
		{Time: now.Add(-90 * time.Minute), Event: "postponed", Kind: "mobility"}, // comes back: not due yet
		{Time: now.Add(-80 * time.Minute), Event: "ended_early", Kind: "mobility"},
		{Time: now.Add(-time.Hour), Event: "skipped", Kind: "posture"},
		{Time: now.Add(-50 * time.Minute), Event: "completed"}, // a lifting refresher, not a break
	}
	tally.seed(recs, now)
	if got := tally.line(run, now); got != "Today: 3 of 4 breaks · next posture in 6 min" {
		t.Errorf("seeded: %q", got)
	}
	tally.add(journal.Record{Event: "completed", Kind: "posture"}, now.Add(time.Minute))
	paused := schedule.Status{State: schedule.Paused, PausedUntil: now.Add(30 * time.Minute)}
	if got := tally.line(paused, now.Add(time.Minute)); got != "Today: 4 of 5 breaks · Paused until 10:30" {
		t.Errorf("paused: %q", got)
	}
	// After midnight the count starts again.
	tomorrow := now.Add(15 * time.Hour)
	tally.add(journal.Record{Event: "skipped", Kind: "posture"}, tomorrow)
	if got := tally.line(run, tomorrow); got != "Today: 0 of 1 break · next posture in 6 min" {
		t.Errorf("next day: %q", got)
	}
	if got := tally.line(run, tomorrow.Add(24*time.Hour)); got != "Next: posture break in 6 min" {
		t.Errorf("a day with nothing counted: %q", got)
	}
}

// The tray's status line carries today's count, from the journal at
// start and the breaks since.
func TestTrayLineCountsTodaysBreaks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := &harness{n: &fakeNotifier{}, tray: &fakeTray{}, j: &fakeJournal{}}
		now := time.Now()
		h.a = New(Options{ConfigPath: filepath.Join(t.TempDir(), "none.toml"), Notifier: h.n, Tray: h.tray, Journal: h.j, Prefs: hermetic,
			Today: []journal.Record{{Time: now, Event: "completed", Kind: "posture", Outcome: "completed"}, {Time: now, Event: "skipped", Kind: "posture", Outcome: "skipped"}}})
		h.a.cfg.OpenWindow = false
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go h.a.Run(ctx)
		synctest.Wait()
		if got := h.tray.last(); !strings.HasPrefix(got, "Today: 1 of 2 breaks") {
			t.Fatalf("tray at start: %q", got)
		}
		h.a.TakeBreak(schedule.Posture)
		time.Sleep(31 * time.Second)
		synctest.Wait()
		if got := h.tray.last(); !strings.HasPrefix(got, "Today: 2 of 3 breaks") {
			t.Fatalf("tray after a break: %q", got)
		}
	})
}
