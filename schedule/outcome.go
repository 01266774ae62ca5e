package schedule

import "time"

// What a break window reports when the person presses Done or Finish.
const (
	OutcomeCompleted  = "completed"
	OutcomeEndedEarly = "ended_early"
)

// BreakOutcome decides whether a break the person ended themselves
// counts as completed: only when they did most of it — at least 80 % of
// its time, or every one of its steps in at least half its time (a
// short exercise looping through a long break is not the break).
// Otherwise it ended early. A break with neither a duration nor steps has
// nothing to fall short of.
func BreakOutcome(spent, duration time.Duration, stepsDone, steps int) string {
	switch {
	case duration <= 0 && steps <= 0:
		return OutcomeCompleted
	case duration > 0 && spent*5 >= duration*4:
		return OutcomeCompleted
	case steps > 0 && stepsDone >= steps && spent*2 >= duration:
		return OutcomeCompleted
	}
	return OutcomeEndedEarly
}

// PostponeLimit is how many times one occurrence of a break may be
// postponed under c: MaxPostpones, or StrictMaxPostpones in strict mode
// (0 allows none, as does a negative value). A view with no agent to ask
// shows this; the engine applies the same rule.
func (c Config) PostponeLimit() int {
	n := c.MaxPostpones
	if c.Strict {
		n = c.StrictMaxPostpones
	}
	return max(n, 0)
}
