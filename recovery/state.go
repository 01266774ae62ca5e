package recovery

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"
)

// StateFileName is the plan's file inside the state directory (the store
// package reads and writes it; this package only turns a Plan into its
// JSON form and back).
const StateFileName = "recovery.json"

// stateVersion is the state file's format version.
const stateVersion = 1

// The file's JSON form.
type (
	stateFile struct {
		Version   int           `json:"version"`
		Since     string        `json:"since"` // YYYY-MM-DD
		Started   time.Time     `json:"started"`
		How       string        `json:"how,omitempty"`
		Severity  int           `json:"severity"` // -1 when not given
		Flags     []string      `json:"flags,omitempty"`
		Phase     string        `json:"phase,omitempty"`
		Stopped   bool          `json:"stopped,omitempty"`
		StoppedAt *time.Time    `json:"stopped_at,omitempty"`
		Assessed  time.Time     `json:"assessed,omitzero"`
		Checkins  []checkinFile `json:"checkins"`
	}
	checkinFile struct {
		Date     string            `json:"date"` // YYYY-MM-DD
		At       time.Time         `json:"at,omitzero"`
		Pain     int               `json:"pain"`
		Function string            `json:"function,omitempty"`
		Sleep    string            `json:"sleep,omitempty"`
		Flags    []string          `json:"flags,omitempty"`
		Answers  map[string]string `json:"answers,omitempty"`
	}
)

// UnmarshalJSON reads a plan from its file form and checks it: the
// version, the dates, the pain scores and the check-ins' order. Errors
// name the field and what was expected.
func (p *Plan) UnmarshalJSON(data []byte) error {
	var f stateFile
	if err := json.Unmarshal(data, &f); err != nil {
		return err
	}
	q, err := f.plan()
	if err != nil {
		return err
	}
	*p = *q
	return nil
}

// plan checks the file form and builds the Plan.
func (f stateFile) plan() (*Plan, error) {
	if f.Version != stateVersion {
		return nil, fmt.Errorf("field \"version\": %d; expected %d", f.Version, stateVersion)
	}
	since, err := time.ParseInLocation(DateLayout, f.Since, time.Local)
	if err != nil {
		return nil, fmt.Errorf("field \"since\": %q; expected a date as YYYY-MM-DD", f.Since)
	}
	if f.Started.IsZero() {
		return nil, errors.New("field \"started\": missing; expected a timestamp")
	}
	if f.Severity < -1 || f.Severity > 10 {
		return nil, fmt.Errorf("field \"severity\": %d; expected -1 (not given) or 0 to 10", f.Severity)
	}
	p := &Plan{Since: since, Started: f.Started.Local(), How: f.How, Severity: f.Severity, Flags: f.Flags, Phase: f.Phase, Stopped: f.Stopped, Assessed: f.Assessed}
	if f.StoppedAt != nil {
		p.StoppedAt = f.StoppedAt.Local()
	}
	for i, c := range f.Checkins {
		d, err := time.ParseInLocation(DateLayout, c.Date, time.Local)
		if err != nil {
			return nil, fmt.Errorf("checkins[%d].date: %q; expected a date as YYYY-MM-DD", i, c.Date)
		}
		if c.Pain < 0 || c.Pain > 10 {
			return nil, fmt.Errorf("checkins[%d].pain: %d; expected 0 to 10", i, c.Pain)
		}
		if c.Function != "" && !slices.Contains(FunctionValues, c.Function) {
			return nil, fmt.Errorf("checkins[%d].function: %q; expected better, same or worse", i, c.Function)
		}
		if c.Sleep != "" && !slices.Contains(SleepValues, c.Sleep) {
			return nil, fmt.Errorf("checkins[%d].sleep: %q; expected good or poor", i, c.Sleep)
		}
		if i > 0 && !d.After(p.Checkins[i-1].Date) {
			return nil, fmt.Errorf("checkins[%d].date: %s; expected dates in increasing order", i, c.Date)
		}
		at := c.At
		if !at.IsZero() {
			at = at.Local()
		}
		p.Checkins = append(p.Checkins, Checkin{Date: d, At: at, Pain: c.Pain, Function: c.Function, Sleep: c.Sleep, Flags: c.Flags, Answers: c.Answers})
	}
	lib, err := DefaultLibrary()
	if err != nil {
		return nil, err
	}
	p.lib = lib
	return p, nil
}

// MarshalJSON writes the plan in its file form.
func (p *Plan) MarshalJSON() ([]byte, error) {
	if p == nil {
		return nil, errors.New("no plan")
	}
	f := stateFile{
		Version: stateVersion, Since: fmtDate(p.Since), Started: p.Started, How: p.How,
		Severity: p.Severity, Flags: p.Flags, Phase: p.Phase, Stopped: p.Stopped, Assessed: p.Assessed,
		Checkins: []checkinFile{},
	}
	if p.Stopped {
		at := p.StoppedAt
		f.StoppedAt = &at
	}
	for _, c := range p.Checkins {
		f.Checkins = append(f.Checkins, checkinFile{Date: fmtDate(c.Date), At: c.At, Pain: c.Pain, Function: c.Function, Sleep: c.Sleep, Flags: c.Flags, Answers: c.Answers})
	}
	return json.Marshal(f)
}
