package schedule

import (
	"math/rand/v2"
	"testing"
	"time"
)

func TestBreakOutcomeExamples(t *testing.T) {
	for _, c := range []struct {
		spent, dur      time.Duration
		stepsDone, step int
		want            string
	}{
		{0, 30 * time.Second, 0, 3, OutcomeEndedEarly},
		{800 * time.Millisecond, 30 * time.Second, 0, 3, OutcomeEndedEarly}, // typed Enter
		{12 * time.Second, 30 * time.Second, 1, 3, OutcomeEndedEarly},
		{24 * time.Second, 30 * time.Second, 0, 3, OutcomeCompleted}, // 80 %
		{23 * time.Second, 30 * time.Second, 2, 3, OutcomeEndedEarly},
		{15 * time.Second, 30 * time.Second, 3, 3, OutcomeCompleted}, // every step, half the time
		{10 * time.Second, 30 * time.Second, 3, 3, OutcomeEndedEarly},
		{24 * time.Second, 10 * time.Minute, 4, 4, OutcomeEndedEarly}, // one loop of a short exercise in a rest break
		{40 * time.Second, 30 * time.Second, 0, 0, OutcomeCompleted},
		{0, 0, 0, 0, OutcomeCompleted}, // nothing to measure against
	} {
		if got := BreakOutcome(c.spent, c.dur, c.stepsDone, c.step); got != c.want {
			t.Errorf("BreakOutcome(%v, %v, %d, %d) = %s, want %s", c.spent, c.dur, c.stepsDone, c.step, got, c.want)
		}
	}
}

// Invariant: completed exactly when ≥ 80 % of the time, or all the steps
// in at least half of it.
func TestBreakOutcomeInvariant(t *testing.T) {
	seed := time.Now().UnixNano()
	r := rand.New(rand.NewPCG(uint64(seed), 1))
	for range 5000 {
		dur := time.Duration(r.IntN(600)+1) * time.Second
		spent := time.Duration(r.Int64N(int64(2 * dur)))
		steps := r.IntN(8)
		done := r.IntN(steps + 1)
		got := BreakOutcome(spent, dur, done, steps)
		most := spent*5 >= dur*4 || (steps > 0 && done >= steps && spent*2 >= dur)
		if (got == OutcomeCompleted) != most || (got != OutcomeCompleted && got != OutcomeEndedEarly) {
			t.Fatalf("seed %d: BreakOutcome(%v, %v, %d, %d) = %s", seed, spent, dur, done, steps, got)
		}
	}
}

func TestPostponeLimit(t *testing.T) {
	for _, c := range []struct {
		cfg  Config
		want int
	}{
		{DefaultConfig(), DefaultMaxPostpones},
		{func() Config { c := DefaultConfig(); c.Strict = true; return c }(), DefaultStrictMaxPostpones},
		{Config{}, 0}, // a limit of 0 is a setting: no postpones
		{Config{Strict: true}, 0},
		{Config{MaxPostpones: 5, StrictMaxPostpones: 2}, 5},
		{Config{MaxPostpones: 5, StrictMaxPostpones: 2, Strict: true}, 2},
		{Config{MaxPostpones: -1}, 0},
	} {
		if got := c.cfg.PostponeLimit(); got != c.want {
			t.Errorf("%+v: %d, want %d", c.cfg, got, c.want)
		}
	}
}
