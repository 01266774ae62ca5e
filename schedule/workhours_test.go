package schedule

import (
	"reflect"
	"testing"
	"time"
)

func officeHours(t testing.TB) *Hours {
	t.Helper()
	var h Hours
	for wd := time.Monday; wd <= time.Friday; wd++ {
		for _, s := range []string{"09:00-12:30", "13:15-17:30"} {
			sp, err := ParseSpan(s)
			if err != nil {
				t.Fatal(err)
			}
			h.Days[wd] = append(h.Days[wd], sp)
		}
	}
	return &h
}

// runCompleting follows Next/Advance from now to end with a present
// person, completing each break at once, and returns every action.
func runCompleting(t *testing.T, e *Engine, now, end time.Time) []Action {
	t.Helper()
	var all []Action
	for range 100000 {
		a, ok := e.Next(now)
		if !ok || a.At.After(end) {
			return append(all, e.Advance(end, Inputs{})...)
		}
		now = later(now, a.At)
		acts := e.Advance(now, Inputs{})
		if len(acts) == 0 || !sameAction(acts[0], a) {
			t.Fatalf("Next promised %v, Advance gave %v", a, acts)
		}
		for _, act := range acts {
			if act.Type == Due {
				if err := e.Complete(act.Kind, now); err != nil {
					t.Fatal(err)
				}
			}
		}
		all = append(all, acts...)
	}
	t.Fatal("too many steps")
	return nil
}

func TestWorkingHours(t *testing.T) {
	loc := berlin(t)
	cfg := DefaultConfig()
	cfg.Location = loc
	cfg.Hours = officeHours(t)
	mon := at(loc, 2026, 3, 2, 8, 0, 0)
	e := New(cfg, mon)
	st := e.Status(mon)
	if st.State != OutsideHours || !st.HoursResume.Equal(at(loc, 2026, 3, 2, 9, 0, 0)) {
		t.Fatalf("%+v", st)
	}
	a, ok := e.Next(mon)
	if !ok || a.Type != Wake || !a.At.Equal(at(loc, 2026, 3, 2, 9, 0, 0)) {
		t.Fatalf("Next = %v", a)
	}
	acts := runCompleting(t, e, mon, at(loc, 2026, 3, 3, 8, 0, 0))
	var wakes []time.Time
	var dues int
	for _, act := range acts {
		switch act.Type {
		case Wake:
			wakes = append(wakes, act.At)
		case Due:
			dues++
			if !cfg.Hours.Contains(act.At, loc) {
				t.Errorf("break outside working hours: %v", act)
			}
		}
	}
	want := []time.Time{at(loc, 2026, 3, 2, 9, 0, 0), at(loc, 2026, 3, 2, 12, 30, 0), at(loc, 2026, 3, 2, 13, 15, 0), at(loc, 2026, 3, 2, 17, 30, 0)}
	if !reflect.DeepEqual(wakes, want) {
		t.Errorf("wakes %v, want %v", wakes, want)
	}
	// 3.5h + 4.25h of hours: about 23 breaks, fewer with the coalescing.
	if dues < 15 || dues > 23 {
		t.Errorf("%d breaks in a day", dues)
	}
	st = e.Status(at(loc, 2026, 3, 3, 8, 0, 0))
	if st.State != OutsideHours || !st.HoursResume.Equal(at(loc, 2026, 3, 3, 9, 0, 0)) {
		t.Errorf("%+v", st)
	}
}

