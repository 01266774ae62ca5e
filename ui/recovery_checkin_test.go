package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/recovery"
)

type checkinFixture struct {
	v       *CheckinView
	plan    *recovery.Plan
	saves   int
	records []journal.Record
}

// newTestCheckin opens the check-in on recNow for a plan whose strain was
// on since, with earlier check-ins pains[i] on days 1, 2, ….
func newTestCheckin(t *testing.T, since time.Time, start int, pains ...int) *checkinFixture {
	t.Helper()
	test.NewTempApp(t)
	f := &checkinFixture{plan: recTestPlan(t, since, start)}
	for i, p := range pains {
		d := since.AddDate(0, 0, i+1)
		if _, err := f.plan.CheckIn(recovery.Checkin{Date: d, Pain: p}, d.Add(20*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	f.v = NewCheckinView(fyne.CurrentApp(), CheckinOptions{
		Library: library(t), Plan: f.plan, Now: func() time.Time { return recNow },
		Save:    func(*recovery.Plan) error { f.saves++; return nil },
		Journal: func(r journal.Record) error { f.records = append(f.records, r); return nil },
	})
	t.Cleanup(func() { f.v.win.Close() })
	return f
}

// flagCheck ticks the red-flag question id.
func (f *checkinFixture) tick(t *testing.T, id string) {
	t.Helper()
	for i, fl := range f.v.flags.flags {
		if fl.ID == id {
			test.Tap(f.v.flags.checks[i])
			return
		}
	}
	t.Fatalf("no question for %s", id)
}

func TestCheckinAdviceRouting(t *testing.T) {
	cases := []struct {
		flags   []string
		level   string
		heading string
	}{
		{nil, recovery.LevelSelfCare, "Keep going with the plan"},
		{[]string{"flag-leg-tingling"}, recovery.LevelSeeClinician, "See a doctor or physiotherapist"},
		{[]string{"flag-leg-tingling", "flag-night-pain"}, recovery.LevelUrgent, "Get medical advice today"},
		{[]string{"flag-fever", "flag-saddle-numbness"}, recovery.LevelEmergency, "Get urgent care now"},
	}
	for _, tc := range cases {
		f := newTestCheckin(t, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), 5)
		for _, id := range tc.flags {
			f.tick(t, id)
		}
		test.Tap(f.v.save)
		a := f.v.advice.Advice()
		if a.Level != tc.level || f.v.advice.Heading() != tc.heading {
			t.Errorf("%v: level %s heading %q", tc.flags, a.Level, f.v.advice.Heading())
		}
		if tc.level == recovery.LevelEmergency {
			if f.v.advice.bg.FillColor != recEmergencyBg || f.v.advice.heading.SizeName != "headingText" {
				t.Errorf("the emergency box should be red with a large heading")
			}
			if !strings.Contains(texts(f.v.advice), "→ Call 999 (or your local emergency number) or go to A&E now.") {
				t.Errorf("the emergency action is missing:\n%s", texts(f.v.advice))
			}
		}
		if f.saves != 1 || len(f.records) != 1 || f.records[0].Data["advice"] != tc.level {
			t.Errorf("%v: saves %d records %+v", tc.flags, f.saves, f.records)
		}
	}
}

func TestCheckinJournalsTheAnswers(t *testing.T) {
	f := newTestCheckin(t, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), 6)
	v := f.v
	v.pain.SetValue(4)
	v.trend.SetSelected("better")
	v.limits.SetSelected("a little")
	v.sleep.SetSelected("no")
	v.walking.SetSelected("yes")
	v.sharp.SetSelected("no")
	v.OnKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(f.records) != 1 {
		t.Fatalf("records %+v", f.records)
	}
	r := f.records[0]
	want := map[string]any{"pain": 4, "function": "a little", "sleep": "good", "walking": "yes", "sharp-pain": "no", "phase": "mobilize", "day": 3, "date": "2026-03-05"}
	for k, w := range want {
		if r.Data[k] != w {
			t.Errorf("journal %s = %v, want %v", k, r.Data[k], w)
		}
	}
	if r.Event != journal.EventCheckin || r.Kind != RecoveryKind || !r.Time.Equal(recNow) {
		t.Errorf("record %+v", r)
	}
	if c := f.plan.Checkins[0]; c.Function != "better" || c.Sleep != "good" {
		t.Errorf("check-in %+v", c)
	}
	if !strings.Contains(v.phase.Text, "Day 3 since the strain · Mobilize") || v.save.Text != "Update today's check-in (Enter)" {
		t.Errorf("phase %q save %q", v.phase.Text, v.save.Text)
	}
}

func TestCheckinReopensWithTodaysAnswers(t *testing.T) {
	f := newTestCheckin(t, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), 6)
	f.v.pain.SetValue(3)
	f.v.sleep.SetSelected("yes")
	f.tick(t, "flag-leg-pain")
	test.Tap(f.v.save)
	g := NewCheckinView(fyne.CurrentApp(), CheckinOptions{Library: library(t), Plan: f.plan, Now: func() time.Time { return recNow }})
	defer g.win.Close()
	// "Pain woke me" is night pain too (the same-day flag).
	if g.pain.Value != 3 || g.sleep.Selected != "yes" || strings.Join(g.flags.yes(), " ") != "flag-night-pain flag-leg-pain" || g.save.Text != "Update today's check-in (Enter)" {
		t.Fatalf("reopened: pain %v sleep %q flags %v", g.pain.Value, g.sleep.Selected, g.flags.yes())
	}
}

func TestCheckinOnAStoppedPlanSaysSo(t *testing.T) {
	f := newTestCheckin(t, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), 6)
	f.plan.Stop(recNow)
	test.Tap(f.v.save)
	if !f.v.message.Visible() || !strings.Contains(f.v.message.Text, "stopped") || f.saves != 0 || len(f.records) != 0 {
		t.Fatalf("message %q saves %d", f.v.message.Text, f.saves)
	}
}

func TestCheckinSaveErrorIsShown(t *testing.T) {
	f := newTestCheckin(t, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), 6)
	f.v.opt.Save = func(*recovery.Plan) error { return errors.New("disk full") }
	test.Tap(f.v.save)
	if !strings.Contains(f.v.message.Text, "Could not save the check-in: disk full") {
		t.Fatalf("message %q", f.v.message.Text)
	}
}

func TestCheckinGolden(t *testing.T) {
	f := newTestCheckin(t, time.Date(2026, 2, 20, 0, 0, 0, 0, time.UTC), 5, 5, 5, 4, 5, 6, 6, 6, 6)
	f.v.win.Resize(fyne.NewSize(1040, 760))
	f.v.pain.SetValue(7)
	f.v.trend.SetSelected("worse")
	f.v.limits.SetSelected("a lot")
	f.v.sleep.SetSelected("yes")
	f.v.walking.SetSelected("yes")
	f.v.sharp.SetSelected("no")
	test.Tap(f.v.save)
	test.AssertImageMatches(t, "recovery_checkin.png", f.v.win.Canvas().Capture())

	g := newTestCheckin(t, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), 6, 5, 5)
	g.v.win.Resize(fyne.NewSize(1040, 760))
	g.v.pain.SetValue(6)
	g.tick(t, "flag-both-legs")
	test.Tap(g.v.save)
	test.AssertImageMatches(t, "recovery_checkin_emergency.png", g.v.win.Canvas().Capture())
}
