package agent

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/prefs"
	"github.com/limberapp/limber/recovery"
	"github.com/limberapp/limber/schedule"
)

// Tray is what the agent shows in the system tray. The systray binding
// implements it; tests use a recorder.
type Tray interface {
	// Update sets the menu's status line, the tooltip, and whether the
	// pause menu offers Resume.
	Update(status, tooltip string, paused bool)
}

// Recorder appends to the journal.
type Recorder interface {
	Append(journal.Record) error
}

// Views opens windows in short-lived view processes.
type Views interface {
	// OpenBreak opens the break window for kind. onExit runs on the
	// agent's loop when that window's process ends.
	OpenBreak(kind schedule.Kind, onExit func(ViewExit)) error
	// Prestart starts the break window of kind hidden, to show it at once
	// later; Discard ends a pre-started window that is not needed.
	Prestart(kind schedule.Kind) error
	Discard(kind schedule.Kind)
	// CloseBreak tells the open break window of kind that its break
	// ended elsewhere (notification, tray, lock): it closes without
	// reporting. SetPostpones updates the postpones it offers.
	CloseBreak(kind schedule.Kind)
	SetPostpones(kind schedule.Kind, n int)
	// Open opens another view ("settings", "wizard", …).
	Open(view string, args ...string) error
}

// Options are the agent's parts. Zero values are filled by New with the
// real ones, except Tray (nil: no tray) and Views (nil: notify only).
type Options struct {
	ConfigPath string
	Now        func() time.Time
	Notifier   platform.Notifier
	Tray       Tray
	Views      Views
	Journal    Recorder
	Log        io.Writer
	// Idle reads the time since the last input; nil: the person counts
	// as active whenever the agent runs.
	Idle platform.IdleSource
	// DND checks do-not-disturb; nil: never.
	DND func(platform.DNDConfig) platform.DNDState
	// Session delivers sleep, wake, lock and unlock; nil: none (the
	// wall-clock jump check still sees a suspend).
	Session <-chan platform.SessionEvent
	// StateDir holds agent.json (calendar items); empty: not kept.
	StateDir string
	// RecoveryPath is the recovery plan's state file; empty: no plan.
	RecoveryPath string
	// Prefs are the settings loader's options (tests: no system files,
	// no environment).
	Prefs prefs.Options
	// Zone is the local time zone now in force; nil: time.Local, fixed.
	Zone func() *time.Location
	// Today are today's journal records at start, for the tray's count.
	Today []journal.Record
	// Redetect looks for an idle source again after the one in use lost
	// its desktop; nil: never.
	Redetect func() (platform.IdleSource, error)
	// Rotate files the journal's closed months away (at start and when a
	// month begins); nil: never.
	Rotate func(now time.Time) error
	// Alarm makes the loop's alarm clock; nil: a Go runtime timer
	// (NewTimerAlarm), which the tests' fake clock runs.
	Alarm func() Alarm
}

// Agent is the resident process's state. Everything it owns is touched
// only on the loop goroutine (Run); other goroutines hand it work through
// do.
type Agent struct {
	opt      Options
	cfg      prefs.Config
	problems []prefs.Problem
	eng      *schedule.Engine
	sched    schedule.Config // what the engine was last given (plan included)
	calls    chan func()
	quit     chan struct{} // closed by Quit, even before Run starts
	quitOnce sync.Once
	loc      *time.Location // the local zone the schedule follows

	lastWall time.Time // wall and monotonic reading of the last loop turn,
	lastMono time.Time // to see a suspend as a wall-clock jump

	notified   map[schedule.Kind]uint32 // notification per kind, to replace
	viewOpen   map[schedule.Kind]bool
	autoEnd    time.Time // notify-only break: when it counts as done
	autoKind   schedule.Kind
	lastTray   string
	today      todayTally // today's breaks, for the status line
	month      string     // the local month the journal was last rotated in
	breakStart time.Time

	watcher platform.IdleWatcher // the idle source's alarms, if it has them
	runCtx  context.Context
	// redetectAt is when to look for an idle source again (zero: not).
	redetectAt   time.Time
	redetectWait time.Duration
	armed        string // the alarms set, to re-arm only on change

	activeFrom time.Time     // the hour the active time since activeMark belongs to
	activeMark time.Duration // engine.Active() at the last "active" record

	turns int  // loop turns, for tests: the loop must not poll
	trace bool // LIMBER_TRACE=1: log each loop turn to stderr

	idleFor    time.Duration // last reading of the idle source
	idleReadAt time.Time     // when it was read
	dnd        platform.DNDState
	dndAt      time.Time
	locked     bool // Lock seen, not yet Unlock
	asleep     bool // Sleep seen, not yet Wake

	views viewState // the break windows: see breakviews.go

	state    agentState
	calNotes map[uint32]string    // calendar notification id → item id
	calLater map[string]time.Time // item id → when "Later" brings it back

	rec         *recovery.Plan
	adaptation  recovery.Adaptation
	adaptDay    string // local date the adaptation was computed for
	thermalEnd  time.Time
	thermalKind string // "ice" or "heat" while a timer runs
}

