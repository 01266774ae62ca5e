//go:build !windows && !darwin

package platform

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// xgb ships no package for the X SYNC extension, so the handful of
// requests, the AlarmNotify event and the two errors the idle watcher
// needs are encoded here (layout from xcb-proto's sync.xml, SYNC 3.1).
const (
	xsyncExtension = "SYNC"

	// Minor opcodes.
	xsyncInitialize         = 0
	xsyncListSystemCounters = 1
	xsyncCreateAlarm        = 8
	xsyncDestroyAlarm       = 11

	// AlarmNotify's number after the extension's first event.
	xsyncAlarmNotify = 1

	// Trigger test types and the absolute value type.
	xsyncNegativeTransition = 1
	xsyncPositiveComparison = 2
	xsyncAbsolute           = 0

	// AlarmNotify state of an alarm that was destroyed.
	xsyncAlarmDestroyed = 2

	// CreateAlarm value mask: counter, value type, value, test type,
	// delta and events, in that order on the wire.
	xsyncAllAttributes = 0x3f

	// xsyncIdleCounter is the system counter of milliseconds since the
	// last input from any device.
	xsyncIdleCounter = "IDLETIME"
)

// errWatcherClosed is Watch's answer after Close.
var errWatcherClosed = errors.New("idle watch: the watcher is closed")

// xsyncIdle is the X11 source with alarms on the SYNC extension's
// IDLETIME counter (as GNOME's Mutter does on X11): the X server keeps
// the time and sends an AlarmNotify when the idle time reaches a mark or
// input comes back, so the agent sleeps in between. IdleTime still asks
// MIT-SCREEN-SAVER.
type xsyncIdle struct {
	*x11Idle
	major   byte   // SYNC's major opcode on this server
	counter uint32 // the IDLETIME counter
	events  chan IdleEvent
	own     bool             // events is this watcher's: closed when it ends
	onLost  func(*xsyncIdle) // called when the connection ends without Close
	stopped chan struct{}    // closed when readEvents returns

	mu     sync.Mutex
	closed bool
	live   map[uint32]*xsyncAlarm // alarms on the server, by id
	dying  map[uint32]bool        // destroyed; their Destroyed notice is on its way
	spare  []uint32               // ids free again: no notice for them can follow
}

// xsyncAlarm is one live alarm.
type xsyncAlarm struct {
	active bool // the activity alarm rather than a mark
	fired  bool
}

// newXSyncIdle adds IDLETIME alarms to x. It fails, leaving x untouched,
// when the server lacks SYNC or the counter. With events nil the watcher
// makes its own channel and closes it when it ends; otherwise it sends
// to events, leaves it open, and calls onLost (if not nil) when the
// connection ends without Close.
func newXSyncIdle(x *x11Idle, events chan IdleEvent, onLost func(*xsyncIdle)) (*xsyncIdle, error) {
	ext, err := xproto.QueryExtension(x.conn, uint16(len(xsyncExtension)), xsyncExtension).Reply()
	if err != nil {
		return nil, fmt.Errorf("SYNC: %w", err)
	}
	if !ext.Present {
		return nil, errors.New("the X server has no SYNC extension")
	}
	registerXSync(ext.FirstEvent, ext.FirstError)
	own := events == nil
	if own {
		events = make(chan IdleEvent, MaxIdleMarks+1)
	}
	w := &xsyncIdle{
		x11Idle: x,
		major:   ext.MajorOpcode,
		events:  events,
		own:     own,
		onLost:  onLost,
		stopped: make(chan struct{}),
		live:    make(map[uint32]*xsyncAlarm),
		dying:   make(map[uint32]bool),
	}
	if err := w.initialize(); err != nil {
		return nil, err
	}
	if w.counter, err = w.findCounter(xsyncIdleCounter); err != nil {
		return nil, err
	}
	go w.readEvents()
	return w, nil
}

// initialize announces the SYNC version this client speaks, as the
// protocol asks before other SYNC requests.
func (w *xsyncIdle) initialize() error {
	reply, err := w.roundTrip(w.request(xsyncInitialize, []byte{3, 1, 0, 0}))
	if err != nil {
		return fmt.Errorf("SYNC Initialize: %w", err)
	}
	if len(reply) < 10 || reply[8] < 3 {
		return errors.New("SYNC Initialize: the server speaks a version before 3.0")
	}
	return nil
}

// findCounter looks name up among the server's system counters.
func (w *xsyncIdle) findCounter(name string) (uint32, error) {
	reply, err := w.roundTrip(w.request(xsyncListSystemCounters, nil))
	if err != nil {
		return 0, fmt.Errorf("SYNC ListSystemCounters: %w", err)
	}
	id, ok := systemCounter(reply, name)
	if !ok {
		return 0, fmt.Errorf("the X server has no %s counter", name)
	}
	return id, nil
}

