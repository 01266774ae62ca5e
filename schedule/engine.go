package schedule

// The engine's rules.
//
// Active time. A kind's clock counts only active time: time while the engine
// is running — not paused, not in a break, inside working hours, and the
// person not idle past Config.IdleThreshold. The engine never reads the
// clock: each call brings the wall-clock time, and Advance accounts the
// span since the previous call using its Inputs. IdleFor ≥ IdleThreshold
// takes the whole idle episode [now-IdleFor, now] out of active time,
// retroactively (time already counted is taken back) and the state is
// Idle; a shorter IdleFor counts as active. When a reading shows the
// person came back from an away episode (the previous reading had
// IdleFor ≥ AwayAfter), that episode is taken to have lasted until the new
// last input. A wall-clock jump backwards, and an Absent span (sleep,
// lock), never count.
//
// Natural breaks. Idle at least as long as a kind's Duration resets that
// kind and emits one Natural action per kind per idle episode, only for
// kinds with active time counted since their last reset. An absence
// (Absent, or idle) at least as long as the rest break's Duration resets
// every kind, and so does a gap in working hours that long (a lunch
// break) or a pause until tomorrow. Absent's natural breaks come with the
// next Advance. Kinds covered by the break in progress are left to it.
//
// Warn and Due. A kind warns when its active time reaches Every-WarnBefore
// and falls due at Every, later by PostponeFor for each postpone. No
// warning is shown while the person is away (idle ≥ AwayAfter) or under
// do-not-disturb. A due break while the person is away, or under
// do-not-disturb, waits (Status.Waiting): it is emitted as Due when they
// are back, when do-not-disturb ends, or — even under do-not-disturb,
// though never while away — MaxDeferral after it first fell due (a
// postpone does not restart that clock; a pause does). A reading's
// DoNotDisturb holds from its own time on; before it, the previous one.
// Waiting breaks never pile up: at most one waits, the longest kind due,
// and the Due it becomes covers the shorter ones. A Due puts the engine InBreak; it stays there
// until Complete, Postpone, Skip, Close, StartNow of another kind, or Pause.
//
// Coalescing. When kind K falls due and a longer enabled kind (longer
// Duration) is due within CoalesceWithin of active time, the longest such
// kind is taken instead; Action.Covers lists the shorter enabled kinds its
// Complete resets. A warning for K likewise announces the longer kind.
// There is never more than one break at a time.
//
// Outcomes. Complete resets the kind and every kind with a shorter or equal
// Duration. Skip (refused in strict mode, limited per local calendar day
// by SkipBudget) resets the same. Postpone (limited per occurrence,
// StrictMaxPostpones in strict mode) brings the break back after
// PostponeFor of active time, and holds back the shorter kinds it covers
// so they come back with it. Close — the window closed with no choice —
// is a postpone while any are left, otherwise the break comes back after
// RetryAfter of active time: it is never dropped. Postpone counters reset
// whenever the kind resets.
//
// Working hours. Outside them nothing counts and no break starts; the
// state is OutsideHours, a Wake action marks each change, and
// Status.HoursResume says when hours begin. Days and times are judged by
// the local wall clock in Config.Location, so ranges across midnight and
// daylight-saving changes work.
//
// Pause. While paused nothing counts and no break starts; a Wake action
// marks the end of a timed pause, Resume ends it early. Pausing during a
// break ends the break without resetting it: it is still owed and comes
// due when the pause ends (a pause until tomorrow resets every kind).
//
// Deadlines. Next returns the earliest action that will happen if the
// person stays active, at its exact time, so the agent arms one timer and
// calls Advance then. A break waiting for the person's return has no
// deadline: the agent calls Advance when its idle source reports input
// (IdleMarks lists the idle lengths at which the engine's view changes).
// Advance is idempotent: a repeated call at the same time returns nothing.

import (
	"sort"
	"time"
)

// RetryAfter is how much active time passes before a break that was closed
// with no postpones left comes back.
const RetryAfter = time.Minute

const numKinds = 3

// ledgerKeep is how long counted time stays open to being taken back by
// an absence reported late (a lock that began before the last call).
const ledgerKeep = 12 * time.Hour

// clock is the state of one break kind.
type clock struct {
	acc       time.Duration // active time since the last reset
	due       time.Duration // acc at which the break falls due
	extended  bool          // due was moved by a postpone or a close
	postponed int           // postpones of the current occurrence
	warned    bool          // the warning of the current occurrence is done
	fellDue   time.Time     // when the current occurrence first fell due
	resetAt   time.Time
}

