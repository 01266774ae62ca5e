package schedule

import "time"

// StartNow starts a break of kind k because the person asked for one
// (tray, CLI, a click on a warning). It returns the Due action for the
// agent to carry out. A pause ends; a break of another kind in progress
// ends without resetting (it is still owed). Asking again for the break in
// progress returns its Due again.
func (e *Engine) StartNow(k Kind, now time.Time) (Action, error) {
	i, err := kindIndex(k)
	if err != nil {
		return Action{}, err
	}
	if !e.enabled(i) {
		return Action{}, ErrDisabled
	}
	e.syncUser(now)
	// A Due this accounting just produced is superseded: the caller starts
	// the break it asked for itself (the same kind, or in place of it).
	e.dropPendingDues()
	if e.inBreak == k {
		return e.dueAction(i, e.breakStart), nil
	}
	e.paused, e.pausedUntil, e.pauseResets = false, time.Time{}, false
	e.inBreak, e.breakStart = k, e.last
	return e.dueAction(i, e.last), nil
}

// Complete records that the break of kind k is over: k and every kind with
// a shorter or equal Duration start again from zero.
func (e *Engine) Complete(k Kind, now time.Time) error {
	i, err := kindIndex(k)
	if err != nil {
		return err
	}
	e.syncQuiet(now)
	if e.inBreak != k {
		return ErrNotInBreak
	}
	e.inBreak = ""
	e.resetCovered(i, e.last)
	return nil
}

// Postpone puts off kind k's break — in progress, waiting, or announced by
// its warning — by PostponeFor of active time. It returns ErrPostponeLimit
// when this occurrence has used MaxPostpones (StrictMaxPostpones in strict
// mode).
func (e *Engine) Postpone(k Kind, now time.Time) error {
	i, err := kindIndex(k)
	if err != nil {
		return err
	}
	e.syncUser(now)
	if !e.deferrable(i) {
		return ErrNotInBreak
	}
	c := &e.clocks[i]
	if c.postponed >= e.postponeLimit() {
		return ErrPostponeLimit
	}
	c.postponed++
	e.putOff(i, e.cfg.PostponeFor)
	return nil
}

// Skip lets kind k's break — in progress, waiting, or announced — go: k
// and the shorter kinds it covers start again from zero. It returns
// ErrStrict in strict mode and ErrSkipBudget when today's skips (local
// calendar day) are used up.
func (e *Engine) Skip(k Kind, now time.Time) error {
	i, err := kindIndex(k)
	if err != nil {
		return err
	}
	if e.cfg.Strict {
		return ErrStrict
	}
	e.syncUser(now)
	if !e.deferrable(i) {
		return ErrNotInBreak
	}
	if e.cfg.SkipBudget >= 0 {
		y, m, d := e.last.In(e.loc).Date()
		if y != e.skipYear || m != e.skipMonth || d != e.skipDay {
			e.skipYear, e.skipMonth, e.skipDay, e.skipsUsed = y, m, d, 0
		}
		if e.skipsUsed >= e.cfg.SkipBudget {
			return ErrSkipBudget
		}
		e.skipsUsed++
	}
	if e.inBreak == k {
		e.inBreak = ""
	}
	e.resetCovered(i, e.last)
	return nil
}

// Close handles a break window closed with no choice made: a postpone
// while any are left, otherwise the break comes back as Due after
// RetryAfter of active time. It is never dropped.
func (e *Engine) Close(k Kind, now time.Time) error {
	i, err := kindIndex(k)
	if err != nil {
		return err
	}
	e.syncQuiet(now)
	if e.inBreak != k {
		return ErrNotInBreak
	}
	c := &e.clocks[i]
	if c.postponed < e.postponeLimit() {
		c.postponed++
		e.putOff(i, e.cfg.PostponeFor)
	} else {
		e.putOff(i, RetryAfter)
	}
	return nil
}

// deferrable reports whether kind i's break is in progress, waiting, or
// announced by its warning and not yet due: the breaks a person can
// postpone or skip.
func (e *Engine) deferrable(i int) bool {
	if e.inBreak != "" {
		return e.inBreak == Kinds[i]
	}
	if w, ok := e.longestOverdue(); ok && w == i {
		return true
	}
	c := e.clocks[i]
	return e.enabled(i) && c.warned && c.acc < c.due
}

// putOff moves kind i's break d of active time away, ends it if it is in
// progress, and holds back the shorter kinds it covers so that they come
// back with it instead of on their own.
func (e *Engine) putOff(i int, d time.Duration) {
	for j := range Kinds {
		if j != i && (!e.enabled(j) || e.bc(j).Duration > e.bc(i).Duration) {
			continue
		}
		c := &e.clocks[j]
		if c.due-c.acc < d {
			c.due = c.acc + d
			c.extended = true
			c.warned = false
		}
	}
	e.clocks[i].warned = false
	if e.inBreak == Kinds[i] {
		e.inBreak = ""
	}
}

// Pause stops active time and breaks for d (until Resume when d ≤ 0). A
// break in progress ends without resetting: it is still owed.
func (e *Engine) Pause(now time.Time, d time.Duration) {
	e.syncUser(now)
	var until time.Time
	if d > 0 {
		until = e.last.Add(d)
	}
	e.pause(until, false)
}

// PauseUntilTomorrow pauses until the next local ResumeHour: today's when
// now is before it, otherwise tomorrow's. When it ends every kind starts
// again from zero.
func (e *Engine) PauseUntilTomorrow(now time.Time) {
	e.syncUser(now)
	lt := e.last.In(e.loc)
	y, m, d := lt.Date()
	until := wallAt(y, m, d, e.cfg.ResumeHour, e.loc)
	if !e.last.Before(until) {
		until = wallAt(y, m, d+1, e.cfg.ResumeHour, e.loc)
	}
	e.pause(until, true)
}

func (e *Engine) pause(until time.Time, resets bool) {
	e.inBreak = ""
	e.paused, e.pausedUntil, e.pauseResets = true, until, resets
	// After a pause do-not-disturb may hold the owed break afresh.
	for i := range e.clocks {
		e.clocks[i].fellDue = time.Time{}
	}
}

// Resume ends a pause early.
func (e *Engine) Resume(now time.Time) {
	e.syncUser(now)
	e.paused, e.pausedUntil, e.pauseResets = false, time.Time{}, false
}

// Absent records that the person could not have been working for d ending
// at now: the machine slept, or the session was locked (the agent detects
// a wall-clock jump or receives the signal). The span never counts; it is
// a natural break for every kind whose Duration it lasted (Natural actions
// come with the next Advance), and one as long as the rest break resets
// every kind.
func (e *Engine) Absent(now time.Time, d time.Duration) {
	if d <= 0 {
		return
	}
	start := now.Add(-d)
	if start.After(e.last) {
		e.syncQuiet(start)
	}
	if start.Before(e.last) {
		e.takeBack(start, earlier(now, e.last))
	}
	if now.After(e.last) {
		e.last = now
	}
	e.lastInput = e.last
	for i, k := range Kinds {
		nd := e.natDur(i)
		if nd <= 0 || d < nd || e.coveredByBreak(i) {
			continue
		}
		if e.clocks[i].acc > 0 {
			e.pending = append(e.pending, Action{Type: Natural, Kind: k, At: e.last})
		}
		e.reset(i, e.last)
	}
}

// dropPendingDues removes the Due actions not yet delivered.
func (e *Engine) dropPendingDues() {
	kept := e.pending[:0]
	for _, a := range e.pending {
		if a.Type != Due {
			kept = append(kept, a)
		}
	}
	e.pending = kept
}
