package agent

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/prefs"
	"github.com/limberapp/limber/schedule"
)

// The model-based random test drives the real agent (engine, actions,
// views manager, loop) with fakes only at the edges — notifier, view
// processes that crash or hang, idle and session sources, do-not-disturb,
// the clock through testing/synctest — through random event sequences,
// and checks the agent's invariants after every step. The seed is
// printed; LIMBER_MODEL_SEED=N replays one sequence.

// modelConfigs are the settings a sequence runs with; the last two
// lines of each are an administrator's file (empty: none).
var modelConfigs = []struct{ name, user, admin string }{
	{"defaults", "", ""},
	{"zero limits", "[breaks]\nmax_postpones = 0\nskip_budget = 0\n", ""},
	{"strict, no postpones", "[breaks]\nstrict = true\nstrict_max_postpones = 0\n", ""},
	{"strict", "[breaks]\nstrict = true\n", ""},
	{"admin lock", "[breaks.rest]\nenabled = true\nevery = \"30m\"\nduration = \"30m\"\n",
		"[admin]\nlocked = [\"breaks.rest.enabled\"]\n[breaks.rest]\nenabled = false\n"},
}

// modelIdle is an idle source the sequence moves.
type modelIdle struct {
	mu   sync.Mutex
	last time.Time
	away bool // no input: idle grows
}

func (m *modelIdle) Name() string { return "model" }
func (m *modelIdle) IdleTime() (time.Duration, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.away {
		m.last = time.Now()
	}
	return time.Since(m.last), nil
}
func (m *modelIdle) Close() error { return nil }
func (m *modelIdle) set(away bool) {
	m.mu.Lock()
	if !m.away {
		m.last = time.Now()
	}
	m.away = away
	m.mu.Unlock()
}

func modelSequences() int {
	if raceEnabled {
		return 400
	}
	return 10000
}

func TestAgentModel(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	runs := modelSequences()
	if s := os.Getenv("LIMBER_MODEL_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		seed, runs = v, 1
		if n, err := strconv.Atoi(os.Getenv("LIMBER_MODEL_RUNS")); err == nil {
			runs = n
		}
	}
	if testing.Short() {
		runs = min(runs, 200)
	}
	t.Logf("model: %d sequences from seed %d", runs, seed)
	for i := 0; i < runs; i++ {
		s := seed + uint64(i)
		synctest.Test(t, func(t *testing.T) { runModel(t, s) })
		if t.Failed() {
			t.Fatalf("failing sequence: LIMBER_MODEL_SEED=%d go test -run TestAgentModel ./agent/", s)
		}
	}
}

type model struct {
	t     *testing.T
	r     *rand.Rand
	h     *harness
	v     *fakeViews
	idle  *modelIdle
	sess  chan platform.SessionEvent
	dir   string
	conf  int
	dnd   bool
	dndMu sync.Mutex
	log   []string

	locked, asleep bool // what the session events said
	crashBase      int  // the fake's crash count at the last report or reload
	crashy         bool // every window crashes at start
	extra          string
	lastSleep      time.Duration
}

