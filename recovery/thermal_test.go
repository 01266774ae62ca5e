package recovery

import (
	"strings"
	"testing"
	"time"
)

func TestThermalTimerLengthIsMaxMinutes(t *testing.T) {
	tt := newPlan(t, 5).ThermalTimer(at(1, 12))
	if tt.Length("ice") != 20*time.Minute || tt.Length("heat") != 20*time.Minute {
		t.Fatalf("lengths %v %v", tt.Length("ice"), tt.Length("heat"))
	}
	if r, _ := tt.Rule("ice"); r.Gap != 2*time.Hour || r.Min != 15*time.Minute || len(r.Rules) == 0 {
		t.Fatalf("ice rule %+v", r)
	}
}

// mobilized is a plan moved on to mobilize by a good day-3 check-in.
func mobilized(t *testing.T) *Plan {
	t.Helper()
	p := newPlan(t, 5)
	checkin(t, p, 3, Checkin{Pain: 4})
	return p
}

func TestThermalPhases(t *testing.T) {
	p := mobilized(t)
	if ok, why := p.ThermalTimer(at(1, 12)).CanStart("ice", at(1, 12), nil); !ok {
		t.Fatalf("ice on day 1: %s", why)
	}
	ok, why := p.ThermalTimer(at(1, 12)).CanStart("heat", at(1, 12), nil)
	if ok || !strings.Contains(why, "not part of the Protect") || !strings.Contains(why, "Use ice instead") {
		t.Fatalf("heat on day 1: %v %q", ok, why)
	}
	if ok, why := p.ThermalTimer(at(5, 12)).CanStart("ice", at(5, 12), nil); ok || !strings.Contains(why, "Use heat instead") {
		t.Fatalf("ice on day 5: %v %q", ok, why)
	}
	if ok, why := p.ThermalTimer(at(5, 12)).CanStart("heat", at(5, 12), nil); !ok {
		t.Fatalf("heat on day 5: %s", why)
	}
	if ok, why := p.ThermalTimer(at(5, 12)).CanStart("steam", at(5, 12), nil); ok || !strings.Contains(why, "ice or heat") {
		t.Fatalf("unknown kind: %v %q", ok, why)
	}
	var none *Plan
	if ok, why := none.ThermalTimer(at(5, 12)).CanStart("ice", at(5, 12), nil); ok || !strings.Contains(why, "No recovery plan") {
		t.Fatalf("no plan: %v %q", ok, why)
	}
}

func TestThermalGapAndRunningSession(t *testing.T) {
	tt := newPlan(t, 5).ThermalTimer(at(1, 12))
	start := at(1, 9)
	running := []Session{{Kind: "ice", Start: start}}
	if ok, why := tt.CanStart("ice", start.Add(10*time.Minute), running); ok || !strings.Contains(why, "already running until 09:20") {
		t.Fatalf("during a session: %v %q", ok, why)
	}
	done := []Session{{Kind: "ice", Start: start, End: start.Add(15 * time.Minute)}}
	if ok, why := tt.CanStart("ice", start.Add(2*time.Hour+14*time.Minute), done); ok || !strings.Contains(why, "at least 2 hours") || !strings.Contains(why, "11:15") {
		t.Fatalf("1 min short of the gap: %v %q", ok, why)
	}
	if ok, why := tt.CanStart("ice", start.Add(2*time.Hour+15*time.Minute), done); !ok {
		t.Fatalf("after the gap: %s", why)
	}
}

func TestIceAtMostFourTimesADay(t *testing.T) {
	tt := newPlan(t, 5).ThermalTimer(at(1, 12))
	var s []Session
	for h := 7; h <= 16; h += 3 {
		s = append(s, Session{Kind: "ice", Start: at(1, h), End: at(1, h).Add(20 * time.Minute)})
	}
	if ok, why := tt.CanStart("ice", at(1, 20), s); ok || !strings.Contains(why, "4 ice sessions today") {
		t.Fatalf("fifth session: %v %q", ok, why)
	}
	if ok, why := tt.CanStart("ice", at(2, 9), s); !ok {
		t.Fatalf("next morning: %s", why)
	}
}

func TestNeverHeatAtNight(t *testing.T) {
	tt := mobilized(t).ThermalTimer(at(5, 12))
	for _, tc := range []struct {
		hour, min int
		ok        bool
	}{{6, 59, false}, {7, 0, true}, {21, 40, true}, {21, 41, false}, {22, 0, false}, {23, 30, false}, {2, 0, false}} {
		now := at(5, 0).Add(time.Duration(tc.hour)*time.Hour + time.Duration(tc.min)*time.Minute)
		ok, why := tt.CanStart("heat", now, nil)
		if ok != tc.ok {
			t.Errorf("%02d:%02d: ok=%v %q", tc.hour, tc.min, ok, why)
		}
		if !ok && !strings.Contains(why, "asleep") {
			t.Errorf("%02d:%02d: the reason should say why: %q", tc.hour, tc.min, why)
		}
	}
}
