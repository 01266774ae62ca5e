//go:build !windows && !darwin

package platform

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// lockedBuffer is a log the source writes from its own goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) lines() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := strings.TrimSpace(l.b.String())
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// xvfb is an X server this test started, on a display of its own.
type xvfb struct {
	t       *testing.T
	display string
	cmd     *exec.Cmd
}

// freeDisplay is a display number no X server uses.
func freeDisplay(t *testing.T) string {
	t.Helper()
	for n := 300; n < 400; n++ {
		_, e1 := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n))
		_, e2 := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n))
		if os.IsNotExist(e1) && os.IsNotExist(e2) {
			return fmt.Sprintf(":%d", n)
		}
	}
	t.Fatal("no free X display between :300 and :399")
	return ""
}

// startXvfb starts Xvfb on display and waits until it takes connections.
func startXvfb(t *testing.T, display string) *xvfb {
	t.Helper()
	if _, err := exec.LookPath("Xvfb"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("Xvfb is not installed")
		}
		t.Skip("Xvfb is not installed")
	}
	x := &xvfb{t: t, display: display, cmd: exec.Command("Xvfb", display, "-nolisten", "tcp", "-noreset")}
	if err := x.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(x.stop)
	quietX11()
	deadline := time.Now().Add(15 * time.Second)
	for {
		if src, err := dialX11Idle(display); err == nil {
			src.Close()
			return x
		}
		if time.Now().After(deadline) {
			t.Fatalf("Xvfb %s took no connection within 15 s", display)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stop ends the server as a logout does (SIGTERM) and waits for it.
func (x *xvfb) stop() {
	if x.cmd.ProcessState != nil {
		return
	}
	x.cmd.Process.Signal(syscall.SIGTERM)
	x.cmd.Wait()
}

// The X11 idle source outlives its X server: when the server goes, it
// says so in one log line, wakes the caller and fails IdleTime (the
// person counts as active); its Events stay open; alarms armed while the
// display is gone are armed on the server that comes back on the same
// display, with one more log line; Close still ends Events.
func TestX11IdleSurvivesItsServerGoingAndComingBack(t *testing.T) {
	display := freeDisplay(t)
	x := startXvfb(t, display)
	var log lockedBuffer
	old := idleLog
	defer func() { idleLog = old }()
	idleLog = &log

	t.Setenv("WAYLAND_DISPLAY", "")
	t.Setenv("XDG_SESSION_TYPE", "x11")
	src, err := detectIdle(nil, "", display)
	if err != nil {
		t.Fatalf("detectIdle on %s: %v", display, err)
	}
	defer src.Close()
	w, ok := src.(IdleWatcher)
	if !ok {
		t.Fatalf("detectIdle gave %T, want an IdleWatcher on Xvfb", src)
	}
	watch(t, w, []time.Duration{time.Hour}, 0)

	x.stop()
	if _, ok := nextIdleEvent(t, w, 10*time.Second); !ok {
		t.Fatal("no wake-up within 10 s of the X server ending")
	}
	if d, err := w.IdleTime(); err == nil {
		t.Fatalf("IdleTime with the X server gone = %v, want an error (the person counts as active)", d)
	}
	// Armed while the display is gone: kept for its return.
	watch(t, w, []time.Duration{50 * time.Millisecond}, 0)
	// Several dials fail in these seconds; none of them logs.
	time.Sleep(3 * time.Second)
	if l := log.lines(); len(l) != 1 || !strings.Contains(l[0], display) {
		t.Fatalf("log while the display is gone = %q, want one line naming %s", l, display)
	}

	startXvfb(t, display)
	deadline := time.After(30 * time.Second)
	for fired := false; !fired; {
		select {
		case ev, ok := <-w.Events():
			if !ok {
				t.Fatal("Events closed while the watcher is open")
			}
			fired = !ev.Active && ev.Idle >= 50*time.Millisecond
		case <-deadline:
			t.Fatalf("the 50 ms mark armed while the display was gone did not fire within 30 s of its return; log %q", log.lines())
		}
	}
	if _, err := w.IdleTime(); err != nil {
		t.Fatalf("IdleTime on the new server: %v", err)
	}
	if l := log.lines(); len(l) != 2 || !strings.Contains(l[1], display) {
		t.Fatalf("log after the display came back = %q, want a second line naming %s", l, display)
	}

	if err := src.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	select {
	case _, ok := <-w.Events():
		if ok {
			// A wake-up queued before Close may still be read; then it closes.
			if _, ok := <-w.Events(); ok {
				t.Fatal("Events still delivers after Close")
			}
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Events still open 5 s after Close")
	}
}

// Over a server without SYNC the source is polled: with the server gone
// IdleTime fails (one log line), and once a server is back on the display
// IdleTime answers again (a second line).
func TestX11IdlePolledSourceRedials(t *testing.T) {
	display := freeDisplay(t)
	x := startXvfb(t, display)
	var log lockedBuffer
	old := idleLog
	defer func() { idleLog = old }()
	idleLog = &log
	plain, err := dialX11Idle(display)
	if err != nil {
		t.Fatal(err)
	}
	// What newX11Redial makes on a server without SYNC (Xvfb always has it).
	r := &x11Redial{display: display, cur: plain}
	defer r.Close()
	if _, err := r.IdleTime(); err != nil {
		t.Fatalf("IdleTime: %v", err)
	}
	x.stop()
	if d, err := r.IdleTime(); err == nil {
		t.Fatalf("IdleTime with the X server gone = %v, want an error", d)
	}
	if d, err := r.IdleTime(); err == nil {
		t.Fatalf("second IdleTime with the X server gone = %v, want an error", d)
	}
	if l := log.lines(); len(l) != 1 || !strings.Contains(l[0], "lost the X display "+display) {
		t.Fatalf("log = %q, want one line about losing %s", l, display)
	}
	startXvfb(t, display)
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, err := r.IdleTime(); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("IdleTime still fails 30 s after the server came back; log %q", log.lines())
		}
		time.Sleep(200 * time.Millisecond)
	}
	if l := log.lines(); len(l) != 2 || !strings.Contains(l[1], "is back") {
		t.Fatalf("log = %q, want a second line saying the display is back", l)
	}
}

// within runs f and fails the test if it has not returned after d.
func within(t *testing.T, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s did not return within %v", what, d)
	}
}

