package agent

import (
	"errors"
	"sync"

	"github.com/limberapp/limber/schedule"
)

// fakeProc is a break window "process" of fakeViews.
type fakeProc struct {
	kind   schedule.Kind
	hidden bool
	alive  bool
	told   bool // told to close (or discarded)
	failed bool // ended with no outcome (a crash)
	hang   bool // ignores close: only the agent's kill ends it
	onExit func(ViewExit)
}

// fakeViews models the view processes: windows that open, may fail to
// start, crash at start or mid-break, hang, and exit when told. Exits are
// queued and delivered by the test (flush), on the agent's loop, as the
// real process watcher does.
type fakeViews struct {
	mu       sync.Mutex
	opened   []string
	procs    []*fakeProc
	prepared map[schedule.Kind]*fakeProc
	shown    map[schedule.Kind]*fakeProc
	exits    []*fakeProc // ended, onExit not yet delivered
	latest   map[schedule.Kind]*fakeProc

	failStart  bool // OpenBreak returns an error
	crashStart bool // the next window ends at once, with no outcome
	hangNext   bool // the next window ignores close
	starts     int  // OpenBreak calls
	crashes    int  // windows that ended with no outcome and no close
}

func newFakeViews() *fakeViews {
	return &fakeViews{prepared: map[schedule.Kind]*fakeProc{}, shown: map[schedule.Kind]*fakeProc{}}
}

func (f *fakeViews) spawn(k schedule.Kind, hidden bool, onExit func(ViewExit)) *fakeProc {
	p := &fakeProc{kind: k, hidden: hidden, alive: true, onExit: onExit, hang: f.hangNext}
	f.hangNext = false
	f.procs = append(f.procs, p)
	return p
}

func (f *fakeViews) end(p *fakeProc) {
	if !p.alive {
		return
	}
	p.alive = false
	if f.prepared[p.kind] == p {
		delete(f.prepared, p.kind)
	}
	if f.shown[p.kind] == p {
		delete(f.shown, p.kind)
	}
	f.exits = append(f.exits, p)
}

func (f *fakeViews) OpenBreak(k schedule.Kind, onExit func(ViewExit)) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.opened = append(f.opened, "break:"+string(k))
	f.starts++
	if f.failStart {
		return errors.New("fake: cannot start")
	}
	p := f.prepared[k]
	delete(f.prepared, k)
	if p == nil || !p.alive {
		p = f.spawn(k, false, onExit)
	} else {
		p.hidden, p.onExit = false, onExit
	}
	f.shown[k] = p
	if f.latest == nil {
		f.latest = map[schedule.Kind]*fakeProc{}
	}
	f.latest[k] = p
	if f.crashStart {
		f.crashStart = false
		p.failed = true
		f.end(p)
	}
	return nil
}

func (f *fakeViews) Prestart(k schedule.Kind) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if p := f.prepared[k]; p != nil && p.alive {
		return nil
	}
	f.prepared[k] = f.spawn(k, true, nil)
	return nil
}

func (f *fakeViews) Discard(k schedule.Kind) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if p := f.prepared[k]; p != nil {
		p.told = true
		f.end(p)
	}
}

func (f *fakeViews) CloseBreak(k schedule.Kind) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if p := f.shown[k]; p != nil {
		p.told = true
		delete(f.shown, k)
		if !p.hang {
			f.end(p)
		} // a hung one lives on until killed after the grace (killHung)
	}
}

// killHung ends the windows told to go that hung, as processViews does
// after viewGrace.
func (f *fakeViews) killHung() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range f.procs {
		if p.alive && p.told {
			f.end(p)
		}
	}
}

func (f *fakeViews) SetPostpones(k schedule.Kind, n int) {}

func (f *fakeViews) Open(view string, args ...string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.opened = append(f.opened, view)
	return nil
}

// crash ends kind k's shown window with no outcome (mid-break crash).
func (f *fakeViews) crash(k schedule.Kind) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.shown[k]
	if p == nil {
		return false
	}
	p.failed = true
	f.end(p)
	return true
}

// reported ends kind k's window after it reported an outcome.
func (f *fakeViews) reported(k schedule.Kind) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if p := f.shown[k]; p != nil {
		f.end(p)
	}
}

// flush delivers the queued exits (call on the agent's loop). A crash
// counts (crashes) when it is a failure by the agent's own rule: its
// break was still in progress and it had not been told to go.
func (f *fakeViews) flush(inBreak func(schedule.Kind) bool) {
	f.mu.Lock()
	ex := f.exits
	f.exits = nil
	f.mu.Unlock()
	for _, p := range ex {
		if p.failed && !p.told && p.onExit != nil && inBreak(p.kind) && f.latest[p.kind] == p {
			f.mu.Lock()
			f.crashes++
			f.mu.Unlock()
		}
		if p.onExit != nil {
			p.onExit(ViewExit{LastLine: "fake exit"})
		}
	}
}

// alive counts running processes, and windows on screen per kind (not
// counting one told to go that hangs: it is killed after the grace).
func (f *fakeViews) alive() (n int, shown map[schedule.Kind]int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	shown = map[schedule.Kind]int{}
	for _, p := range f.procs {
		if p.alive {
			n++
			if !p.hidden && !p.told {
				shown[p.kind]++
			}
		}
	}
	return n, shown
}

// hungTold counts windows told to go that are still running.
func (f *fakeViews) hungTold() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, p := range f.procs {
		if p.alive && p.told {
			n++
		}
	}
	return n
}

// inBreakOf reports whether k's break is in progress and its window not
// told to go (call on the loop).
func (a *Agent) inBreakOf(k schedule.Kind) bool {
	st := a.eng.Status(a.wall())
	return st.State == schedule.InBreak && st.InBreak == k && !a.views.closing[k]
}
