package schedule

import (
	"testing"
	"time"
)

func TestDefaultConfig(t *testing.T) {
	c := DefaultConfig()
	want := map[Kind][3]time.Duration{
		Posture:  {20 * time.Minute, 30 * time.Second, 10 * time.Second},
		Mobility: {60 * time.Minute, 3 * time.Minute, 30 * time.Second},
		Rest:     {120 * time.Minute, 10 * time.Minute, 60 * time.Second},
	}
	for k, w := range want {
		b := c.Breaks[k]
		if !b.Enabled || b.Every != w[0] || b.Duration != w[1] || b.WarnBefore != w[2] {
			t.Errorf("%s: %+v", k, b)
		}
		if DefaultBreak(k) != b {
			t.Errorf("DefaultBreak(%s)", k)
		}
	}
	if c.PostponeFor != 5*time.Minute || c.MaxPostpones != 3 || c.StrictMaxPostpones != 1 || c.SkipBudget != 3 ||
		c.ResumeHour != 6*time.Hour || c.CoalesceWithin != 5*time.Minute || c.IdleThreshold != 5*time.Minute || c.MaxDeferral != 30*time.Minute {
		t.Errorf("%+v", c)
	}
	if c.Strict || c.Hours != nil || c.Location != nil {
		t.Errorf("%+v", c)
	}
	// Each call returns its own map.
	c.Breaks[Posture] = BreakConfig{}
	if !DefaultConfig().Breaks[Posture].Enabled {
		t.Error("DefaultConfig shares its Breaks map")
	}
}

func TestWithDefaults(t *testing.T) {
	c := Config{PostponeFor: time.Minute, SkipBudget: -1, MaxPostpones: -1}.WithDefaults()
	if c.PostponeFor != time.Minute || c.SkipBudget != -1 || c.MaxPostpones != -1 {
		t.Errorf("set values must stay: %+v", c)
	}
	if c.CoalesceWithin != 5*time.Minute || c.IdleThreshold != 5*time.Minute || c.MaxDeferral != 30*time.Minute {
		t.Errorf("unset durations must be filled: %+v", c)
	}
	// A zero limit or resume hour is a setting, not "unset".
	if c.StrictMaxPostpones != 0 || c.ResumeHour != 0 {
		t.Errorf("zero limits must stay: %+v", c)
	}
	z := Config{}.WithDefaults()
	if z.MaxPostpones != 0 || z.SkipBudget != 0 || z.StrictMaxPostpones != 0 || z.ResumeHour != 0 {
		t.Errorf("zero limits must stay: %+v", z)
	}
	if c.Breaks != nil {
		t.Errorf("Breaks are not filled: %v", c.Breaks)
	}
	// A negative MaxPostpones allows none.
	cfg := only(utcConfig(), Posture)
	cfg.MaxPostpones = -1
	e := New(cfg, t0)
	e.Advance(min_(20), Inputs{})
	if err := e.Postpone(Posture, min_(20)); err != ErrPostponeLimit {
		t.Errorf("postpone with MaxPostpones -1: %v", err)
	}
}

// Zero postpones, zero skips and midnight reach the engine as set.
func TestZeroLimitsAreSettings(t *testing.T) {
	cfg := only(utcConfig(), Posture)
	cfg.MaxPostpones, cfg.SkipBudget, cfg.ResumeHour = 0, 0, 0
	e := New(cfg, t0)
	e.Advance(min_(20), Inputs{})
	if err := e.Postpone(Posture, min_(20)); err != ErrPostponeLimit {
		t.Errorf("postpone with MaxPostpones 0: %v", err)
	}
	if err := e.Skip(Posture, min_(20)); err != ErrSkipBudget {
		t.Errorf("skip with SkipBudget 0: %v", err)
	}
	e.PauseUntilTomorrow(min_(20))
	if st := e.Status(min_(20)); !st.PausedUntil.Equal(time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("pause with ResumeHour 0 ends at %v", st.PausedUntil)
	}
}
