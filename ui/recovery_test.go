package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/recovery"
)

// recNow is the tests' "now": day 3 of a strain on 2 March 2026.
var recNow = time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)

type recFixture struct {
	v     *RecoveryView
	saved []*recovery.Plan
	opens int
}

func newTestRecovery(t *testing.T, plan *recovery.Plan) *recFixture {
	t.Helper()
	test.NewTempApp(t)
	f := &recFixture{}
	f.v = NewRecoveryView(fyne.CurrentApp(), RecoveryOptions{
		Library: library(t), Plan: plan, Now: func() time.Time { return recNow },
		Save:      func(p *recovery.Plan) error { f.saved = append(f.saved, p); return nil },
		OnCheckin: func() { f.opens++ },
	})
	t.Cleanup(func() { f.v.win.Close() })
	return f
}

// recTestPlan starts a plan for a strain on since with intake pain.
func recTestPlan(t *testing.T, since time.Time, pain int) *recovery.Plan {
	t.Helper()
	p, _, err := recovery.Start(since, since.Add(10*time.Hour), recovery.Intake{How: "lifting a box", Pain: pain, Library: library(t)})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// texts collects the label texts under o.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(c fyne.CanvasObject) {
		switch w := c.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *recTapLabel:
			b.WriteString("[check] " + w.Text + "\n")
		case *AdviceBox:
			walk(w.root)
		case *container.ThemeOverride:
			walk(w.Content)
		case *container.Scroll:
			walk(w.Content)
		case *fyne.Container:
			for _, ch := range w.Objects {
				walk(ch)
			}
		}
	}
	walk(o)
	return b.String()
}

func TestRecoveryIntakeByTaps(t *testing.T) {
	f := newTestRecovery(t, nil)
	v := f.v
	if v.Step() != RecoveryStepEmergency || len(v.emergency.checks) != 7 || v.back.Visible() {
		t.Fatalf("first screen %s with %d questions", v.Step(), len(v.emergency.checks))
	}
	if !strings.Contains(texts(v.body), "[check] Do you have pain, weakness, numbness or pins and needles in both legs?") {
		t.Fatalf("the emergency questions are not shown:\n%s", texts(v.body))
	}
	test.Tap(v.next)
	if v.Step() != RecoveryStepSameDay || !strings.Contains(texts(v.body), "Do you have a high temperature") {
		t.Fatalf("after none of the emergency signs: %s", v.Step())
	}
	test.Tap(v.next)
	if v.Step() != RecoveryStepRoutine {
		t.Fatalf("after the same-day questions: %s", v.Step())
	}
	tickRoutine(t, v, "flag-recurring")
	test.Tap(v.next)
	if v.Step() != RecoveryStepIntake || v.since.Text != "2026-03-05" {
		t.Fatalf("intake: %s, date %q", v.Step(), v.since.Text)
	}
	v.since.SetText("")
	test.Type(v.since, "2026-03-02")
	test.Type(v.how, "lifting a box")
	v.pain.SetValue(6)
	if !strings.Contains(v.painValue.Text, "6 / 10") {
		t.Fatalf("slider label %q", v.painValue.Text)
	}
	test.Tap(v.next)
	p := v.Plan()
	if v.Step() != RecoveryStepOverview || p == nil || len(f.saved) != 1 || f.saved[0] != p {
		t.Fatalf("step %s plan %v saved %d", v.Step(), p, len(f.saved))
	}
	if p.Since.Format("2006-01-02") != "2026-03-02" || p.Severity != 6 || p.How != "lifting a box" || len(p.Flags) != 1 || p.Flags[0] != "flag-recurring" {
		t.Fatalf("plan %+v", p)
	}
	all := texts(v.body)
	for _, want := range []string{"Day 3 · Protect", "Do\n", "Avoid\n", "Ice and heat", "Ice pack (first 2–3 days): up to 20 minutes", "Seek care if…", "Strains keep coming back", "Get urgent care now if you have any of"} {
		if !strings.Contains(all, want) {
			t.Errorf("overview lacks %q", want)
		}
	}
	if v.figure == nil || v.advice.Advice().Level != recovery.LevelSeeClinician {
		t.Fatalf("figure %v advice %s (recurring strains should advise a visit)", v.figure, v.advice.Advice().Level)
	}
	if !strings.Contains(v.win.Title(), "Protect") {
		t.Fatalf("title %q", v.win.Title())
	}
}

