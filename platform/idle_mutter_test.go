//go:build !windows && !darwin

package platform

import (
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/introspect"
)

// fakeMutter is org.gnome.Mutter.IdleMonitor with a clock the test moves:
// idle watches fire when the idle time reaches their interval, again after
// each input, as Mutter's do; a user-active watch fires on the next input
// and is then gone; a watch already reached fires at once.
type fakeMutter struct {
	conn *dbus.Conn

	mu      sync.Mutex
	idle    time.Duration
	next    uint32
	watches map[uint32]*fakeIdleWatch
	active  map[uint32]bool
	removed int
}

type fakeIdleWatch struct {
	interval time.Duration
	fired    bool // since the last input
}

func startFakeMutter(t *testing.T) *fakeMutter {
	t.Helper()
	conn := ownName(t, mutterIdleName)
	f := &fakeMutter{conn: conn, next: 1, watches: map[uint32]*fakeIdleWatch{}, active: map[uint32]bool{}}
	if err := conn.Export(f, mutterIdlePath, mutterIdleIface); err != nil {
		t.Fatalf("export IdleMonitor: %v", err)
	}
	node := &introspect.Node{Name: mutterIdlePath, Interfaces: []introspect.Interface{
		introspect.IntrospectData,
		{Name: mutterIdleIface, Methods: introspect.Methods(f), Signals: []introspect.Signal{
			{Name: "WatchFired", Args: []introspect.Arg{{Name: "id", Type: "u"}}},
		}},
	}}
	if err := conn.Export(introspect.NewIntrospectable(node), mutterIdlePath, "org.freedesktop.DBus.Introspectable"); err != nil {
		t.Fatalf("export introspection: %v", err)
	}
	return f
}

func (f *fakeMutter) GetIdletime() (uint64, *dbus.Error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return uint64(f.idle / time.Millisecond), nil
}

func (f *fakeMutter) AddIdleWatch(ms uint64) (uint32, *dbus.Error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	id := f.next
	f.next++
	w := &fakeIdleWatch{interval: time.Duration(ms) * time.Millisecond}
	f.watches[id] = w
	if f.idle >= w.interval {
		w.fired = true
		go f.emit(id) // after the reply, as Mutter's main loop does
	}
	return id, nil
}

func (f *fakeMutter) AddUserActiveWatch() (uint32, *dbus.Error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	id := f.next
	f.next++
	f.active[id] = true
	return id, nil
}

func (f *fakeMutter) RemoveWatch(id uint32) *dbus.Error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.watches[id] != nil || f.active[id] {
		f.removed++
	}
	delete(f.watches, id)
	delete(f.active, id)
	return nil
}

func (f *fakeMutter) emit(id uint32) {
	f.conn.Emit(mutterIdlePath, mutterIdleIface+".WatchFired", id)
}

// advance lets d pass with no input.
func (f *fakeMutter) advance(d time.Duration) {
	f.mu.Lock()
	f.idle += d
	var fire []uint32
	for id, w := range f.watches {
		if !w.fired && f.idle >= w.interval {
			w.fired = true
			fire = append(fire, id)
		}
	}
	f.mu.Unlock()
	for _, id := range fire {
		f.emit(id)
	}
}

// input is a key press: the idle time restarts and user-active watches fire.
func (f *fakeMutter) input() {
	f.mu.Lock()
	f.idle = 0
	for _, w := range f.watches {
		w.fired = false
	}
	var fire []uint32
	for id := range f.active {
		fire = append(fire, id)
		delete(f.active, id)
	}
	f.mu.Unlock()
	for _, id := range fire {
		f.emit(id)
	}
}

// live is how many watches Limber left on the fake.
func (f *fakeMutter) live() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.watches) + len(f.active)
}

func newTestMutterWatcher(t *testing.T) (*mutterIdle, *fakeMutter) {
	t.Helper()
	f := startFakeMutter(t)
	w, err := newMutterWatcher(mutterIdleName)
	if err != nil {
		t.Fatalf("newMutterWatcher: %v", err)
	}
	t.Cleanup(func() { w.Close() })
	return w, f
}

// settle makes a round trip to the fake, so every signal it emitted
// before has reached the watcher's connection, then leaves the watcher's
// reader a moment to handle it.
func settle(t *testing.T, w *mutterIdle) {
	t.Helper()
	if _, err := w.IdleTime(); err != nil {
		t.Fatalf("IdleTime: %v", err)
	}
	time.Sleep(30 * time.Millisecond)
}

func TestMutterWatchMarkFiresOnce(t *testing.T) {
	w, f := newTestMutterWatcher(t)
	watch(t, w, []time.Duration{time.Second}, 0)
	f.advance(999 * time.Millisecond)
	settle(t, w)
	noIdleEvent(t, w, 100*time.Millisecond, "the idle time is short of the 1 s mark")
	f.advance(time.Millisecond)
	ev, ok := nextIdleEvent(t, w, 5*time.Second)
	if !ok || ev.Active || ev.Idle != time.Second {
		t.Fatalf("got %+v (%v), want the 1 s mark firing", ev, ok)
	}
	// Mutter would fire the watch again after the next input: it must be gone.
	f.input()
	f.advance(2 * time.Second)
	settle(t, w)
	noIdleEvent(t, w, 100*time.Millisecond, "a mark fires once")
	if n := f.live(); n != 0 {
		t.Fatalf("%d watches left on Mutter after the only mark fired", n)
	}
}