// idleSourceName names the idle source for `limber status`.
func (a *Agent) idleSourceName() string {
	switch {
	case !a.cfg.IdleEnabled:
		return "off"
	case a.opt.Idle == nil:
		return "unsupported"
	}
	return a.opt.Idle.Name()
}

// New loads the settings and builds the engine.
func New(opt Options) *Agent {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Log == nil {
		opt.Log = os.Stderr
	}
	a := &Agent{opt: opt, calls: make(chan func()), quit: make(chan struct{}), notified: map[schedule.Kind]uint32{}, viewOpen: map[schedule.Kind]bool{}, loc: time.Local}
	if opt.Zone != nil {
		a.loc = opt.Zone()
	}
	a.views.init()
	a.trace = os.Getenv("LIMBER_TRACE") == "1"
	a.cfg, a.problems = prefs.Load(opt.ConfigPath, opt.Prefs)
	i18n.Use(a.cfg.Language)
	now := a.wall()
	sc := a.cfg.Schedule()
	sc.Location = a.loc
	a.sched = sc
	a.eng = schedule.New(sc, now)
	a.lastWall, a.lastMono = now, opt.Now()
	a.today.seed(opt.Today, now)
	a.month = now.Format("2006-01")
	a.loadState(now)
	a.loadRecovery()
	a.adapt(now)
	return a
}

// Problems are the settings problems found at start.
func (a *Agent) Problems() []prefs.Problem { return a.problems }

func (a *Agent) wall() time.Time { return a.opt.Now().Round(0).In(a.loc) }

// ReportProblems tells the person, once, what is wrong with the settings:
// on stderr and in one notification.
func (a *Agent) ReportProblems() {
	if len(a.problems) == 0 {
		return
	}
	body := ""
	for i, p := range a.problems {
		fmt.Fprintln(a.opt.Log, "limber: settings:", p.String())
		if i < 3 {
			body += p.Say(i18n.Msg) + "\n"
		}
	}
	if len(a.problems) > 3 {
		body += i18n.N("notify.problems.more", len(a.problems)-3) + "\n"
	}
	body += i18n.L("notify.problems.body")
	if a.opt.Notifier != nil {
		a.opt.Notifier.Send(platform.Notification{Title: i18n.L("notify.problems.title"), Body: body})
	}
}

// do runs f on the loop goroutine and waits for it.
func (a *Agent) do(f func()) {
	done := make(chan struct{})
	a.calls <- func() { f(); close(done) }
	<-done
}

// Run is the agent's loop: one timer, armed for the engine's next
// deadline (or the next minute change of the tray countdown), and the
// calls from the tray, the socket and notifications. It returns when ctx
// ends or Quit is called.
func (a *Agent) Run(ctx context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if a.opt.Session != nil {
		go func() {
			for {
				select {
				case <-ctx.Done():
					return
				case ev := <-a.opt.Session:
					a.do(func() { a.onSession(ev) })
				}
			}
		}()
	}
	a.runCtx = ctx
	if w, ok := a.opt.Idle.(platform.IdleWatcher); ok {
		a.watcher = w
		a.watchEvents(w)
	}
	newAlarm := a.opt.Alarm
	if newAlarm == nil {
		newAlarm = NewTimerAlarm
	}
	alarm := newAlarm()
	defer alarm.Close()
	for {
		a.turns++
		a.tick()
		wait, ok := a.nextWake()
		if !ok {
			wait = -1
		}
		alarm.Set(wait)
		if a.trace {
			fmt.Fprintf(a.opt.Log, "limber: loop turn %d at %s: sleeping %v (%v)\n", a.turns, a.wall().Format("15:04:05.000"), wait, ok)
		}
		select {
		case <-ctx.Done():
			a.journalActive(a.wall(), true)
			return
		case <-a.quit:
			a.journalActive(a.wall(), true)
			return
		case <-alarm.C():
		case f := <-a.calls:
			f()
		}
	}
}

