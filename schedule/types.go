package schedule

import (
	"errors"
	"time"
)

// Kind is a break kind driven by active time.
type Kind string

// The active-time break kinds, shortest first.
const (
	Posture  Kind = "posture"
	Mobility Kind = "mobility"
	Rest     Kind = "rest"
)

// Kinds lists every break kind, shortest default duration first.
var Kinds = []Kind{Posture, Mobility, Rest}

// ParseKind returns the Kind named s, or an error naming the accepted values.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", &KindError{Got: s}
}

// KindError is ParseKind's error: s names no break kind.
type KindError struct{ Got string }

func (e *KindError) Error() string {
	return `unknown break kind "` + e.Got + `": expected posture, mobility or rest`
}

// BreakConfig is the configuration of one break kind.
type BreakConfig struct {
	Enabled    bool
	Every      time.Duration // active time between breaks
	Duration   time.Duration // how long the break lasts
	WarnBefore time.Duration // warning lead, in active time; 0 = no warning
}

// Config is everything the engine needs to know about the person's settings.
type Config struct {
	Breaks map[Kind]BreakConfig

	PostponeFor        time.Duration // active time a postpone adds (default 5m)
	MaxPostpones       int           // postpones allowed per break occurrence (default 3); <0 = none
	Strict             bool          // no skip; postpones limited to StrictMaxPostpones
	StrictMaxPostpones int           // postpones allowed in strict mode (default 1); <0 = none
	SkipBudget         int           // skips allowed per local day; <0 = unlimited (default 3)
	ResumeHour         time.Duration // "until tomorrow" ends at this local time of day (default 6h)
	CoalesceWithin     time.Duration // a longer break due within this of a due shorter one is taken instead (default 5m)

	// Idle handling (the idle source's readings arrive through Engine.Advance).
	IdleThreshold time.Duration // idle at least this long stops active-time accounting; 0 = default 5m

	// Hours is the working-hours calendar; nil means always inside hours.
	Hours *Hours

	// MaxDeferral is how long a do-not-disturb signal may hold a due break (default 30m).
	MaxDeferral time.Duration

	Location *time.Location // local time zone for days and hours; nil = time.Local
}

// Span is a half-open range of local time of day [From, To). To may be
// less than From for a range that crosses midnight (e.g. 22:00–02:00).
type Span struct {
	From, To time.Duration // offsets from local midnight
}

// Hours is a per-weekday list of working-time ranges.
type Hours struct {
	Days [7][]Span // indexed by time.Weekday
}

// State is the engine's overall state, as `limber status` reports it.
type State string

// The states `limber status --json` reports.
const (
	Running      State = "running"
	Paused       State = "paused"
	Idle         State = "idle"
	InBreak      State = "in_break"
	OutsideHours State = "outside_hours"
)

// ActionType says what the agent should do.
type ActionType int

// What the agent does at a deadline.
const (
	// Warn: notify that Kind is due in Lead.
	Warn ActionType = iota + 1
	// Due: Kind's break starts now; the agent notifies and opens the window.
	Due
	// Natural: the person was away long enough that Kind counts as taken; journal it.
	Natural
	// Wake: nothing to show, but the state changed (pause ended, hours began);
	// the agent refreshes the tray.
	Wake
)

func (t ActionType) String() string {
	switch t {
	case Warn:
		return "warn"
	case Due:
		return "due"
	case Natural:
		return "natural"
	case Wake:
		return "wake"
	}
	return "unknown"
}

// Action is one thing for the agent to do.
type Action struct {
	Type ActionType
	Kind Kind          // empty for Wake
	At   time.Time     // when it happens (wall clock)
	Lead time.Duration // for Warn: active time left before the break
	// Covers lists the shorter kinds a coalesced Due also resets.
	Covers []Kind
}

// NextBreak is one entry of Status.Next.
type NextBreak struct {
	Kind          Kind
	In            time.Duration // active time until due (0 if due now or waiting)
	PostponesLeft int
	Postponed     int
}

// Status is a snapshot for the tray, the tooltip and `limber status`.
type Status struct {
	State       State
	InBreak     Kind        // set when State == InBreak
	BreakEnds   time.Time   // when the current break's duration is over
	PausedUntil time.Time   // zero unless paused
	HoursResume time.Time   // when outside_hours ends (zero if not outside)
	Next        []NextBreak // every enabled kind, soonest first
	SkipsLeft   int         // today; -1 = unlimited
	Waiting     Kind        // a break that fell due while away or deferred, waiting
}

// Inputs are the signals from the platform the engine observes.
type Inputs struct {
	// IdleFor is how long since the last keyboard or mouse input. Use 0
	// when no idle source is available (the person counts as active).
	IdleFor time.Duration
	// DoNotDisturb is true while breaks should be deferred (DND, full
	// screen, camera in use, a listed application).
	DoNotDisturb bool
}

// Errors from the person's requests.
var (
	ErrStrict        = errors.New("strict mode is on: breaks cannot be skipped")
	ErrSkipBudget    = errors.New("no skips left today")
	ErrPostponeLimit = errors.New("no postpones left for this break")
	ErrNotInBreak    = errors.New("that break is not in progress")
	ErrDisabled      = errors.New("that break kind is disabled")
)
