package prefs

import (
	"time"

	"github.com/limberapp/limber/schedule"
)

// Break is the configuration of one break kind.
type Break struct {
	Enabled    bool
	Every      time.Duration
	Duration   time.Duration
	WarnBefore time.Duration
}

// Config is every setting, typed.
type Config struct {
	Breaks             map[string]Break
	Strict             bool
	PostponeFor        time.Duration
	MaxPostpones       int
	StrictMaxPostpones int
	SkipBudget         int
	ResumeAt           string // "HH:MM"
	OpenWindow         bool
	Fullscreen         bool
	Sound              bool
	DisabledExercises  []string
	AvoidAreas         []string
}

// Defaults returns the settings with every key at its default.
func Defaults() Config {
	c := Config{Breaks: map[string]Break{}}
	for _, k := range Keys {
		k.set(&c, cloneValue(k.Default))
	}
	return c
}

func cloneValue(v any) any {
	if s, ok := v.([]string); ok {
		return append([]string{}, s...)
	}
	return v
}

// Schedule converts the settings into the scheduling engine's Config.
func (c Config) Schedule() schedule.Config {
	sc := schedule.DefaultConfig()
	sc.Breaks = map[schedule.Kind]schedule.BreakConfig{}
	for _, k := range schedule.Kinds {
		b := c.Breaks[string(k)]
		sc.Breaks[k] = schedule.BreakConfig{Enabled: b.Enabled, Every: b.Every, Duration: b.Duration, WarnBefore: b.WarnBefore}
	}
	sc.Strict = c.Strict
	sc.PostponeFor = c.PostponeFor
	sc.MaxPostpones = c.MaxPostpones
	sc.StrictMaxPostpones = c.StrictMaxPostpones
	sc.SkipBudget = c.SkipBudget
	if h, m, ok := parseClock(c.ResumeAt); ok {
		sc.ResumeHour = time.Duration(h)*time.Hour + time.Duration(m)*time.Minute
	}
	return sc
}

// parseClock reads "HH:MM" (24-hour).
func parseClock(s string) (h, m int, ok bool) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, 0, false
	}
	return t.Hour(), t.Minute(), true
}
