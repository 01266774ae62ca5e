package schedule

import "time"

// account walks from e.last to `to`, instant by instant: at each instant
// where something may change (a pause ending, working hours starting or
// ending, an idle mark, a warn or due point) it applies the rules, and
// between instants it counts active time. With first set it stops at the
// first action (Next's look-ahead).
func (e *Engine) account(to time.Time, p *presence, out *[]Action, first bool) {
	t := e.last
	marks := e.natMarks()
	for {
		n := len(*out)
		e.instant(t, p, out)
		if first && len(*out) > n {
			return
		}
		if !t.Before(to) {
			break
		}
		c := e.nextPoint(t, to, p, marks)
		if e.activeAt(t, p) {
			if r, ok := e.nextThreshold(); ok && t.Add(r).Before(c) {
				c = t.Add(r)
			}
			e.count(t, c)
		}
		t = c
	}
	if to.After(e.last) {
		e.last = to
	}
}

// natMarks are the idle lengths that make natural breaks.
func (e *Engine) natMarks() []time.Duration {
	var marks []time.Duration
	for i := range Kinds {
		if d := e.natDur(i); d > 0 {
			marks = append(marks, d)
		}
	}
	return marks
}

// activeAt reports whether time from t on counts as active.
func (e *Engine) activeAt(t time.Time, p *presence) bool {
	return !e.paused && e.inBreak == "" && e.inside && !p.cut(t)
}

// nextPoint is the first instant after t, at most to, at which the rules
// may act other than by a clock reaching a threshold.
func (e *Engine) nextPoint(t, to time.Time, p *presence, marks []time.Duration) time.Time {
	c := to
	consider := func(x time.Time) {
		if x.After(t) && x.Before(c) {
			c = x
		}
	}
	if e.paused && !e.pausedUntil.IsZero() {
		consider(e.pausedUntil)
	}
	if e.cfg.Hours != nil {
		consider(e.hoursChange(t))
	}
	p.points(t, marks, consider)
	if since, ok := e.deferSince(); ok && p.dndAt(t) {
		consider(since.Add(e.cfg.MaxDeferral))
	}
	return c
}

// nextThreshold is the active time until the next warn or due point.
func (e *Engine) nextThreshold() (time.Duration, bool) {
	var r time.Duration
	ok := false
	consider := func(d time.Duration) {
		if d > 0 && (!ok || d < r) {
			r, ok = d, true
		}
	}
	for i := range Kinds {
		if !e.enabled(i) {
			continue
		}
		c, wb := e.clocks[i], e.bc(i).WarnBefore
		if !c.warned && wb > 0 {
			consider(c.due - wb - c.acc)
		}
		consider(c.due - c.acc)
	}
	return r, ok
}

// count adds the active span [t, c) to every enabled clock.
func (e *Engine) count(t, c time.Time) {
	d := c.Sub(t)
	for i := range Kinds {
		if e.enabled(i) {
			e.clocks[i].acc += d
		}
	}
	e.counted.add(t, c)
	e.active += d
}

// instant applies the rules at t.
func (e *Engine) instant(t time.Time, p *presence, out *[]Action) {
	woke := false
	if e.paused && !e.pausedUntil.IsZero() && !t.Before(e.pausedUntil) {
		e.paused, e.pausedUntil = false, time.Time{}
		if e.pauseResets {
			e.resetAll(t)
		}
		e.pauseResets = false
		woke = true
	}
	if in := e.inHours(t); in != e.inside {
		e.inside = in
		if !in {
			e.outsideSince = t
		} else if t.Sub(e.outsideSince) >= e.restDur() {
			e.resetAll(t)
		}
		woke = true
	}
	if woke {
		*out = append(*out, Action{Type: Wake, At: t})
	}
	e.naturals(t, p, out)
	if !e.activeAt(t, p) {
		return
	}
	away, dnd := p.idleAt(t) >= AwayAfter, p.dndAt(t)
	e.warnings(t, away || dnd, out)
	e.dues(t, away, dnd, out)
}

// naturals resets the kinds whose Duration the person has been idle for,
// once per idle episode.
func (e *Engine) naturals(t time.Time, p *presence, out *[]Action) {
	if p.continues && t.Equal(p.last) {
		// The instant the person came back ends the earlier episode.
		e.naturalEpisode(t, p.prevLast, p.last.Sub(p.prevLast), out)
	}
	if start, idle, ok := p.episodeAt(t); ok {
		e.naturalEpisode(t, start, idle, out)
	}
}

func (e *Engine) naturalEpisode(t, start time.Time, idle time.Duration, out *[]Action) {
	if !start.Equal(e.natEpisode) {
		e.natEpisode, e.natDone = start, 0
	}
	for i, k := range Kinds {
		d := e.natDur(i)
		if d <= 0 || idle < d || e.natDone&(1<<i) != 0 {
			continue
		}
		e.natDone |= 1 << i
		if e.coveredByBreak(i) {
			continue
		}
		// Only a kind with active time before the episode began has had
		// a break at all (idle short of the threshold counts as active).
		c := e.clocks[i]
		if c.acc-e.counted.overlap(later(start, c.resetAt), t) > 0 {
			*out = append(*out, Action{Type: Natural, Kind: k, At: t})
		}
		e.reset(i, t)
	}
}

// warnings announces the breaks whose warning point has come. quiet
// (away, do-not-disturb) marks them announced without a word.
func (e *Engine) warnings(t time.Time, quiet bool, out *[]Action) {
	for i := range Kinds {
		if !e.enabled(i) {
			continue
		}
		c, wb := &e.clocks[i], e.bc(i).WarnBefore
		if c.warned || wb <= 0 || c.acc < c.due-wb || c.acc >= c.due {
			continue
		}
		c.warned = true
		if quiet {
			continue
		}
		lead, k := c.due-c.acc, i
		if w := e.target(i, lead); w != i {
			// The longer break will be taken instead: announce that one.
			cw := &e.clocks[w]
			if cw.warned || cw.due <= cw.acc {
				continue
			}
			cw.warned = true
			lead, k = min(lead, cw.due-cw.acc), w
		}
		*out = append(*out, Action{Type: Warn, Kind: Kinds[k], At: t, Lead: lead})
	}
}

// dues starts the longest due break, coalesced, unless it must wait.
func (e *Engine) dues(t time.Time, away, dnd bool, out *[]Action) {
	i, ok := e.longestOverdue()
	if !ok {
		return
	}
	for j := range Kinds {
		if c := &e.clocks[j]; e.enabled(j) && c.acc >= c.due && c.fellDue.IsZero() {
			c.fellDue = t
		}
	}
	since, _ := e.deferSince()
	if away || (dnd && t.Before(since.Add(e.cfg.MaxDeferral))) {
		return
	}
	w := e.target(i, 0)
	*out = append(*out, e.dueAction(w, t))
	e.inBreak, e.breakStart = Kinds[w], t
}

// deferSince is when the earliest of the due kinds first fell due in its
// current occurrence: do-not-disturb may hold it MaxDeferral from then,
// postpones notwithstanding.
func (e *Engine) deferSince() (time.Time, bool) {
	var since time.Time
	for j := range Kinds {
		c := e.clocks[j]
		if e.enabled(j) && c.acc >= c.due && !c.fellDue.IsZero() && (since.IsZero() || c.fellDue.Before(since)) {
			since = c.fellDue
		}
	}
	return since, !since.IsZero()
}

func (e *Engine) dueAction(i int, at time.Time) Action {
	return Action{Type: Due, Kind: Kinds[i], At: at, Covers: e.covers(i)}
}
