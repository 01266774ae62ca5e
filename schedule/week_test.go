package schedule

import (
	"errors"
	"math/rand/v2"
	"sort"
	"testing"
	"testing/synctest"
	"time"
)

// The week simulation: an agent-like loop under synctest (one timer for
// the earliest of Next().At, the person's next change and the agent's own
// plans; then Advance) drives the engine through five working days of a
// person who arrives and leaves at varying times, walks away for seconds
// to a quarter of an hour, idles through lunch, sits in meetings with
// do-not-disturb, closes the laptop, and answers breaks with a seeded mix
// of complete, postpone, skip, close and pause. Independently of the
// engine, the test keeps the truth — which time was active — and checks
// the invariants against it.

type span struct{ from, to time.Time }

func (s span) has(t time.Time) bool { return !t.Before(s.from) && t.Before(s.to) }

// weekPerson is the person and their machine.
type weekPerson struct {
	away  []span // no input from `from` until `to`
	dnd   []span
	sleep []span // machine suspended
}

func find(spans []span, t time.Time) (span, bool) {
	for _, s := range spans {
		if s.has(t) {
			return s, true
		}
	}
	return span{}, false
}

func (p *weekPerson) idleAt(t time.Time) time.Duration {
	if a, ok := find(p.away, t); ok {
		return t.Sub(a.from)
	}
	return 0
}

func (p *weekPerson) inputs(t time.Time) Inputs {
	_, dnd := find(p.dnd, t)
	return Inputs{IdleFor: p.idleAt(t), DoNotDisturb: dnd}
}

// nextChange is the next instant after t at which the agent hears from the
// platform: an idle watch firing, input resuming, do-not-disturb changing,
// the machine going to sleep.
func (p *weekPerson) nextChange(t time.Time, marks []time.Duration) time.Time {
	var best time.Time
	consider := func(x time.Time) {
		if x.After(t) && (best.IsZero() || x.Before(best)) {
			best = x
		}
	}
	for _, list := range [][]span{p.away, p.dnd, p.sleep} {
		for _, s := range list {
			consider(s.from)
			consider(s.to)
		}
	}
	if a, ok := find(p.away, t); ok {
		for _, m := range marks {
			consider(a.from.Add(m))
		}
	}
	return best
}

// presentAfter is the first instant at or after t when the person is at
// the desk and the machine awake.
func (p *weekPerson) presentAfter(t time.Time) time.Time {
	for range 100 {
		if a, ok := find(p.away, t); ok {
			t = a.to
			continue
		}
		if s, ok := find(p.sleep, t); ok {
			t = s.to
			continue
		}
		return t
	}
	return t
}

// weekTruth is the test's own account of active time.
type weekTruth struct {
	cfg    Config
	active []span // counted time, in order
	// provisional is time left out only because its idle episode lasted
	// the threshold in the end: until it has, the rules count it.
	provisional []span
	resetAt     [numKinds]time.Time
	extra       [numKinds]time.Duration // postpones and retries since the reset
	postpone    [numKinds]int
	inside      bool
	outSince    time.Time
}

func measure(spans []span, from, to time.Time) time.Duration {
	var sum time.Duration
	i := sort.Search(len(spans), func(i int) bool { return spans[i].to.After(from) })
	for ; i < len(spans) && spans[i].from.Before(to); i++ {
		a, b := later(spans[i].from, from), earlier(spans[i].to, to)
		if b.After(a) {
			sum += b.Sub(a)
		}
	}
	return sum
}

// activeFor is kind i's active time at now, as far as can be known at now.
func (tr *weekTruth) activeFor(i int, now time.Time) time.Duration {
	return measure(tr.active, tr.resetAt[i], now)
}

// knownAt adds the part of an idle episode still going on at now that has
// not yet reached the threshold.
func (tr *weekTruth) knownAt(p *weekPerson, i int, now time.Time) time.Duration {
	d := tr.activeFor(i, now)
	if a, ok := find(p.away, now.Add(-time.Nanosecond)); ok && now.Sub(a.from) < tr.cfg.IdleThreshold {
		d += measure(tr.provisional, later(a.from, tr.resetAt[i]), now)
	}
	return d
}

