package schedule

import "time"

// AwayAfter is how long without input means the person is away from the
// desk: a break that falls due then waits for their return, and no
// warning is shown.
const AwayAfter = 30 * time.Second

// inputJitter is how far two readings of the last-input time may differ
// and still name the same input (idle sources and the caller's clock are
// read at slightly different moments).
const inputJitter = time.Second

// presence is what the engine knows, over one span of accounting, about
// whether the person is at the desk. It is built from Inputs by observe,
// or describes an assumption (Next's "the person stays active").
//
// The last input L = now - IdleFor opens the current idle episode; times
// at or after L are idle by t-L. When the previous reading already showed
// the person away and the new L is later, the earlier episode (starting at
// prevL) ran until L: the person came back at L.
type presence struct {
	assume    bool // no readings: the person is present (or away, below) throughout
	away      bool // with assume: away throughout, never idle past the threshold
	dnd       bool // do-not-disturb before end (as last seen)
	dndEnd    bool // do-not-disturb at end (the new reading)
	end       time.Time
	last      time.Time // L
	idleFor   time.Duration
	prevLast  time.Time // the previous L, when its episode ended at L
	continues bool      // whether [prevLast, L) is an idle episode
	threshold time.Duration
}

// episodeAt returns the start of the idle episode containing t and how
// long the person had been idle at t.
func (p *presence) episodeAt(t time.Time) (start time.Time, idle time.Duration, ok bool) {
	if p.assume {
		return time.Time{}, 0, false
	}
	if !t.Before(p.last) {
		return p.last, t.Sub(p.last), true
	}
	if p.continues && !t.Before(p.prevLast) {
		return p.prevLast, t.Sub(p.prevLast), true
	}
	return time.Time{}, 0, false
}

// dndAt reports whether do-not-disturb holds at t: a reading tells the
// state at its own time; before it, the previous reading's state held.
func (p *presence) dndAt(t time.Time) bool {
	if !p.assume && !t.Before(p.end) {
		return p.dndEnd
	}
	return p.dnd
}

// idleAt is how long the person had been idle at t.
func (p *presence) idleAt(t time.Time) time.Duration {
	if p.assume {
		if p.away {
			return AwayAfter
		}
		return 0
	}
	_, d, _ := p.episodeAt(t)
	return d
}

// cut reports whether t lies in an idle episode that lasted at least the
// threshold: such time never counts as active, not even its beginning.
func (p *presence) cut(t time.Time) bool {
	if p.assume {
		return false
	}
	if !t.Before(p.last) {
		return p.idleFor >= p.threshold
	}
	if p.continues && !t.Before(p.prevLast) {
		return p.last.Sub(p.prevLast) >= p.threshold
	}
	return false
}

// cutSpans are the idle episodes, possibly reaching back before the
// previous reading, whose time must not count.
func (p *presence) cutSpans(end time.Time) [][2]time.Time {
	if p.assume {
		return nil
	}
	var out [][2]time.Time
	if p.continues && p.last.Sub(p.prevLast) >= p.threshold {
		out = append(out, [2]time.Time{p.prevLast, p.last})
	}
	if p.idleFor >= p.threshold {
		out = append(out, [2]time.Time{p.last, end})
	}
	return out
}

// points returns the instants after t at which what presence says may
// change: the last input, becoming away, and each mark (natural-break
// lengths) of the episode containing t.
func (p *presence) points(t time.Time, marks []time.Duration, add func(time.Time)) {
	if p.assume {
		return
	}
	if p.last.After(t) {
		add(p.last)
	}
	if start, _, ok := p.episodeAt(t); ok {
		add(start.Add(AwayAfter))
		for _, m := range marks {
			add(start.Add(m))
		}
	}
}

// interval is a span of wall-clock time [from, to).
type interval struct{ from, to time.Time }

// ledger remembers which recent time was counted as active, so that an
// idle episode found to be long only later can be taken back.
type ledger []interval

func (l *ledger) add(from, to time.Time) {
	if !to.After(from) {
		return
	}
	if n := len(*l); n > 0 && !(*l)[n-1].to.Before(from) {
		if to.After((*l)[n-1].to) {
			(*l)[n-1].to = to
		}
		return
	}
	*l = append(*l, interval{from, to})
}

// overlap is how much counted time lies in [from, to).
func (l ledger) overlap(from, to time.Time) time.Duration {
	var sum time.Duration
	for _, iv := range l {
		a, b := later(iv.from, from), earlier(iv.to, to)
		if b.After(a) {
			sum += b.Sub(a)
		}
	}
	return sum
}

// remove forgets [from, to).
func (l *ledger) remove(from, to time.Time) {
	var out ledger
	for _, iv := range *l {
		if !iv.to.After(from) || !iv.from.Before(to) {
			out = append(out, iv)
			continue
		}
		if iv.from.Before(from) {
			out = append(out, interval{iv.from, from})
		}
		if iv.to.After(to) {
			out = append(out, interval{to, iv.to})
		}
	}
	*l = out
}

// prune forgets what ended at or before t.
func (l *ledger) prune(t time.Time) {
	i := 0
	for i < len(*l) && !(*l)[i].to.After(t) {
		i++
	}
	*l = append((*l)[:0:0], (*l)[i:]...)
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
