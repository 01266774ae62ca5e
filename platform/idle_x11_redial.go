//go:build !windows && !darwin

package platform

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// idleLog is where the X11 idle source says, in one line each, that its
// display went away and that it came back.
var idleLog io.Writer = os.Stderr

// The wait between dials while the display is gone: from the first to
// the last, doubling. A failed dial to a missing socket costs
// microseconds, so even the shortest wait keeps the agent at rest.
const (
	x11RedialFirst = time.Second
	x11RedialLast  = 10 * time.Second
)

// x11Answer bounds each X round trip of the idle source: a server that
// keeps its connection open but stops answering (stopped, hung) counts as
// gone, so that the caller, the agent's loop, never waits on it.
const x11Answer = 3 * time.Second

var errX11NoAnswer = fmt.Errorf("the X server did not answer within %v", x11Answer)

// bounded runs f and waits for it up to x11Answer; after that f goes on
// in the background and its result is dropped.
func bounded[T any](f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	ch := make(chan result, 1)
	go func() {
		v, err := f()
		ch <- result{v, err}
	}()
	t := time.NewTimer(x11Answer)
	defer t.Stop()
	select {
	case r := <-ch:
		return r.v, r.err
	case <-t.C:
		var zero T
		return zero, errX11NoAnswer
	}
}

// x11Redial is the X11 idle source that outlives its X server (a server
// restart, a logout, XWayland ending): while the display is gone IdleTime
// fails, so the person counts as active; it dials the same display again
// with growing waits and, once a server answers, goes on there. It logs
// one line when the display goes and one when it is back. A server that
// stops answering counts as gone (see x11Answer): its connection is left
// to close in the background.
type x11Redial struct {
	display string
	events  chan IdleEvent // the watcher's, across connections; nil for a plain source
	zombies sync.WaitGroup // connections given up on, still closing

	mu     sync.Mutex
	cur    IdleSource // nil while the display is gone
	closed bool
	timer  *time.Timer
	wait   time.Duration // before the next dial
	// The last Watch call, armed again on a new connection.
	watched bool
	marks   []time.Duration
	active  time.Duration
}

// x11RedialWatcher is x11Redial over a server with SYNC: an IdleWatcher
// whose Events stay open while the display is gone. When the display goes
// and when it comes back, Events delivers an IdleEvent{Active: true}, so
// that the caller reads the idle time again.
type x11RedialWatcher struct{ *x11Redial }

// newX11Redial connects to display; see x11Redial. It fails, as
// newX11Idle does, when no server answers there now.
func newX11Redial(display string) (IdleSource, error) {
	r := &x11Redial{display: display, events: make(chan IdleEvent, MaxIdleMarks+2)}
	src, err := dialX11(display, r.events, r.lostWatcher)
	if err != nil {
		return nil, err
	}
	r.cur = src
	if _, ok := src.(*xsyncIdle); ok {
		return &x11RedialWatcher{r}, nil
	}
	r.events = nil
	return r, nil
}

func (r *x11Redial) Name() string { return IdleX11 }

// displayName is the display for the log: $DISPLAY when it was "".
func (r *x11Redial) displayName() string {
	if r.display == "" {
		return os.Getenv("DISPLAY")
	}
	return r.display
}

func (r *x11Redial) IdleTime() (time.Duration, error) {
	r.mu.Lock()
	cur := r.cur
	r.mu.Unlock()
	if cur == nil {
		return 0, fmt.Errorf("the X display %s is gone", r.displayName())
	}
	d, err := bounded(cur.IdleTime)
	if err != nil {
		r.lost(cur, err)
		return 0, err
	}
	return d, nil
}

// lostWatcher is the watcher's report that its connection ended.
func (r *x11Redial) lostWatcher(w *xsyncIdle) {
	r.lost(w, errors.New("the connection ended"))
}

// lost drops src if it is the current connection: one log line, a
// wake-up for the caller and the first dial scheduled.
func (r *x11Redial) lost(src IdleSource, why error) {
	r.mu.Lock()
	if r.closed || r.cur != src {
		r.mu.Unlock()
		return
	}
	r.cur = nil
	r.wait = x11RedialFirst
	r.timer = time.AfterFunc(r.wait, r.redial)
	r.wakeLocked()
	r.bury(src)
	r.mu.Unlock()
	fmt.Fprintf(idleLog, "limber: idle: lost the X display %s (%v); you count as active until it is back\n", r.displayName(), why)
}