func (tr *weekTruth) reset(i int, t time.Time) {
	tr.resetAt[i], tr.extra[i], tr.postpone[i] = t, 0, 0
}

func (tr *weekTruth) resetUpTo(w int, t time.Time) {
	for i := range Kinds {
		if tr.cfg.Breaks[Kinds[i]].Duration <= tr.cfg.Breaks[Kinds[w]].Duration {
			tr.reset(i, t)
		}
	}
}

func addSpan(spans *[]span, from, to time.Time) {
	if !to.After(from) {
		return
	}
	if n := len(*spans); n > 0 && (*spans)[n-1].to.Equal(from) {
		(*spans)[n-1].to = to
		return
	}
	*spans = append(*spans, span{from, to})
}

// advance accounts [from, to): counting unless stopped (paused, in a
// break, asleep), inside hours and not in an idle episode as long as the
// threshold. Hours are minute-aligned, so minute steps find every edge.
func (tr *weekTruth) advance(p *weekPerson, from, to time.Time, stopped bool) {
	loc, h := tr.cfg.Location, tr.cfg.Hours
	for t := from; t.Before(to); {
		next := t.Truncate(time.Minute).Add(time.Minute)
		for _, list := range [][]span{p.away, p.sleep} {
			for _, s := range list {
				if s.from.After(t) && s.from.Before(next) {
					next = s.from
				}
				if s.to.After(t) && s.to.Before(next) {
					next = s.to
				}
			}
		}
		next = earlier(next, to)
		in := h.Contains(t, loc)
		if in != tr.inside {
			tr.inside = in
			if !in {
				tr.outSince = t
			} else if t.Sub(tr.outSince) >= tr.cfg.Breaks[Rest].Duration {
				for i := range Kinds {
					tr.reset(i, t)
				}
			}
		}
		_, asleep := find(p.sleep, t)
		a, away := find(p.away, t)
		longIdle := away && a.to.Sub(a.from) >= tr.cfg.IdleThreshold
		if in && !stopped && !asleep {
			if longIdle {
				addSpan(&tr.provisional, t, next)
			} else {
				addSpan(&tr.active, t, next)
			}
		}
		t = next
	}
}

type weekStats struct {
	dues, warns, naturals, wakes, completes, postpones, postponeRefused, skips, skipRefused, closes, pauses, startNows, absences int
}

// plan is something the agent will do at a time.
type plan struct {
	at   time.Time
	what string // complete, postpone, skip, close, pause, untilTomorrow, startNow
	kind Kind
}

