package prefs

import (
	"errors"
	"testing"
	"time"

	"github.com/limberapp/limber/schedule"
)

// zeroFile sets every knob whose documented range includes 0 (or
// midnight) to that value.
const zeroFile = `
[breaks]
skip_budget = 0
max_postpones = 0
strict_max_postpones = 0
resume_at = "00:00"
`

// A value the person chose is never replaced: 0 postpones, 0 skips and
// midnight are valid choices, in the Config and in what reaches the engine.
func TestZeroValuesAreKept(t *testing.T) {
	cfg, probs := Load(writeFile(t, zeroFile), Options{Environ: []string{}, SystemFiles: []string{}})
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	if cfg.SkipBudget != 0 || cfg.MaxPostpones != 0 || cfg.StrictMaxPostpones != 0 || cfg.ResumeAt != "00:00" {
		t.Fatalf("Config: skip %d, postpones %d, strict postpones %d, resume %q", cfg.SkipBudget, cfg.MaxPostpones, cfg.StrictMaxPostpones, cfg.ResumeAt)
	}
	sc := cfg.Schedule()
	if sc.SkipBudget != 0 || sc.MaxPostpones != 0 || sc.StrictMaxPostpones != 0 || sc.ResumeHour != 0 {
		t.Fatalf("schedule.Config: skip %d, postpones %d, strict postpones %d, resume %v", sc.SkipBudget, sc.MaxPostpones, sc.StrictMaxPostpones, sc.ResumeHour)
	}
	// The engine fills unset knobs; these are set and stay as they are.
	if w := sc.WithDefaults(); w.SkipBudget != 0 || w.MaxPostpones != 0 || w.StrictMaxPostpones != 0 || w.ResumeHour != 0 {
		t.Fatalf("after WithDefaults: skip %d, postpones %d, strict postpones %d, resume %v", w.SkipBudget, w.MaxPostpones, w.StrictMaxPostpones, w.ResumeHour)
	}
	// The defaults, for contrast, are not zero.
	d := Defaults().Schedule()
	if d.SkipBudget != 3 || d.MaxPostpones != 3 || d.StrictMaxPostpones != 1 || d.ResumeHour != 6*time.Hour {
		t.Fatalf("defaults: %+v", d)
	}
}

var zeroT0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) // a Monday

// zeroEngine loads text and starts an engine over it with posture breaks
// alone, in UTC, at zeroT0.
func zeroEngine(t *testing.T, text string) *schedule.Engine {
	t.Helper()
	cfg, probs := Load(writeFile(t, text), Options{Environ: []string{}, SystemFiles: []string{}})
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	for _, k := range []string{"mobility", "rest"} {
		b := cfg.Breaks[k]
		b.Enabled = false
		cfg.Breaks[k] = b
	}
	sc := cfg.Schedule()
	sc.Location = time.UTC
	return schedule.New(sc, zeroT0)
}

// dueNow advances e through 20 active minutes and returns the time the
// posture break fell due.
func dueNow(t *testing.T, e *schedule.Engine) time.Time {
	t.Helper()
	now := zeroT0.Add(20 * time.Minute)
	for _, a := range e.Advance(now, schedule.Inputs{}) {
		if a.Type == schedule.Due && a.Kind == schedule.Posture {
			return now
		}
	}
	t.Fatal("the posture break did not fall due after 20 active minutes")
	return now
}

func TestZeroMaxPostponesRefusesTheFirstPostpone(t *testing.T) {
	e := zeroEngine(t, "[breaks]\nmax_postpones = 0\n")
	if err := e.Postpone(schedule.Posture, dueNow(t, e)); !errors.Is(err, schedule.ErrPostponeLimit) {
		t.Fatalf("first postpone with max_postpones = 0: %v, want ErrPostponeLimit", err)
	}
	// The default allows it.
	e = zeroEngine(t, "")
	if err := e.Postpone(schedule.Posture, dueNow(t, e)); err != nil {
		t.Fatalf("first postpone with the default: %v", err)
	}
}

func TestZeroStrictMaxPostponesRefusesTheFirstPostpone(t *testing.T) {
	e := zeroEngine(t, "[breaks]\nstrict = true\nstrict_max_postpones = 0\n")
	if err := e.Postpone(schedule.Posture, dueNow(t, e)); !errors.Is(err, schedule.ErrPostponeLimit) {
		t.Fatalf("first postpone with strict_max_postpones = 0: %v, want ErrPostponeLimit", err)
	}
}

func TestZeroSkipBudgetRefusesTheFirstSkip(t *testing.T) {
	e := zeroEngine(t, "[breaks]\nskip_budget = 0\n")
	now := dueNow(t, e)
	if err := e.Skip(schedule.Posture, now); !errors.Is(err, schedule.ErrSkipBudget) {
		t.Fatalf("first skip with skip_budget = 0: %v, want ErrSkipBudget", err)
	}
	if st := e.Status(now); st.SkipsLeft != 0 {
		t.Fatalf("skips left %d, want 0", st.SkipsLeft)
	}
	// -1 is no limit.
	e = zeroEngine(t, "[breaks]\nskip_budget = -1\n")
	if err := e.Skip(schedule.Posture, dueNow(t, e)); err != nil {
		t.Fatalf("skip with skip_budget = -1: %v", err)
	}
}

func TestResumeAtMidnightResumesAtMidnight(t *testing.T) {
	e := zeroEngine(t, "[breaks]\nresume_at = \"00:00\"\n")
	e.PauseUntilTomorrow(zeroT0)
	want := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	if st := e.Status(zeroT0); st.State != schedule.Paused || !st.PausedUntil.Equal(want) {
		t.Fatalf("paused until %v (state %v), want %v", st.PausedUntil, st.State, want)
	}
}