// Engine is the scheduling engine. It is not safe for concurrent use: the
// agent calls it from its one event loop.
type Engine struct {
	cfg  Config
	loc  *time.Location
	last time.Time // accounted up to here

	clocks [numKinds]clock

	inBreak    Kind
	breakStart time.Time

	paused      bool
	pausedUntil time.Time // zero: until Resume
	pauseResets bool      // a pause until tomorrow: reset every kind when it ends

	inside       bool
	outsideSince time.Time
	hoursValid   bool
	hoursFrom    time.Time
	hoursNext    time.Time

	lastInput  time.Time // the last input known
	dnd        bool
	natEpisode time.Time
	natDone    uint8

	skipYear  int
	skipMonth time.Month
	skipDay   int
	skipsUsed int

	active time.Duration // active time counted since New, less what was taken back

	away     bool      // the session is away (locked, asleep): see SessionAway
	awayFrom time.Time // the last input before it

	counted ledger
	pending []Action // emitted by a request's accounting, returned by the next Advance
}

// New returns an engine that starts at now with every clock at zero.
func New(cfg Config, now time.Time) *Engine {
	e := &Engine{last: now, lastInput: now}
	e.setConfig(cfg)
	for i := range e.clocks {
		e.reset(i, now)
	}
	e.inside = e.inHours(now)
	e.outsideSince = now
	return e
}

func (e *Engine) setConfig(cfg Config) {
	cfg = cfg.WithDefaults()
	breaks := make(map[Kind]BreakConfig, len(cfg.Breaks))
	for k, b := range cfg.Breaks {
		breaks[k] = b
	}
	cfg.Breaks = breaks
	if cfg.Hours != nil {
		h := Hours{}
		for wd, spans := range cfg.Hours.Days {
			h.Days[wd] = append([]Span(nil), spans...)
		}
		cfg.Hours = &h
	}
	if cfg.PostponeFor < 0 {
		cfg.PostponeFor = DefaultPostponeFor
	}
	if cfg.IdleThreshold < 0 {
		cfg.IdleThreshold = DefaultIdleThreshold
	}
	if cfg.ResumeHour < 0 || cfg.ResumeHour >= 24*time.Hour {
		cfg.ResumeHour = DefaultResumeHour
	}
	if cfg.CoalesceWithin < 0 {
		cfg.CoalesceWithin = 0
	}
	if cfg.MaxDeferral < 0 {
		cfg.MaxDeferral = 0
	}
	e.cfg = cfg
	e.loc = locOrLocal(cfg.Location)
	e.hoursValid = false
}

// SetConfig applies new settings (a live reload). Active time already
// counted is kept, clamped so that no kind is further past due than its
// new interval; kinds that were disabled start from zero.
func (e *Engine) SetConfig(cfg Config, now time.Time) {
	e.syncQuiet(now)
	var was [numKinds]bool
	for i := range Kinds {
		was[i] = e.enabled(i)
	}
	e.setConfig(cfg)
	for i := range Kinds {
		if !e.enabled(i) {
			continue
		}
		if !was[i] {
			e.reset(i, e.last)
			continue
		}
		c, b := &e.clocks[i], e.bc(i)
		if !c.extended {
			c.due = b.Every
		}
		if c.acc > c.due {
			c.acc = c.due
		}
		if c.acc < c.due-b.WarnBefore {
			c.warned = false
		}
	}
	// Re-judge the present instant under the new settings (working hours
	// may now be over, a break may now be due).
	e.syncQuiet(e.last)
}

// Next returns the earliest action that will happen if the person stays
// active (and do-not-disturb stays as last seen), with its exact time; the
// agent arms one timer for At and calls Advance then. It returns false
// when nothing is scheduled. A break waiting for the person to come back
// has no time: it comes with the Advance that reports their input.
func (e *Engine) Next(now time.Time) (Action, bool) {
	if len(e.pending) > 0 {
		return e.pending[0], true
	}
	if e.away {
		return Action{}, false
	}
	s := *e
	s.counted = nil
	s.pending = nil
	hold := s.inBreak == "" && s.anyOverdue() && s.last.Sub(s.lastInput) >= AwayAfter
	p := &presence{assume: true, away: hold, dnd: e.dnd, threshold: e.cfg.IdleThreshold}
	var out []Action
	s.account(e.horizon(now), p, &out, true)
	if len(out) == 0 {
		return Action{}, false
	}
	return out[0], true
}

// horizon bounds Next's look-ahead: a week of hours plus the longest
// interval and any pause always contains the next action if there is one.
func (e *Engine) horizon(now time.Time) time.Time {
	h := later(now, e.last).Add(8 * 24 * time.Hour)
	var longest time.Duration
	for i := range Kinds {
		c := e.clocks[i]
		if d := c.due - c.acc; e.enabled(i) && d > longest {
			longest = d
		}
	}
	h = h.Add(longest)
	if e.paused && e.pausedUntil.After(e.last) {
		h = h.Add(e.pausedUntil.Sub(e.last))
	}
	return h
}