func buildWeek(r *rand.Rand, loc *time.Location, mon time.Time) (*weekPerson, []plan, time.Time, time.Time) {
	p := &weekPerson{}
	y, m, d := mon.Date()
	day := func(i, hh, mm int) time.Time { return time.Date(y, m, d+i, hh, mm, 0, 0, loc) }
	jitter := func(max time.Duration) time.Duration { return time.Duration(r.Int64N(int64(max))) }
	var plans []plan
	var start, end time.Time
	var prevLeave time.Time
	for i := 0; i < 5; i++ {
		arrive := day(i, 8, 30).Add(jitter(40 * time.Minute))
		leave := day(i, 17, 20).Add(jitter(40 * time.Minute))
		if i == 0 {
			start = arrive
		} else {
			p.sleep = append(p.sleep, span{prevLeave, arrive})
		}
		prevLeave, end = leave, leave
		lunch := span{day(i, 12, 25).Add(jitter(10 * time.Minute)), day(i, 13, 10).Add(jitter(20 * time.Minute))}
		var lid span
		if i == 2 { // Wednesday: laptop closed for 20 minutes
			lid = span{day(i, 11, 0), day(i, 11, 20)}
			p.sleep = append(p.sleep, lid)
		}
		if i == 1 || i == 3 {
			p.dnd = append(p.dnd, span{day(i, 10, 0), day(i, 11, 0)})
		} else {
			s := day(i, 14, 0).Add(jitter(2 * time.Hour))
			p.dnd = append(p.dnd, span{s, s.Add(20 * time.Minute)})
		}
		lengths := []time.Duration{15 * time.Second, 45 * time.Second, 2 * time.Minute, 4 * time.Minute, 7 * time.Minute, 12 * time.Minute}
		for t := arrive.Add(5 * time.Minute); ; {
			t = t.Add(5*time.Minute + jitter(35*time.Minute))
			l := lengths[r.IntN(len(lengths))] + jitter(20*time.Second)
			a := span{t, t.Add(l)}
			if !a.to.Before(leave.Add(-5 * time.Minute)) {
				break
			}
			if overlaps(a, lunch, 2*time.Minute) || overlaps(a, lid, 2*time.Minute) {
				continue
			}
			p.away = append(p.away, a)
			t = a.to
		}
		p.away = append(p.away, lunch)
		if i == 2 {
			plans = append(plans, plan{at: day(i, 15, 0), what: "pause"})
		}
		if i == 3 {
			plans = append(plans, plan{at: day(i, 16, 45), what: "untilTomorrow"})
		}
		for n := 0; n < 2; n++ {
			plans = append(plans, plan{at: day(i, 9, 30).Add(jitter(7 * time.Hour)), what: "startNow", kind: Kinds[r.IntN(numKinds)]})
		}
	}
	sort.Slice(p.away, func(i, j int) bool { return p.away[i].from.Before(p.away[j].from) })
	sort.Slice(plans, func(i, j int) bool { return plans[i].at.Before(plans[j].at) })
	return p, plans, start, end
}

func overlaps(a, b span, margin time.Duration) bool {
	return a.from.Before(b.to.Add(margin)) && b.from.Add(-margin).Before(a.to)
}

func TestWeekSimulation(t *testing.T) {
	for _, c := range []struct {
		name   string
		seed   uint64
		monday [3]int
		strict bool
	}{
		{"ordinary week", 1, [3]int{2026, 3, 2}, false},
		{"meetings and postponed deferrals", 2036, [3]int{2026, 3, 30}, false},
		{"week after spring clock change", 2, [3]int{2026, 3, 30}, false},
		{"week after autumn clock change, strict", 3, [3]int{2026, 10, 26}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				simulateWeek(t, c.seed, time.Date(c.monday[0], time.Month(c.monday[1]), c.monday[2], 0, 0, 0, 0, berlin(t)), c.strict)
			})
		})
	}
}

