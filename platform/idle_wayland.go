//go:build !windows && !darwin

package platform

import (
	"errors"
	"fmt"
	"log"
	"os"
	"sync"
	"time"

	"github.com/limberapp/limber/platform/wayland"
)

// Names of the Wayland idle sources, as IdleSource.Name reports them.
const (
	IdleExtNotify = "ext-idle-notify" // ext-idle-notify-v1 (KWin ≥ 5.27, wlroots ≥ 0.17, …)
	IdleKDE       = "kde-idle"        // org_kde_kwin_idle (older KWin, wlroots < 0.17)
)

// waylandBase is the timeout of the notification that is always armed.
// The compositor never says how long the person has been idle, only that
// a timeout passed: once this one has, the idle time is known to the
// millisecond; before, it is reported as 0 (it is below waylandBase).
const waylandBase = time.Second

// waylandIdle is the idle source over a Wayland compositor's idle
// protocol: one notification object per alarm, as the X11 SYNC source
// has one alarm per mark, so nothing runs in Limber between firings.
type waylandIdle struct {
	name     string
	conn     *wayland.Conn
	notifier *wayland.IdleNotifier
	now      func() time.Time
	after    func(time.Duration, func()) (stop func() bool) // time.AfterFunc; the tests wait by hand
	events   chan IdleEvent
	stopped  chan struct{}

	trace bool // LIMBER_TRACE=1: log each notification's events

	mu          sync.Mutex
	closed      bool
	lost        error // why the connection ended
	notes       map[*wlNote]bool
	activeAfter time.Duration // the activity alarm's threshold, while armed
	idleSince   time.Time     // the last input, as the idle events imply; zero while active
}

// wlNote is one idle notification on the compositor.
type wlNote struct {
	obj     *wayland.IdleNotification
	role    wlRole
	mark    time.Duration // the idle time it stands for (marks)
	timeout time.Duration // what the compositor counts from the note's creation
	offset  time.Duration // idle time already passed when it was created
	fired   bool
	early   func() bool // stops the wait of a mark that fired early, until the idle time reaches it
}

type wlRole int

const (
	wlBase wlRole = iota
	wlMark
	wlActive
)

// detectWaylandIdle is the compositor's idle protocol when
// $WAYLAND_DISPLAY names a compositor that offers one.
func detectWaylandIdle() (IdleSource, error) {
	if os.Getenv("WAYLAND_DISPLAY") == "" {
		return nil, errors.New("WAYLAND_DISPLAY is not set")
	}
	return newWaylandIdle("", time.Now)
}

// newWaylandIdle connects to the compositor named display ("" for
// $WAYLAND_DISPLAY) and arms the base notification.
func newWaylandIdle(display string, now func() time.Time) (*waylandIdle, error) {
	conn, err := wayland.Dial(display)
	if err != nil {
		return nil, err
	}
	n, err := wayland.NewIdleNotifier(conn)
	if err != nil {
		conn.Close()
		return nil, err
	}
	w := &waylandIdle{
		name:     IdleExtNotify,
		conn:     conn,
		notifier: n,
		now:      now,
		after:    func(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop },
		events:   make(chan IdleEvent, MaxIdleMarks+1),
		stopped:  make(chan struct{}),
		notes:    make(map[*wlNote]bool),
		trace:    os.Getenv("LIMBER_TRACE") == "1",
	}
	if n.Kind() == wayland.IdleKDE {
		w.name = IdleKDE
	}
	w.mu.Lock()
	err = w.add(&wlNote{role: wlBase, timeout: waylandBase})
	w.mu.Unlock()
	if err == nil {
		// A protocol error (a bad seat, say) shows here, not later.
		err = conn.Roundtrip()
	}
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("%s: %w", w.name, err)
	}
	go w.readEvents()
	return w, nil
}

func (w *waylandIdle) Name() string { return w.name }

// IdleTime is the idle time the notifications vouch for: 0 until the base
// notification's second has passed. It asks the compositor nothing.
func (w *waylandIdle) IdleTime() (time.Duration, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.lost != nil {
		return 0, fmt.Errorf("%s: %w", w.name, w.lost)
	}
	return w.idleNow(w.now()), nil
}

// idleNow is the idle time the notifications vouch for: since the last
// input as the spell's first idle event implied it (usually the base
// notification's, off by at most 5 % of its second on KWin, whose coarse
// timers fire early). One reference for the whole spell: the idle time
// grows smoothly, never jumps when a later notification fires early and
// never goes back when the one that vouched for it is replaced. Held: mu.
func (w *waylandIdle) idleNow(now time.Time) time.Duration {
	if w.idleSince.IsZero() {
		return 0
	}
	return max(now.Sub(w.idleSince), 0)
}

// Events delivers the alarm firings; see IdleWatcher.
func (w *waylandIdle) Events() <-chan IdleEvent { return w.events }