// Advance accounts the time from the previous call up to now given the
// inputs, and returns every action whose time has come, in order. A Due
// puts the engine InBreak for its kind.
func (e *Engine) Advance(now time.Time, in Inputs) []Action {
	e.sync(now, in.IdleFor, in.DoNotDisturb)
	out := e.pending
	e.pending = nil
	return out
}

// IdleMarks lists, shortest first, the idle lengths at which the engine's
// view of the person changes: away, each natural break, the idle
// threshold. An agent whose idle source offers watches can set one for
// each and call Advance when it fires, and when input resumes.
func (e *Engine) IdleMarks() []time.Duration {
	marks := []time.Duration{AwayAfter, e.cfg.IdleThreshold}
	for i := range Kinds {
		if d := e.natDur(i); d > 0 && e.enabled(i) {
			marks = append(marks, d)
		}
	}
	sort.Slice(marks, func(i, j int) bool { return marks[i] < marks[j] })
	out := marks[:0]
	for i, m := range marks {
		if i == 0 || m != marks[i-1] {
			out = append(out, m)
		}
	}
	return out
}

// sync accounts up to now with a reading of the idle source; actions go
// to pending.
func (e *Engine) sync(now time.Time, idleFor time.Duration, dnd bool) {
	if e.away {
		e.syncAway(now)
		return
	}
	if now.Before(e.last) {
		e.clockBack(now)
	}
	p := e.observe(now, idleFor, dnd)
	e.account(now, p, &e.pending, false)
	e.lastInput, e.dnd = p.last, dnd
	e.counted.prune(earlier(p.last, now.Add(-ledgerKeep)))
}

// syncUser accounts up to now for a request the person just made: they
// are at the desk.
func (e *Engine) syncUser(now time.Time) { e.sync(now, 0, e.dnd) }

// syncQuiet accounts up to now with no new reading: whatever was last
// seen (present, or away since the last input) goes on.
func (e *Engine) syncQuiet(now time.Time) {
	var idle time.Duration
	if e.last.Sub(e.lastInput) >= AwayAfter && now.After(e.lastInput) {
		idle = now.Sub(e.lastInput)
	}
	e.sync(now, idle, e.dnd)
}

// clockBack handles a wall clock that went backwards: nothing of the
// jump counts, and what was counted before can no longer be taken back.
func (e *Engine) clockBack(now time.Time) {
	e.last = now
	e.counted = nil
	e.hoursValid = false
	if e.lastInput.After(now) {
		e.lastInput = now
	}
	if e.outsideSince.After(now) {
		e.outsideSince = now
	}
	for i := range e.clocks {
		if e.clocks[i].fellDue.After(now) {
			e.clocks[i].fellDue = now
		}
	}
}

// observe turns a reading into a presence for the span up to now, and
// takes back active time that an idle episode now known to be long
// covered before the previous call.
func (e *Engine) observe(now time.Time, idleFor time.Duration, dnd bool) *presence {
	if idleFor < 0 {
		idleFor = 0
	}
	last := now.Add(-idleFor)
	if d := last.Sub(e.lastInput); d <= inputJitter && d >= -inputJitter && !e.lastInput.After(now) && e.last.Sub(e.lastInput) > inputJitter {
		// Two readings within one idle episode: the same last input.
		last = e.lastInput
		idleFor = now.Sub(last)
	}
	p := &presence{dnd: e.dnd, dndEnd: dnd, end: now, last: last, idleFor: idleFor, threshold: e.cfg.IdleThreshold}
	if last.After(e.lastInput) && e.last.Sub(e.lastInput) >= AwayAfter {
		p.continues, p.prevLast = true, e.lastInput
	}
	for _, s := range p.cutSpans(now) {
		if s[0].Before(e.last) {
			e.takeBack(s[0], earlier(s[1], e.last))
		}
	}
	return p
}

// takeBack removes the counted time in [from, to) from every clock.
func (e *Engine) takeBack(from, to time.Time) {
	for i := range Kinds {
		c := &e.clocks[i]
		d := e.counted.overlap(later(from, c.resetAt), to)
		if d == 0 {
			continue
		}
		c.acc -= d
		if c.acc < 0 {
			c.acc = 0
		}
		if c.acc < c.due-e.bc(i).WarnBefore {
			c.warned = false
		}
	}
	e.active -= e.counted.overlap(from, to)
	e.counted.remove(from, to)
}