func simulateWeek(t *testing.T, seed uint64, monday time.Time, strict bool) {
	loc := monday.Location()
	r := rand.New(rand.NewPCG(seed, 99))
	cfg := DefaultConfig()
	cfg.Location = loc
	cfg.Hours = officeHours(t)
	cfg.Strict = strict
	person, plans, start, weekEnd := buildWeek(r, loc, monday)

	time.Sleep(start.Sub(time.Now()))
	e := New(cfg, time.Now())
	marks := e.IdleMarks()
	tr := &weekTruth{cfg: cfg, inside: cfg.Hours.Contains(time.Now(), loc), outSince: time.Now()}
	for i := range Kinds {
		tr.reset(i, time.Now())
	}
	limit := cfg.MaxPostpones
	if strict {
		limit = cfg.StrictMaxPostpones
	}
	var (
		st          weekStats
		inBreak     Kind
		outcome     *plan
		paused      bool
		pausedUntil time.Time
		resets      bool // the pause, when it ends, resets every kind
		stubborn    bool
		skipsByDay  = map[[3]int]int{}
		prev        = time.Now()
		promise     Action
		promised    bool
		sameNow     int
		lastAt      time.Time
	)
	breakLen := func(k Kind) time.Duration { return cfg.Breaks[k].Duration }
	kindOf := func(k Kind) int { i, _ := kindIndex(k); return i }

	for {
		now := time.Now()
		if !now.Before(weekEnd) {
			break
		}
		if now.Equal(prev) {
			if sameNow++; sameNow > 10 {
				t.Fatalf("stuck at %v (promise %v)", now, promise)
			}
		} else {
			sameNow = 0
		}
		tr.advance(person, prev, now, paused || inBreak != "")
		prev = now
		var pauseEnded, woke time.Time
		settlePause := func(now time.Time) {
			if paused && !pausedUntil.IsZero() && !now.Before(pausedUntil) {
				paused, pauseEnded = false, pausedUntil
				if resets {
					for i := range Kinds {
						tr.reset(i, now)
					}
				}
			}
		}
		settlePause(now)
		wokeForEngine := promised && now.Equal(promise.At)

		// The machine goes to sleep: the agent stops, and on waking sees
		// the wall-clock jump.
		if s, ok := find(person.sleep, now); ok && s.from.Equal(now) {
			time.Sleep(s.to.Sub(now))
			now = time.Now()
			tr.advance(person, prev, now, true)
			prev = now
			e.Absent(now, now.Sub(s.from))
			st.absences++
			for i := range Kinds {
				if now.Sub(s.from) >= natDurOf(cfg, i) && !coveredBy(cfg, inBreak, i) {
					tr.reset(i, now)
				}
			}
			settlePause(now)
			woke, wokeForEngine = now, false
		}

		// The agent's own plans: break outcomes, the person's requests.
		if outcome != nil && !now.Before(outcome.at) {
			wokeForEngine = false
			o := *outcome
			outcome = nil
			w := kindOf(o.kind)
			switch o.what {
			case "complete":
				if err := e.Complete(o.kind, now); err != nil {
					t.Fatalf("%v: complete %s: %v", now, o.kind, err)
				}
				st.completes++
				tr.resetUpTo(w, now)
				inBreak, stubborn = "", false
			case "postpone":
				err := e.Postpone(o.kind, now)
				if tr.postpone[w] >= limit {
					if !errors.Is(err, ErrPostponeLimit) {
						t.Fatalf("%v: postpone %d of %s: %v, want ErrPostponeLimit", now, tr.postpone[w]+1, o.kind, err)
					}
					st.postponeRefused++
					outcome = &plan{at: now.Add(breakLen(o.kind)), what: "complete", kind: o.kind}
					break
				}
				if err != nil {
					t.Fatalf("%v: postpone %d of %s: %v", now, tr.postpone[w]+1, o.kind, err)
				}
				st.postpones++
				tr.postpone[w]++
				addExtra(tr, w, cfg.PostponeFor)
				inBreak = ""
			case "skip":
				err := e.Skip(o.kind, now)
				y, m, d := now.In(loc).Date()
				day := [3]int{y, int(m), d}
				switch {
				case strict:
					if !errors.Is(err, ErrStrict) {
						t.Fatalf("skip in strict mode: %v", err)
					}
					st.skipRefused++
					outcome = &plan{at: now.Add(breakLen(o.kind)), what: "complete", kind: o.kind}
				case skipsByDay[day] >= cfg.SkipBudget:
					if !errors.Is(err, ErrSkipBudget) {
						t.Fatalf("%v: skip %d today: %v, want ErrSkipBudget", now, skipsByDay[day]+1, err)
					}
					st.skipRefused++
					outcome = &plan{at: now.Add(breakLen(o.kind)), what: "complete", kind: o.kind}
				default:
					if err != nil {
						t.Fatalf("%v: skip %d today: %v", now, skipsByDay[day]+1, err)
					}
					skipsByDay[day]++
					st.skips++
					tr.resetUpTo(w, now)
					inBreak = ""
				}
			case "close":
				if err := e.Close(o.kind, now); err != nil {
					t.Fatal(err)
				}
				st.closes++
				if tr.postpone[w] < limit {
					tr.postpone[w]++
					addExtra(tr, w, cfg.PostponeFor)
				} else {
					addExtra(tr, w, RetryAfter)
				}
				inBreak = ""
			case "pause":
				e.Pause(now, 20*time.Minute)
				st.pauses++
				paused, pausedUntil, resets, inBreak = true, now.Add(20*time.Minute), false, ""
			}
			if s := e.Status(now); (inBreak != "") != (s.State == InBreak) {
				t.Fatalf("%v: after %s, status %+v", now, o.what, s)
			}
		}
		for len(plans) > 0 && !plans[0].at.After(now) {
			pl := plans[0]
			plans = plans[1:]
			wokeForEngine = false
			if inBreak != "" || person.presentAfter(now) != now {
				continue // the person is busy or away: the plan lapses
			}
			switch pl.what {
			case "pause":
				e.Pause(now, 30*time.Minute)
				paused, pausedUntil, resets = true, now.Add(30*time.Minute), false
				st.pauses++
			case "untilTomorrow":
				e.PauseUntilTomorrow(now)
				y, m, d := now.In(loc).Date()
				paused, pausedUntil, resets = true, time.Date(y, m, d+1, 6, 0, 0, 0, loc), true
				if got := e.Status(now).PausedUntil; !got.Equal(pausedUntil) {
					t.Fatalf("paused until %v, want %v", got, pausedUntil)
				}
				st.pauses++
			case "startNow":
				if paused {
					continue
				}
				a, err := e.StartNow(pl.kind, now)
				if err != nil {
					t.Fatal(err)
				}
				if a.Type != Due || a.Kind != pl.kind || !a.At.Equal(now) {
					t.Fatalf("StartNow = %v", a)
				}
				st.startNows++
				inBreak = pl.kind
				outcome = &plan{at: now.Add(breakLen(pl.kind)), what: "complete", kind: pl.kind}
			}
		}

		in := person.inputs(now)
		acts := e.Advance(now, in)
		if again := e.Advance(now, in); len(again) != 0 {
			t.Fatalf("%v: repeated Advance returned %v", now, again)
		}
		if wokeForEngine && promise.Type != Natural {
			present := in.IdleFor < AwayAfter && !in.DoNotDisturb
			kept := false
			for _, a := range acts {
				kept = kept || sameAction(a, promise)
			}
			if (promise.Type == Wake || present) && !kept {
				t.Fatalf("%v: Next promised %v, Advance returned %v", now, promise, acts)
			}
		}
		for _, a := range acts {
			if a.At.After(now) || a.At.Before(lastAt) {
				t.Fatalf("%v: action out of time: %v (previous at %v)", now, a, lastAt)
			}
			lastAt = a.At
			switch a.Type {
			case Warn:
				st.warns++
				if _, meeting := find(person.dnd, a.At); person.idleAt(a.At) >= AwayAfter || meeting {
					t.Errorf("%v: warning while away or under do-not-disturb", a)
				}
			case Natural:
				st.naturals++
				i := kindOf(a.Kind)
				ep, ok := find(person.away, a.At.Add(-time.Nanosecond))
				_, slept := find(person.sleep, a.At.Add(-time.Nanosecond))
				if !slept && (!ok || a.At.Sub(ep.from) < natDurOf(cfg, i)) {
					t.Errorf("%v: natural break without that much idle (episode %v to %v, found %v)", a, ep.from, ep.to, ok)
				}
				tr.reset(i, a.At)
			case Wake:
				st.wakes++
				edge := cfg.Hours.Contains(a.At, loc) != cfg.Hours.Contains(a.At.Add(-time.Second), loc)
				if !edge && !a.At.Equal(pauseEnded) && !a.At.Equal(woke) {
					t.Errorf("%v: a wake for nothing", a)
				}
			case Due:
				st.dues++
				w := kindOf(a.Kind)
				switch {
				case inBreak != "":
					t.Fatalf("%v: two breaks at once (%s in progress)", a, inBreak)
				case paused:
					t.Fatalf("%v: a break while paused", a)
				case !cfg.Hours.Contains(a.At, loc):
					t.Fatalf("%v: a break outside working hours", a)
				case person.idleAt(a.At) >= AwayAfter:
					t.Fatalf("%v: a break while the person is away", a)
				}
				reached := tr.knownAt(person, w, a.At) >= cfg.Breaks[a.Kind].Every
				for _, k := range a.Covers {
					reached = reached || tr.knownAt(person, kindOf(k), a.At) >= cfg.Breaks[k].Every
				}
				if !reached || tr.knownAt(person, w, a.At) < cfg.Breaks[a.Kind].Every-cfg.CoalesceWithin {
					t.Fatalf("%v: too early: %v of active time", a, tr.knownAt(person, w, a.At))
				}
				inBreak = a.Kind
				// The person's answer, when they are at the desk.
				back := person.presentAfter(now)
				var o plan
				switch x := r.Float64(); {
				case stubborn && x < 0.8 || !stubborn && x < 0.2:
					o, stubborn = plan{at: back.Add(5 * time.Second), what: "postpone"}, true
				case x < 0.45:
					o = plan{at: back.Add(5 * time.Second), what: "skip"}
				case x < 0.55:
					o = plan{at: now.Add(20 * time.Second), what: "close"}
				case x < 0.6:
					o = plan{at: back.Add(5 * time.Second), what: "pause"}
				default:
					o = plan{at: now.Add(breakLen(a.Kind)), what: "complete"}
				}
				o.kind = a.Kind
				outcome = &o
			}
		}

		// Status agrees with what the test knows.
		s := e.Status(now)
		switch {
		case paused:
			if s.State != Paused {
				t.Fatalf("%v: state %s, want paused", now, s.State)
			}
		case inBreak != "":
			if s.State != InBreak || s.InBreak != inBreak {
				t.Fatalf("%v: state %s %s, want in_break %s", now, s.State, s.InBreak, inBreak)
			}
		case !cfg.Hours.Contains(now, loc):
			if s.State != OutsideHours || s.HoursResume.IsZero() || !cfg.Hours.Contains(s.HoursResume, loc) {
				t.Fatalf("%v: status %+v, want outside_hours", now, s)
			}
		}
		// Liveness: no kind runs far past its interval.
		if inBreak == "" {
			for i, k := range Kinds {
				bound := cfg.Breaks[k].Every + tr.extra[i] + cfg.MaxDeferral + cfg.IdleThreshold + 2*time.Minute
				if got := tr.activeFor(i, now); got > bound {
					t.Fatalf("%v: %s has %v of active time, more than %v", now, k, got, bound)
				}
			}
		}

		// Arm one timer for the earliest thing.
		wake := weekEnd
		consider := func(x time.Time) {
			if !x.IsZero() && x.Before(wake) {
				wake = x
			}
		}
		promise, promised = e.Next(now)
		if promised {
			consider(later(promise.At, now))
		}
		consider(person.nextChange(now, marks))
		if outcome != nil {
			consider(outcome.at)
		}
		if len(plans) > 0 {
			consider(plans[0].at)
		}
		timer := time.NewTimer(wake.Sub(now))
		<-timer.C
	}

	t.Logf("%+v", st)
	for name, n := range map[string]int{"dues": st.dues, "warns": st.warns, "naturals": st.naturals, "wakes": st.wakes,
		"completes": st.completes, "postpones": st.postpones, "refused postpones": st.postponeRefused,
		"refused skips": st.skipRefused, "closes": st.closes, "pauses": st.pauses, "absences": st.absences} {
		if n == 0 {
			t.Errorf("the week never saw %s", name)
		}
	}
	if !strict && st.skips == 0 {
		t.Error("the week never saw a skip")
	}
}

// natDurOf is how long idle or absence resets kind i: its Duration, at
// most the rest break's.
func natDurOf(cfg Config, i int) time.Duration {
	return min(cfg.Breaks[Kinds[i]].Duration, cfg.Breaks[Rest].Duration)
}

// coveredBy reports whether the break in progress covers kind i.
func coveredBy(cfg Config, inBreak Kind, i int) bool {
	return inBreak != "" && cfg.Breaks[Kinds[i]].Duration <= cfg.Breaks[inBreak].Duration
}

// addExtra records that kind w's break, and the shorter kinds it covers,
// were put off by d.
func addExtra(tr *weekTruth, w int, d time.Duration) {
	for i := range Kinds {
		if tr.cfg.Breaks[Kinds[i]].Duration <= tr.cfg.Breaks[Kinds[w]].Duration {
			tr.extra[i] += d
		}
	}
}
