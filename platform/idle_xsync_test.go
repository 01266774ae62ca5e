//go:build !windows && !darwin

package platform

import (
	"testing"
	"time"
)

// newXSyncWatcher opens the X11 source on the test display and requires
// it to be an IdleWatcher (Xvfb has SYNC with IDLETIME).
func newXSyncWatcher(t *testing.T) *xsyncIdle {
	t.Helper()
	needDisplay(t)
	quietX11()
	src, err := newX11Idle("")
	if err != nil {
		t.Fatalf("X11 idle source: %v", err)
	}
	w, ok := src.(*xsyncIdle)
	if !ok {
		src.Close()
		t.Fatalf("newX11Idle gave %T, want the XSync IdleWatcher", src)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// nextIdleEvent waits up to within for a firing.
func nextIdleEvent(t *testing.T, w IdleWatcher, within time.Duration) (IdleEvent, bool) {
	t.Helper()
	select {
	case ev, ok := <-w.Events():
		if !ok {
			t.Fatal("Events closed while the watcher is open")
		}
		return ev, true
	case <-time.After(within):
		return IdleEvent{}, false
	}
}

// noIdleEvent fails if anything fires within d.
func noIdleEvent(t *testing.T, w IdleWatcher, d time.Duration, why string) {
	t.Helper()
	if ev, ok := nextIdleEvent(t, w, d); ok {
		t.Fatalf("%s, yet %+v fired", why, ev)
	}
}

// watch arms w or fails the test.
func watch(t *testing.T, w IdleWatcher, marks []time.Duration, activeAfter time.Duration) {
	t.Helper()
	if err := w.Watch(marks, activeAfter); err != nil {
		t.Fatalf("Watch(%v, %v): %v", marks, activeAfter, err)
	}
}

func TestXSyncMarkFiresAfterIdle(t *testing.T) {
	w := newXSyncWatcher(t)
	start := time.Now()
	xdotool(t, "mousemove_relative", "5", "5")
	watch(t, w, []time.Duration{time.Second}, 0)
	ev, ok := nextIdleEvent(t, w, 5*time.Second)
	if !ok {
		t.Fatal("a 1 s mark did not fire within 5 s of the last input")
	}
	if ev.Active {
		t.Fatalf("got %+v, want a mark firing (Active false)", ev)
	}
	if ev.Idle < time.Second {
		t.Errorf("Idle = %v at the 1 s mark, want at least 1 s", ev.Idle)
	}
	// Loose: the input came after start, so a firing at 1 s idle cannot
	// come much sooner than 1 s after it.
	if since := time.Since(start); since < 900*time.Millisecond {
		t.Errorf("the 1 s mark fired %v after the input", since)
	}
	noIdleEvent(t, w, 500*time.Millisecond, "a mark fires once")
}

func TestXSyncMarkAlreadyPassedFiresAtOnce(t *testing.T) {
	w := newXSyncWatcher(t)
	xdotool(t, "mousemove_relative", "5", "5")
	time.Sleep(1200 * time.Millisecond)
	watch(t, w, []time.Duration{time.Second, time.Minute}, 0)
	ev, ok := nextIdleEvent(t, w, 500*time.Millisecond)
	if !ok {
		t.Fatal("a 1 s mark armed after 1.2 s idle did not fire at once")
	}
	if ev.Active || ev.Idle < 1200*time.Millisecond {
		t.Fatalf("got %+v, want a mark firing with Idle at least 1.2 s", ev)
	}
}

func TestXSyncWatchReplacesAlarms(t *testing.T) {
	w := newXSyncWatcher(t)
	xdotool(t, "mousemove_relative", "5", "5")
	watch(t, w, []time.Duration{time.Second}, 0)
	watch(t, w, []time.Duration{2 * time.Second}, 0)
	ev, ok := nextIdleEvent(t, w, 5*time.Second)
	if !ok {
		t.Fatal("the 2 s mark of the second Watch did not fire within 5 s")
	}
	if ev.Idle < 2*time.Second {
		t.Fatalf("first firing %+v: the replaced 1 s mark fired", ev)
	}

	// Watch(nil, 0) disarms.
	xdotool(t, "mousemove_relative", "5", "5")
	watch(t, w, []time.Duration{500 * time.Millisecond}, 0)
	watch(t, w, nil, 0)
	noIdleEvent(t, w, time.Second, "all alarms were disarmed")
}

func TestXSyncWatchActiveOnInput(t *testing.T) {
	w := newXSyncWatcher(t)
	const activeAfter = 500 * time.Millisecond
	xdotool(t, "mousemove_relative", "5", "5")
	time.Sleep(time.Second)
	// The person is already idle past activeAfter when the alarm is armed,
	// as when the agent arms it after a mark.
	watch(t, w, nil, activeAfter)
	noIdleEvent(t, w, 200*time.Millisecond, "nobody touched the pointer")
	xdotool(t, "mousemove_relative", "3", "3")
	ev, ok := nextIdleEvent(t, w, 2*time.Second)
	if !ok {
		t.Fatal("pointer input after 1 s idle gave no Active event within 2 s")
	}
	if !ev.Active || ev.Idle > activeAfter {
		t.Fatalf("got %+v, want Active with Idle at most %v", ev, activeAfter)
	}
	// The activity alarm fires once: another idle spell and input stay quiet.
	time.Sleep(700 * time.Millisecond)
	xdotool(t, "mousemove_relative", "3", "3")
	noIdleEvent(t, w, 500*time.Millisecond, "the activity alarm already fired")
}

func TestXSyncWatchQuietBetweenMarks(t *testing.T) {
	w := newXSyncWatcher(t)
	xdotool(t, "mousemove_relative", "5", "5")
	watch(t, w, []time.Duration{10 * time.Second}, 0)
	noIdleEvent(t, w, 1500*time.Millisecond, "only a 10 s mark is armed")
}

func TestXSyncWatchReusesAlarmIDs(t *testing.T) {
	w := newXSyncWatcher(t)
	ids := map[uint32]bool{}
	for range 20 {
		watch(t, w, []time.Duration{time.Hour, 2 * time.Hour}, time.Hour)
		w.mu.Lock()
		for id := range w.live {
			ids[id] = true
		}
		w.mu.Unlock()
		// Destroyed notices come back one round trip later; give the
		// reader a moment to handle them.
		time.Sleep(20 * time.Millisecond)
	}
	if len(ids) > 9 {
		t.Fatalf("20 Watch calls of 3 alarms used %d alarm ids, want destroyed ids reused (at most 9)", len(ids))
	}
}

func TestXSyncCloseEndsEvents(t *testing.T) {
	w := newXSyncWatcher(t)
	watch(t, w, []time.Duration{time.Hour}, time.Hour)
	if err := w.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	select {
	case ev, ok := <-w.Events():
		if ok {
			t.Fatalf("Events gave %+v after Close, want it closed", ev)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Events still open 2 s after Close")
	}
	if err := w.Watch([]time.Duration{time.Second}, 0); err == nil {
		t.Fatal("Watch after Close worked, want an error")
	}
}

func TestXSyncDetectIdleGivesWatcher(t *testing.T) {
	needDisplay(t)
	bus := needSessionBus(t)
	for _, name := range []string{"org.gnome.Mutter.IdleMonitor", "org.freedesktop.ScreenSaver"} {
		if hasOwner(bus, name) {
			t.Fatalf("%s is on the test bus; this test needs a session without it", name)
		}
	}
	src, err := DetectIdle()
	if err != nil {
		t.Fatalf("DetectIdle: %v", err)
	}
	defer src.Close()
	w, ok := src.(IdleWatcher)
	if !ok {
		t.Fatalf("DetectIdle gave %T (%s), want an IdleWatcher on a server with SYNC", src, src.Name())
	}
	if w.Name() != IdleX11 {
		t.Errorf("Name() = %q, want %q", w.Name(), IdleX11)
	}
	if _, err := w.IdleTime(); err != nil {
		t.Fatalf("IdleTime: %v", err)
	}
}

func TestXSyncSystemCounterParsing(t *testing.T) {
	// Two entries as the server lays them out: SERVERTIME (10 bytes of
	// name, padded) then IDLETIME.
	reply := make([]byte, 32)
	reply[8] = 2
	entry := func(id byte, name string) []byte {
		e := make([]byte, 14+len(name))
		e[0] = id
		e[12] = byte(len(name))
		copy(e[14:], name)
		for len(e)%4 != 0 {
			e = append(e, 0)
		}
		return e
	}
	reply = append(reply, entry(7, "SERVERTIME")...)
	reply = append(reply, entry(9, "IDLETIME")...)
	if id, ok := systemCounter(reply, "IDLETIME"); !ok || id != 9 {
		t.Errorf("systemCounter(IDLETIME) = %d, %v; want 9, true", id, ok)
	}
	if id, ok := systemCounter(reply, "SERVERTIME"); !ok || id != 7 {
		t.Errorf("systemCounter(SERVERTIME) = %d, %v; want 7, true", id, ok)
	}
	if _, ok := systemCounter(reply, "DEVICEIDLETIME 2"); ok {
		t.Error("systemCounter found a counter that is not listed")
	}
	if _, ok := systemCounter(reply[:40], "IDLETIME"); ok {
		t.Error("systemCounter read past a cut-short reply")
	}
}