// watchEvents turns the watcher's alarms into loop turns until they end.
func (a *Agent) watchEvents(w platform.IdleWatcher) {
	ctx := a.runCtx
	go func() {
		for range w.Events() {
			select {
			case a.calls <- func() {}: // a loop turn reads the idle time
			case <-ctx.Done():
				return
			}
		}
		select {
		case a.calls <- func() { a.idleLost(w) }:
		case <-ctx.Done():
		}
	}()
}

// idleLost: the watcher lost its desktop (Mutter left the bus, the
// compositor went): read the idle time at the marks instead, as for a
// source with no alarms, and look for an idle source again from time to
// time (the desktop may come back).
func (a *Agent) idleLost(w platform.IdleWatcher) {
	if a.watcher != w {
		return
	}
	fmt.Fprintln(a.opt.Log, "limber: idle alarms ended; reading the idle time instead")
	a.watcher, a.armed = nil, ""
	if a.opt.Redetect != nil {
		a.redetectWait = 30 * time.Second
		a.redetectAt = a.wall().Add(a.redetectWait)
	}
}

// redetect looks for an idle source again once its time has come.
func (a *Agent) redetect(now time.Time) {
	if a.redetectAt.IsZero() || now.Before(a.redetectAt) {
		return
	}
	src, err := a.opt.Redetect()
	if err != nil {
		a.redetectWait = min(2*a.redetectWait, 10*time.Minute)
		a.redetectAt = now.Add(a.redetectWait)
		return
	}
	a.redetectAt = time.Time{}
	if old := a.opt.Idle; old != nil {
		old.Close()
	}
	a.opt.Idle = src
	fmt.Fprintln(a.opt.Log, "limber: idle detection is back:", src.Name())
	if w, ok := src.(platform.IdleWatcher); ok {
		a.watcher = w
		a.watchEvents(w)
	}
}

// Quit ends Run, now or, when it has not started yet, as soon as it
// does. It is safe from any goroutine.
func (a *Agent) Quit() {
	a.quitOnce.Do(func() { close(a.quit) })
}

// tick brings the engine up to now, performs what fell due and refreshes
// the tray.
func (a *Agent) tick() {
	if a.opt.Zone != nil {
		if loc := a.opt.Zone(); loc != a.loc {
			fmt.Fprintln(a.opt.Log, "limber: the time zone is now", loc)
			a.loc = loc
			a.adapt(a.wall()) // working hours, resume_at and calendar times follow
		}
	}
	now := a.wall()
	mono := a.opt.Now()
	away := a.eng.Away()
	// A suspend stops the monotonic clock but not the wall clock: the gap
	// between the two is time the person was away (already accounted
	// for while the session is away).
	if gap := now.Sub(a.lastWall) - mono.Sub(a.lastMono); gap > 30*time.Second && !away {
		a.eng.Absent(now, gap)
	}
	a.lastWall, a.lastMono = now, mono

	if a.autoKind != "" && !now.Before(a.autoEnd) && !away {
		k := a.autoKind
		a.autoKind = ""
		// With no window nobody pressed Done: the idle source says
		// whether the person stepped away from the keyboard for it.
		out := "completed"
		if idle, ok := a.idleNow(); ok && idle*2 < a.breakLen(k) {
			out = "ended_early"
		}
		if err := a.eng.Complete(k, now); err == nil {
			a.recordOutcome(journal.Record{Event: out, Kind: string(k), Outcome: out, Seconds: now.Sub(a.breakStart).Seconds(), Data: map[string]any{"window": false}})
		}
	}
	a.endLeftOpen(now)
	if now.Format("2006-01-02") != a.adaptDay {
		a.adapt(now) // the recovery phase follows the calendar
	}
	if m := now.Format("2006-01"); m != a.month {
		a.month = m
		if a.opt.Rotate != nil {
			if err := a.opt.Rotate(now); err != nil {
				fmt.Fprintln(a.opt.Log, "limber: journal:", err)
			}
		}
	}
	a.endThermal(now)
	a.redetect(now)
	if a.calendarMayFire(now) {
		a.fireCalendar(now)
		a.fireLater(now)
	}
	in := schedule.Inputs{IdleFor: a.readIdle(now), DoNotDisturb: a.checkDND(now)}
	for _, act := range a.eng.Advance(now, in) {
		a.perform(act, now)
	}
	a.reconcileViews(now)
	a.journalActive(now, false)
	a.armIdleWatch(now)
	a.refreshTray(now)
}

