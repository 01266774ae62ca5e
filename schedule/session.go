package schedule

import "time"

// SessionAway records that the session became unusable at now: the screen
// locked or the machine is going to sleep. idleFor is the person's idle
// time at that moment (0 when unknown): an auto-lock after idling belongs
// to the same absence. From now until SessionBack nothing counts and no
// break warns or falls due, whatever the idle readings say (a locked
// screen reads as fresh input on some desktops); Next promises nothing.
// A break in progress is left as it is for the agent to judge at the
// return. It returns what fell due up to now, as Advance would, less
// the warnings (nobody is there to read them). Calling it again while
// away changes nothing.
func (e *Engine) SessionAway(now time.Time, idleFor time.Duration) []Action {
	if e.away {
		return nil
	}
	if idleFor < 0 {
		idleFor = 0
	}
	e.sync(now, idleFor, e.dnd)
	e.away = true
	e.awayFrom = earlier(now.Add(-idleFor), e.last)
	var out []Action
	for _, a := range e.pending {
		if a.Type != Warn {
			out = append(out, a)
		}
	}
	e.pending = nil
	return out
}

// SessionBack ends an absence begun by SessionAway: the whole span, from
// the person's last input before it, counts as an Absent (natural breaks
// for the kinds it lasted, every kind reset when it lasted a rest
// break), and the person is at the desk again.
func (e *Engine) SessionBack(now time.Time) time.Duration {
	if !e.away {
		return 0
	}
	e.away = false
	if now.Before(e.awayFrom) {
		e.clockBack(now)
		return 0
	}
	d := now.Sub(e.awayFrom)
	e.Absent(now, d)
	return d
}

// Away reports whether the session is away (between SessionAway and
// SessionBack).
func (e *Engine) Away() bool { return e.away }

// syncAway is sync while the session is away: time passes, nothing else.
func (e *Engine) syncAway(now time.Time) {
	if now.Before(e.last) {
		e.clockBack(now)
	}
	e.last = later(now, e.last)
}

// Active is the active time counted since the engine started, less what
// idle episodes and absences took back: the person's keyboard-and-mouse
// time, for the history.
func (e *Engine) Active() time.Duration { return e.active }
