package agent

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/limberapp/limber/platform"
)

// Request is one message on the control socket: a JSON object per
// connection, answered by one Response.
type Request struct {
	Cmd string `json:"cmd"` // status, break, pause, resume, quit, outcome, open, ping

	Kind          string  `json:"kind,omitempty"`
	Seconds       float64 `json:"seconds,omitempty"`        // pause duration; outcome: time spent
	UntilTomorrow bool    `json:"until_tomorrow,omitempty"` // pause
	Outcome       string  `json:"outcome,omitempty"`        // completed, postponed, skipped, closed
	Exercise      string  `json:"exercise,omitempty"`
	View          string  `json:"view,omitempty"` // open: which view
}

// Response answers a Request.
type Response struct {
	OK     bool        `json:"ok"`
	Error  string      `json:"error,omitempty"`
	Status *StatusJSON `json:"status,omitempty"`
}

// NextJSON is one entry of StatusJSON.Next.
type NextJSON struct {
	Kind          string `json:"kind"`
	DueInSeconds  int64  `json:"due_in_seconds"`
	PostponesLeft int    `json:"postpones_left"`
	// DurationSeconds is how long this kind's break lasts today (a
	// recovery plan's walking prompts are shorter than the setting).
	DurationSeconds int64 `json:"duration_seconds"`
	// Walk is true while a recovery plan makes this break a walking prompt.
	Walk bool `json:"walk,omitempty"`
}

// StatusJSON is what `limber status --json` prints.
type StatusJSON struct {
	State       string     `json:"state"`
	Next        []NextJSON `json:"next"`
	InBreak     string     `json:"in_break,omitempty"`
	PausedUntil *time.Time `json:"paused_until,omitempty"`
	SkipsLeft   int        `json:"skips_left"`
	Strict      bool       `json:"strict"`
	Notifier    string     `json:"notifier"`
	IdleSource  string     `json:"idle_source"`
	Deferred    string     `json:"deferred,omitempty"` // why a due break is held
	Config      string     `json:"config"`
	Problems    []string   `json:"problems,omitempty"`
	PID         int        `json:"pid"`
}

// ErrNoAgent means nothing listens on the control socket.
var ErrNoAgent = errors.New("Limber is not running (start it with `limber`)")

// Call sends one request to the agent at socket and waits for the answer.
func Call(socket string, req Request) (Response, error) {
	c, err := platform.DialControl(socket, 2*time.Second)
	if err != nil {
		return Response{}, ErrNoAgent
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if err := json.NewEncoder(c).Encode(req); err != nil {
		return Response{}, fmt.Errorf("talking to the agent: %w", err)
	}
	var resp Response
	if err := json.NewDecoder(c).Decode(&resp); err != nil {
		return Response{}, fmt.Errorf("reading the agent's answer: %w", err)
	}
	if !resp.OK {
		return resp, errors.New(resp.Error)
	}
	return resp, nil
}