// journalActive records the active (keyboard and mouse) time counted
// since the last record, once an hour of the local clock (and at exit),
// for the history: {"event":"active","seconds":N,"data":{"from":T}}.
func (a *Agent) journalActive(now time.Time, final bool) {
	y, m, d := now.Date()
	hour := time.Date(y, m, d, now.Hour(), 0, 0, 0, now.Location())
	total := a.eng.Active()
	if a.activeFrom.IsZero() {
		a.activeFrom, a.activeMark = hour, total
		return
	}
	if hour.Equal(a.activeFrom) && !final {
		return
	}
	if n := total - a.activeMark; n > 0 {
		a.record(journal.Record{Event: "active", Seconds: n.Round(time.Second).Seconds(), Data: map[string]any{"from": a.activeFrom}})
	}
	a.activeFrom, a.activeMark = hour, total
}

// armIdleWatch sets the idle watcher's alarms, where the platform has
// one, instead of polling: one at each idle length still ahead at which
// the engine's view changes, and, once the person is away, one for their
// return. Alarms are re-armed only when that set changes.
func (a *Agent) armIdleWatch(now time.Time) {
	if a.watcher == nil {
		return
	}
	var marks []time.Duration
	var active time.Duration
	if a.idleMatters(now) && !a.idleReadAt.IsZero() {
		for _, m := range a.eng.IdleMarks() {
			if m > a.idleFor {
				marks = append(marks, m)
			}
		}
		// Once the person counts as away, or idle past a threshold
		// shorter than that, an alarm for their return.
		if a.idleFor >= schedule.AwayAfter || (a.idleFor > 0 && a.eng.Status(now).State == schedule.Idle) {
			active = min(a.idleFor, schedule.AwayAfter) / 2
		}
	}
	key := fmt.Sprint(marks, active)
	if key == a.armed {
		return
	}
	if err := a.watcher.Watch(marks, active); err != nil {
		fmt.Fprintln(a.opt.Log, "limber: idle watch:", err, "(falling back to reading the idle time)")
		a.watcher = nil
		return
	}
	a.armed = key
}

// idleMatters: the idle source is read only while breaks are counting.
func (a *Agent) idleMatters(now time.Time) bool {
	if a.opt.Idle == nil || !a.cfg.IdleEnabled || a.eng.Away() {
		return false
	}
	st := a.eng.Status(now).State
	return st == schedule.Running || st == schedule.Idle || st == schedule.InBreak
}

// idleNow reads the idle source, when there is one and it is on.
func (a *Agent) idleNow() (time.Duration, bool) {
	if a.opt.Idle == nil || !a.cfg.IdleEnabled || a.eng.Away() {
		return 0, false
	}
	d, err := a.opt.Idle.IdleTime()
	return d, err == nil
}

// readIdle reads the idle source when it matters.
func (a *Agent) readIdle(now time.Time) time.Duration {
	if !a.idleMatters(now) {
		a.idleReadAt = time.Time{}
		return 0
	}
	d, err := a.opt.Idle.IdleTime()
	if err != nil {
		return 0
	}
	a.idleFor, a.idleReadAt = d, now
	return d
}

// nextIdleCheck is when the idle source should be read again: when the
// idle time, if no input comes, reaches the next length at which the
// engine's view changes; and, once the person is away, often enough to
// notice their return (every 5 s at first, less often the longer they
// are away, at once-a-minute at most; every 5 s while a break waits).
func (a *Agent) nextIdleCheck(now time.Time) (time.Duration, bool) {
	if a.watcher != nil || a.idleReadAt.IsZero() || !a.idleMatters(now) {
		return 0, false
	}
	cur := a.idleFor + now.Sub(a.idleReadAt)
	var wait time.Duration
	ok := false
	for _, m := range a.eng.IdleMarks() {
		if m > cur {
			wait, ok = m-cur, true
			break
		}
	}
	if cur >= schedule.AwayAfter {
		back := min(max(cur/6, 5*time.Second), time.Minute)
		if a.eng.Status(now).Waiting != "" {
			back = 5 * time.Second
		}
		if !ok || back < wait {
			wait, ok = back, true
		}
	}
	return max(wait, 5*time.Second), ok
}