// bury closes src in the background: a server that stopped answering
// holds the close up until it answers again or ends. Held: mu.
func (r *x11Redial) bury(src IdleSource) {
	r.zombies.Add(1)
	go func() {
		defer r.zombies.Done()
		src.Close()
	}()
}

// wakeLocked tells the watcher's caller to read the idle time. Held: mu.
func (r *x11Redial) wakeLocked() {
	if r.events == nil {
		return
	}
	select {
	case r.events <- IdleEvent{Active: true}:
	default: // a wake-up is already waiting
	}
}

// redial tries the display once; on failure it schedules the next try.
// It runs on its own timer goroutine and may wait there on a server that
// accepts the connection but does not answer; the next try is scheduled
// only when this one is over.
func (r *x11Redial) redial() {
	r.mu.Lock()
	if r.closed || r.cur != nil {
		r.mu.Unlock()
		return
	}
	r.mu.Unlock()
	src, err := dialX11(r.display, r.events, r.lostWatcher)
	r.mu.Lock()
	if r.closed {
		// No alarm is armed on src: it sends nothing to the closed events.
		if err == nil {
			r.bury(src)
		}
		r.mu.Unlock()
		return
	}
	if err == nil && r.watched {
		if err = r.armLocked(src); err != nil {
			r.bury(src)
		}
	}
	if err != nil {
		r.wait = min(2*r.wait, x11RedialLast)
		r.timer = time.AfterFunc(r.wait, r.redial)
		r.mu.Unlock()
		return
	}
	r.cur = src
	// The connection may have ended already, before it was current.
	if w, ok := src.(*xsyncIdle); ok && w.isClosed() {
		r.mu.Unlock()
		r.lost(src, errors.New("the connection ended"))
		return
	}
	r.wakeLocked()
	r.mu.Unlock()
	fmt.Fprintf(idleLog, "limber: idle: the X display %s is back\n", r.displayName())
}

// armLocked arms the last Watch call's alarms on src, waiting on the
// server no longer than x11Answer. Held: mu.
func (r *x11Redial) armLocked(src IdleSource) error {
	w, ok := src.(IdleWatcher)
	if !ok {
		return fmt.Errorf("the X server on %s has no SYNC IDLETIME counter", r.displayName())
	}
	marks, active := r.marks, r.active
	_, err := bounded(func() (struct{}, error) { return struct{}{}, w.Watch(marks, active) })
	return err
}

// Watch arms the alarms on the current connection; while the display is
// gone it keeps them for the next one. See IdleWatcher.
func (r *x11RedialWatcher) Watch(marks []time.Duration, activeAfter time.Duration) error {
	if _, err := planIdleAlarms(marks, activeAfter); err != nil {
		return err
	}
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return errWatcherClosed
	}
	r.watched, r.marks, r.active = true, append([]time.Duration(nil), marks...), activeAfter
	cur := r.cur
	if cur == nil {
		drainIdleEvents(r.events) // firings of the replaced alarms
		r.mu.Unlock()
		return nil
	}
	err := r.armLocked(cur)
	gone := false
	if err != nil {
		// The display went, or stopped answering, during the call: the
		// alarms are armed on its return. (A Watch still waiting holds
		// the watcher's lock: isClosed is asked only when it returned.)
		w, ok := cur.(*xsyncIdle)
		gone = errors.Is(err, errX11NoAnswer) || ok && w.isClosed()
	}
	r.mu.Unlock()
	if gone {
		r.lost(cur, err)
		return nil
	}
	return err
}

// Events delivers the alarm firings and the wake-ups at loss and return.
func (r *x11RedialWatcher) Events() <-chan IdleEvent { return r.events }

// Close ends the connection and the dials. A watcher's Events is closed
// once every connection has closed; a server that stopped answering may
// hold that up, and then, after x11Answer, Events is left open.
func (r *x11Redial) Close() error {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return nil
	}
	r.closed = true
	if r.timer != nil {
		r.timer.Stop()
	}
	if r.cur != nil {
		r.bury(r.cur)
		r.cur = nil
	}
	r.mu.Unlock()
	_, err := bounded(func() (struct{}, error) {
		r.zombies.Wait()
		return struct{}{}, nil
	})
	if err == nil && r.events != nil {
		close(r.events)
	}
	return nil
}
