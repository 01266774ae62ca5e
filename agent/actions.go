package agent

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/prefs"
	"github.com/limberapp/limber/schedule"
)

// Notification action keys.
const (
	actionStart    = platform.DefaultAction // clicking the body starts the break
	actionPostpone = "postpone"
	actionSkip     = "skip"
)

// perform carries out one action from the engine.
func (a *Agent) perform(act schedule.Action, now time.Time) {
	switch act.Type {
	case schedule.Warn:
		a.record(journal.Record{Event: "warned", Kind: string(act.Kind)})
		if a.cfg.OpenWindow && a.cfg.Prestart {
			a.prestart(act.Kind, now)
		}
		a.notify(act.Kind, i18n.L("notify.soon", i18n.Args{"Break": kindTitle(act.Kind), "When": secondsText(act.Lead)}), i18n.L("notify.sentence", i18n.Args{"Text": kindBody(act.Kind)}))
	case schedule.Due:
		a.startBreak(act.Kind, now, nil)
	case schedule.Natural:
		a.record(journal.Record{Event: "natural", Kind: string(act.Kind), Outcome: "natural"})
	}
}

func secondsText(d time.Duration) string {
	if d < time.Minute {
		return i18n.N("time.seconds", int(d.Round(time.Second)/time.Second))
	}
	return roughly(d)
}

// notify shows (or replaces) the notification of a break kind, with
// Start now / Postpone / Skip where the server supports actions.
func (a *Agent) notify(k schedule.Kind, title, body string) {
	n := a.opt.Notifier
	if n == nil {
		return
	}
	note := platform.Notification{Title: title, Body: body, Icon: iconPath(), Replaces: a.notified[k]}
	if n.Actions() {
		note.Actions = []platform.NotifyAction{{Key: actionStart, Label: i18n.L("notify.start_now")}, {Key: actionPostpone, Label: i18n.L("notify.postpone")}}
		if !a.cfg.Strict {
			note.Actions = append(note.Actions, platform.NotifyAction{Key: actionSkip, Label: i18n.L("notify.skip")})
		}
	}
	id, err := n.Send(note)
	if err != nil {
		fmt.Fprintln(a.opt.Log, "limber: notification:", err)
		return
	}
	a.notified[k] = id
}

// startBreak begins a break that is due: notify, journal, and open the
// break window (or, notify only, count it done after its duration).
func (a *Agent) startBreak(k schedule.Kind, now time.Time, data map[string]any) {
	a.breakStarted(k, now, data)
	dur := a.breakLen(k)
	if a.cfg.OpenWindow && a.opt.Views != nil {
		a.notify(k, kindText(k, "due"), i18n.L("notify.due_window", i18n.Args{"Text": kindBody(k), "Length": secondsText(dur)}))
		if a.openBreakView(k, now) == nil {
			return
		}
	} else {
		a.notify(k, kindText(k, "due"), i18n.L("notify.due_notice", i18n.Args{"Text": kindBody(k), "Length": secondsText(dur)}))
	}
	a.autoKind, a.autoEnd = k, now.Add(dur)
}

// breakStarted journals the start of k's break; one still open (ended
// by this start) is journaled as interrupted first.
func (a *Agent) breakStarted(k schedule.Kind, now time.Time, data map[string]any) {
	if old := a.views.started; old != "" && old != k {
		a.recordOutcome(journal.Record{Event: "interrupted", Kind: string(old), Outcome: "interrupted", Seconds: now.Sub(a.breakStart).Seconds()})
	}
	a.breakStart = now
	a.views.started = k
	a.record(journal.Record{Event: "started", Kind: string(k), Data: data})
}

// onNotifyAction handles a click on a notification or one of its buttons.
func (a *Agent) onNotifyAction(id uint32, key string) {
	if a.onCalendarAction(id, key) {
		return
	}
	var k schedule.Kind
	for kind, nid := range a.notified {
		if nid == id {
			k = kind
		}
	}
	if k == "" {
		return
	}
	now := a.wall()
	st := a.eng.Status(now)
	inThis := st.State == schedule.InBreak && st.InBreak == k
	switch key {
	case actionStart:
		if !inThis {
			if _, err := a.eng.StartNow(k, now); err != nil {
				fmt.Fprintln(a.opt.Log, "limber:", err)
				return
			}
			a.breakStarted(k, now, map[string]any{"from": "notification"})
		}
		if a.cfg.OpenWindow && a.openBreakView(k, now) == nil {
			break
		}
		if a.autoKind != k {
			a.autoKind, a.autoEnd = k, now.Add(a.breakLen(k))
		}
	case actionPostpone, actionSkip:
		// Postpone and Skip act on the break as it is: in progress, or
		// announced by its warning. Nothing starts a break here, so a
		// refusal (no postpones or skips left) leaves nothing stuck.
		outcome := "postponed"
		if key == actionSkip {
			outcome = "skipped"
		}
		if err := a.applyOutcome(k, outcome, "", 0, false); err != nil {
			a.tell(k, err.Error())
		}
	}
	a.reconcileViews(now)
	a.refreshTray(now)
}