// systemCounter finds name in a ListSystemCounters reply: after the
// 32-byte header, each entry is counter (4), resolution (8), name length
// (2) and the name, padded to 4 bytes.
func systemCounter(reply []byte, name string) (uint32, bool) {
	if len(reply) < 32 {
		return 0, false
	}
	n := int(xgb.Get32(reply[8:]))
	b := 32
	for i := 0; i < n && b+14 <= len(reply); i++ {
		id := xgb.Get32(reply[b:])
		nameLen := int(xgb.Get16(reply[b+12:]))
		if b+14+nameLen > len(reply) {
			return 0, false
		}
		if string(reply[b+14:b+14+nameLen]) == name {
			return id, true
		}
		b += xgb.Pad(14 + nameLen)
	}
	return 0, false
}

// Events delivers the alarm firings; see IdleWatcher.
func (w *xsyncIdle) Events() <-chan IdleEvent { return w.events }

// Watch replaces the alarms; see IdleWatcher. Marks are PositiveComparison
// alarms, which the server turns off after they fire; the activity alarm
// is a NegativeTransition at activeAfter, destroyed once it fires.
func (w *xsyncIdle) Watch(marks []time.Duration, activeAfter time.Duration) error {
	plan, err := planIdleAlarms(marks, activeAfter)
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errWatcherClosed
	}
	w.destroyAll()
	// Firings already queued come from the alarms just replaced.
	drainIdleEvents(w.events)

	type pending struct {
		id     uint32
		cookie *xgb.Cookie
	}
	sent := make([]pending, 0, len(plan))
	var errs []error
	for _, a := range plan {
		id, err := w.alarmID()
		if err != nil {
			errs = append(errs, err)
			break
		}
		test := uint32(xsyncPositiveComparison)
		if a.active {
			test = xsyncNegativeTransition
		}
		// Registered before the request: a mark already reached fires
		// while the server handles it.
		w.live[id] = &xsyncAlarm{active: a.active}
		cookie := w.conn.NewCookie(true, false)
		w.conn.NewRequest(w.request(xsyncCreateAlarm, createAlarmBody(id, w.counter, a.ms, test)), cookie)
		sent = append(sent, pending{id, cookie})
	}
	// The first Check makes one round trip that settles them all.
	for _, p := range sent {
		if err := p.cookie.Check(); err != nil {
			errs = append(errs, err)
			delete(w.live, p.id)
		}
	}
	if len(errs) > 0 {
		w.destroyAll()
		return fmt.Errorf("SYNC CreateAlarm on %s: %w", xsyncIdleCounter, errors.Join(errs...))
	}
	return nil
}

// alarmID is an id for a new alarm: a spare one, else a fresh one. Held: mu.
func (w *xsyncIdle) alarmID() (uint32, error) {
	if n := len(w.spare); n > 0 {
		id := w.spare[n-1]
		w.spare = w.spare[:n-1]
		return id, nil
	}
	return w.conn.NewId()
}

// destroyAll destroys every live alarm. Held: mu.
func (w *xsyncIdle) destroyAll() {
	for id := range w.live {
		w.destroy(id)
	}
}

// destroy asks the server to destroy alarm id. The server answers with an
// AlarmNotify in state Destroyed after any other notice for the alarm;
// only then may the id name a new alarm. Held: mu.
func (w *xsyncIdle) destroy(id uint32) {
	delete(w.live, id)
	w.dying[id] = true
	body := make([]byte, 4)
	xgb.Put32(body, id)
	// Unchecked: an error (an alarm already gone) arrives as an event
	// and readEvents ignores it.
	w.conn.NewRequest(w.request(xsyncDestroyAlarm, body), w.conn.NewCookie(false, false))
}

// readEvents runs in its own goroutine, blocked until the X server sends
// something; it ends when the connection closes. A connection that ends
// without Close (the server went away) marks the watcher closed and is
// reported to onLost.
func (w *xsyncIdle) readEvents() {
	for {
		ev, xerr := w.conn.WaitForEvent()
		if ev == nil && xerr == nil {
			break
		}
		if n, ok := ev.(xsyncAlarmNotifyEvent); ok {
			w.handleAlarm(n)
		}
	}
	w.mu.Lock()
	lost := !w.closed
	w.closed = true
	w.mu.Unlock()
	if w.own {
		close(w.events)
	}
	close(w.stopped)
	if lost && w.onLost != nil {
		w.onLost(w)
	}
}

// isClosed reports whether Close was called or the connection ended.
func (w *xsyncIdle) isClosed() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.closed
}

// handleAlarm turns a firing of a live alarm into an IdleEvent and
// recycles the ids of destroyed ones.
func (w *xsyncIdle) handleAlarm(n xsyncAlarmNotifyEvent) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if n.state == xsyncAlarmDestroyed {
		if w.dying[n.alarm] {
			delete(w.dying, n.alarm)
			w.spare = append(w.spare, n.alarm)
		}
		return
	}
	a := w.live[n.alarm]
	if a == nil || a.fired {
		return
	}
	a.fired = true
	if a.active {
		// A transition alarm stays armed; without this the next
		// idle spell would wake the agent again.
		w.destroy(n.alarm)
	}
	idle := time.Duration(max(n.counterValue, 0)) * time.Millisecond
	// The buffer holds one firing per alarm of a Watch call, and Watch
	// empties it, so this never drops (a shared channel has room for one
	// wake-up more).
	select {
	case w.events <- IdleEvent{Idle: idle, Active: a.active}:
	default:
	}
}

