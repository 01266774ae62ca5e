package schedule

import (
	"reflect"
	"testing"
	"time"
)

var dnd = Inputs{DoNotDisturb: true}

func TestDoNotDisturbDefers(t *testing.T) {
	e := New(only(utcConfig(), Posture), t0)
	if acts := e.Advance(min_(0), dnd); len(acts) != 0 {
		t.Fatal(acts)
	}
	if acts := e.Advance(min_(20), dnd); len(acts) != 0 {
		t.Fatalf("no warning and no break under do-not-disturb: %v", acts)
	}
	st := e.Status(min_(20))
	if st.Waiting != Posture || st.State != Running {
		t.Fatalf("%+v", st)
	}
	a, ok := e.Next(min_(20))
	if !ok || a.Type != Due || a.Kind != Posture || !a.At.Equal(min_(50)) {
		t.Fatalf("Next = %v, want the break at the end of the 30m deferral", a)
	}
	acts := drive(t, e, min_(20), min_(50), dnd)
	if len(acts) != 1 || !sameAction(acts[0], a) {
		t.Fatalf("got %v, want %v", acts, a)
	}

	// Do-not-disturb ending releases the break at that moment.
	e = New(only(utcConfig(), Posture), t0)
	e.Advance(min_(0), dnd)
	e.Advance(min_(20), dnd)
	acts = e.Advance(min_(27), Inputs{})
	if len(acts) != 1 || acts[0].Type != Due || !acts[0].At.Equal(min_(27)) {
		t.Fatalf("when do-not-disturb ends: %v", acts)
	}
}

func TestDeferredBreaksNeverPileUp(t *testing.T) {
	cfg := utcConfig()
	cfg.MaxDeferral = 3 * time.Hour
	e := New(cfg, t0)
	e.Advance(min_(0), dnd)
	for _, c := range []struct {
		m       int
		waiting Kind
	}{{20, Posture}, {59, Posture}, {60, Mobility}, {119, Mobility}, {120, Rest}, {129, Rest}} {
		if acts := e.Advance(min_(c.m), dnd); len(acts) != 0 {
			t.Fatalf("at %d: %v", c.m, acts)
		}
		if st := e.Status(min_(c.m)); st.Waiting != c.waiting {
			t.Errorf("at %d waiting %q, want %q", c.m, st.Waiting, c.waiting)
		}
	}
	acts := e.Advance(min_(130), Inputs{})
	want := Action{Type: Due, Kind: Rest, At: min_(130), Covers: []Kind{Posture, Mobility}}
	if len(acts) != 1 || !sameAction(acts[0], want) {
		t.Fatalf("got %v, want only %v", acts, want)
	}
	if err := e.Complete(Rest, min_(140)); err != nil {
		t.Fatal(err)
	}
	if acts := e.Advance(min_(141), Inputs{}); len(acts) != 0 {
		t.Errorf("after the one break nothing is owed: %v", acts)
	}
	if a, _ := e.Next(min_(141)); a.Type != Warn || a.Kind != Posture || !a.At.Equal(min_(160).Add(-10*time.Second)) {
		t.Errorf("Next = %v", a)
	}
}

func TestMaxDeferralCountsFromFallingDue(t *testing.T) {
	e := New(only(utcConfig(), Posture, Mobility), t0)
	e.Advance(min_(0), dnd)
	acts := drive(t, e, min_(0), min_(50), dnd)
	if got := types(acts); !reflect.DeepEqual(got, []string{"due posture"}) || !acts[0].At.Equal(min_(50)) {
		t.Fatalf("%v", acts)
	}
	if err := e.Complete(Posture, min_(50)); err != nil {
		t.Fatal(err)
	}
	// Mobility falls due at 60 (active time) under do-not-disturb: it may
	// be held until 90, not until posture's old deadline.
	acts = drive(t, e, min_(50), min_(90), dnd)
	if got := types(acts); !reflect.DeepEqual(got, []string{"due mobility"}) || !acts[0].At.Equal(min_(90)) {
		t.Fatalf("%v", acts)
	}
}

func TestDeferralNeverStartsWhileAway(t *testing.T) {
	e := New(only(utcConfig(), Mobility), t0)
	e.Advance(min_(0), dnd)
	e.Advance(min_(60), dnd)
	away := Inputs{DoNotDisturb: true, IdleFor: 2 * time.Minute}
	if acts := e.Advance(min_(91), away); len(acts) != 0 {
		t.Fatalf("deadline passed while away: %v", acts)
	}
	acts := e.Advance(min_(91).Add(time.Second), Inputs{DoNotDisturb: true, IdleFor: time.Second})
	if len(acts) != 1 || acts[0].Type != Due || !acts[0].At.Equal(min_(91)) {
		t.Fatalf("on return after the deadline: %v", acts)
	}
}

func TestWarnOnlyWhenPresent(t *testing.T) {
	e := New(only(utcConfig(), Rest), t0)
	acts := e.Advance(min_(119), Inputs{IdleFor: 45 * time.Second})
	if len(acts) != 0 {
		t.Fatalf("a warning to an empty chair: %v", acts)
	}
	e = New(only(utcConfig(), Rest), t0)
	acts = e.Advance(min_(119), Inputs{IdleFor: 20 * time.Second})
	if len(acts) != 1 || acts[0].Type != Warn || acts[0].Lead != time.Minute {
		t.Fatalf("%v", acts)
	}
}

func TestPostponeDoesNotRestartDeferral(t *testing.T) {
	e := New(only(utcConfig(), Posture), t0)
	e.Advance(min_(0), dnd)
	acts := drive(t, e, min_(0), min_(50), dnd)
	if len(acts) != 1 || acts[0].Type != Due || !acts[0].At.Equal(min_(50)) {
		t.Fatalf("%v", acts)
	}
	if err := e.Postpone(Posture, min_(50)); err != nil {
		t.Fatal(err)
	}
	acts = drive(t, e, min_(50), min_(56), dnd)
	if len(acts) != 1 || acts[0].Type != Due || !acts[0].At.Equal(min_(55)) {
		t.Fatalf("the postponed break returns after 5 minutes even under do-not-disturb: %v", acts)
	}
}