// tell replaces k's notification with a message and no buttons.
func (a *Agent) tell(k schedule.Kind, msg string) {
	if a.opt.Notifier == nil {
		return
	}
	id, err := a.opt.Notifier.Send(platform.Notification{Title: "Limber", Body: userMessage(msg), Icon: iconPath(), Replaces: a.notified[k]})
	if err == nil && id != 0 {
		a.notified[k] = id
	}
}

// shownError is an error from the schedule in the person's language; it
// still matches the schedule's sentinel (errors.Is).
type shownError struct {
	err  error
	text string
}

func (e *shownError) Error() string { return e.text }
func (e *shownError) Unwrap() error { return e.err }

// shown is err in the person's language.
func shown(err error) error {
	return &shownError{err: err, text: i18n.Msg(schedule.ErrorText(err))}
}

// applyOutcome records how a break ended and updates the schedule.
// fromView is true when the break window itself reported it.
func (a *Agent) applyOutcome(k schedule.Kind, outcome, exercise string, seconds float64, fromView bool) error {
	now := a.wall()
	var err error
	switch outcome {
	case "completed", "ended_early":
		err = a.eng.Complete(k, now)
	case "postponed":
		err = a.eng.Postpone(k, now)
	case "skipped":
		err = a.eng.Skip(k, now)
	case "closed":
		err = a.eng.Close(k, now)
	default:
		return fmt.Errorf("unknown outcome %q: expected completed, ended_early, postponed, skipped or closed", outcome)
	}
	if err != nil {
		return shown(err)
	}
	if fromView {
		a.viewWorked()
		// It closes itself; told all the same, it is sure to go (killed
		// after the grace if it hangs), and its exit is no failure.
		if a.viewOpen[k] && a.opt.Views != nil {
			a.opt.Views.CloseBreak(k)
		}
		a.views.closing[k] = true
	}
	if a.autoKind == k {
		a.autoKind = ""
	}
	if n := a.opt.Notifier; n != nil && a.notified[k] != 0 {
		n.Dismiss(a.notified[k])
		delete(a.notified, k)
	}
	a.recordOutcome(journal.Record{Event: outcome, Kind: string(k), Exercise: exercise, Outcome: outcome, Seconds: seconds})
	a.reconcileViews(now)
	return nil
}

// TakeBreak starts a break of kind now (tray, CLI).
func (a *Agent) TakeBreak(k schedule.Kind) error {
	var err error
	a.do(func() {
		now := a.wall()
		if st := a.eng.Status(now); st.State == schedule.InBreak {
			if st.InBreak == k {
				if a.cfg.OpenWindow {
					err = a.openBreakView(k, now)
				}
				if errors.Is(err, errNoViews) {
					err = nil
				}
				return
			}
			err = errors.New(i18n.L("error.break_in_progress", i18n.Args{"Break": kindText(st.InBreak, "name")}))
			return
		}
		if _, err = a.eng.StartNow(k, now); err != nil {
			return
		}
		a.startBreak(k, now, nil)
		a.reconcileViews(now)
		a.refreshTray(now)
	})
	return err
}

// Pause pauses breaks for d, or until tomorrow's resume hour when d is 0.
func (a *Agent) Pause(d time.Duration) {
	a.do(func() {
		now := a.wall()
		if d <= 0 {
			a.eng.PauseUntilTomorrow(now)
		} else {
			a.eng.Pause(now, d)
		}
		a.record(journal.Record{Event: "paused", Seconds: d.Seconds()})
		a.reconcileViews(now)
		a.refreshTray(now)
	})
}

// Resume ends a pause.
func (a *Agent) Resume() {
	a.do(func() {
		now := a.wall()
		a.eng.Resume(now)
		a.record(journal.Record{Event: "resumed"})
		a.refreshTray(now)
	})
}

// OpenSettings opens the settings view, or until it exists the config
// file with the desktop's default handler (writing a commented file with
// the defaults first when there is none).
func (a *Agent) OpenSettings() error {
	if a.opt.Views != nil {
		if err := a.opt.Views.Open("settings"); err == nil {
			return nil
		}
	}
	if _, err := os.Stat(a.opt.ConfigPath); os.IsNotExist(err) {
		d := prefs.Defaults()
		a.do(func() { d.Locked = a.cfg.Locked }) // locked keys are written as comments
		if err := prefs.Save(a.opt.ConfigPath, d); err != nil {
			return err
		}
	}
	return platform.OpenWithDefault(a.opt.ConfigPath)
}

