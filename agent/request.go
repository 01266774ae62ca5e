package agent

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/limberapp/limber/schedule"
)

// maxRequest is the largest control-socket request read (a real one is
// under 300 bytes).
const maxRequest = 16 << 10

// maxPauseSeconds is the longest timed pause: a day (longer is "until
// tomorrow"), as `limber pause` says.
const maxPauseSeconds = 24 * 60 * 60

// maxOutcomeSeconds bounds the time a break window reports.
const maxOutcomeSeconds = 24 * 60 * 60

var outcomes = []string{"completed", "ended_early", "postponed", "skipped", "closed"}

// fields lists, per command, the request fields it takes besides cmd.
var fields = map[string][]string{
	"ping": nil, "status": nil, "resume": nil, "quit": nil, "reload": nil, "reload-recovery": nil,
	"break":   {"kind"},
	"pause":   {"seconds", "until_tomorrow"},
	"outcome": {"kind", "outcome", "exercise", "seconds"},
	"open":    {"view"},
}

// decodeRequest reads one request and checks it: one JSON object of at
// most maxRequest bytes, known fields only, each field allowed for its
// command and within its range. The error says what was expected.
func decodeRequest(r io.Reader) (Request, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxRequest+1))
	if err != nil {
		return Request{}, fmt.Errorf("reading the request: %w", err)
	}
	if len(data) > maxRequest {
		return Request{}, fmt.Errorf("request too large: more than %d bytes", maxRequest)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var req Request
	if err := dec.Decode(&req); err != nil {
		return Request{}, fmt.Errorf("not a request: %v (expected one JSON object such as {\"cmd\":\"status\"})", err)
	}
	if dec.More() {
		return Request{}, errors.New("more than one JSON value: send one request per connection")
	}
	var present map[string]json.RawMessage
	if err := json.Unmarshal(data, &present); err != nil {
		return Request{}, fmt.Errorf("not a request: %v", err)
	}
	return req, req.validate(present)
}

// validate checks the fields of a decoded request; present holds the
// fields the request named.
func (r Request) validate(present map[string]json.RawMessage) error {
	allowed, ok := fields[r.Cmd]
	if !ok {
		return fmt.Errorf("unknown command %q: expected one of break, outcome, open, pause, ping, quit, reload, reload-recovery, resume, status", r.Cmd)
	}
	for name := range present {
		if name != "cmd" && !slices.Contains(allowed, name) {
			return fmt.Errorf("%s: field %q does not go with this command", r.Cmd, name)
		}
	}
	for name, v := range map[string]string{"kind": r.Kind, "outcome": r.Outcome, "exercise": r.Exercise, "view": r.View} {
		if len(v) > 100 {
			return fmt.Errorf("%s: field %q is longer than 100 bytes", r.Cmd, name)
		}
	}
	if math.IsNaN(r.Seconds) || math.IsInf(r.Seconds, 0) {
		return fmt.Errorf("%s: seconds must be a finite number", r.Cmd)
	}
	switch r.Cmd {
	case "break":
		if r.Kind != "" {
			if _, err := schedule.ParseKind(r.Kind); err != nil {
				return err
			}
		}
	case "pause":
		switch {
		case r.UntilTomorrow && r.Seconds != 0:
			return errors.New("pause: give seconds or until_tomorrow, not both")
		case !r.UntilTomorrow && (r.Seconds < 1 || r.Seconds > maxPauseSeconds):
			return fmt.Errorf("pause: seconds must be between 1 and %d (a day), or until_tomorrow true", maxPauseSeconds)
		}
	case "outcome":
		if _, err := schedule.ParseKind(r.Kind); err != nil {
			return err
		}
		if !slices.Contains(outcomes, r.Outcome) {
			return fmt.Errorf("outcome: unknown outcome %q: expected completed, ended_early, postponed, skipped or closed", r.Outcome)
		}
		if r.Seconds < 0 || r.Seconds > maxOutcomeSeconds {
			return fmt.Errorf("outcome: seconds must be between 0 and %d", maxOutcomeSeconds)
		}
	case "open":
		if !knownViews[r.View] {
			return fmt.Errorf("unknown view %q", r.View)
		}
	}
	return nil
}
