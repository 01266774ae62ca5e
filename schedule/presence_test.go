package schedule

import (
	"reflect"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func min_(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }

func TestShortIdleCountsAsActive(t *testing.T) {
	e := New(only(utcConfig(), Rest), t0)
	e.Advance(min_(10), Inputs{})
	e.Advance(min_(14), Inputs{IdleFor: 4 * time.Minute})
	if got := mustIn(t, e, t0, Rest); got != 106*time.Minute {
		t.Errorf("rest due in %v, want 106m: idle below the threshold counts", got)
	}
	if st := e.Status(min_(14)); st.State != Running {
		t.Errorf("state %s", st.State)
	}
}

func TestLongIdleIsTakenBackRetroactively(t *testing.T) {
	e := New(only(utcConfig(), Rest), t0)
	e.Advance(min_(10), Inputs{})
	e.Advance(min_(13), Inputs{IdleFor: 3 * time.Minute})
	if got := mustIn(t, e, t0, Rest); got != 107*time.Minute {
		t.Fatalf("rest due in %v", got)
	}
	e.Advance(min_(16), Inputs{IdleFor: 6 * time.Minute})
	if got := mustIn(t, e, t0, Rest); got != 110*time.Minute {
		t.Errorf("after 6m idle rest due in %v, want 110m: the whole episode does not count", got)
	}
	if st := e.Status(min_(16)); st.State != Idle {
		t.Errorf("state %s, want idle", st.State)
	}
	if again := e.Advance(min_(16), Inputs{IdleFor: 6 * time.Minute}); len(again) != 0 || mustIn(t, e, t0, Rest) != 110*time.Minute {
		t.Errorf("repeating the call changed things: %v", again)
	}
	// Back after 9 minutes: still not a rest break (10m), no time counted.
	acts := e.Advance(min_(19), Inputs{})
	if len(acts) != 0 {
		t.Errorf("%v", acts)
	}
	if got := mustIn(t, e, t0, Rest); got != 110*time.Minute {
		t.Errorf("after coming back rest due in %v, want 110m", got)
	}
	if st := e.Status(min_(19)); st.State != Running {
		t.Errorf("input makes the state running again, got %s", st.State)
	}
	e.Advance(min_(25), Inputs{})
	if got := mustIn(t, e, t0, Rest); got != 104*time.Minute {
		t.Errorf("rest due in %v, want 104m", got)
	}
}

func TestAgentSeesOnlyTheReturn(t *testing.T) {
	// An agent with watches: it hears "idle" at the threshold, then "active"
	// when input resumes. The whole episode is away.
	e := New(only(utcConfig(), Mobility, Rest), t0)
	e.Advance(min_(30), Inputs{})
	acts := e.Advance(min_(35), Inputs{IdleFor: 5 * time.Minute})
	want := Action{Type: Natural, Kind: Mobility, At: min_(33)}
	if len(acts) != 1 || !sameAction(acts[0], want) {
		t.Fatalf("got %v, want %v", acts, want)
	}
	if acts := e.Advance(min_(37), Inputs{}); len(acts) != 0 {
		t.Fatalf("back after 7 minutes: %v", acts)
	}
	if got := mustIn(t, e, t0, Rest); got != 90*time.Minute {
		t.Errorf("rest due in %v, want 90m: 30 active, 7 away", got)
	}
	if got := mustIn(t, e, t0, Mobility); got != 60*time.Minute {
		t.Errorf("mobility due in %v: reset by the natural break", got)
	}
	// An episode exactly as long as mobility, seen only when it ends.
	e.Advance(min_(45), Inputs{})
	e.Advance(min_(45).Add(30*time.Second), Inputs{IdleFor: 30 * time.Second})
	if acts := e.Advance(min_(48), Inputs{}); len(acts) != 1 || acts[0].Kind != Mobility || !acts[0].At.Equal(min_(48)) {
		t.Fatalf("3 minutes away: %v", acts)
	}
	// A second, long episode seen only when it ends resets everything.
	e.Advance(min_(50), Inputs{IdleFor: time.Minute})
	acts = e.Advance(min_(70), Inputs{})
	if got := types(acts); !reflect.DeepEqual(got, []string{"natural mobility", "natural rest"}) {
		t.Fatalf("got %v", acts)
	}
	if !acts[0].At.Equal(min_(52)) || !acts[1].At.Equal(min_(59)) {
		t.Errorf("natural breaks at %v, %v: want when the idle reached each duration", acts[0].At, acts[1].At)
	}
	for _, k := range []Kind{Mobility, Rest} {
		if got := mustIn(t, e, t0, k); got != e.cfg.Breaks[k].Every {
			t.Errorf("%s due in %v", k, got)
		}
	}
}

func TestNaturalBreaks(t *testing.T) {
	e := New(utcConfig(), t0)
	if acts := e.Advance(min_(1), Inputs{IdleFor: time.Minute}); len(acts) != 0 {
		t.Errorf("no natural break without active time before the idle: %v", acts)
	}
	e = New(utcConfig(), t0)
	e.Advance(min_(10), Inputs{})
	acts := e.Advance(min_(14), Inputs{IdleFor: 4 * time.Minute})
	if got := types(acts); !reflect.DeepEqual(got, []string{"natural posture", "natural mobility"}) {
		t.Fatalf("4 minutes idle: %v", acts)
	}
	if !acts[0].At.Equal(min_(10).Add(30*time.Second)) || !acts[1].At.Equal(min_(13)) {
		t.Errorf("at %v and %v", acts[0].At, acts[1].At)
	}
	// Same episode, later readings: each kind once per episode.
	for _, m := range []int{14, 15} {
		if acts := e.Advance(min_(m).Add(30*time.Second), Inputs{IdleFor: time.Duration(m-10)*time.Minute + 30*time.Second}); len(acts) != 0 {
			t.Errorf("same episode again: %v", acts)
		}
	}
	if got := mustIn(t, e, t0, Posture); got != 20*time.Minute {
		t.Errorf("posture due in %v: the episode beyond the threshold does not count", got)
	}
	// Idle as long as the rest break: every kind resets.
	acts = e.Advance(min_(20), Inputs{IdleFor: 10 * time.Minute})
	if got := types(acts); !reflect.DeepEqual(got, []string{"natural rest"}) {
		t.Errorf("10 minutes idle: %v", acts)
	}
	for _, n := range e.Status(min_(20)).Next {
		if n.In != e.cfg.Breaks[n.Kind].Every {
			t.Errorf("%s due in %v", n.Kind, n.In)
		}
	}
	// A new episode after input gives new natural breaks.
	e.Advance(min_(30), Inputs{})
	e.Advance(min_(40), Inputs{})
	if acts := e.Advance(min_(41), Inputs{IdleFor: time.Minute}); len(acts) != 1 || acts[0].Kind != Posture || !acts[0].At.Equal(min_(40).Add(30*time.Second)) {
		t.Errorf("new episode: %v", acts)
	}
}

func TestDueWaitsWhileAway(t *testing.T) {
	e := New(only(utcConfig(), Mobility), t0)
	acts := e.Advance(min_(60), Inputs{IdleFor: time.Minute})
	if len(acts) != 0 {
		t.Fatalf("while away no warning and no break: %v", acts)
	}
	st := e.Status(min_(60))
	if st.Waiting != Mobility || st.State != Running {
		t.Fatalf("%+v", st)
	}
	if a, ok := e.Next(min_(60)); ok {
		t.Errorf("a break waiting for the person has no deadline, Next = %v", a)
	}
	back := min_(60).Add(30 * time.Second)
	acts = e.Advance(back.Add(2*time.Second), Inputs{IdleFor: 2 * time.Second})
	if len(acts) != 1 || acts[0].Type != Due || acts[0].Kind != Mobility || !acts[0].At.Equal(back) {
		t.Fatalf("on return: %v", acts)
	}
	// Away longer than the break itself: a natural break instead.
	e = New(only(utcConfig(), Mobility), t0)
	e.Advance(min_(60), Inputs{IdleFor: time.Minute})
	acts = e.Advance(min_(63), Inputs{IdleFor: 4 * time.Minute})
	if got := types(acts); !reflect.DeepEqual(got, []string{"natural mobility"}) {
		t.Fatalf("%v", acts)
	}
	if st := e.Status(min_(63)); st.Waiting != "" {
		t.Errorf("still waiting: %+v", st)
	}
	if acts := e.Advance(min_(64), Inputs{}); len(acts) != 0 {
		t.Errorf("after a natural break nothing is owed: %v", acts)
	}
}

func TestAbsent(t *testing.T) {
	t.Run("long sleep resets every kind", func(t *testing.T) {
		e := New(utcConfig(), t0)
		e.Advance(min_(15), Inputs{})
		e.Absent(min_(55), 40*time.Minute)
		if a, ok := e.Next(min_(55)); !ok || a.Type != Natural || !a.At.Equal(min_(55)) {
			t.Errorf("Next after a sleep = %v: the natural breaks are due at once", a)
		}
		acts := e.Advance(min_(55), Inputs{})
		if got := types(acts); !reflect.DeepEqual(got, []string{"natural posture", "natural mobility", "natural rest"}) {
			t.Fatalf("%v", acts)
		}
		for _, n := range e.Status(min_(55)).Next {
			if n.In != e.cfg.Breaks[n.Kind].Every {
				t.Errorf("%s due in %v", n.Kind, n.In)
			}
		}
		if acts := e.Advance(min_(55), Inputs{}); len(acts) != 0 {
			t.Errorf("again: %v", acts)
		}
	})
	t.Run("short lock resets the short kinds and does not count", func(t *testing.T) {
		e := New(utcConfig(), t0)
		e.Advance(min_(10), Inputs{})
		e.Absent(min_(14), 4*time.Minute)
		acts := e.Advance(min_(14), Inputs{})
		if got := types(acts); !reflect.DeepEqual(got, []string{"natural posture", "natural mobility"}) {
			t.Fatalf("%v", acts)
		}
		if got := mustIn(t, e, t0, Rest); got != 110*time.Minute {
			t.Errorf("rest due in %v, want 110m", got)
		}
	})
	t.Run("the span before the sleep counts", func(t *testing.T) {
		// The agent's last call was at 10, the machine slept from 12 to 22.
		e := New(only(utcConfig(), Rest), t0)
		e.Advance(min_(10), Inputs{})
		e.Absent(min_(22), 10*time.Minute)
		if got := mustIn(t, e, t0, Rest); got != 120*time.Minute {
			t.Errorf("10 minutes of sleep is a rest break: due in %v", got)
		}
		e = New(only(utcConfig(), Rest), t0)
		e.Advance(min_(10), Inputs{})
		e.Absent(min_(20), 8*time.Minute)
		if got := mustIn(t, e, t0, Rest); got != 108*time.Minute {
			t.Errorf("rest due in %v, want 108m: 12 counted, 8 asleep", got)
		}
	})
	t.Run("a sleep that overlaps counted time takes it back", func(t *testing.T) {
		e := New(only(utcConfig(), Rest), t0)
		e.Advance(min_(20), Inputs{})
		e.Absent(min_(20), 5*time.Minute)
		if got := mustIn(t, e, t0, Rest); got != 105*time.Minute {
			t.Errorf("rest due in %v, want 105m", got)
		}
	})
}

func TestClockBackwardsNeverCounts(t *testing.T) {
	e := New(only(utcConfig(), Rest), t0)
	e.Advance(min_(30), Inputs{})
	if acts := e.Advance(min_(-30), Inputs{}); len(acts) != 0 {
		t.Fatalf("%v", acts)
	}
	if got := mustIn(t, e, t0, Rest); got != 90*time.Minute {
		t.Errorf("rest due in %v after the jump back", got)
	}
	e.Advance(min_(-20), Inputs{})
	if got := mustIn(t, e, t0, Rest); got != 80*time.Minute {
		t.Errorf("rest due in %v, want 80m: time after the jump counts", got)
	}
	if a, ok := e.Next(min_(-20)); !ok || !a.At.Equal(min_(-20).Add(79*time.Minute)) {
		t.Errorf("Next = %v", a)
	}
}

func TestLedger(t *testing.T) {
	var l ledger
	l.add(min_(0), min_(10))
	l.add(min_(10), min_(20)) // merges
	l.add(min_(30), min_(40))
	if len(l) != 2 {
		t.Fatalf("%v", l)
	}
	if got := l.overlap(min_(5), min_(35)); got != 20*time.Minute {
		t.Errorf("overlap %v", got)
	}
	l.remove(min_(15), min_(32))
	if got := l.overlap(min_(0), min_(60)); got != 23*time.Minute {
		t.Errorf("after remove %v", got)
	}
	l.prune(min_(15))
	if got := l.overlap(min_(0), min_(60)); got != 8*time.Minute {
		t.Errorf("after prune %v", got)
	}
}