// OpenView opens a view window (tray, socket).
func (a *Agent) OpenView(view string) error {
	if view == "settings" {
		return a.OpenSettings()
	}
	if a.opt.Views == nil {
		return errors.New(i18n.L("error.no_windows"))
	}
	if err := a.opt.Views.Open(view); err != nil {
		fmt.Fprintln(a.opt.Log, "limber:", err)
		return err
	}
	return nil
}

// Status is the JSON snapshot for `limber status`.
func (a *Agent) Status() StatusJSON {
	var out StatusJSON
	a.do(func() { out = a.statusJSON(a.wall()) })
	return out
}

func (a *Agent) statusJSON(now time.Time) StatusJSON {
	st := a.eng.Status(now)
	out := StatusJSON{State: string(st.State), SkipsLeft: st.SkipsLeft, Strict: a.cfg.Strict, IdleSource: a.idleSourceName(), Config: a.opt.ConfigPath, PID: os.Getpid(), Next: []NextJSON{}}
	if a.opt.Notifier != nil {
		out.Notifier = a.opt.Notifier.Name()
	}
	if st.State == schedule.InBreak {
		out.InBreak = string(st.InBreak)
	}
	if a.dnd.Active && st.Waiting != "" {
		out.Deferred = a.dnd.Reason
	}
	if !st.PausedUntil.IsZero() {
		t := st.PausedUntil
		out.PausedUntil = &t
	}
	for _, n := range st.Next {
		out.Next = append(out.Next, NextJSON{Kind: string(n.Kind), DueInSeconds: int64(n.In.Round(time.Second) / time.Second), PostponesLeft: n.PostponesLeft,
			DurationSeconds: int64(a.sched.Breaks[n.Kind].Duration / time.Second), Walk: n.Kind == schedule.Rest && a.adaptation.Active && a.adaptation.WalkEvery > 0})
	}
	for _, p := range a.problems {
		out.Problems = append(out.Problems, p.Say(i18n.Msg))
	}
	return out
}

// Handle answers one control-socket request on the loop.
func (a *Agent) Handle(req Request) Response {
	fail := func(err error) Response { return Response{Error: err.Error()} }
	if err := req.validate(nil); err != nil {
		return fail(err)
	}
	switch req.Cmd {
	case "ping":
		return Response{OK: true}
	case "status":
		st := a.Status()
		return Response{OK: true, Status: &st}
	case "break":
		kind := req.Kind
		if kind == "" {
			kind = string(schedule.Posture)
		}
		k, err := schedule.ParseKind(kind)
		if err != nil {
			return fail(err)
		}
		if err := a.TakeBreak(k); err != nil {
			return fail(err)
		}
		return Response{OK: true}
	case "pause":
		d := time.Duration(req.Seconds * float64(time.Second)) // validated: 1 s to a day
		if req.UntilTomorrow {
			d = 0
		}
		a.Pause(d)
		return Response{OK: true}
	case "resume":
		a.Resume()
		return Response{OK: true}
	case "outcome":
		k, err := schedule.ParseKind(req.Kind)
		if err != nil {
			return fail(err)
		}
		a.do(func() {
			err = a.applyOutcome(k, req.Outcome, req.Exercise, req.Seconds, true)
			a.refreshTray(a.wall())
		})
		if err != nil {
			return fail(err)
		}
		return Response{OK: true}
	case "open":
		if !knownViews[req.View] {
			return fail(fmt.Errorf("unknown view %q", req.View))
		}
		if err := a.OpenView(req.View); err != nil {
			return fail(err)
		}
		return Response{OK: true}
	case "reload-recovery":
		a.do(func() {
			a.loadRecovery()
			a.adapt(a.wall())
			a.refreshTray(a.wall())
		})
		return Response{OK: true}
	case "reload":
		probs := a.Reload()
		// Only problems in the person's own file fail the reload: the
		// administrator's file and LIMBER_* variables are not theirs to
		// fix in the settings window (they are still logged and told).
		var msgs []string
		for _, p := range probs {
			if p.File == a.opt.ConfigPath {
				msgs = append(msgs, p.Say(i18n.Msg))
			}
		}
		if len(msgs) > 0 {
			return Response{Error: i18n.L("error.reload_problems") + "\n" + strings.Join(msgs, "\n")}
		}
		return Response{OK: true}
	case "quit":
		return Response{OK: true}
	}
	return fail(fmt.Errorf("unknown command %q", req.Cmd))
}

// knownViews are the windows the agent may open on request.
var knownViews = map[string]bool{"settings": true, "wizard": true, "welcome": true, "quickcheck": true, "lifting": true, "recovery": true, "recovery-checkin": true, "history": true}

// NotifyAction is the notifier's callback: it hands the click to the loop.
func (a *Agent) NotifyAction(id uint32, key string) {
	go a.do(func() { a.onNotifyAction(id, key) })
}