func TestLunchGapResetsAndStopsTheClock(t *testing.T) {
	loc := berlin(t)
	cfg := only(DefaultConfig(), Posture, Rest)
	cfg.Location = loc
	cfg.Hours = officeHours(t)
	now := at(loc, 2026, 3, 2, 12, 15, 0)
	e := New(cfg, now)
	// 15 minutes before lunch, then lunch: posture at 20 must not fire in
	// the gap, and the 45-minute gap is a rest break.
	acts := runCompleting(t, e, now, at(loc, 2026, 3, 2, 13, 15, 0))
	if got := types(acts); !reflect.DeepEqual(got, []string{"wake", "wake"}) {
		t.Fatalf("%v", acts)
	}
	for _, n := range e.Status(now).Next {
		if n.In != cfg.Breaks[n.Kind].Every {
			t.Errorf("%s due in %v after the lunch gap", n.Kind, n.In)
		}
	}
	// A short gap is not a rest: the clock only stops.
	var h Hours
	h.Days[time.Monday] = []Span{{9 * time.Hour, 10 * time.Hour}, {10*time.Hour + 5*time.Minute, 12 * time.Hour}}
	cfg.Hours = &h
	e = New(cfg, at(loc, 2026, 3, 2, 9, 50, 0))
	e.Advance(at(loc, 2026, 3, 2, 10, 10, 0), Inputs{})
	if got := mustIn(t, e, now, Rest); got != 105*time.Minute {
		t.Errorf("rest due in %v, want 105m (10+5 minutes counted)", got)
	}
}

// nightShift is Saturday 22:00-04:00 (into Sunday).
func nightShift(t *testing.T) *Hours {
	var h Hours
	sp, err := ParseSpan("22:00-04:00")
	if err != nil {
		t.Fatal(err)
	}
	h.Days[time.Saturday] = []Span{sp}
	return &h
}

func TestHoursAcrossMidnightAndDST(t *testing.T) {
	loc := berlin(t)
	for _, c := range []struct {
		name   string
		sat    int
		month  time.Month
		active time.Duration
	}{
		{"ordinary night", 7, time.March, 6 * time.Hour},
		{"spring forward", 28, time.March, 5 * time.Hour},
		{"fall back", 24, time.October, 7 * time.Hour},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := only(DefaultConfig(), Rest)
			cfg.Breaks[Rest] = BreakConfig{Enabled: true, Every: 24 * time.Hour, Duration: 10 * time.Minute}
			cfg.Location = loc
			cfg.Hours = nightShift(t)
			start := at(loc, 2026, c.month, c.sat, 20, 0, 0)
			e := New(cfg, start)
			end := at(loc, 2026, c.month, c.sat+1, 12, 0, 0)
			acts := drive(t, e, start, end, Inputs{})
			want := []Action{
				{Type: Wake, At: at(loc, 2026, c.month, c.sat, 22, 0, 0)},
				{Type: Wake, At: at(loc, 2026, c.month, c.sat+1, 4, 0, 0)},
			}
			if len(acts) != 2 || !sameAction(acts[0], want[0]) || !sameAction(acts[1], want[1]) {
				t.Fatalf("got %v, want %v", acts, want)
			}
			if got := 24*time.Hour - mustIn(t, e, end, Rest); got != c.active {
				t.Errorf("counted %v of active time, want %v", got, c.active)
			}
			st := e.Status(end)
			if st.State != OutsideHours || !st.HoursResume.Equal(at(loc, 2026, c.month, c.sat+7, 22, 0, 0)) {
				t.Errorf("%+v", st)
			}
			if a, _ := e.Next(end); a.Type != Wake || !a.At.Equal(st.HoursResume) {
				t.Errorf("Next = %v", a)
			}
		})
	}
	t.Run("breaks only inside the night", func(t *testing.T) {
		cfg := DefaultConfig()
		cfg.Location = loc
		cfg.Hours = nightShift(t)
		start := at(loc, 2026, 10, 24, 21, 0, 0)
		e := New(cfg, start)
		acts := runCompleting(t, e, start, at(loc, 2026, 10, 25, 12, 0, 0))
		var dues int
		for _, a := range acts {
			if a.Type == Due {
				dues++
				if !cfg.Hours.Contains(a.At, loc) {
					t.Errorf("break outside hours: %v", a)
				}
			}
		}
		// 7 hours of active time: a break every 20 minutes, the last at
		// 400 minutes.
		if dues != 20 {
			t.Errorf("%d breaks in a 7-hour night", dues)
		}
	})
}