func runModel(t *testing.T, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 0x4c494d42))
	m := &model{t: t, r: r, v: newFakeViews(), idle: &modelIdle{last: time.Now()}, sess: make(chan platform.SessionEvent), dir: t.TempDir()}
	m.conf = r.IntN(len(modelConfigs))
	c := modelConfigs[m.conf]
	m.extra = fmt.Sprintf("[break_window]\nprestart = %v\n[idle]\nenabled = %v\n", r.IntN(2) == 0, r.IntN(3) != 0)
	cfgPath := filepath.Join(m.dir, "config.toml")
	os.WriteFile(cfgPath, []byte(c.user+m.extra), 0o600)
	popts := prefs.Options{NoEnv: true, SystemFiles: []string{}}
	if c.admin != "" {
		ap := filepath.Join(m.dir, "admin.toml")
		os.WriteFile(ap, []byte(c.admin), 0o600)
		popts.SystemFiles = []string{ap}
	}
	m.h = &harness{n: &fakeNotifier{acts: r.IntN(4) != 0}, tray: &fakeTray{}, j: &fakeJournal{}}
	m.h.a = New(Options{ConfigPath: cfgPath, Notifier: m.h.n, Tray: m.h.tray, Journal: m.h.j, Prefs: popts,
		Views: m.v, Idle: m.idle, Session: m.sess, Log: &strings.Builder{},
		DND: func(platform.DNDConfig) platform.DNDState {
			m.dndMu.Lock()
			defer m.dndMu.Unlock()
			return platform.DNDState{Active: m.dnd, Reason: "model"}
		}})
	a := m.h.a
	if p := a.Problems(); len(p) != 0 && c.admin == "" {
		t.Fatalf("config %q: %v", c.name, p)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go a.Run(ctx)
	synctest.Wait()
	m.crashy = r.IntN(6) == 0
	steps := 20 + r.IntN(40)
	for step := 0; step < steps && !t.Failed(); step++ {
		if m.crashy {
			m.v.mu.Lock()
			m.v.crashStart = true
			m.v.mu.Unlock()
		}
		before := m.snapshot()
		ev := m.step(&m.locked, &m.asleep)
		synctest.Wait()
		a.do(func() { m.v.flush(a.inBreakOf) })
		synctest.Wait()
		m.log = append(m.log, ev)
		m.check(before, ev)
	}
	m.checkJournal(true)
	if t.Failed() {
		t.Logf("failing sequence: LIMBER_MODEL_SEED=%d go test -run TestAgentModel ./agent/\nconfig %q; steps:\n  %s", seed, c.name, strings.Join(m.log, "\n  "))
	}
}

// snapshot is what the invariants compare across one step.
type snapshot struct {
	away, paused bool
	next         string
	sent         int
}

func (m *model) snapshot() snapshot {
	var s snapshot
	m.h.a.do(func() {
		now := m.h.a.wall()
		st := m.h.a.eng.Status(now)
		s.away, s.paused = m.locked || m.asleep, st.State == schedule.Paused
		s.next = fmt.Sprint(st.Next)
	})
	s.sent = len(m.h.n.notes())
	return s
}

var modelViews = []string{"settings", "wizard", "lifting"}