// An X server that stops answering (stopped, hung) without closing the
// connection must not stop the caller: IdleTime and Watch give up after
// a bounded wait (the display counts as gone, one log line), Close
// returns, and once the server answers again the source goes on there.
func TestX11IdleFrozenServerDoesNotBlock(t *testing.T) {
	display := freeDisplay(t)
	x := startXvfb(t, display)
	var log lockedBuffer
	old := idleLog
	defer func() { idleLog = old }()
	idleLog = &log
	t.Setenv("WAYLAND_DISPLAY", "")
	t.Setenv("XDG_SESSION_TYPE", "x11")
	src, err := detectIdle(nil, "", display)
	if err != nil {
		t.Fatalf("detectIdle on %s: %v", display, err)
	}
	w := src.(IdleWatcher)
	watch(t, w, []time.Duration{time.Hour}, 0)

	x.cmd.Process.Signal(syscall.SIGSTOP)
	continued := false
	defer func() {
		if !continued {
			x.cmd.Process.Signal(syscall.SIGCONT)
		}
	}()
	within(t, 10*time.Second, "IdleTime on a stopped X server", func() {
		if d, err := w.IdleTime(); err == nil {
			t.Errorf("IdleTime on a stopped X server = %v, want an error", d)
		}
	})
	within(t, 10*time.Second, "Watch on a stopped X server", func() {
		if err := w.Watch([]time.Duration{50 * time.Millisecond}, 0); err != nil {
			t.Errorf("Watch while the display is gone: %v, want the alarms kept for its return", err)
		}
	})
	// Dials to the stopped server hang; they must not pile up or log.
	time.Sleep(4 * time.Second)
	if l := log.lines(); len(l) != 1 || !strings.Contains(l[0], display) {
		t.Fatalf("log with the server stopped = %q, want one line naming %s", l, display)
	}

	x.cmd.Process.Signal(syscall.SIGCONT)
	continued = true
	deadline := time.After(30 * time.Second)
	for fired := false; !fired; {
		select {
		case ev, ok := <-w.Events():
			if !ok {
				t.Fatal("Events closed while the watcher is open")
			}
			fired = !ev.Active && ev.Idle >= 50*time.Millisecond
		case <-deadline:
			t.Fatalf("the 50 ms mark did not fire within 30 s of the server answering again; log %q", log.lines())
		}
	}
	// The alarm can fire a moment before the line is written: wait for it.
	for i := 0; i < 100 && len(log.lines()) < 2; i++ {
		time.Sleep(50 * time.Millisecond)
	}
	if l := log.lines(); len(l) != 2 || !strings.Contains(l[1], "is back") {
		t.Fatalf("log after the server answers again = %q, want a second line saying it is back", l)
	}

	// Close does not wait on a server that stopped answering.
	x.cmd.Process.Signal(syscall.SIGSTOP)
	continued = false
	within(t, 10*time.Second, "Close with the X server stopped", func() { src.Close() })
}