func TestMutterWatchMarkAlreadyPassedFiresAtOnce(t *testing.T) {
	w, f := newTestMutterWatcher(t)
	f.advance(5 * time.Second)
	watch(t, w, []time.Duration{time.Second, time.Minute}, 0)
	ev, ok := nextIdleEvent(t, w, 5*time.Second)
	if !ok || ev.Active || ev.Idle != time.Second {
		t.Fatalf("got %+v (%v), want the 1 s mark at once", ev, ok)
	}
	settle(t, w)
	noIdleEvent(t, w, 100*time.Millisecond, "the 1 min mark is not reached")
}

func TestMutterWatchReplacesAndRemoves(t *testing.T) {
	w, f := newTestMutterWatcher(t)
	watch(t, w, []time.Duration{time.Second}, 0)
	watch(t, w, []time.Duration{2 * time.Second}, time.Minute)
	if n := f.live(); n != 2 {
		t.Fatalf("%d watches on Mutter after the second Watch, want 2 (the first one removed)", n)
	}
	f.advance(1500 * time.Millisecond)
	settle(t, w)
	noIdleEvent(t, w, 100*time.Millisecond, "the 1 s mark was replaced")
	f.advance(500 * time.Millisecond)
	if ev, ok := nextIdleEvent(t, w, 5*time.Second); !ok || ev.Idle != 2*time.Second {
		t.Fatalf("got %+v (%v), want the 2 s mark", ev, ok)
	}
	watch(t, w, nil, 0)
	settle(t, w)
	if n := f.live(); n != 0 {
		t.Fatalf("%d watches on Mutter after Watch(nil, 0)", n)
	}
}

func TestMutterWatchActiveAfterIdle(t *testing.T) {
	w, f := newTestMutterWatcher(t)
	f.advance(10 * time.Second)
	// Already idle past activeAfter, as when the agent arms it after a mark.
	watch(t, w, nil, 5*time.Second)
	settle(t, w)
	noIdleEvent(t, w, 100*time.Millisecond, "nobody touched anything")
	f.input()
	ev, ok := nextIdleEvent(t, w, 5*time.Second)
	if !ok || !ev.Active {
		t.Fatalf("got %+v (%v), want Active after input", ev, ok)
	}
	f.advance(10 * time.Second)
	f.input()
	settle(t, w)
	noIdleEvent(t, w, 100*time.Millisecond, "the activity alarm already fired")
	if n := f.live(); n != 0 {
		t.Fatalf("%d watches left on Mutter after the activity alarm fired", n)
	}
}

func TestMutterWatchActiveNeedsIdleFirst(t *testing.T) {
	w, f := newTestMutterWatcher(t)
	watch(t, w, nil, 5*time.Second)
	f.advance(2 * time.Second)
	f.input()
	settle(t, w)
	noIdleEvent(t, w, 100*time.Millisecond, "input came before 5 s of idle")
	f.advance(5 * time.Second)
	settle(t, w)
	f.input()
	if ev, ok := nextIdleEvent(t, w, 5*time.Second); !ok || !ev.Active {
		t.Fatalf("got %+v (%v), want Active after 5 s idle and input", ev, ok)
	}
}