func TestRecoveryEmergencyFlagStopsThePlan(t *testing.T) {
	f := newTestRecovery(t, nil)
	v := f.v
	test.Tap(v.emergency.checks[1]) // bladder or bowel
	test.Tap(v.next)
	if v.Step() != RecoveryStepUrgentCare || v.Plan() != nil || len(f.saved) != 0 {
		t.Fatalf("step %s plan %v saved %d", v.Step(), v.Plan(), len(f.saved))
	}
	if v.urgent.Advice().Level != recovery.LevelEmergency || v.urgent.Heading() != "Get urgent care now" {
		t.Fatalf("box %+v", v.urgent.Advice())
	}
	all := texts(v.body)
	if !strings.Contains(all, "→ Call 999 (or your local emergency number) or go to A&E now.") || !strings.Contains(all, "No exercise plan has been started") {
		t.Fatalf("urgent-care screen:\n%s", all)
	}
	if v.win.Title() != "Get urgent care now — Limber" {
		t.Fatalf("title %q", v.win.Title())
	}
	// Back (a mis-tap) returns to the questions with the answers kept.
	v.OnKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if v.Step() != RecoveryStepEmergency || !v.emergency.checks[1].Checked {
		t.Fatalf("back: %s", v.Step())
	}
	test.Tap(v.emergency.checks[1])
	v.OnKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if v.Step() != RecoveryStepSameDay {
		t.Fatalf("unticked: %s", v.Step())
	}
}

func TestRecoverySameDaySignShowsUrgentAdviceAndStillStarts(t *testing.T) {
	f := newTestRecovery(t, nil)
	v := f.v
	test.Tap(v.next)
	test.Tap(v.sameDay.checks[0]) // fever
	test.Tap(v.next)
	test.Tap(v.next)
	if v.Step() != RecoveryStepIntake || v.urgent.Advice().Level != recovery.LevelUrgent || !strings.Contains(texts(v.body), "Get medical advice today") {
		t.Fatalf("intake with a same-day sign:\n%s", texts(v.body))
	}
	test.Tap(v.next)
	if v.Plan() == nil || v.advice.Advice().Level != recovery.LevelUrgent {
		t.Fatalf("plan %v advice %+v", v.Plan(), v.advice.Advice())
	}
}

func TestRecoveryIntakeRejectsBadDates(t *testing.T) {
	f := newTestRecovery(t, nil)
	v := f.v
	v.showIntake()
	for text, want := range map[string]string{"5 March": "When did it start: \"5 March\"; expected a date as YYYY-MM-DD", "2026-03-09": "When did it start: 2026-03-09 is in the future"} {
		v.since.SetText(text)
		test.Tap(v.next)
		if v.Step() != RecoveryStepIntake || !v.message.Visible() || !strings.Contains(v.message.Text, want) || len(f.saved) != 0 {
			t.Errorf("%q: step %s message %q", text, v.Step(), v.message.Text)
		}
	}
}

func TestRecoveryOpensTheOverviewOfAnActivePlan(t *testing.T) {
	p := recTestPlan(t, time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC), 5)
	if _, err := p.CheckIn(recovery.Checkin{Pain: 4, Function: "better"}, recNow.Add(-time.Hour)); err != nil {
		t.Fatal(err) // a good check-in moves the plan on to mobilize
	}
	f := newTestRecovery(t, p)
	v := f.v
	if v.Step() != RecoveryStepOverview || !strings.Contains(texts(v.body), "Day 5 · Mobilize") || !v.checkin.Visible() {
		t.Fatalf("step %s:\n%s", v.Step(), texts(v.body))
	}
	v.OnKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.opens != 1 {
		t.Fatal("Enter on the overview should open the check-in")
	}
	test.Tap(v.checkin)
	if f.opens != 2 {
		t.Fatal("the check-in button")
	}
}

func TestRecoveryGolden(t *testing.T) {
	f := newTestRecovery(t, nil)
	f.v.win.Resize(fyne.NewSize(900, 720))
	test.AssertImageMatches(t, "recovery_redflags.png", f.v.win.Canvas().Capture())
	test.Tap(f.v.emergency.checks[3])
	test.Tap(f.v.next)
	test.AssertImageMatches(t, "recovery_urgent_care.png", f.v.win.Canvas().Capture())

	h := newTestRecovery(t, nil)
	h.v.win.Resize(fyne.NewSize(900, 720))
	test.Tap(h.v.next)
	test.Tap(h.v.sameDay.checks[3]) // pain worse at night
	test.Tap(h.v.next)
	test.Tap(h.v.next)
	h.v.how.SetText("Lifting something")
	h.v.pain.SetValue(6)
	test.AssertImageMatches(t, "recovery_intake.png", h.v.win.Canvas().Capture())

	gp := recTestPlan(t, time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC), 5)
	if _, err := gp.CheckIn(recovery.Checkin{Pain: 4, Function: "better"}, recNow.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	g := newTestRecovery(t, gp)
	g.v.win.Resize(fyne.NewSize(900, 1240)) // tall enough to show the whole overview
	g.v.figure.Stop()
	test.AssertImageMatches(t, "recovery_overview.png", g.v.win.Canvas().Capture())
}
