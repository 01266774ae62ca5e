package schedule

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Status is a snapshot of the engine as of its last accounting (call
// Advance first for an up-to-date view); now selects the day for the skip
// budget.
func (e *Engine) Status(now time.Time) Status {
	s := Status{SkipsLeft: e.skipsLeft(now)}
	switch {
	case e.paused:
		s.State = Paused
	case e.inBreak != "":
		s.State = InBreak
	case e.away:
		s.State = Idle
	case !e.inside:
		s.State = OutsideHours
	case e.last.Sub(e.lastInput) >= e.cfg.IdleThreshold:
		s.State = Idle
	default:
		s.State = Running
	}
	if e.paused {
		s.PausedUntil = e.pausedUntil
	}
	if e.inBreak != "" {
		s.InBreak = e.inBreak
		s.BreakEnds = e.breakStart.Add(e.cfg.Breaks[e.inBreak].Duration)
	}
	if !e.inside {
		s.HoursResume = e.cfg.Hours.nextStart(e.last, e.loc)
	}
	if e.inBreak == "" {
		if i, ok := e.longestOverdue(); ok {
			s.Waiting = Kinds[i]
		}
	}
	limit := e.postponeLimit()
	for i, k := range Kinds {
		if !e.enabled(i) {
			continue
		}
		c := e.clocks[i]
		in := c.due - c.acc
		if in < 0 {
			in = 0
		}
		left := limit - c.postponed
		if left < 0 {
			left = 0
		}
		s.Next = append(s.Next, NextBreak{Kind: k, In: in, PostponesLeft: left, Postponed: c.postponed})
	}
	sort.SliceStable(s.Next, func(a, b int) bool { return s.Next[a].In < s.Next[b].In })
	return s
}

// skipsLeft is how many skips are left on now's local day (-1: no limit).
func (e *Engine) skipsLeft(now time.Time) int {
	if e.cfg.SkipBudget < 0 {
		return -1
	}
	y, m, d := now.In(e.loc).Date()
	if y != e.skipYear || m != e.skipMonth || d != e.skipDay {
		return e.cfg.SkipBudget
	}
	return max(e.cfg.SkipBudget-e.skipsUsed, 0)
}

// String describes the action, for logs and test messages.
func (a Action) String() string {
	var b strings.Builder
	b.WriteString(a.Type.String())
	if a.Kind != "" {
		b.WriteString(" " + string(a.Kind))
	}
	b.WriteString(" at " + a.At.Format("2006-01-02 15:04:05 MST"))
	if a.Type == Warn {
		fmt.Fprintf(&b, " (in %v)", a.Lead)
	}
	if len(a.Covers) > 0 {
		fmt.Fprintf(&b, " covers %v", a.Covers)
	}
	return b.String()
}
