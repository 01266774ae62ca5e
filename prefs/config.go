package prefs

import (
	"strings"
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
	Prestart           bool
	Sound              bool
	DisabledExercises  []string
	AvoidAreas         []string

	IdleEnabled   bool
	IdleThreshold time.Duration

	HoursEnabled bool
	Hours        [7][]string // by time.Weekday: "09:00-17:30" ranges

	DNDDesktop     bool
	DNDFullscreen  bool
	DNDCamera      bool
	DNDApps        []string
	DNDMaxDeferral time.Duration

	LiftingRefresher     bool
	LiftingEveryDays     int
	LiftingDays          []string
	LiftingAt            string
	WorkstationCheckin   bool
	WorkstationEveryDays int
	WorkstationAt        string

	Language string // "auto" or a language tag with a catalog: "en", "de", "es"

	// Locked lists the keys the administrator's file locks, with why.
	Locked map[string]string
}

// Calendar lists the calendar-driven items the settings turn on: the
// lifting refresher (every N days, and each morning of lifting days) and
// the workstation check-in.
func (c Config) Calendar() []schedule.CalendarItem {
	var items []schedule.CalendarItem
	at := func(s string) time.Duration {
		h, m, _ := parseClock(s)
		return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute
	}
	if c.LiftingRefresher {
		items = append(items, schedule.CalendarItem{ID: "lifting", Every: time.Duration(c.LiftingEveryDays) * 24 * time.Hour, At: at(c.LiftingAt)})
		if len(c.LiftingDays) > 0 {
			var days []time.Weekday
			for _, name := range c.LiftingDays {
				for _, d := range weekdays {
					if strings.EqualFold(d.String(), name) {
						days = append(days, d)
					}
				}
			}
			items = append(items, schedule.CalendarItem{ID: "lifting-day", Weekdays: days, At: at("08:30")})
		}
	}
	if c.WorkstationCheckin {
		items = append(items, schedule.CalendarItem{ID: "workstation", Every: time.Duration(c.WorkstationEveryDays) * 24 * time.Hour, At: at(c.WorkstationAt)})
	}
	return items
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
	if c.IdleEnabled {
		sc.IdleThreshold = c.IdleThreshold
	}
	sc.MaxDeferral = c.DNDMaxDeferral
	if c.HoursEnabled {
		h := &schedule.Hours{}
		for d, spans := range c.Hours {
			for _, s := range spans {
				if sp, err := schedule.ParseSpan(s); err == nil {
					h.Days[d] = append(h.Days[d], sp)
				}
			}
		}
		sc.Hours = h
	}
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
