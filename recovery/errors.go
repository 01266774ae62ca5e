package recovery

import (
	"errors"
	"fmt"

	"github.com/limberapp/limber/msg"
)

// ErrEmergency means an emergency red flag was answered yes: no plan starts,
// and the Advice returned with it says what to do.
var ErrEmergency = errors.New("an emergency sign needs urgent care now: no recovery plan was started")

// ErrStopped means the plan was stopped and takes no more check-ins.
var ErrStopped = errors.New("the recovery plan was stopped; start a new one with `limber recovery start`")

// FieldError is bad input, naming the field (the CLI flag without its
// dashes), what was given and what was expected.
type FieldError struct {
	Field string // since, pain, date, flag, function, sleep, answer, how
	Got   string
	Want  string
	// GotText and WantText are Got and Want as messages; empty: as is.
	GotText, WantText msg.Text
}

func (e *FieldError) Error() string {
	if e.Got == "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Want)
	}
	return fmt.Sprintf("%s: %s; %s", e.Field, e.Got, e.Want)
}
