package schedule

import "time"

// kindIndex returns the position of k in Kinds, or ParseKind's error.
func kindIndex(k Kind) (int, error) {
	for i, kk := range Kinds {
		if kk == k {
			return i, nil
		}
	}
	_, err := ParseKind(string(k))
	return -1, err
}

// bc is the configuration of kind i.
func (e *Engine) bc(i int) BreakConfig { return e.cfg.Breaks[Kinds[i]] }

// enabled reports whether kind i is on and has an interval.
func (e *Engine) enabled(i int) bool {
	b := e.bc(i)
	return b.Enabled && b.Every > 0
}

// restDur is the length of absence that resets every kind: the rest
// break's Duration (or the longest Duration when rest has none).
func (e *Engine) restDur() time.Duration {
	if d := e.cfg.Breaks[Rest].Duration; d > 0 {
		return d
	}
	var longest time.Duration
	for i := range Kinds {
		longest = max(longest, e.bc(i).Duration)
	}
	return longest
}

// natDur is how long idle resets kind i: its Duration, at most restDur.
func (e *Engine) natDur(i int) time.Duration {
	d := e.bc(i).Duration
	if d <= 0 {
		return 0
	}
	return min(d, e.restDur())
}

// longer reports whether kind i ranks above kind j: a longer Duration, or
// an equal one and later in Kinds.
func (e *Engine) longer(i, j int) bool {
	di, dj := e.bc(i).Duration, e.bc(j).Duration
	return di > dj || (di == dj && i > j)
}

// covers lists the enabled kinds other than i that i's Complete resets.
func (e *Engine) covers(i int) []Kind {
	var out []Kind
	for j, k := range Kinds {
		if j != i && e.enabled(j) && e.bc(j).Duration <= e.bc(i).Duration {
			out = append(out, k)
		}
	}
	return out
}

// coveredByBreak reports whether the break in progress will reset kind i.
func (e *Engine) coveredByBreak(i int) bool {
	if e.inBreak == "" {
		return false
	}
	return e.bc(i).Duration <= e.cfg.Breaks[e.inBreak].Duration
}

func (e *Engine) postponeLimit() int { return e.cfg.PostponeLimit() }

func (e *Engine) reset(i int, t time.Time) {
	e.clocks[i] = clock{due: e.bc(i).Every, resetAt: t}
}

func (e *Engine) resetAll(t time.Time) {
	for i := range Kinds {
		e.reset(i, t)
	}
}

// resetCovered resets kind i and every kind with a shorter or equal
// Duration.
func (e *Engine) resetCovered(i int, t time.Time) {
	for j := range Kinds {
		if e.bc(j).Duration <= e.bc(i).Duration {
			e.reset(j, t)
		}
	}
}

func (e *Engine) anyOverdue() bool {
	_, ok := e.longestOverdue()
	return ok
}

// longestOverdue returns the longest enabled kind that is due.
func (e *Engine) longestOverdue() (int, bool) {
	best := -1
	for i := range Kinds {
		c := e.clocks[i]
		if e.enabled(i) && c.acc >= c.due && (best < 0 || e.longer(i, best)) {
			best = i
		}
	}
	return best, best >= 0
}

// target is the kind actually taken when kind i is rem of active time from
// due: the longest enabled kind ranking above i due within CoalesceWithin
// after that, or i itself.
func (e *Engine) target(i int, rem time.Duration) int {
	best := i
	for j := range Kinds {
		c := e.clocks[j]
		if e.enabled(j) && e.longer(j, best) && c.due-c.acc <= rem+e.cfg.CoalesceWithin {
			best = j
		}
	}
	return best
}

func (e *Engine) inHours(t time.Time) bool { return e.cfg.Hours.Contains(t, e.loc) }

// hoursChange is Hours.NextChange, remembered while t stays before it.
func (e *Engine) hoursChange(t time.Time) time.Time {
	if e.hoursValid && !t.Before(e.hoursFrom) && (e.hoursNext.IsZero() || t.Before(e.hoursNext)) {
		return e.hoursNext
	}
	e.hoursFrom, e.hoursNext, e.hoursValid = t, e.cfg.Hours.NextChange(t, e.loc), true
	return e.hoursNext
}
