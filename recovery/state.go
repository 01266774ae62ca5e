package recovery

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/prefs"
)

// StateFileName is the plan's file inside the state directory.
const StateFileName = "recovery.json"

// stateVersion is the state file's format version.
const stateVersion = 1

// DefaultStatePath is StateDir()/recovery.json (the directory is created
// with mode 0700).
func DefaultStatePath() (string, error) {
	dir, err := platform.StateDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, StateFileName), nil
}

// CorruptStateError reports a state file that could not be read. The file
// was moved aside to KeptAs and the caller carries on with no plan.
type CorruptStateError struct {
	Path   string
	KeptAs string // "" if moving it aside failed too
	Err    error
}

func (e *CorruptStateError) Error() string {
	if e.KeptAs == "" {
		return fmt.Sprintf("recovery plan file %s is unreadable (%v) and could not be moved aside; carrying on with no plan", e.Path, e.Err)
	}
	return fmt.Sprintf("recovery plan file %s is unreadable (%v); kept it as %s and carrying on with no plan", e.Path, e.Err, e.KeptAs)
}

func (e *CorruptStateError) Unwrap() error { return e.Err }

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

// LoadState reads the plan at path. A missing file is no plan (nil, nil).
// A file that is not a valid plan is moved aside to path.corrupt-TIMESTAMP
// and reported as a *CorruptStateError with a nil plan; it never panics.
func LoadState(path string) (*Plan, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading recovery plan file: %w", err)
	}
	p, err := decodeState(data)
	if err != nil {
		kept := path + ".corrupt-" + time.Now().Format("20060102T150405")
		if rerr := os.Rename(path, kept); rerr != nil {
			kept = ""
		}
		return nil, &CorruptStateError{Path: path, KeptAs: kept, Err: err}
	}
	return p, nil
}

// decodeState parses and checks the file's JSON.
func decodeState(data []byte) (*Plan, error) {
	var f stateFile
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("the file is empty")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	err := dec.Decode(&f)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			err = fmt.Errorf("line %d: unexpected data after the plan", 1+bytes.Count(data[:dec.InputOffset()], []byte("\n")))
		}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, errors.New("the file ends in the middle of the plan (truncated)")
	}
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("line %d: %v", 1+bytes.Count(data[:se.Offset], []byte("\n")), err)
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, fmt.Errorf("field %q: expected a %s, found a JSON %s", te.Field, te.Type, te.Value)
		}
		return nil, err
	}
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

// SaveState writes p to path atomically with mode 0600, creating the
// directory (0700) if needed.
func SaveState(path string, p *Plan) error {
	if p == nil {
		return errors.New("saving recovery plan: no plan")
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
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return fmt.Errorf("saving recovery plan: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("saving recovery plan: %w", err)
	}
	if err := prefs.WriteFileAtomic(path, append(data, '\n'), 0o600); err != nil {
		return fmt.Errorf("saving recovery plan to %s: %w", path, err)
	}
	return nil
}
