package recovery

import (
	"slices"
	"testing"
	"time"
)

func TestAdaptationPerPhase(t *testing.T) {
	p := newPlan(t, 5)
	lib := p.Library()
	cases := []struct {
		day          int
		phase        string
		walk         time.Duration
		strengthen   bool
		thermal      string
		hasExercise  string
		lacksExercse string
	}{
		{1, "protect", 30 * time.Minute, false, "ice", "stand-and-walk", "bridge"},
		{5, "mobilize", 45 * time.Minute, false, "heat", "cat-cow", "bird-dog"},
		{20, "strengthen", time.Hour, true, "heat", "bird-dog", "ankle-pumps"},
		{50, "return", time.Hour, true, "heat", "hip-marching", "childs-pose"},
		{70, "prevent", 0, true, "", "calf-stretch", "ankle-pumps"},
	}
	// Good check-ins move the plan on as each phase opens.
	for _, d := range []int{3, 7, 45, 69} {
		checkin(t, p, d, Checkin{Pain: 0, Function: "better", Date: at(d, 0)})
	}
	for _, tc := range cases {
		a := p.Adapt(at(tc.day, 12))
		if !a.Active || a.Phase != tc.phase || a.Day != tc.day || a.WalkEvery != tc.walk || a.AllowStrengthen != tc.strengthen {
			t.Errorf("day %d: %+v", tc.day, a)
		}
		ph, _ := lib.Phase(tc.phase)
		if !slices.Equal(a.MobilityExercises, ph.Exercises) || !slices.Contains(a.MobilityExercises, tc.hasExercise) || slices.Contains(a.MobilityExercises, tc.lacksExercse) {
			t.Errorf("day %d exercises %v", tc.day, a.MobilityExercises)
		}
		var kinds []string
		for _, r := range a.Thermal {
			kinds = append(kinds, r.Kind)
		}
		if (tc.thermal == "" && len(kinds) != 0) || (tc.thermal != "" && !slices.Equal(kinds, []string{tc.thermal})) {
			t.Errorf("day %d thermal %v, want %q", tc.day, kinds, tc.thermal)
		}
		if !a.CheckinDue {
			t.Errorf("day %d: no check-in that day, so one is due", tc.day)
		}
	}
	// Walking prompts are most frequent while protecting.
	if p.Adapt(at(1, 12)).WalkEvery >= p.Adapt(at(5, 12)).WalkEvery {
		t.Error("protect should prompt walking more often than mobilize")
	}
	checkin(t, p, 70, Checkin{Pain: 0})
	if p.Adapt(at(70, 21)).CheckinDue {
		t.Error("checked in today, yet a check-in is due")
	}
}

func TestNoPlanNoAdaptation(t *testing.T) {
	var p *Plan
	if a := p.Adapt(at(0, 12)); a.Active || a.Phase != "" || a.WalkEvery != 0 {
		t.Fatalf("%+v", a)
	}
}

// No walking prompts while the advice is to get urgent or emergency care
// (someone newly unsteady is not told to get up and walk every 30 min).
func TestNoWalkingPromptsWhileCareIsUrgent(t *testing.T) {
	p := newPlan(t, 5)
	checkin(t, p, 1, Checkin{Pain: 5, Function: "same", Date: at(1, 0), Flags: []string{"flag-unsteady"}})
	a := p.Adapt(at(1, 12))
	if !a.Suspended || a.WalkEvery != 0 {
		t.Fatalf("an emergency check-in: suspended %v, walking every %v", a.Suspended, a.WalkEvery)
	}
}
