package schedule

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// While the session is away (screen locked, machine asleep) nothing
// counts and nothing fires, however long it lasts and whatever the idle
// readings say; a zero reading during a lock is not a return.
func TestSessionAwayNothingCountsOrFires(t *testing.T) {
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	e := New(utcConfig(), start)
	now := start.Add(10 * time.Minute)
	e.Advance(now, Inputs{})
	before := e.Status(now).Next
	e.SessionAway(now, 0)
	for i := 1; i <= 120; i++ { // two hours of zero readings behind the lock
		now = now.Add(time.Minute)
		if acts := e.Advance(now, Inputs{IdleFor: 0}); len(acts) != 0 {
			t.Fatalf("at %v behind the lock: %v", now.Sub(start), acts)
		}
		if _, ok := e.Next(now); ok {
			t.Fatalf("Next promises an action while the session is away")
		}
		if got := e.Status(now).Next; fmt.Sprint(got) != fmt.Sprint(before) {
			t.Fatalf("time counted behind the lock: %v, was %v", got, before)
		}
		if st := e.Status(now).State; st != Idle {
			t.Fatalf("state while locked: %v", st)
		}
	}
	e.SessionBack(now)
	acts := e.Advance(now, Inputs{})
	// Two hours away: a natural break for every kind with time counted.
	if got := fmt.Sprint(types(acts)); got != "[natural posture natural mobility natural rest]" {
		t.Fatalf("after the return: %v", got)
	}
	if st := e.Status(now); st.State != Running || st.Next[0].In != 20*time.Minute {
		t.Fatalf("after the return the schedule starts afresh: %+v", st)
	}
}

// An auto-lock after idling: the idle time before the lock belongs to the
// absence (it is taken back), and the lock's first reading of 0 is not a
// return.
func TestSessionAwayAfterIdleTakesTheIdleSpanBack(t *testing.T) {
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	e := New(only(utcConfig(), Posture), start)
	now := start.Add(10 * time.Minute)
	e.Advance(now, Inputs{})
	// Idle for 10 s (short of the threshold, counted as active), then a
	// 15 s lock: 25 s away, short of the posture break's 30 s.
	now = now.Add(10 * time.Second)
	e.SessionAway(now, 10*time.Second)
	now = now.Add(15 * time.Second)
	e.Advance(now, Inputs{})
	e.SessionBack(now)
	e.Advance(now, Inputs{})
	if in := e.Status(now).Next[0].In; in != 10*time.Minute {
		t.Fatalf("posture due in %v, want 10m (the 10 s idle before the lock taken back)", in)
	}
}

// A short lock keeps the schedule: what was counted before stays, the
// lock itself does not count.
func TestSessionAwayShortKeepsSchedule(t *testing.T) {
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	e := New(utcConfig(), start)
	now := start.Add(19*time.Minute + 55*time.Second) // after the warning point
	e.Advance(now, Inputs{})
	e.SessionAway(now, 0)
	now = now.Add(10 * time.Second)
	if acts := e.Advance(now, Inputs{}); len(acts) != 0 {
		t.Fatalf("behind the lock: %v", acts)
	}
	e.SessionBack(now)
	if acts := e.Advance(now, Inputs{}); len(acts) != 0 {
		t.Fatalf("at the return: %v", acts)
	}
	a, ok := e.Next(now)
	if !ok || a.Type != Due || a.Kind != Posture || a.At.Sub(now) != 5*time.Second {
		t.Fatalf("next: %v %v", a, ok)
	}
}

// Invariant under random sequences: while away no action other than
// Natural/Wake is ever emitted and no clock moves; Next promises nothing.
func TestSessionAwayRandom(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	r := rand.New(rand.NewPCG(seed, 7))
	for run := 0; run < 300; run++ {
		start := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
		e := New(utcConfig(), start)
		now := start
		away := false
		var frozen string
		for step := 0; step < 60; step++ {
			now = now.Add(time.Duration(r.IntN(900)) * time.Second)
			idle := time.Duration(r.IntN(3)) * time.Duration(r.IntN(600)) * time.Second
			switch r.IntN(6) {
			case 0:
				if !away {
					for _, a := range e.SessionAway(now, idle) {
						if a.Type == Warn {
							t.Fatalf("seed %d: SessionAway returned a warning", seed)
						}
					}
					away = true
					frozen = fmt.Sprint(e.Status(now).Next)
				}
			case 1:
				if away {
					e.SessionBack(now)
					away = false
				}
			case 2:
				if st := e.Status(now); !away && st.State == InBreak {
					e.Complete(st.InBreak, now)
				}
			case 3:
				if !away {
					e.Postpone(Posture, now)
				}
			}
			acts := e.Advance(now, Inputs{IdleFor: idle})
			if away {
				for _, a := range acts {
					if a.Type == Warn || a.Type == Due {
						t.Fatalf("seed %d run %d step %d: %v while away", seed, run, step, a)
					}
				}
				if _, ok := e.Next(now); ok {
					t.Fatalf("seed %d run %d step %d: Next while away", seed, run, step)
				}
				if got := fmt.Sprint(e.Status(now).Next); got != frozen {
					t.Fatalf("seed %d run %d step %d: counted while away: %s, was %s", seed, run, step, got, frozen)
				}
			}
		}
	}
}

// Active time is what the clocks counted: working time, less idle spans
// and absences, never negative, never more than the wall time.
func TestActiveTimeCountsOnlyWork(t *testing.T) {
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	e := New(utcConfig(), start)
	now := start.Add(10 * time.Minute)
	e.Advance(now, Inputs{})
	if a := e.Active(); a != 10*time.Minute {
		t.Fatalf("after 10 active minutes: %v", a)
	}
	now = now.Add(15 * time.Minute)
	e.Advance(now, Inputs{IdleFor: 15 * time.Minute}) // away the whole span
	if a := e.Active(); a != 10*time.Minute {
		t.Fatalf("an idle quarter hour counted: %v", a)
	}
	e.SessionAway(now, 0)
	now = now.Add(time.Hour)
	e.Advance(now, Inputs{})
	e.SessionBack(now)
	if a := e.Active(); a != 10*time.Minute {
		t.Fatalf("a locked hour counted: %v", a)
	}
}