// step makes one random event and says what it was.
func (m *model) step(locked, asleep *bool) string {
	a, r := m.h.a, m.r
	kinds := schedule.Kinds
	switch x := r.IntN(100); {
	case x < 30: // time passes, the person at the desk or not
		d := time.Duration(1+r.IntN(1500)) * time.Second
		m.idle.set(r.IntN(3) == 0)
		time.Sleep(d)
		m.lastSleep = d
		if d >= viewGrace {
			m.v.killHung()
		}
		return fmt.Sprintf("time +%v (away %v)", d, m.idle.away)
	case x < 45: // a click on a notification
		notes := m.h.n.notes()
		if len(notes) == 0 {
			return "no notification to click"
		}
		id := uint32(1 + r.IntN(len(notes)))
		key := []string{actionStart, actionPostpone, actionSkip, "later"}[r.IntN(4)]
		a.NotifyAction(id, key)
		return fmt.Sprintf("click %s on notification %d (%q)", key, id, notes[id-1].Title)
	case x < 52: // tray
		switch r.IntN(4) {
		case 0, 1:
			k := kinds[r.IntN(3)]
			err := a.TakeBreak(k)
			return fmt.Sprintf("tray: take a %s break (%v)", k, err)
		case 2:
			d := time.Duration(r.IntN(3)) * 20 * time.Minute
			a.Pause(d)
			return fmt.Sprintf("tray: pause %v", d)
		default:
			a.Resume()
			return "tray: resume"
		}
	case x < 58: // a CLI request, often malformed
		reqs := []string{`{"cmd":"status"}`, `{"cmd":"pause","seconds":600}`, `{"cmd":"pause","until_tomorrow":true,"seconds":5}`,
			`{"cmd":"pause","seconds":1e300}`, `{"cmd":"resume"}`, `{"cmd":"break","kind":"rest"}`, `{"cmd":"break","kind":"nap"}`,
			`{"cmd":"outcome","kind":"posture","outcome":"completed","seconds":30}`, `{"cmd":"outcome","kind":"mobility","outcome":"ended_early"}`,
			`{"cmd":"status","x":1}`, `{"cmd":`, `{"cmd":"open","view":"wizard"}`}
		in := reqs[r.IntN(len(reqs))]
		req, err := decodeRequest(strings.NewReader(in))
		if err != nil {
			return "cli: refused " + in
		}
		resp := a.Handle(req)
		if resp.OK && req.Cmd == "outcome" { // as a window would report
			m.v.mu.Lock()
			m.crashBase = m.v.crashes
			m.v.mu.Unlock()
		}
		return fmt.Sprintf("cli: %s → ok %v %s", in, resp.OK, resp.Error)
	case x < 68: // the break window reports an outcome
		st := a.Status()
		if st.InBreak == "" {
			return "no window to report from"
		}
		out := []string{"completed", "ended_early", "postponed", "skipped", "closed"}[r.IntN(5)]
		resp := a.Handle(Request{Cmd: "outcome", Kind: st.InBreak, Outcome: out, Seconds: float64(r.IntN(200))})
		if resp.OK {
			m.v.reported(schedule.Kind(st.InBreak))
			m.v.mu.Lock()
			m.crashBase = m.v.crashes
			m.v.mu.Unlock()
		}
		return fmt.Sprintf("window: %s %s → %v %s", st.InBreak, out, resp.OK, resp.Error)
	case x < 74: // a window crashes, at start or mid-break, or hangs
		m.v.mu.Lock()
		switch r.IntN(4) {
		case 0:
			m.v.crashStart = true
		case 1:
			m.v.hangNext = true
		case 2:
			m.v.failStart = !m.v.failStart
		}
		m.v.mu.Unlock()
		k := kinds[r.IntN(3)]
		return fmt.Sprintf("views: next crashes/hangs; crash %s now: %v", k, m.v.crash(k))
	case x < 84: // lock, unlock, sleep, wake
		var ev platform.SessionEventKind
		switch {
		case *locked && r.IntN(2) == 0:
			ev, *locked = platform.Unlock, false
		case *asleep:
			ev, *asleep = platform.Wake, false
		case !*locked:
			ev, *locked = platform.Lock, true
		default:
			ev, *asleep = platform.Sleep, true
		}
		m.sess <- platform.SessionEvent{Kind: ev}
		return "session: " + ev.String()
	case x < 90:
		m.dndMu.Lock()
		m.dnd = !m.dnd
		on := m.dnd
		m.dndMu.Unlock()
		return fmt.Sprintf("dnd %v", on)
	case x < 95: // reload with a good or a bad file
		c := modelConfigs[m.conf]
		body := c.user
		what := "same file"
		switch r.IntN(3) {
		case 0:
			body, what = "[breaks\nstrict = ", "a file that does not parse"
		case 1:
			body, what = c.user+"[idle]\nthreshold = \"soon\"\n", "a bad value"
		default:
			body += m.extra
		}
		os.WriteFile(filepath.Join(m.dir, "config.toml"), []byte(body), 0o600)
		a.Reload()
		m.v.mu.Lock()
		m.crashBase = m.v.crashes
		m.v.mu.Unlock()
		return "reload: " + what
	default:
		v := modelViews[r.IntN(len(modelViews))]
		a.OpenView(v)
		return "open " + v
	}
}