// Watch replaces the alarms; see IdleWatcher. A mark becomes a
// notification whose timeout is what is left of it; the activity alarm
// fires on the first "resumed" once the idle time has reached it.
func (w *waylandIdle) Watch(marks []time.Duration, activeAfter time.Duration) error {
	plan, err := planIdleAlarms(marks, activeAfter)
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errWatcherClosed
	}
	if w.lost != nil {
		return fmt.Errorf("%s: %w", w.name, w.lost)
	}
	// One write for all the requests below.
	w.conn.Hold()
	defer w.conn.Flush()
	w.disarm()
	drainIdleEvents(w.events)
	now := w.now()
	idle := w.idleNow(now)
	if w.trace {
		log.Printf("limber: %s: watch %v, active after %v, at idle %v", w.name, marks, activeAfter, idle)
	}
	for _, a := range plan {
		d := time.Duration(a.ms) * time.Millisecond
		if a.active {
			w.activeAfter = d
			// Some notification must be idle by then for a "resumed" to
			// follow; the base one is unless the threshold is below it.
			if d < waylandBase && idle < d {
				err = w.add(&wlNote{role: wlActive, timeout: d - idle, offset: idle})
			}
		} else if idle >= d {
			w.events <- IdleEvent{Idle: idle}
			continue
		} else {
			err = w.add(&wlNote{role: wlMark, mark: d, timeout: d - idle, offset: idle})
		}
		if err != nil {
			w.disarm()
			return fmt.Errorf("%s: %w", w.name, err)
		}
	}
	return nil
}

// disarm destroys every notification but the base one. Held: mu.
func (w *waylandIdle) disarm() {
	w.activeAfter = 0
	for n := range w.notes {
		if n.role != wlBase {
			w.remove(n)
		}
	}
}

// add creates n on the compositor. Held: mu.
func (w *waylandIdle) add(n *wlNote) error {
	obj, err := w.notifier.Notify(n.timeout, func() { w.onIdled(n) }, func() { w.onResumed(n) })
	if err != nil {
		return err
	}
	n.obj = obj
	w.notes[n] = true
	return nil
}

// remove destroys n; its events still on their way are dropped. Held: mu.
func (w *waylandIdle) remove(n *wlNote) {
	delete(w.notes, n)
	if n.early != nil {
		n.early()
		n.early = nil
	}
	_ = n.obj.Destroy()
}

// onIdled runs when n's timeout passed without input.
func (w *waylandIdle) onIdled(n *wlNote) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.notes[n] {
		return
	}
	now := w.now()
	if w.idleSince.IsZero() {
		w.idleSince = now.Add(-n.offset - n.timeout)
	}
	idle := w.idleNow(now)
	if w.trace {
		log.Printf("limber: %s: %v notification (role %d, offset %v) idle; idle time %v", w.name, n.timeout, n.role, n.offset, idle)
	}
	if n.role != wlMark || n.fired {
		return
	}
	n.fired = true
	if idle >= n.mark {
		w.fire(n.mark)
		return
	}
	// Early: KWin's coarse timers fire up to 5 % ahead. The event waits
	// until the idle time, as the first idle event of the spell set it,
	// reaches the mark, so the two never disagree.
	n.early = w.after(n.mark-idle, func() {
		w.mu.Lock()
		defer w.mu.Unlock()
		if w.notes[n] && n.early != nil {
			n.early = nil
			w.fire(n.mark)
		}
	})
}

// fire sends a mark's firing. The buffer holds one firing per alarm of a
// Watch call, and Watch empties it, so this never drops. Held: mu.
func (w *waylandIdle) fire(mark time.Duration) {
	select {
	case w.events <- IdleEvent{Idle: max(w.idleNow(w.now()), mark)}:
	default:
	}
}

// onResumed runs at the first input after n went idle. The input reset
// every notification's count, so a mark that counted on idle time from
// before its creation must count afresh.
func (w *waylandIdle) onResumed(n *wlNote) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.notes[n] {
		return
	}
	before := w.idleNow(w.now())
	w.idleSince = time.Time{}
	w.conn.Hold()
	defer w.conn.Flush()
	if w.trace {
		log.Printf("limber: %s: %v notification (role %d) resumed after idle %v", w.name, n.timeout, n.role, before)
	}
	for m := range w.notes {
		if m.early != nil {
			// Input came before the mark was really reached.
			m.early()
			m.early, m.fired = nil, false
		}
		if m.offset > 0 && !m.fired && m.role == wlMark {
			w.remove(m)
			if err := w.add(&wlNote{role: wlMark, mark: m.mark, timeout: m.mark}); err != nil {
				return // the connection is failing; readEvents says so
			}
		} else if m.offset > 0 && m.role == wlActive {
			w.remove(m)
			if err := w.add(&wlNote{role: wlActive, timeout: w.activeAfter}); err != nil {
				return
			}
		}
	}
	if w.activeAfter > 0 && before >= w.activeAfter {
		w.activeAfter = 0
		for m := range w.notes {
			if m.role == wlActive {
				w.remove(m)
			}
		}
		select {
		case w.events <- IdleEvent{Active: true}:
		default:
		}
	}
}

// readEvents runs in its own goroutine, blocked until the compositor
// sends something. When the connection ends it says so once in the log
// (unless Close ended it), the source reports errors from then on (the
// agent counts the person as active) and Events is closed.
func (w *waylandIdle) readEvents() {
	defer close(w.stopped)
	defer close(w.events)
	for {
		err := w.conn.Dispatch()
		if err == nil {
			continue
		}
		w.mu.Lock()
		w.lost = err
		closed := w.closed
		w.mu.Unlock()
		if !closed {
			log.Printf("limber: %s idle source: lost the compositor (%v); counting as active from now on", w.name, err)
		}
		return
	}
}

// Close ends the connection, which frees the notifications on the
// compositor, and waits for readEvents, which closes Events.
func (w *waylandIdle) Close() error {
	w.mu.Lock()
	w.closed = true
	w.mu.Unlock()
	w.conn.Close()
	<-w.stopped
	return nil
}
