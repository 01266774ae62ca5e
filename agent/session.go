package agent

import (
	"time"

	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/schedule"
)

// onSession handles sleep, wake, lock and unlock. While the screen is
// locked or the machine asleep the engine counts nothing and nothing
// fires (a lock screen reads as fresh input on some desktops, so the
// idle source is not asked); at the return the absence is accounted for,
// and a break in progress is judged: taken, when the absence lasted it,
// or shown again afresh, never as a stale window.
func (a *Agent) onSession(ev platform.SessionEvent) {
	now := a.wall()
	switch ev.Kind {
	case platform.Sleep:
		a.asleep = true
	case platform.Wake:
		a.asleep = false
	case platform.Lock:
		a.locked = true
	case platform.Unlock:
		a.locked = false
	}
	a.record(journal.Record{Event: "session", Outcome: ev.Kind.String()})
	away := a.locked || a.asleep
	switch {
	case away && !a.eng.Away():
		a.goAway(now)
	case !away && a.eng.Away():
		a.comeBack(now)
	}
}

// goAway starts an absence, with the idle time up to it.
func (a *Agent) goAway(now time.Time) {
	var idle time.Duration
	if a.opt.Idle != nil && a.cfg.IdleEnabled {
		if d, err := a.opt.Idle.IdleTime(); err == nil {
			idle = d
		}
	}
	for _, act := range a.eng.SessionAway(now, idle) {
		a.perform(act, now)
	}
	a.idleReadAt = time.Time{}
	a.armed = "" // alarms are set afresh at the return
}

// comeBack ends an absence.
func (a *Agent) comeBack(now time.Time) {
	d := a.eng.SessionBack(now)
	// The wall-clock jump of a sleep is accounted for: don't count it twice.
	a.lastWall, a.lastMono = now, a.opt.Now()
	st := a.eng.Status(now)
	if st.State != schedule.InBreak {
		return
	}
	k := st.InBreak
	dur := a.breakLen(k)
	if d >= dur || now.Sub(a.breakStart) >= dur {
		// Away at least as long as the break: it was taken.
		if err := a.eng.Complete(k, now); err == nil {
			a.recordOutcome(journal.Record{Event: "natural", Kind: string(k), Outcome: "natural", Seconds: now.Sub(a.breakStart).Seconds(), Data: map[string]any{"away": d.Seconds()}})
		}
		a.reconcileViews(now)
		return
	}
	// A short absence in a break: the break starts again, in a fresh window.
	a.breakStart = now
	if a.viewOpen[k] {
		a.closeBreakView(k)
		a.viewOpen[k] = false
		a.views.current[k] = -1 // the old window's exit is not this break's
		if a.openBreakView(k, now) == nil {
			return
		}
	}
	a.autoKind, a.autoEnd = k, now.Add(dur)
}
