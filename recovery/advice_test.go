package recovery

import (
	"strings"
	"testing"
)

func TestRedFlagRoutingAtEachLevel(t *testing.T) {
	cases := []struct {
		flags []string
		level string
		first string
	}{
		{nil, LevelSelfCare, ""},
		{[]string{"flag-leg-pain"}, LevelSeeClinician, "flag-leg-pain"},
		{[]string{"flag-leg-pain", "flag-fever"}, LevelUrgent, "flag-fever"},
		{[]string{"flag-fever", "flag-both-legs", "flag-recurring"}, LevelEmergency, "flag-both-legs"},
	}
	for _, tc := range cases {
		p := newPlan(t, 5)
		a := checkin(t, p, 1, Checkin{Pain: 5, Flags: tc.flags})
		if a.Level != tc.level || a.Headline != Headlines[tc.level] {
			t.Errorf("%v: level %s, want %s", tc.flags, a.Level, tc.level)
		}
		if len(a.Flags) != len(tc.flags) || (tc.first != "" && a.Flags[0].ID != tc.first) {
			t.Errorf("%v: flags %v, want %s first", tc.flags, a.Flags, tc.first)
		}
		if len(tc.flags) > 0 && !strings.Contains(a.Reasons[0], a.Flags[0].Title) {
			t.Errorf("%v: first reason %q is not the most urgent flag", tc.flags, a.Reasons[0])
		}
	}
}

func TestSameDayFlagAtIntakeIsUrgentUntilACleanCheckIn(t *testing.T) {
	p, a, err := Start(strainDay, at(0, 10), Intake{Pain: 5, Flags: []string{"flag-fever", "flag-recurring"}})
	if err != nil || a.Level != LevelUrgent {
		t.Fatalf("advice %+v err %v", a, err)
	}
	if ad := p.Adapt(at(0, 11)); !ad.Suspended || ad.MobilityExercises != nil || ad.AllowStrengthen {
		t.Fatalf("urgent advice should suspend exercise prompts: %+v", ad)
	}
	// A check-in without the fever: the history flag still counts.
	a = checkin(t, p, 1, Checkin{Pain: 4})
	if a.Level != LevelSeeClinician || len(a.Flags) != 1 || a.Flags[0].ID != "flag-recurring" {
		t.Fatalf("after a clean check-in: %+v", a)
	}
	if ad := p.Adapt(at(1, 21)); ad.Suspended || len(ad.MobilityExercises) == 0 {
		t.Fatalf("see-clinician keeps the exercises: %+v", ad)
	}
}

func TestCannotManageDailyTasksCountsAsSevere(t *testing.T) {
	p := newPlan(t, 8)
	a := checkin(t, p, 1, Checkin{Pain: 8, Answers: map[string]string{"function": "I can't manage my daily tasks"}})
	if a.Level != LevelSeeClinician || len(a.Flags) != 1 || a.Flags[0].ID != "flag-severe" {
		t.Fatalf("%+v", a)
	}
}

func TestNotImprovingAtTwoWeeks(t *testing.T) {
	p := newPlan(t, 5)
	for d := 1; d <= 13; d += 3 {
		checkin(t, p, d, Checkin{Pain: 5})
	}
	a := checkin(t, p, 13, Checkin{Pain: 5})
	if a.Level != LevelSelfCare {
		t.Fatalf("day 13 at the same pain should not yet be referred: %+v", a)
	}
	a = checkin(t, p, 14, Checkin{Pain: 5})
	if a.Level != LevelSeeClinician || a.Review != "not-improving" || a.Flags[0].ID != "flag-no-improvement" {
		t.Fatalf("day 14, pain 5 as at the start: %+v", a)
	}
	if !strings.Contains(a.Reasons[0], "no lower than at the start") {
		t.Fatalf("reasons %q", a.Reasons)
	}
	// Improving by day 14: no referral.
	q := newPlan(t, 5)
	checkin(t, q, 7, Checkin{Pain: 4})
	if a := checkin(t, q, 14, Checkin{Pain: 3}); a.Level != LevelSelfCare || a.Review != "" {
		t.Fatalf("improving plan: %+v", a)
	}
}

func TestWorseningStepsBackAndAdvisesAClinician(t *testing.T) {
	p := newPlan(t, 4)
	checkin(t, p, 3, Checkin{Pain: 3})
	checkin(t, p, 7, Checkin{Pain: 3})
	if p.Phase != "strengthen" {
		t.Fatalf("setup: %s", p.Phase)
	}
	a := checkin(t, p, 8, Checkin{Pain: 6, Function: "worse"})
	if p.Phase != "mobilize" || !a.ScaledBack {
		t.Fatalf("phase %s scaled back %v", p.Phase, a.ScaledBack)
	}
	if a.Level != LevelSeeClinician || a.Review != "worsening" {
		t.Fatalf("advice %+v", a)
	}
	joined := strings.Join(a.Reasons, "\n")
	if !strings.Contains(joined, "worse instead of better over 1–2 weeks") || !strings.Contains(joined, "stepped back to Mobilize") {
		t.Fatalf("reasons %q", a.Reasons)
	}
	// Before day 7 the same rise steps back but does not refer yet.
	q := newPlan(t, 4)
	a = checkin(t, q, 4, Checkin{Pain: 6, Function: "worse"})
	if a.Level != LevelSelfCare || !a.ScaledBack {
		t.Fatalf("day 4: %+v", a)
	}
}

func TestWorseTwiceInARowIsWorsening(t *testing.T) {
	p := newPlan(t, 6)
	checkin(t, p, 8, Checkin{Pain: 4, Function: "worse"})
	if a := p.Advice(at(8, 21)); a.Review != "" {
		t.Fatalf("one worse report: %+v", a)
	}
	a := checkin(t, p, 9, Checkin{Pain: 4, Function: "worse"})
	if a.Review != "worsening" || a.Level != LevelSeeClinician {
		t.Fatalf("two worse reports: %+v", a)
	}
}

func TestNoRecentCheckInIsSaid(t *testing.T) {
	p := newPlan(t, 5)
	checkin(t, p, 1, Checkin{Pain: 5})
	a := p.Advice(at(10, 9))
	if a.Level != LevelSelfCare || len(a.Reasons) != 2 || !strings.Contains(a.Reasons[0], "No check-in") || !strings.Contains(a.Reasons[1], "not by the calendar") {
		t.Fatalf("%+v", a)
	}
}

func TestScreenFlags(t *testing.T) {
	lib, _ := DefaultLibrary()
	a, err := ScreenFlags(lib, []string{"flag-unsteady"})
	if err != nil || a.Level != LevelEmergency {
		t.Fatalf("%+v %v", a, err)
	}
	if _, err := ScreenFlags(lib, []string{"x"}); fieldOf(err) != "flag" {
		t.Fatal(err)
	}
	if len(FlagsAt(lib, "emergency")) != 7 || FlagLevel(FlagsAt(lib, "same-day")[0]) != LevelUrgent {
		t.Fatal("flag levels")
	}
}
