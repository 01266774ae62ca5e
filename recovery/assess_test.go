package recovery

import (
	"github.com/limberapp/limber/content"
	"slices"
	"strings"
	"testing"
)

// Flags that ask for an assessment before a self-care plan hold it until
// the person confirms it: text and behaviour agree.
func TestHistoryFlagsHoldThePlanUntilAssessed(t *testing.T) {
	for _, id := range []string{"flag-spine-history", "flag-medical-history", "flag-cancer-history", "flag-infection-risk", "flag-fracture-risk"} {
		t.Run(id, func(t *testing.T) {
			p := newPlan(t, 2, id)
			if got := p.AwaitingAssessment(); len(got) != 1 || got[0].ID != id {
				t.Fatalf("awaiting %v", got)
			}
			for d := 1; d <= 20; d++ {
				checkin(t, p, d, Checkin{Pain: 1, Function: "better"})
			}
			st := p.PhaseState(at(20, 21))
			if st.Phase.ID != "protect" || st.Waiting != "assessment" {
				t.Fatalf("not yet assessed, day 20: %s waiting %q", st.Phase.ID, st.Waiting)
			}
			ad := p.Adapt(at(20, 21))
			if !ad.AwaitingAssessment || !ad.Suspended || ad.MobilityExercises != nil || ad.AllowStrengthen {
				t.Fatalf("held plan still prescribes: %+v", ad)
			}
			a := p.Advice(at(20, 21))
			if Rank(a.Level) < Rank(LevelSeeClinician) || !slices.ContainsFunc(a.Flags, func(f *content.RedFlag) bool { return f.ID == id }) {
				t.Fatalf("advice %+v", a)
			}
			if !strings.Contains(strings.Join(a.Reasons, " "), "on hold") {
				t.Fatalf("advice does not say the plan is on hold: %q", a.Reasons)
			}

			p.ConfirmAssessed(at(20, 22))
			if len(p.AwaitingAssessment()) != 0 {
				t.Fatal("still awaiting after confirming")
			}
			checkin(t, p, 21, Checkin{Pain: 1, Function: "better"})
			if got := p.CurrentPhase(at(21, 21)).ID; got != "mobilize" {
				t.Fatalf("after the assessment, a good check-in moves on: %s", got)
			}
			ad = p.Adapt(at(21, 21))
			if ad.AwaitingAssessment || ad.Suspended || len(ad.MobilityExercises) == 0 {
				t.Fatalf("after the assessment: %+v", ad)
			}
			if a := p.Advice(at(21, 21)); slices.ContainsFunc(a.Flags, func(f *content.RedFlag) bool { return f.ID == id }) {
				t.Fatalf("the assessed flag still raises advice: %+v", a)
			}
			// The days before the assessment stay held when replayed.
			if got := p.CurrentPhase(at(19, 21)).ID; got != "protect" {
				t.Fatalf("day 19 replayed: %s", got)
			}
		})
	}
}

func TestOtherRoutineFlagsDoNotHold(t *testing.T) {
	p := newPlan(t, 2, "flag-recurring")
	if len(p.AwaitingAssessment()) != 0 {
		t.Fatal("recurring strains should not hold the plan")
	}
	checkin(t, p, 3, Checkin{Pain: 1})
	if p.Phase != "mobilize" {
		t.Fatalf("%s", p.Phase)
	}
}

// "Did back pain wake you?" yes is the same-day night-pain flag.
func TestPainWokeMeRaisesNightPain(t *testing.T) {
	p := newPlan(t, 4)
	a := checkin(t, p, 1, Checkin{Pain: 4, Sleep: "poor"})
	if a.Level != LevelUrgent || len(a.Flags) == 0 || a.Flags[0].ID != "flag-night-pain" {
		t.Fatalf("%+v", a)
	}
	if c := p.CheckinOn(at(1, 0), at(1, 21)); !slices.Contains(c.Flags, "flag-night-pain") {
		t.Fatalf("saved flags %v", c.Flags)
	}
	if a := checkin(t, p, 2, Checkin{Pain: 4, Sleep: "good"}); a.Level != LevelSelfCare {
		t.Fatalf("slept well: %+v", a)
	}
}

// Each content level routes to its advice level, and emergencies start no
// plan.
func TestEveryFlagRoutesAtItsLevel(t *testing.T) {
	lib := newPlan(t, 1).Library()
	for _, f := range lib.RedFlags {
		want := map[string]string{"emergency": LevelEmergency, "same-day": LevelUrgent, "routine": LevelSeeClinician}[f.Level]
		a, err := ScreenFlags(lib, []string{f.ID})
		if err != nil || a.Level != want {
			t.Errorf("%s (%s): advice %s, want %s (%v)", f.ID, f.Level, a.Level, want, err)
		}
		_, _, err = Start(strainDay, at(0, 10), Intake{Pain: 3, Flags: []string{f.ID}})
		if (err == ErrEmergency) != (f.Level == "emergency") {
			t.Errorf("%s (%s): Start error %v", f.ID, f.Level, err)
		}
	}
	for _, id := range []string{"flag-chest-pain", "flag-after-accident"} {
		if a, _ := ScreenFlags(lib, []string{id}); a.Level != LevelEmergency {
			t.Errorf("%s: %s, want emergency (NHS: call 999 / A&E)", id, a.Level)
		}
	}
	for _, id := range []string{"flag-cancer-history", "flag-leg-weakness"} {
		if a, _ := ScreenFlags(lib, []string{id}); a.Level != LevelUrgent {
			t.Errorf("%s: %s, want urgent (same day)", id, a.Level)
		}
	}
}
