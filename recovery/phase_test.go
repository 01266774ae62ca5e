package recovery

import "testing"

// The phase windows of content/data/recovery.toml: protect 0–3, mobilize
// 3–14, strengthen 7–42, return 14–56, prevent from 42.

func TestGoodCheckInsAdvanceWhenTheNextWindowOpens(t *testing.T) {
	p := newPlan(t, 6)
	steps := []struct {
		day, pain int
		want      string
	}{
		{2, 4, "protect"},    // mobilize opens on day 3
		{3, 4, "mobilize"},   // 4 ≤ 5: on to mobilize
		{7, 3, "strengthen"}, // 3 ≤ 4 and strengthen opens on day 7
		{14, 2, "return"},    // 2 ≤ 3, return opens on day 14
		{42, 1, "prevent"},   // 1 ≤ 2, prevent opens on day 42
	}
	for _, s := range steps {
		checkin(t, p, s.day, Checkin{Pain: s.pain, Function: "better"})
		if p.Phase != s.want {
			t.Errorf("after the day-%d check-in (pain %d): %s, want %s", s.day, s.pain, p.Phase, s.want)
		}
	}
}

func TestAGoodCheckInFromYesterdayStillCounts(t *testing.T) {
	p := newPlan(t, 6)
	checkin(t, p, 3, Checkin{Pain: 4})
	checkin(t, p, 6, Checkin{Pain: 2})
	if got := p.CurrentPhase(at(6, 21)).ID; got != "mobilize" {
		t.Fatalf("day 6: %s", got)
	}
	if got := p.CurrentPhase(at(7, 9)).ID; got != "strengthen" {
		t.Fatalf("day 7 after a good day-6 check-in: %s", got)
	}
	// A check-in two days old no longer advances.
	q := newPlan(t, 6)
	checkin(t, q, 3, Checkin{Pain: 4})
	checkin(t, q, 5, Checkin{Pain: 2})
	if got := q.CurrentPhase(at(7, 9)).ID; got != "mobilize" {
		t.Fatalf("day 7 after a day-5 check-in: %s", got)
	}
}

func TestNoStrengtheningBeforeItsDay(t *testing.T) {
	p := newPlan(t, 3)
	for d := 1; d <= 6; d++ {
		checkin(t, p, d, Checkin{Pain: 0, Function: "better"})
		if ph := p.CurrentPhase(at(d, 21)); ph.Order > 2 {
			t.Fatalf("day %d with no pain: %s, before strengthen's from_day", d, ph.ID)
		}
		if p.Adapt(at(d, 21)).AllowStrengthen {
			t.Fatalf("day %d allows strengthening", d)
		}
	}
	if !p.Adapt(at(7, 9)).AllowStrengthen {
		t.Fatal("day 7 after pain-free check-ins should allow strengthening")
	}
}

func TestTooMuchOrRisingPainDoesNotAdvanceEarly(t *testing.T) {
	p := newPlan(t, 6)
	checkin(t, p, 3, Checkin{Pain: 6}) // above protect's 5
	if p.Phase != "protect" {
		t.Fatalf("pain 6 on day 3: %s", p.Phase)
	}
	q := newPlan(t, 3)
	checkin(t, q, 3, Checkin{Pain: 4}) // ≤ 5 but higher than the 3 at the start
	if q.Phase != "protect" {
		t.Fatalf("rising pain on day 3: %s", q.Phase)
	}
	r := newPlan(t, 5)
	checkin(t, r, 3, Checkin{Pain: 4, Function: "worse"})
	if r.Phase != "protect" {
		t.Fatalf("reported worse on day 3: %s", r.Phase)
	}
	// The dates alone do not move the plan on.
	if got := p.CurrentPhase(at(4, 9)).ID; got != "protect" {
		t.Fatalf("day 4: %s", got)
	}
}

func TestSharpPainStepsBackAndHolds(t *testing.T) {
	p := newPlan(t, 6)
	checkin(t, p, 3, Checkin{Pain: 4})
	checkin(t, p, 7, Checkin{Pain: 3})
	if p.Phase != "strengthen" {
		t.Fatalf("setup: %s", p.Phase)
	}
	checkin(t, p, 9, Checkin{Pain: 3, Answers: map[string]string{"sharp-pain": "yes"}})
	st := p.PhaseState(at(9, 21))
	if st.Phase.ID != "mobilize" || !st.ScaledBack || !st.SteppedBackToday {
		t.Fatalf("after sharp pain: %+v", st)
	}
	if got := p.PhaseState(at(15, 9)); got.Phase.ID != "mobilize" || got.Waiting != "scaled-back" {
		t.Fatalf("held plan on day 15: %+v", got)
	}
	// A settled check-in lifts the hold; the next good one moves on.
	checkin(t, p, 15, Checkin{Pain: 2, Function: "better"})
	if st := p.PhaseState(at(15, 21)); st.ScaledBack || st.Phase.ID != "mobilize" {
		t.Fatalf("after a settled check-in: %+v", st)
	}
	checkin(t, p, 16, Checkin{Pain: 2, Function: "better"})
	if st := p.PhaseState(at(16, 21)); st.Phase.ID != "strengthen" {
		t.Fatalf("after the next good check-in: %+v", st)
	}
	// A week with no check-in also lets the hold go, but does not move on.
	q := newPlan(t, 6)
	checkin(t, q, 3, Checkin{Pain: 4})
	checkin(t, q, 20, Checkin{Pain: 3, Answers: map[string]string{"sharp-pain": "yes"}})
	if st := q.PhaseState(at(27, 9)); st.Phase.ID != "protect" || !st.ScaledBack {
		t.Fatalf("day 27, 7 days after sharp pain: %+v", st)
	}
	if st := q.PhaseState(at(28, 9)); st.Phase.ID != "protect" || st.ScaledBack || st.Waiting != "tolerance" {
		t.Fatalf("day 28, 8 days after sharp pain: %+v", st)
	}
}

func TestEscalatingPainStepsBack(t *testing.T) {
	p := newPlan(t, 5)
	checkin(t, p, 3, Checkin{Pain: 3})
	if p.Phase != "mobilize" {
		t.Fatalf("setup: %s", p.Phase)
	}
	checkin(t, p, 4, Checkin{Pain: 5}) // +2
	if p.Phase != "protect" {
		t.Fatalf("pain 3 → 5: %s", p.Phase)
	}
	q := newPlan(t, 5)
	checkin(t, q, 3, Checkin{Pain: 3})
	checkin(t, q, 4, Checkin{Pain: 4}) // +1 alone: hold, no step back
	if q.Phase != "mobilize" {
		t.Fatalf("pain 3 → 4: %s", q.Phase)
	}
	checkin(t, q, 5, Checkin{Pain: 5, Function: "worse"}) // rising and worse
	if q.Phase != "protect" {
		t.Fatalf("pain 4 → 5 and worse: %s", q.Phase)
	}
}