func TestMutterWatchCloseEndsEvents(t *testing.T) {
	w, f := newTestMutterWatcher(t)
	watch(t, w, []time.Duration{time.Hour}, time.Hour)
	if err := w.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, ok := <-w.Events(); ok {
		t.Fatal("Events still open after Close")
	}
	if err := w.Watch([]time.Duration{time.Second}, 0); err == nil {
		t.Fatal("Watch after Close worked, want an error")
	}
	// Close does not wait for RemoveWatch's reply: ask the fake after a
	// round trip of its own.
	if _, err := f.GetIdletime(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
	if n := f.live(); n != 0 {
		t.Fatalf("%d watches left on Mutter after Close", n)
	}
}

func TestMutterWatchEndsWhenMutterGoes(t *testing.T) {
	w, f := newTestMutterWatcher(t)
	if _, err := f.conn.ReleaseName(mutterIdleName); err != nil {
		t.Fatal(err)
	}
	select {
	case _, ok := <-w.Events():
		if ok {
			t.Fatal("an event instead of the end of Events")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Events still open 5 s after the IdleMonitor left the bus")
	}
}

func TestDetectIdlePrefersMutterWatches(t *testing.T) {
	startFakeMutter(t)
	src, err := DetectIdle()
	if err != nil {
		t.Fatalf("DetectIdle: %v", err)
	}
	defer src.Close()
	if _, ok := src.(IdleWatcher); !ok || src.Name() != IdleMutterWatch {
		t.Fatalf("DetectIdle gave %T (%s), want the %s IdleWatcher", src, src.Name(), IdleMutterWatch)
	}
}

// Random sequences of Watch, time passing and input: every firing the
// watcher delivers is one the contract allows, and each one it owes
// arrives. Marks fire once when the idle time since the Watch call reaches
// them; the activity alarm fires once, on input after at least
// activeAfter of idle.
func TestMutterWatchRandom(t *testing.T) {
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewPCG(uint64(seed), 0))
	t.Logf("seed %d", seed)
	w, f := newTestMutterWatcher(t)

	var idle time.Duration
	pending := map[time.Duration]bool{} // marks armed, not yet fired
	var activeAfter time.Duration
	activeArmed, gateOpen := false, false
	var lastMarks []time.Duration
	var lastActive time.Duration
	for step := range 40 {
		var want []IdleEvent
		switch op := rng.IntN(3); op {
		case 0:
			// Half the time the same set again, as the agent re-arms
			// after a firing: kept watches must behave as new ones.
			if rng.IntN(2) == 0 || lastMarks == nil {
				lastMarks = nil
				seen := map[time.Duration]bool{}
				for range rng.IntN(4) {
					m := time.Duration(1+rng.IntN(20)) * time.Second
					if !seen[m] {
						lastMarks = append(lastMarks, m)
						seen[m] = true
					}
				}
				lastActive = 0
				if rng.IntN(2) == 0 {
					lastActive = time.Duration(1+rng.IntN(10)) * time.Second
				}
			}
			marks := lastMarks
			activeAfter = lastActive
			pending = map[time.Duration]bool{}
			for _, m := range marks {
				pending[m] = true
			}
			watch(t, w, marks, activeAfter)
			activeArmed, gateOpen = activeAfter > 0, activeAfter > 0 && idle >= activeAfter
			for m := range pending {
				if idle >= m {
					want = append(want, IdleEvent{Idle: m})
					delete(pending, m)
				}
			}
			t.Logf("step %d: Watch(%v, %v) at idle %v", step, marks, activeAfter, idle)
		case 1:
			d := time.Duration(1+rng.IntN(8)) * time.Second
			f.advance(d)
			idle += d
			for m := range pending {
				if idle >= m {
					want = append(want, IdleEvent{Idle: m})
					delete(pending, m)
				}
			}
			if activeArmed && idle >= activeAfter {
				gateOpen = true
			}
			t.Logf("step %d: %v pass, idle %v", step, d, idle)
		case 2:
			f.input()
			if activeArmed && gateOpen {
				want = append(want, IdleEvent{Active: true})
				activeArmed, gateOpen = false, false
			}
			idle = 0
			t.Logf("step %d: input", step)
		}
		got := map[IdleEvent]int{}
		for range want {
			ev, ok := nextIdleEvent(t, w, 5*time.Second)
			if !ok {
				t.Fatalf("seed %d step %d: want %v, got only %v", seed, step, want, got)
			}
			ev.Idle = ev.Idle.Round(time.Second)
			if ev.Active {
				ev.Idle = 0
			}
			got[ev]++
		}
		for _, ev := range want {
			if got[ev] == 0 {
				t.Fatalf("seed %d step %d: want %v, got %v", seed, step, want, got)
			}
			got[ev]--
		}
		settle(t, w)
		noIdleEvent(t, w, 20*time.Millisecond, "nothing more is owed")
	}
}

// The agent re-arms after each firing with mostly the same marks: those
// watches stay on Mutter as they are, and still fire.
func TestMutterWatchKeepsUnchangedWatches(t *testing.T) {
	w, f := newTestMutterWatcher(t)
	watch(t, w, []time.Duration{time.Second, time.Minute}, 5*time.Second)
	f.mu.Lock()
	next, removed := f.next, f.removed
	f.mu.Unlock()
	watch(t, w, []time.Duration{time.Minute, time.Second}, 5*time.Second)
	f.mu.Lock()
	added, gone := f.next-next, f.removed-removed
	f.mu.Unlock()
	if added != 0 || gone != 0 {
		t.Fatalf("the same set again added %d and removed %d watches, want none", added, gone)
	}
	watch(t, w, []time.Duration{time.Minute, 2 * time.Second}, 5*time.Second)
	settle(t, w)
	f.mu.Lock()
	added, gone = f.next-next, f.removed-removed
	f.mu.Unlock()
	if added != 1 || gone != 1 || f.live() != 3 {
		t.Fatalf("one mark changed: %d added, %d removed, %d live; want 1, 1, 3", added, gone, f.live())
	}
	f.advance(2 * time.Second)
	if ev, ok := nextIdleEvent(t, w, 5*time.Second); !ok || ev.Idle != 2*time.Second {
		t.Fatalf("got %+v (%v), want the new 2 s mark", ev, ok)
	}
	f.advance(3 * time.Second)
	settle(t, w)
	f.input()
	if ev, ok := nextIdleEvent(t, w, 5*time.Second); !ok || !ev.Active {
		t.Fatalf("got %+v (%v), want the kept activity alarm", ev, ok)
	}
}
