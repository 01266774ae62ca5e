package agent

import (
	"errors"
	"fmt"
	"time"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/schedule"
)

// The agent owns its break windows: at most one per kind, shown only
// while its break is in progress (told to close when the break ends
// elsewhere), pre-started only while its break is the next thing due,
// and never restarted in a storm when windows keep failing: after a
// failure the break goes on as a notify-only break, windows back off, and
// after maxViewFails in a row they are off (the person is told once)
// until a reload or a restart.

// maxViewFails is how many break windows in a row may end with no
// outcome before the agent stops opening them.
const maxViewFails = 3

// leftOpen is how long past its duration a break window may stay open
// with nobody choosing: then the agent closes it and counts the break as
// taken (the person sat through it or walked away from the desk).
const leftOpen = 10 * time.Minute

var errNoViews = errors.New("windows are not available")

type viewState struct {
	gen      int
	current  map[schedule.Kind]int  // generation of the window on screen
	closing  map[schedule.Kind]bool // told to close, not gone yet
	prepared map[schedule.Kind]bool // pre-started, hidden
	prepAt   map[schedule.Kind]time.Time
	fails    int           // windows in a row that ended with no outcome
	until    time.Time     // no window before this (backing off)
	off      bool          // windows are off after maxViewFails
	told     bool          // the person has been told so
	started  schedule.Kind // the break journaled "started" and not yet ended
}

func (v *viewState) init() {
	v.current = map[schedule.Kind]int{}
	v.closing = map[schedule.Kind]bool{}
	v.prepared = map[schedule.Kind]bool{}
	v.prepAt = map[schedule.Kind]time.Time{}
}

// prestartGrace is how long past its warning lead a hidden window may
// wait for its break before it is discarded (a postpone put it off).
const prestartGrace = time.Minute

// windowsBlocked says why no break window may open now, if so.
func (a *Agent) windowsBlocked(now time.Time) error {
	switch {
	case a.opt.Views == nil:
		return errNoViews
	case a.views.off:
		return errors.New("break windows are off after repeated failures")
	case now.Before(a.views.until):
		return fmt.Errorf("break windows are backing off after a failure until %s", now.Add(a.views.until.Sub(now)).Format("15:04:05"))
	}
	return nil
}

// prestart starts k's window hidden when windows may open.
func (a *Agent) prestart(k schedule.Kind, now time.Time) {
	if a.windowsBlocked(now) != nil || a.viewOpen[k] || a.views.prepared[k] {
		return
	}
	if err := a.opt.Views.Prestart(k); err != nil {
		fmt.Fprintln(a.opt.Log, "limber: pre-starting the break window:", err)
		return
	}
	a.views.prepared[k], a.views.prepAt[k] = true, now
}

// openBreakView shows k's break window (the pre-started one if any).
func (a *Agent) openBreakView(k schedule.Kind, now time.Time) error {
	if a.viewOpen[k] && !a.views.closing[k] {
		return nil
	}
	if err := a.windowsBlocked(now); err != nil {
		if a.opt.Views != nil {
			fmt.Fprintln(a.opt.Log, "limber: break window:", err)
		}
		return err
	}
	a.views.gen++
	gen := a.views.gen
	a.views.prepared[k] = false // OpenBreak takes the pre-started one
	err := a.opt.Views.OpenBreak(k, func(x ViewExit) { a.onViewExit(k, gen, x) })
	if err != nil {
		fmt.Fprintln(a.opt.Log, "limber: break window:", err)
		a.viewFailed(now, err.Error())
		return err
	}
	a.viewOpen[k], a.views.current[k], a.views.closing[k] = true, gen, false
	if a.autoKind == k {
		a.autoKind = ""
	}
	return nil
}

// closeBreakView tells k's window to go; its exit is then not a failure.
func (a *Agent) closeBreakView(k schedule.Kind) {
	if !a.viewOpen[k] || a.views.closing[k] {
		return
	}
	a.opt.Views.CloseBreak(k)
	a.views.closing[k] = true
}

// onViewExit runs when a break window's process ends. One that ended
// while its break was still in progress, without an outcome and without
// being told to close, failed (crashed, was killed, lost its display):
// the break goes on as a notify-only break, and windows back off.
func (a *Agent) onViewExit(k schedule.Kind, gen int, x ViewExit) {
	if a.views.current[k] != gen {
		return // an earlier window of this kind
	}
	a.viewOpen[k] = false
	closing := a.views.closing[k]
	a.views.closing[k] = false
	now := a.wall()
	st := a.eng.Status(now)
	if closing || st.State != schedule.InBreak || st.InBreak != k {
		return
	}
	why := "it ended without a word"
	if x.Err != nil {
		why = x.Err.Error()
	}
	if x.LastLine != "" {
		why += ": " + x.LastLine
	}
	a.viewFailed(now, why)
	a.autoKind, a.autoEnd = k, later(now, a.breakStart.Add(a.breakLen(k)))
}

