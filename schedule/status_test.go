package schedule

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestStatus(t *testing.T) {
	loc := berlin(t)
	now := at(loc, 2026, 3, 2, 9, 0, 0)
	cfg := DefaultConfig()
	cfg.Location = loc
	e := New(cfg, now)
	st := e.Status(now)
	if st.State != Running || st.SkipsLeft != 3 || st.Waiting != "" || !st.PausedUntil.IsZero() {
		t.Errorf("fresh status %+v", st)
	}
	var order []Kind
	for _, n := range st.Next {
		order = append(order, n.Kind)
		if n.PostponesLeft != 3 || n.Postponed != 0 {
			t.Errorf("%+v", n)
		}
	}
	if !reflect.DeepEqual(order, []Kind{Posture, Mobility, Rest}) {
		t.Errorf("Next order %v", order)
	}
	a, _ := e.StartNow(Rest, now.Add(time.Minute))
	st = e.Status(now.Add(time.Minute))
	if st.State != InBreak || st.InBreak != Rest || !st.BreakEnds.Equal(a.At.Add(10*time.Minute)) {
		t.Errorf("in break: %+v", st)
	}
	if err := e.Skip(Rest, now.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if st = e.Status(now.Add(2 * time.Minute)); st.SkipsLeft != 2 || st.State != Running {
		t.Errorf("after a skip: %+v", st)
	}
	e.Pause(now.Add(3*time.Minute), time.Hour)
	if st = e.Status(now.Add(3 * time.Minute)); st.State != Paused || !st.PausedUntil.Equal(now.Add(63*time.Minute)) {
		t.Errorf("paused: %+v", st)
	}
	cfg.SkipBudget = -1
	e.SetConfig(cfg, now.Add(4*time.Minute))
	if st = e.Status(now.Add(4 * time.Minute)); st.SkipsLeft != -1 {
		t.Errorf("unlimited skips: %+v", st)
	}
}

func TestStatusStates(t *testing.T) {
	loc := berlin(t)
	cfg := DefaultConfig()
	cfg.Location = loc
	cfg.Hours = officeHours(t)
	now := at(loc, 2026, 3, 2, 8, 0, 0)
	e := New(cfg, now)
	if st := e.Status(now); st.State != OutsideHours || !st.HoursResume.Equal(at(loc, 2026, 3, 2, 9, 0, 0)) {
		t.Errorf("%+v", st)
	}
	now = at(loc, 2026, 3, 2, 9, 10, 0)
	e.Advance(now, Inputs{IdleFor: 6 * time.Minute})
	if st := e.Status(now); st.State != Idle || !st.HoursResume.IsZero() {
		t.Errorf("%+v", st)
	}
	e.Pause(now, 0)
	if st := e.Status(now); st.State != Paused || !st.PausedUntil.IsZero() {
		t.Errorf("paused until resumed: %+v", st)
	}
	e.Resume(now)
	if st := e.Status(now); st.State != Running {
		t.Errorf("%+v", st)
	}
}

func TestActionString(t *testing.T) {
	a := Action{Type: Due, Kind: Rest, At: time.Date(2026, 3, 2, 11, 0, 0, 0, time.UTC), Covers: []Kind{Posture, Mobility}}
	if got := a.String(); got != "due rest at 2026-03-02 11:00:00 UTC covers [posture mobility]" {
		t.Errorf("%q", got)
	}
	w := Action{Type: Warn, Kind: Posture, At: a.At, Lead: 10 * time.Second}
	if got := w.String(); !strings.Contains(got, "warn posture") || !strings.Contains(got, "(in 10s)") {
		t.Errorf("%q", got)
	}
	if ActionType(0).String() != "unknown" || Wake.String() != "wake" || Natural.String() != "natural" {
		t.Error("ActionType names")
	}
}