// Close ends the connection, which frees the alarms on the server, and
// waits for readEvents, which closes Events when they are the watcher's
// own.
func (w *xsyncIdle) Close() error {
	w.mu.Lock()
	w.closed = true
	w.mu.Unlock()
	w.conn.Close()
	<-w.stopped
	return nil
}

// drainIdleEvents empties ch without blocking.
func drainIdleEvents(ch chan IdleEvent) {
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return
			}
		default:
			return
		}
	}
}

// request frames a SYNC request: major and minor opcode, length in
// 4-byte units, then body (a multiple of 4 bytes).
func (w *xsyncIdle) request(minor byte, body []byte) []byte {
	buf := make([]byte, 4+len(body))
	buf[0] = w.major
	buf[1] = minor
	xgb.Put16(buf[2:], uint16(len(buf)/4))
	copy(buf[4:], body)
	return buf
}

// roundTrip sends a request that has a reply and waits for it.
func (w *xsyncIdle) roundTrip(req []byte) ([]byte, error) {
	cookie := w.conn.NewCookie(true, true)
	w.conn.NewRequest(req, cookie)
	return cookie.Reply()
}

// createAlarmBody is CreateAlarm's body for alarm id on counter: absolute
// value ms, test type test, delta 0, events on.
func createAlarmBody(id, counter uint32, ms int64, test uint32) []byte {
	words := []uint32{
		id, xsyncAllAttributes,
		counter,
		xsyncAbsolute,
		uint32(uint64(ms) >> 32), uint32(ms), // INT64 value: hi, lo
		test,
		0, 0, // INT64 delta
		1, // events
	}
	body := make([]byte, 4*len(words))
	for i, v := range words {
		xgb.Put32(body[4*i:], v)
	}
	return body
}

// xsyncAlarmNotifyEvent is SYNC's AlarmNotify: kind, alarm, counter value
// and alarm value (INT64s as hi, lo), time and the alarm's new state.
type xsyncAlarmNotifyEvent struct {
	raw          []byte
	alarm        uint32
	counterValue int64
	alarmValue   int64
	state        byte
}

func newXSyncAlarmNotify(buf []byte) xgb.Event {
	return xsyncAlarmNotifyEvent{
		raw:          buf,
		alarm:        xgb.Get32(buf[4:]),
		counterValue: int64(uint64(xgb.Get32(buf[8:]))<<32 | uint64(xgb.Get32(buf[12:]))),
		alarmValue:   int64(uint64(xgb.Get32(buf[16:]))<<32 | uint64(xgb.Get32(buf[20:]))),
		state:        buf[28],
	}
}

func (e xsyncAlarmNotifyEvent) Bytes() []byte { return e.raw }

func (e xsyncAlarmNotifyEvent) String() string {
	return fmt.Sprintf("SyncAlarmNotify {Alarm: %d, CounterValue: %d, AlarmValue: %d, State: %d}",
		e.alarm, e.counterValue, e.alarmValue, e.state)
}

// xsyncError is SYNC's Counter or Alarm error.
type xsyncError struct {
	name     string
	sequence uint16
	bad      uint32
	minor    uint16
	major    byte
}

func newXSyncError(name string) xgb.NewErrorFun {
	return func(buf []byte) xgb.Error {
		return xsyncError{
			name:     name,
			sequence: xgb.Get16(buf[2:]),
			bad:      xgb.Get32(buf[4:]),
			minor:    xgb.Get16(buf[8:]),
			major:    buf[10],
		}
	}
}

func (e xsyncError) SequenceId() uint16 { return e.sequence }
func (e xsyncError) BadId() uint32      { return e.bad }
func (e xsyncError) Error() string {
	return fmt.Sprintf("Bad%s {BadValue: %d, MinorOpcode: %d, MajorOpcode: %d}", e.name, e.bad, e.minor, e.major)
}

var (
	xsyncRegisterMu sync.Mutex
	xsyncRegistered = map[[2]byte]bool{}
)

// registerXSync tells xgb how to read SYNC's AlarmNotify and errors at
// this server's numbers. xgb keeps these in package maps that every
// connection reads without a lock (its generated Init functions write
// them the same way), so each base is written only once per process.
func registerXSync(firstEvent, firstError byte) {
	xsyncRegisterMu.Lock()
	defer xsyncRegisterMu.Unlock()
	key := [2]byte{firstEvent, firstError}
	if xsyncRegistered[key] {
		return
	}
	xsyncRegistered[key] = true
	xgb.NewEventFuncs[int(firstEvent)+xsyncAlarmNotify] = newXSyncAlarmNotify
	// Without these a SYNC error would be dropped and a checked request
	// would wait for its answer forever.
	xgb.NewErrorFuncs[int(firstError)+0] = newXSyncError("Counter")
	xgb.NewErrorFuncs[int(firstError)+1] = newXSyncError("Alarm")
}