// viewFailed counts a failed window and backs off: 1, 2 minutes…, then
// off, with one notification that says what failed.
func (a *Agent) viewFailed(now time.Time, why string) {
	a.views.fails++
	fmt.Fprintf(a.opt.Log, "limber: the break window failed (%d in a row): %s\n", a.views.fails, why)
	if a.views.fails < maxViewFails {
		a.views.until = now.Add(time.Minute << (a.views.fails - 1))
		return
	}
	a.views.off = true
	if a.views.told || a.opt.Notifier == nil {
		return
	}
	a.views.told = true
	a.opt.Notifier.Send(platform.Notification{Title: i18n.L("notify.views_off.title"),
		Body: i18n.N("notify.views_off.body", a.views.fails, i18n.Args{"Why": why}),
		Icon: iconPath()})
}

// viewWorked resets the failure count: a window reported an outcome.
func (a *Agent) viewWorked() { a.views.fails, a.views.until = 0, time.Time{} }

// windowsAgain lets windows open again (a reload).
func (a *Agent) windowsAgain() {
	a.views.fails, a.views.until, a.views.off, a.views.told = 0, time.Time{}, false, false
}

// reconcileViews brings the windows in line with the engine after every
// loop turn: an open window whose break is no longer in progress is told
// to close; a pre-started one whose break is no longer next is
// discarded; a break that ended with no outcome journaled (a pause, a
// break of another kind started) gets "interrupted".
func (a *Agent) reconcileViews(now time.Time) {
	st := a.eng.Status(now)
	if k := a.views.started; k != "" && (st.State != schedule.InBreak || st.InBreak != k) {
		a.recordOutcome(journal.Record{Event: "interrupted", Kind: string(k), Outcome: "interrupted", Seconds: now.Sub(a.breakStart).Seconds()})
	}
	if a.autoKind != "" && (st.State != schedule.InBreak || st.InBreak != a.autoKind) {
		a.autoKind = ""
	}
	if a.opt.Views == nil {
		return
	}
	next, hasNext := a.eng.Next(now)
	for _, k := range schedule.Kinds {
		if a.viewOpen[k] && (st.State != schedule.InBreak || st.InBreak != k) {
			a.closeBreakView(k)
		}
		fresh := now.Sub(a.views.prepAt[k]) <= a.sched.Breaks[k].WarnBefore+prestartGrace
		want := !a.eng.Away() && hasNext && next.Type == schedule.Due && next.Kind == k && fresh
		if a.views.prepared[k] && !want {
			a.opt.Views.Discard(k)
			a.views.prepared[k] = false
		}
	}
}

// leftOpenAt is when the open break window is closed for being left.
func (a *Agent) leftOpenAt() (time.Time, bool) {
	st := a.eng.Status(a.wall())
	if st.State != schedule.InBreak || !a.viewOpen[st.InBreak] || a.eng.Away() {
		return time.Time{}, false
	}
	return a.breakStart.Add(a.breakLen(st.InBreak) + leftOpen), true
}

// endLeftOpen closes a break window nobody answered long past its time.
func (a *Agent) endLeftOpen(now time.Time) {
	at, ok := a.leftOpenAt()
	if !ok || now.Before(at) {
		return
	}
	k := a.eng.Status(now).InBreak
	// Away from the keyboard the whole time: the break was taken. Working
	// past the window: it was ignored, and comes back as a closed one does.
	if idle, ok := a.idleNow(); !ok || idle >= a.breakLen(k) {
		if err := a.eng.Complete(k, now); err == nil {
			a.recordOutcome(journal.Record{Event: "completed", Kind: string(k), Outcome: "completed", Seconds: now.Sub(a.breakStart).Seconds(), Data: map[string]any{"window": "left open"}})
		}
	} else if err := a.eng.Close(k, now); err == nil {
		a.recordOutcome(journal.Record{Event: "closed", Kind: string(k), Outcome: "closed", Seconds: now.Sub(a.breakStart).Seconds(), Data: map[string]any{"window": "left open"}})
	}
	a.closeBreakView(k)
}

// recordOutcome journals how the break in progress ended: once.
func (a *Agent) recordOutcome(r journal.Record) {
	if string(a.views.started) == r.Kind {
		a.views.started = ""
	}
	// Its notification goes too: its buttons would act on the next break.
	if k := schedule.Kind(r.Kind); a.opt.Notifier != nil && a.notified[k] != 0 {
		a.opt.Notifier.Dismiss(a.notified[k])
		delete(a.notified, k)
	}
	a.record(r)
}

// breakLen is how long k's break lasts today: the schedule as the engine
// has it (a recovery plan's walking prompts are shorter than the setting).
func (a *Agent) breakLen(k schedule.Kind) time.Duration { return a.sched.Breaks[k].Duration }

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