// check asserts the invariants after a step.
func (m *model) check(before snapshot, ev string) {
	t, a := m.t, m.h.a
	after := m.snapshot()
	a.do(func() {
		now := a.wall()
		st := a.eng.Status(now)
		// Never stuck: in a break only while a window is open or an
		// automatic end is armed (or while away: judged at the return).
		if st.State == schedule.InBreak {
			k := st.InBreak
			if !(a.viewOpen[k] && !a.views.closing[k]) && a.autoKind != k && !a.eng.Away() {
				t.Errorf("after %q: stuck in a %s break: no window, no automatic end", ev, k)
			}
			// Nor in one for ever: a break ends by its length, plus the
			// time a window may be left open.
			if limit := a.breakLen(k) + leftOpen + time.Minute; !a.eng.Away() && now.Sub(a.breakStart) > limit && !a.breakStart.IsZero() {
				t.Errorf("after %q: in a %s break for %v", ev, k, now.Sub(a.breakStart))
			}
		}
		// Limits hold, including limits of 0.
		limit := a.cfg.MaxPostpones
		if a.cfg.Strict {
			limit = a.cfg.StrictMaxPostpones
		}
		for _, n := range st.Next {
			if n.Postponed > limit {
				t.Errorf("after %q: %s postponed %d times, limit %d", ev, n.Kind, n.Postponed, limit)
			}
		}
		// Locked administrator's values always win.
		if modelConfigs[m.conf].admin != "" && a.cfg.Breaks["rest"].Enabled {
			t.Errorf("after %q: the administrator's rest.enabled = false was overridden", ev)
		}
		// Windows: at most one per kind on screen, a bounded number of
		// processes, no crash storm.
		n, shown := m.v.alive()
		for k, c := range shown {
			if c > 1 {
				t.Errorf("after %q: %d %s windows on screen", ev, c, k)
			}
			if c > 0 && st.InBreak != k {
				t.Errorf("after %q: a %s window on screen, but the break in progress is %q", ev, k, st.InBreak)
			}
		}
		m.v.mu.Lock()
		run := m.v.crashes - m.crashBase
		m.v.mu.Unlock()
		if run > maxViewFails {
			t.Errorf("after %q: %d windows failed in a row and more were started: a crash storm", ev, run)
		}
		if n > 6 {
			t.Errorf("after %q: %d view processes", ev, n)
		}

		if a.views.fails > maxViewFails {
			t.Errorf("after %q: %d window failures in a row: a storm", ev, a.views.fails)
		}
	})
	// While away or paused (and still so), nothing fires or counts.
	if before.away && after.away || before.paused && after.paused && strings.HasPrefix(ev, "time") {
		for _, n := range m.h.n.notes()[before.sent:] {
			if strings.Contains(n.Title, "break in") || strings.HasPrefix(n.Title, "Time for a") {
				if before.away && !strings.HasPrefix(ev, "tray") && !strings.HasPrefix(ev, "cli") && !strings.HasPrefix(ev, "click") {
					t.Errorf("after %q: %q sent while the session is away", ev, n.Title)
				}
			}
		}
		if before.away && strings.HasPrefix(ev, "time") && before.next != after.next {
			t.Errorf("after %q: time counted while away: %s → %s", ev, before.next, after.next)
		}
	}
	m.checkJournal(false)
}

var outcomeEvents = map[string]bool{"completed": true, "ended_early": true, "postponed": true, "skipped": true, "closed": true, "natural": true, "interrupted": true}

// checkJournal: every break that started ends in exactly one outcome
// before the next starts; at the end, one still open is in progress.
func (m *model) checkJournal(final bool) {
	open := ""
	for i, r := range m.h.j.records() {
		switch {
		case r.Event == "started" && r.Kind != "ice" && r.Kind != "heat":
			if open != "" {
				m.t.Errorf("journal %d: %s started while the %s break has no outcome", i, r.Kind, open)
			}
			open = r.Kind
		case outcomeEvents[r.Event] && r.Kind == open:
			open = ""
		case r.Event == "completed" || r.Event == "ended_early" || r.Event == "closed" || r.Event == "interrupted":
			if r.Kind != "ice" && r.Kind != "heat" {
				m.t.Errorf("journal %d: %s %s for a break that had not started (open: %q)", i, r.Event, r.Kind, open)
			}
		}
	}
	if final && open != "" {
		if st := m.h.a.Status(); st.InBreak != open {
			m.t.Errorf("journal: the %s break never got an outcome (state %s)", open, st.State)
		}
	}
}
