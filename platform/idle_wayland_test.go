//go:build !windows && !darwin

package platform

import (
	"errors"
	"os"
	"os/exec"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/limberapp/limber/platform/wayland"
	"github.com/limberapp/limber/platform/wayland/wltest"
)

// fakeClock is a monotonic clock the test moves by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func startFakeWayland(t *testing.T, globals ...wltest.Global) (*wltest.Server, *waylandIdle, *fakeClock) {
	t.Helper()
	if len(globals) == 0 {
		globals = []wltest.Global{wltest.G("wl_seat", 7), wltest.G(wayland.ExtIdleNotifier, 1)}
	}
	s := wltest.New(t, globals, nil)
	clock := &fakeClock{t: time.Unix(1000, 0)}
	w, err := newWaylandIdle(s.Path, clock.now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return s, w, clock
}

// timeouts are the live notifications' timeouts, sorted.
func timeouts(ns []wltest.Notification) []time.Duration {
	var out []time.Duration
	for _, n := range ns {
		out = append(out, n.Timeout)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func equalDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// waitTimeouts blocks until the server holds exactly these notifications.
func waitTimeouts(t *testing.T, s *wltest.Server, want ...time.Duration) []wltest.Notification {
	t.Helper()
	var got []wltest.Notification
	if err := s.WaitFor(func(ns []wltest.Notification) bool { got = ns; return equalDurations(timeouts(ns), want) }); err != nil {
		t.Fatalf("%v: the server has %v, want %v", err, timeouts(got), want)
	}
	return got
}

func noteWith(t *testing.T, ns []wltest.Notification, d time.Duration) uint32 {
	t.Helper()
	for _, n := range ns {
		if n.Timeout == d {
			return n.ID
		}
	}
	t.Fatalf("no notification of %v among %v", d, timeouts(ns))
	return 0
}

// until waits for a condition the source's event goroutine makes true.
func until(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for i := 0; i < 60000; i++ {
		if ok() {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("never: %s", what)
}

func idleTime(t *testing.T, w *waylandIdle) time.Duration {
	t.Helper()
	d, err := w.IdleTime()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestWaylandIdleNames(t *testing.T) {
	for _, tc := range []struct {
		globals []wltest.Global
		name    string
		input   bool
	}{
		{[]wltest.Global{wltest.G("wl_seat", 7), wltest.G(wayland.ExtIdleNotifier, 1), wltest.G(wayland.KDEIdle, 1)}, IdleExtNotify, false},
		{[]wltest.Global{wltest.G("wl_seat", 7), wltest.G(wayland.ExtIdleNotifier, 2)}, IdleExtNotify, true},
		{[]wltest.Global{wltest.G("wl_seat", 7), wltest.G(wayland.KDEIdle, 1)}, IdleKDE, false},
	} {
		s, w, _ := startFakeWayland(t, tc.globals...)
		if w.Name() != tc.name {
			t.Errorf("name %q, want %q", w.Name(), tc.name)
		}
		ns := waitTimeouts(t, s, waylandBase)
		if ns[0].Input != tc.input {
			t.Errorf("%s: input-only notification %v, want %v (version 2 where offered)", tc.name, ns[0].Input, tc.input)
		}
	}
	s := wltest.New(t, []wltest.Global{wltest.G("wl_seat", 7)}, nil)
	if _, err := newWaylandIdle(s.Path, time.Now); !errors.Is(err, wayland.ErrNoIdleProtocol) {
		t.Errorf("a compositor without idle protocol: %v", err)
	}
}

// The idle time is what the notifications vouch for, and a mark fires
// when its notification goes idle, with an idle time of at least the mark.
func TestWaylandIdleMarks(t *testing.T) {
	s, w, clock := startFakeWayland(t)
	base := noteWith(t, waitTimeouts(t, s, waylandBase), waylandBase)
	if d := idleTime(t, w); d != 0 {
		t.Fatalf("idle %v before any notification went idle, want 0", d)
	}
	if err := w.Watch([]time.Duration{5 * time.Second, 10 * time.Second}, 0); err != nil {
		t.Fatal(err)
	}
	ns := waitTimeouts(t, s, waylandBase, 5*time.Second, 10*time.Second)
	clock.add(waylandBase)
	s.Idle(base)
	until(t, "the base notification is idle", func() bool { return idleTime(t, w) == waylandBase })
	clock.add(3 * time.Second)
	if d := idleTime(t, w); d != 4*time.Second {
		t.Fatalf("idle %v 3 s after the base second, want 4s", d)
	}
	clock.add(time.Second)
	s.Idle(noteWith(t, ns, 5*time.Second))
	ev := <-w.Events()
	if ev.Active || ev.Idle < 5*time.Second {
		t.Fatalf("mark firing %+v, want idle ≥ 5s", ev)
	}
	if d := idleTime(t, w); d < 5*time.Second {
		t.Fatalf("idle %v after the 5 s mark fired", d)
	}
}

// Watch while idle: a mark already reached fires at once; one ahead
// counts only what is left of it, and counts afresh after input.
func TestWaylandIdleWatchWhileIdle(t *testing.T) {
	s, w, clock := startFakeWayland(t)
	base := noteWith(t, waitTimeouts(t, s, waylandBase), waylandBase)
	clock.add(waylandBase)
	s.Idle(base)
	until(t, "idle", func() bool { return idleTime(t, w) > 0 })
	clock.add(3 * time.Second) // idle 4 s
	if err := w.Watch([]time.Duration{3 * time.Second, 10 * time.Second}, 0); err != nil {
		t.Fatal(err)
	}
	select {
	case ev := <-w.Events():
		if ev.Active || ev.Idle != 4*time.Second {
			t.Fatalf("firing %+v, want the 3 s mark at idle 4s", ev)
		}
	default:
		t.Fatal("a mark already reached did not fire at once")
	}
	waitTimeouts(t, s, waylandBase, 6*time.Second) // 10 s less the 4 already idle
	s.Resume(base)
	until(t, "active", func() bool { return idleTime(t, w) == 0 })
	waitTimeouts(t, s, waylandBase, 10*time.Second)
}

// The activity alarm fires at the first input once the idle time reached
// it, and not for input before.
func TestWaylandIdleActivity(t *testing.T) {
	s, w, clock := startFakeWayland(t)
	base := noteWith(t, waitTimeouts(t, s, waylandBase), waylandBase)
	if err := w.Watch(nil, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	clock.add(waylandBase)
	s.Idle(base)
	until(t, "idle", func() bool { return idleTime(t, w) > 0 })
	clock.add(2 * time.Second) // idle 3 s: below the threshold
	s.Resume(base)
	until(t, "active", func() bool { return idleTime(t, w) == 0 })
	if len(w.Events()) != 0 {
		t.Fatalf("input at idle 3 s fired the 10 s activity alarm: %+v", <-w.Events())
	}
	clock.add(waylandBase)
	s.Idle(base)
	until(t, "idle", func() bool { return idleTime(t, w) > 0 })
	clock.add(20 * time.Second)
	s.Resume(base)
	if ev := <-w.Events(); !ev.Active {
		t.Fatalf("firing %+v, want the activity alarm", ev)
	}
	// It fires once.
	s.Idle(base)
	until(t, "idle", func() bool { return idleTime(t, w) > 0 })
	clock.add(20 * time.Second)
	s.Resume(base)
	until(t, "active", func() bool { return idleTime(t, w) == 0 })
	if len(w.Events()) != 0 {
		t.Fatal("the activity alarm fired twice")
	}
}

// A Watch drops the firings of the alarms it replaces; Watch(nil, 0)
// leaves only the base notification.
func TestWaylandIdleReplace(t *testing.T) {
	s, w, _ := startFakeWayland(t)
	waitTimeouts(t, s, waylandBase)
	if err := w.Watch([]time.Duration{5 * time.Second}, 0); err != nil {
		t.Fatal(err)
	}
	s.Idle(noteWith(t, waitTimeouts(t, s, waylandBase, 5*time.Second), 5*time.Second))
	until(t, "the firing is queued", func() bool { return len(w.Events()) == 1 })
	if err := w.Watch(nil, 0); err != nil {
		t.Fatal(err)
	}
	if len(w.Events()) != 0 {
		t.Fatal("a firing of a replaced alarm was kept")
	}
	waitTimeouts(t, s, waylandBase)
}

// When the compositor goes, Events closes and the idle time is an error
// (the agent then counts the person as active).
func TestWaylandIdleCompositorGone(t *testing.T) {
	s, w, _ := startFakeWayland(t)
	waitTimeouts(t, s, waylandBase)
	s.Drop()
	for range w.Events() {
	}
	if _, err := w.IdleTime(); err == nil {
		t.Fatal("IdleTime without a compositor gives no error")
	}
	if err := w.Watch([]time.Duration{time.Second}, 0); err == nil {
		t.Fatal("Watch without a compositor gives no error")
	}
}

// ---- against the real compositor of scripts/desktop-sway.sh / desktop-kwin.sh ----

// touch makes input the compositor counts: wtype's virtual keyboard
// (wlroots), else KWin's simulate_user_activity.
func touch(t *testing.T) {
	t.Helper()
	if exec.Command("wtype", "-k", "F24").Run() == nil {
		return
	}
	c, err := wayland.Dial("")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := wayland.SimulateUserActivity(c); err != nil {
		t.Fatal(err)
	}
}

// waylandEvent waits for a firing (a minute at most: a hang guard).
func waylandEvent(t *testing.T, w *waylandIdle) IdleEvent {
	t.Helper()
	ev, ok := nextIdleEvent(t, w, time.Minute)
	if !ok {
		t.Fatal("no idle event within a minute")
	}
	return ev
}

func TestWaylandIdleRealCompositor(t *testing.T) {
	comp := os.Getenv("LIMBER_COMPOSITOR")
	if comp == "" || os.Getenv("WAYLAND_DISPLAY") == "" {
		t.Skip("run inside scripts/desktop-sway.sh or desktop-kwin.sh")
	}
	want := map[string]string{"sway": IdleKDE, "kwin": IdleExtNotify}[comp]
	src, err := detectWaylandIdle()
	if err != nil {
		t.Fatal(err)
	}
	w := src.(*waylandIdle)
	defer w.Close()
	if w.Name() != want {
		t.Fatalf("%s: idle source %q, want %q", comp, w.Name(), want)
	}
	touch(t)
	if err := w.Watch([]time.Duration{2 * time.Second}, 0); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if ev := waylandEvent(t, w); ev.Active || ev.Idle < 2*time.Second {
		t.Fatalf("firing %+v, want the 2 s mark", ev)
	}
	t.Logf("%s: the 2 s mark fired after %v", comp, time.Since(start).Round(10*time.Millisecond))
	if d := idleTime(t, w); d < 2*time.Second {
		t.Fatalf("idle %v after the 2 s mark", d)
	}
	if err := w.Watch(nil, time.Second); err != nil {
		t.Fatal(err)
	}
	touch(t)
	back := time.Now()
	if ev := waylandEvent(t, w); !ev.Active {
		t.Fatalf("firing %+v, want the activity alarm", ev)
	}
	t.Logf("%s: the return was seen %v after input", comp, time.Since(back).Round(time.Millisecond))
	if d := idleTime(t, w); d >= time.Second {
		t.Fatalf("idle %v right after input", d)
	}
}

// KWin runs its idle timers as coarse Qt timers, which fire up to 5 %
// early: a mark may fire before the base notification's count says the
// mark is reached. The firing waits until the idle time reaches the mark,
// and the idle time never jumps (the engine saw it a moment before) nor
// goes back down when Watch replaces the mark's notification.
func TestWaylandIdleNeverGoesBack(t *testing.T) {
	s, w, clock := startFakeWayland(t)
	waits := handWaits(w)
	base := noteWith(t, waitTimeouts(t, s, waylandBase), waylandBase)
	if err := w.Watch([]time.Duration{15 * time.Second}, 0); err != nil {
		t.Fatal(err)
	}
	ns := waitTimeouts(t, s, waylandBase, 15*time.Second)
	clock.add(waylandBase)
	s.Idle(base)
	until(t, "idle", func() bool { return idleTime(t, w) > 0 })
	clock.add(13300 * time.Millisecond) // 0.7 s early
	s.Idle(noteWith(t, ns, 15*time.Second))
	until(t, "the early firing is seen", func() bool {
		w.mu.Lock()
		defer w.mu.Unlock()
		for n := range w.notes {
			if n.early != nil {
				return true
			}
		}
		return false
	})
	if len(w.Events()) != 0 {
		t.Fatal("a mark fired while the idle time is below it")
	}
	clock.add(700 * time.Millisecond)
	if !waits.fire() {
		t.Fatal("no wait for the early mark")
	}
	ev := waylandEvent(t, w)
	if d := idleTime(t, w); d < 15*time.Second || ev.Idle < 15*time.Second {
		t.Fatalf("the 15 s mark fired; idle %v, event %+v", d, ev)
	}
	if err := w.Watch([]time.Duration{30 * time.Second}, 0); err != nil {
		t.Fatal(err)
	}
	if d := idleTime(t, w); d < 15*time.Second {
		t.Fatalf("idle went back to %v after the 15 s mark fired", d)
	}
	waitTimeouts(t, s, waylandBase, 15*time.Second) // 30 s less the 15 s idle
}

// A mark that fired early and input before the idle time reached it: no
// firing, and the mark can fire in the next idle spell.
func TestWaylandIdleEarlyMarkThenInput(t *testing.T) {
	s, w, clock := startFakeWayland(t)
	waits := handWaits(w)
	base := noteWith(t, waitTimeouts(t, s, waylandBase), waylandBase)
	if err := w.Watch([]time.Duration{15 * time.Second}, 0); err != nil {
		t.Fatal(err)
	}
	mark := noteWith(t, waitTimeouts(t, s, waylandBase, 15*time.Second), 15*time.Second)
	clock.add(waylandBase)
	s.Idle(base)
	until(t, "idle", func() bool { return idleTime(t, w) > 0 })
	clock.add(13300 * time.Millisecond)
	s.Idle(mark)
	until(t, "the early firing is seen", func() bool {
		w.mu.Lock()
		defer w.mu.Unlock()
		for n := range w.notes {
			if n.early != nil {
				return true
			}
		}
		return false
	})
	s.Resume(base)
	s.Resume(mark)
	until(t, "active", func() bool { return idleTime(t, w) == 0 })
	if waits.fire() {
		t.Fatal("the early mark's wait was not stopped by the input")
	}
	if len(w.Events()) != 0 {
		t.Fatalf("a mark fired after input came before it: %+v", <-w.Events())
	}
	// The next spell: the compositor counted afresh from the input.
	s.Idle(base)
	until(t, "idle again", func() bool { return idleTime(t, w) > 0 })
	clock.add(14 * time.Second)
	s.Idle(mark)
	if ev := waylandEvent(t, w); ev.Active || ev.Idle < 15*time.Second {
		t.Fatalf("firing %+v in the next spell, want the 15 s mark", ev)
	}
}

// waits are the source's timed waits, run by the test instead of a timer.
type waits struct {
	mu sync.Mutex
	fs []*wait
}

type wait struct {
	f       func()
	stopped bool
}

func handWaits(w *waylandIdle) *waits {
	ws := &waits{}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.after = func(_ time.Duration, f func()) func() bool {
		ws.mu.Lock()
		defer ws.mu.Unlock()
		x := &wait{f: f}
		ws.fs = append(ws.fs, x)
		return func() bool {
			ws.mu.Lock()
			defer ws.mu.Unlock()
			was := !x.stopped
			x.stopped = true
			return was
		}
	}
	return ws
}

// fire runs the waits not stopped (as their timers running out would)
// and reports whether there was one.
func (ws *waits) fire() bool {
	ws.mu.Lock()
	var run []func()
	for _, x := range ws.fs {
		if !x.stopped {
			x.stopped = true
			run = append(run, x.f)
		}
	}
	ws.mu.Unlock()
	for _, f := range run {
		f()
	}
	return len(run) > 0
}
