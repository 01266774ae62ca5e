package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/limberapp/limber/recovery"
)

// tickRoutine ticks the intake's routine question for flag id.
func tickRoutine(t *testing.T, v *RecoveryView, id string) {
	t.Helper()
	for i, f := range v.routine.flags {
		if f.ID == id {
			test.Tap(v.routine.checks[i])
			return
		}
	}
	t.Fatalf("no routine question for %s", id)
}

// A history flag that asks for an assessment before a self-care plan holds
// the plan's exercises until the person confirms it.
func TestRecoveryHoldsThePlanUntilAssessed(t *testing.T) {
	f := newTestRecovery(t, nil)
	v := f.v
	test.Tap(v.next) // no emergency signs
	test.Tap(v.next) // no same-day signs
	if !strings.Contains(texts(v.body), "on hold until a clinician has assessed you") {
		t.Fatalf("the routine step does not say which flags hold the plan:\n%s", texts(v.body))
	}
	tickRoutine(t, v, "flag-spine-history")
	test.Tap(v.next)
	test.Tap(v.next) // start with the default answers
	p := v.Plan()
	if v.Step() != RecoveryStepOverview || p == nil || len(f.saved) != 1 {
		t.Fatalf("step %s plan %v", v.Step(), p)
	}
	all := texts(v.body)
	for _, want := range []string{"Your plan is on hold until you have been assessed", "Past spine problems", "On hold until a clinician has assessed you."} {
		if !strings.Contains(all, want) {
			t.Errorf("held overview lacks %q:\n%s", want, all)
		}
	}
	if v.figure != nil || strings.Contains(all, "Ankle pumps") {
		t.Errorf("a held plan still shows exercises:\n%s", all)
	}
	if !p.Adapt(recNow).AwaitingAssessment || !v.assessedDone.Disabled() {
		t.Fatal("the plan should wait, and the start button wait for the tick")
	}
	test.Tap(v.assessedDone) // not ticked: nothing happens
	if !p.Assessed.IsZero() {
		t.Fatal("assessed without the tick")
	}
	test.Tap(v.assessed)
	test.Tap(v.assessedDone)
	if p.Assessed.IsZero() || len(f.saved) != 2 || len(p.AwaitingAssessment()) != 0 {
		t.Fatalf("after confirming: assessed %v, saved %d", p.Assessed, len(f.saved))
	}
	all = texts(v.body)
	if strings.Contains(all, "on hold") || v.figure == nil {
		t.Fatalf("the overview still holds after the assessment:\n%s", all)
	}
	if ad := p.Adapt(recNow); ad.Suspended || len(ad.MobilityExercises) == 0 {
		t.Fatalf("adaptation after the assessment: %+v", ad)
	}
}

// The daily check-in does not ask the intake's history questions again;
// it does ask today's signs.
func TestCheckinSkipsHistoryFlags(t *testing.T) {
	test.NewTempApp(t)
	p := recTestPlan(t, recNow.AddDate(0, 0, -3), 4)
	v := NewCheckinView(test.NewTempApp(t), CheckinOptions{Library: library(t), Plan: p, Now: func() time.Time { return recNow }})
	t.Cleanup(v.win.Close)
	var ids []string
	for _, f := range v.flags.flags {
		if f.HoldUntilAssessed {
			t.Errorf("check-in asks the history flag %s", f.ID)
		}
		ids = append(ids, f.ID)
	}
	for _, want := range []string{"flag-chest-pain", "flag-cough-sneeze", "flag-leg-weakness", "flag-night-pain"} {
		if !strings.Contains(strings.Join(ids, " "), want) {
			t.Errorf("check-in does not ask %s", want)
		}
	}
	_ = recovery.LevelUrgent
}