// checkDND asks the platform about do-not-disturb when a break is about to
// be shown or one is being held; otherwise the last answer stands.
func (a *Agent) checkDND(now time.Time) bool {
	if a.opt.DND == nil {
		return false
	}
	due := false
	if act, ok := a.eng.Next(now); ok && !act.At.After(now) && (act.Type == schedule.Due || act.Type == schedule.Warn) {
		due = true
	}
	if due || (a.dnd.Active && !now.Before(a.dndAt.Add(30*time.Second))) {
		a.dnd = a.opt.DND(platform.DNDConfig{Desktop: a.cfg.DNDDesktop, Fullscreen: a.cfg.DNDFullscreen, Camera: a.cfg.DNDCamera, Apps: a.cfg.DNDApps})
		a.dndAt = now
	}
	return a.dnd.Active
}

// nextWake is how long the loop may sleep.
func (a *Agent) nextWake() (time.Duration, bool) {
	now := a.wall()
	var wake time.Duration
	ok := false
	consider := func(d time.Duration) {
		if d < 0 {
			d = 0
		}
		if !ok || d < wake {
			wake, ok = d, true
		}
	}
	away := a.eng.Away()
	consider(maxSleep) // the time zone and the clock are checked at least this often
	if act, has := a.eng.Next(now); has {
		consider(act.At.Sub(now))
	}
	if a.autoKind != "" && !away {
		consider(a.autoEnd.Sub(now))
	}
	if at, has := a.leftOpenAt(); has {
		consider(at.Sub(now))
	}
	if d, has := a.nextIdleCheck(now); has {
		consider(d)
	}
	if a.dnd.Active {
		consider(a.dndAt.Add(30 * time.Second).Sub(now))
	}
	if a.calendarMayFire(now) { // otherwise the end of the pause, absence or DND wakes the loop
		if _, at, has := a.nextCalendar(now); has {
			consider(at.Sub(now))
		}
		if at, has := a.nextLater(); has {
			consider(at.Sub(now))
		}
	}
	if a.thermalKind != "" {
		consider(a.thermalEnd.Sub(now))
	}
	if !a.redetectAt.IsZero() {
		consider(a.redetectAt.Sub(now))
	}
	if y, m, d := now.Date(); true {
		consider(time.Date(y, m, d+1, 0, 0, 1, 0, now.Location()).Sub(now)) // the phase may change at midnight
	}
	// The tray's countdown shows whole minutes: wake when it changes.
	st := a.eng.Status(now)
	if st.State == schedule.Running && !a.activeFrom.IsZero() {
		consider(a.activeFrom.Add(time.Hour).Sub(now)) // the hour's active time
	}
	if st.State == schedule.Running && len(st.Next) > 0 {
		if r := st.Next[0].In % time.Minute; r > 0 {
			consider(r)
		} else if st.Next[0].In > 0 {
			consider(time.Minute)
		}
	}
	if ok && wake < 10*time.Millisecond {
		wake = 10 * time.Millisecond
	}
	return wake, ok
}

func (a *Agent) refreshTray(now time.Time) {
	if a.opt.Tray == nil {
		return
	}
	st := a.eng.Status(now)
	line, tip := a.today.line(st, now), tooltip(st, now)
	key := line + "\x00" + tip + fmt.Sprint(st.State == schedule.Paused)
	if key == a.lastTray {
		return
	}
	a.lastTray = key
	a.opt.Tray.Update(line, tip, st.State == schedule.Paused)
}

// calendarMayFire: refreshers and check-ins wait, like breaks, while the
// session is away, breaks are paused, or do-not-disturb holds.
func (a *Agent) calendarMayFire(now time.Time) bool {
	return !a.eng.Away() && !a.dnd.Active && a.eng.Status(now).State != schedule.Paused
}

// maxSleep is the longest the loop sleeps with nothing due: a time-zone
// change is seen within it.
const maxSleep = 10 * time.Minute

func (a *Agent) record(r journal.Record) {
	if a.opt.Journal == nil {
		return
	}
	if r.Time.IsZero() {
		r.Time = a.wall()
	}
	a.today.add(r, r.Time)
	if err := a.opt.Journal.Append(r); err != nil {
		fmt.Fprintln(a.opt.Log, "limber: journal:", err)
	}
}
