package schedule

import "time"

// The default break kinds follow the evidence summarised in the project's
// research notes: 30-second microbreaks every 20 minutes (McLean et al.
// 2001; the 20-20-20 eye rule), a few minutes of movement each hour
// (Galinsky et al. 2000, 2007), and a longer step away every two hours.
var defaultBreaks = map[Kind]BreakConfig{
	Posture:  {Enabled: true, Every: 20 * time.Minute, Duration: 30 * time.Second, WarnBefore: 10 * time.Second},
	Mobility: {Enabled: true, Every: 60 * time.Minute, Duration: 3 * time.Minute, WarnBefore: 30 * time.Second},
	Rest:     {Enabled: true, Every: 120 * time.Minute, Duration: 10 * time.Minute, WarnBefore: 60 * time.Second},
}

// Default values of the scalar knobs.
const (
	DefaultPostponeFor        = 5 * time.Minute
	DefaultMaxPostpones       = 3
	DefaultStrictMaxPostpones = 1
	DefaultSkipBudget         = 3
	DefaultResumeHour         = 6 * time.Hour
	DefaultCoalesceWithin     = 5 * time.Minute
	DefaultIdleThreshold      = 5 * time.Minute
	DefaultMaxDeferral        = 30 * time.Minute
)

// DefaultConfig returns the default settings: posture 30 s every 20 min
// (warned 10 s before), mobility 3 min every 60 min (30 s), rest 10 min
// every 120 min (60 s), with the default scalar knobs. Hours is nil
// (always inside working hours) and Location nil (time.Local).
func DefaultConfig() Config {
	c := Config{Breaks: make(map[Kind]BreakConfig, len(defaultBreaks))}
	for k, b := range defaultBreaks {
		c.Breaks[k] = b
	}
	c.MaxPostpones = DefaultMaxPostpones
	c.StrictMaxPostpones = DefaultStrictMaxPostpones
	c.SkipBudget = DefaultSkipBudget
	c.ResumeHour = DefaultResumeHour
	return c.WithDefaults()
}

// DefaultBreak returns the default configuration of kind k.
func DefaultBreak(k Kind) BreakConfig { return defaultBreaks[k] }

// WithDefaults returns c with every unset duration knob — PostponeFor,
// CoalesceWithin, IdleThreshold, MaxDeferral at zero — set to its default.
// Breaks, Hours and Location are left as they are, and so are the knobs
// whose zero is a setting of its own: MaxPostpones and StrictMaxPostpones
// 0 allow no postpones, SkipBudget 0 allows no skips and ResumeHour 0 is
// midnight (start from DefaultConfig for their defaults). A negative
// MaxPostpones or StrictMaxPostpones also allows none, and a negative
// SkipBudget allows unlimited skips.
func (c Config) WithDefaults() Config {
	if c.PostponeFor == 0 {
		c.PostponeFor = DefaultPostponeFor
	}
	if c.CoalesceWithin == 0 {
		c.CoalesceWithin = DefaultCoalesceWithin
	}
	if c.IdleThreshold == 0 {
		c.IdleThreshold = DefaultIdleThreshold
	}
	if c.MaxDeferral == 0 {
		c.MaxDeferral = DefaultMaxDeferral
	}
	return c
}
