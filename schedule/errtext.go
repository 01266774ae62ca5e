package schedule

import (
	"errors"

	"github.com/limberapp/limber/msg"
)

// ErrorText is err as a message for a person: the errors from the
// person's requests (ErrStrict, ErrSkipBudget, …) have catalog keys; any
// other error is its own text.
func ErrorText(err error) msg.Text {
	switch {
	case err == nil:
		return msg.Text{}
	case errors.Is(err, ErrStrict):
		return msg.L("schedule.error.strict", ErrStrict.Error())
	case errors.Is(err, ErrSkipBudget):
		return msg.L("schedule.error.skip_budget", ErrSkipBudget.Error())
	case errors.Is(err, ErrPostponeLimit):
		return msg.L("schedule.error.postpone_limit", ErrPostponeLimit.Error())
	case errors.Is(err, ErrNotInBreak):
		return msg.L("schedule.error.not_in_break", ErrNotInBreak.Error())
	case errors.Is(err, ErrDisabled):
		return msg.L("schedule.error.disabled", ErrDisabled.Error())
	}
	var ke *KindError
	if errors.As(err, &ke) {
		return msg.L("schedule.error.unknown_kind", ke.Error(), msg.Args{"Kind": ke.Got})
	}
	return msg.Plain(err.Error())
}
