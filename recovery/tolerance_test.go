package recovery

import (
	"math/rand"
	"testing"
)

// The dates are a floor for moving on, never a push (seed guide: add load
// "as tolerance improves").

func TestDatesAloneNeverMoveThePhase(t *testing.T) {
	p := newPlan(t, 6)
	for _, d := range []int{0, 3, 4, 14, 15, 43, 57, 400} {
		if got := p.CurrentPhase(at(d, 12)).ID; got != "protect" {
			t.Errorf("day %d with no check-ins: %s, want protect", d, got)
		}
	}
}

func TestSteadySevenOutOfTenStaysInProtect(t *testing.T) {
	p := newPlan(t, 7)
	for d := 1; d <= 60; d++ {
		checkin(t, p, d, Checkin{Pain: 7, Function: "same"})
		if d == 15 || d == 43 || d == 60 {
			st := p.PhaseState(at(d, 21))
			if st.Phase.ID != "protect" {
				t.Fatalf("day %d at a steady 7/10: %s", d, st.Phase.ID)
			}
			if st.Waiting == "" {
				t.Fatalf("day %d: the plan should say why it is not moving on", d)
			}
		}
	}
	a := p.Advice(at(60, 21))
	found := false
	for _, r := range a.Reasons {
		if containsAll(r, "moves on", "not by the calendar") {
			found = true
		}
	}
	if !found {
		t.Fatalf("advice does not say the phase is held: %q", a.Reasons)
	}
}

func TestNotImprovingReviewHoldsThePhase(t *testing.T) {
	// Pain 3 from the start: good enough for strengthen's threshold, but
	// at day 14 no lower than at the start, so not into return.
	p := newPlan(t, 3)
	for d := 1; d <= 30; d++ {
		checkin(t, p, d, Checkin{Pain: 3, Function: "same"})
	}
	st := p.PhaseState(at(30, 21))
	if st.Phase.ID != "strengthen" || st.Waiting != "review" {
		t.Fatalf("steady 3/10 to day 30: %s (waiting %q), want strengthen held by the review", st.Phase.ID, st.Waiting)
	}
	said := false
	for _, r := range p.Advice(at(30, 21)).Reasons {
		said = said || containsAll(r, "stays at", "pain not easing", "not by the calendar")
	}
	if !said {
		t.Fatalf("the advice does not say the review holds the phase: %q", p.Advice(at(30, 21)).Reasons)
	}
}

// Random pain histories: the phase moves forward only on a day whose
// latest check-in is recent and good, whose review is not "worsening" or
// "not-improving", and on or after the new phase's from_day; steady pain
// of 5 or more with no improvement never reaches strengthen.
func TestPhaseMovesOnlyWithTolerance(t *testing.T) {
	seed := rand.Int63()
	rng := rand.New(rand.NewSource(seed))
	for run := range 300 {
		high := run%3 == 0 // steady high pain, never improving
		base := rng.Intn(11)
		if high {
			base = 5 + rng.Intn(6)
		}
		p := newPlan(t, base)
		phases := Phases(p.Library())
		prev := 0
		for d := 1; d <= 70; d++ {
			if rng.Intn(4) > 0 {
				c := Checkin{Pain: rng.Intn(11), Function: []string{"", "better", "same", "worse"}[rng.Intn(4)]}
				if high {
					c.Pain = base + rng.Intn(11-base) // never lower than at the start
				}
				if rng.Intn(10) == 0 {
					c.Answers = map[string]string{"sharp-pain": "yes"}
				}
				checkin(t, p, d, c)
			}
			st := p.PhaseState(at(d, 21))
			if high && st.Phase.Order >= 3 {
				t.Fatalf("seed %d run %d day %d: pain never below %d reached %s", seed, run, d, base, st.Phase.ID)
			}
			if st.Index > prev {
				if st.Index != prev+1 {
					t.Fatalf("seed %d run %d day %d: jumped from %d to %d", seed, run, d, prev, st.Index)
				}
				if d < phases[st.Index].FromDay {
					t.Fatalf("seed %d run %d day %d: %s before its from_day %d", seed, run, d, st.Phase.ID, phases[st.Index].FromDay)
				}
				if r := p.review(at(d, 21)); r == "worsening" || r == "not-improving" {
					t.Fatalf("seed %d run %d day %d: moved on to %s while the review says %s", seed, run, d, st.Phase.ID, r)
				}
				l := p.Latest(at(d, 21))
				if l == nil || daysBetween(l.Date, at(d, 21)) > advanceFreshDays || l.Pain > phases[prev].MaxPainToAdvance || l.Function == "worse" {
					t.Fatalf("seed %d run %d day %d: moved on to %s without a recent good check-in (%+v)", seed, run, d, st.Phase.ID, l)
				}
			}
			prev = st.Index
		}
	}
}

func containsAll(s string, subs ...string) bool {
	for _, x := range subs {
		if !contains(s, x) {
			return false
		}
	}
	return true
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
