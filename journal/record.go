package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"
)

// Events Limber records. Event is an open set: later features may add
// their own names, and readers must tolerate names they do not know.
const (
	EventWarned    = "warned"    // a pre-break notification was shown
	EventStarted   = "started"   // the break window opened
	EventCompleted = "completed" // the person finished the break
	EventPostponed = "postponed" // the person postponed the break
	EventSkipped   = "skipped"   // the person skipped the break
	EventClosed    = "closed"    // the window was closed without a choice
	EventNatural   = "natural"   // idle long enough to count as the break
	EventCheckin   = "checkin"   // a workstation or recovery check-in
	EventQuiz      = "quiz"      // a lifting-refresher quiz
	EventActive    = "active"    // Seconds of keyboard and mouse activity since the last one (hourly)
)

// Record is one journal line.
type Record struct {
	Time     time.Time      `json:"time"`
	Event    string         `json:"event"`              // one of the Event… constants, or a newer name
	Kind     string         `json:"kind,omitempty"`     // posture, mobility, rest, lifting, workstation, recovery…
	Exercise string         `json:"exercise,omitempty"` // content ID of the exercise shown
	Outcome  string         `json:"outcome,omitempty"`
	Seconds  float64        `json:"seconds,omitempty"` // time spent
	Data     map[string]any `json:"data,omitempty"`    // event-specific extras (quiz answers, pain score…)
}

// validate reports what is wrong with r, naming the field.
func (r Record) validate() error {
	switch {
	case r.Time.IsZero():
		return errors.New(`field "time": missing; expected a timestamp`)
	case r.Event == "":
		return errors.New(`field "event": missing; expected a name such as "completed"`)
	case math.IsNaN(r.Seconds) || math.IsInf(r.Seconds, 0) || r.Seconds < 0:
		return fmt.Errorf(`field "seconds": %v; expected a finite number ≥ 0`, r.Seconds)
	}
	return nil
}

// encode returns r as one JSON line ending in '\n'. JSON escapes control
// characters inside strings, so the only newline is the final one.
func (r Record) encode() ([]byte, error) {
	if err := r.validate(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil { // Encode appends '\n'
		return nil, fmt.Errorf("encoding record: %w", err)
	}
	return buf.Bytes(), nil
}

// decodeRecord parses one line, rejecting trailing data and records that
// would not have passed validate.
func decodeRecord(line []byte) (Record, error) {
	var r Record
	if err := json.Unmarshal(line, &r); err != nil {
		return Record{}, err
	}
	if err := r.validate(); err != nil {
		return Record{}, err
	}
	return r, nil
}
