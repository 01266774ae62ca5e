//go:build !windows && !darwin

package platform

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/introspect"
)

// IdleMutterWatch names GNOME's Mutter IdleMonitor used through its
// watches (AddIdleWatch, AddUserActiveWatch, WatchFired): Mutter keeps
// the time and wakes Limber only when a mark is reached or input returns.
const IdleMutterWatch = "mutter-watch"

const (
	mutterIdleName  = "org.gnome.Mutter.IdleMonitor"
	mutterIdlePath  = "/org/gnome/Mutter/IdleMonitor/Core"
	mutterIdleIface = "org.gnome.Mutter.IdleMonitor"
)

// mutterWatchKind says what a Mutter watch is for.
type mutterWatchKind int

const (
	mutterMark   mutterWatchKind = iota // an idle watch at a mark
	mutterGate                          // an idle watch at activeAfter: then watch for input
	mutterActive                        // a user-active watch: input came back
)

// mutterIdle is the Mutter source with watches. It has a private
// connection to the session bus: its signals stay off the shared one (the
// tray library stops following the tray host when it sees a signal it
// does not expect there), and Close can end it.
//
// Mutter's idle watches fire each time the idle time reaches their
// interval, again after every spell of input; a user-active watch fires
// on the next input whatever the idle time. So a mark is removed once it
// fires, and the activity alarm is a gate (an idle watch at activeAfter)
// that, once reached, is swapped for a user-active watch.
type mutterIdle struct {
	conn    *dbus.Conn
	obj     dbus.BusObject
	events  chan IdleEvent
	stopped chan struct{} // closed when readSignals returns

	mu          sync.Mutex
	closed      bool
	live        map[uint32]mutterWatchKind // watches on Mutter's side, by id
	marks       map[uint32]time.Duration   // the mark of each mutterMark
	activeAfter time.Duration
}

// newMutterWatcher connects to dest's IdleMonitor. It fails when dest
// does not answer GetIdletime or lacks the watch methods and WatchFired.
func newMutterWatcher(dest string) (*mutterIdle, error) {
	if !sessionBusKnown() {
		return nil, errors.New("no session bus")
	}
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return nil, err
	}
	w := &mutterIdle{
		conn:    conn,
		obj:     conn.Object(dest, mutterIdlePath),
		events:  make(chan IdleEvent, MaxIdleMarks+1),
		stopped: make(chan struct{}),
		live:    map[uint32]mutterWatchKind{},
		marks:   map[uint32]time.Duration{},
	}
	if err := w.probe(); err != nil {
		conn.Close()
		return nil, err
	}
	sigs := make(chan *dbus.Signal, 2*MaxIdleMarks+4)
	conn.Signal(sigs)
	rules := [][]dbus.MatchOption{
		{dbus.WithMatchObjectPath(mutterIdlePath), dbus.WithMatchInterface(mutterIdleIface), dbus.WithMatchMember("WatchFired")},
		{dbus.WithMatchSender("org.freedesktop.DBus"), dbus.WithMatchMember("NameOwnerChanged"), dbus.WithMatchArg(0, dest)},
	}
	for _, r := range rules {
		if err := conn.AddMatchSignal(r...); err != nil {
			conn.Close()
			return nil, fmt.Errorf("subscribing to WatchFired: %w", err)
		}
	}
	// The owner may have gone between the probe and the subscription.
	if !hasOwner(conn, dest) {
		conn.Close()
		return nil, fmt.Errorf("%s went away", dest)
	}
	go w.readSignals(sigs)
	return w, nil
}

// probe checks that the IdleMonitor answers and has the watch API.
func (w *mutterIdle) probe() error {
	if _, err := w.IdleTime(); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), dbusCallTimeout)
	defer cancel()
	var data string
	if err := w.obj.CallWithContext(ctx, "org.freedesktop.DBus.Introspectable.Introspect", dbus.FlagNoAutoStart).Store(&data); err != nil {
		return fmt.Errorf("introspecting the IdleMonitor: %w", err)
	}
	node := introspect.Node{}
	if err := xml.Unmarshal([]byte(data), &node); err != nil {
		return fmt.Errorf("the IdleMonitor's introspection data: %w", err)
	}
	for _, i := range node.Interfaces {
		if i.Name != mutterIdleIface {
			continue
		}
		want := map[string]bool{"AddIdleWatch": true, "AddUserActiveWatch": true, "RemoveWatch": true}
		for _, m := range i.Methods {
			delete(want, m.Name)
		}
		hasSignal := false
		for _, s := range i.Signals {
			hasSignal = hasSignal || s.Name == "WatchFired"
		}
		if len(want) == 0 && hasSignal {
			return nil
		}
	}
	return errors.New("the IdleMonitor has no watches (AddIdleWatch, AddUserActiveWatch, RemoveWatch, WatchFired)")
}

func (w *mutterIdle) Name() string { return IdleMutterWatch }

// IdleTime asks GetIdletime.
func (w *mutterIdle) IdleTime() (time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), dbusCallTimeout)
	defer cancel()
	var ms uint64
	if err := w.obj.CallWithContext(ctx, mutterIdleIface+".GetIdletime", dbus.FlagNoAutoStart).Store(&ms); err != nil {
		return 0, err
	}
	return time.Duration(ms) * time.Millisecond, nil
}

// Events delivers the firings; see IdleWatcher.
func (w *mutterIdle) Events() <-chan IdleEvent { return w.events }

// Watch replaces the watches; see IdleWatcher. A watch that the new set
// has too and that has not fired is kept rather than removed and added
// again: the same alarm, at no cost (the agent re-arms after every
// firing, with mostly the same marks). The watches added are asked for
// together, so their answers come in one wake-up.
func (w *mutterIdle) Watch(marks []time.Duration, activeAfter time.Duration) error {
	plan, err := planIdleAlarms(marks, activeAfter)
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errWatcherClosed
	}
	// Firings already queued come from the alarms being replaced; a kept
	// watch has not fired (a fired one is gone from live).
	drainIdleEvents(w.events)
	keep := map[uint32]bool{}
	var add []idleAlarm
	for _, a := range plan {
		found := false
		for id, kind := range w.live {
			if keep[id] {
				continue
			}
			sameMark := !a.active && kind == mutterMark && w.marks[id] == time.Duration(a.ms)*time.Millisecond
			sameGate := a.active && (kind == mutterGate || kind == mutterActive) && w.activeAfter == time.Duration(a.ms)*time.Millisecond
			if sameMark || sameGate {
				keep[id], found = true, true
				break
			}
		}
		if !found {
			add = append(add, a)
		}
	}
	for id := range w.live {
		if !keep[id] {
			w.remove(id)
		}
	}
	if activeAfter == 0 {
		w.activeAfter = 0
	}
	// Held: mu. A mark already reached fires at once, but its WatchFired
	// waits for mu, by which time its id is known.
	ctx, cancel := context.WithTimeout(context.Background(), dbusCallTimeout)
	defer cancel()
	calls := make([]*dbus.Call, len(add))
	for i, a := range add {
		calls[i] = w.obj.GoWithContext(ctx, mutterIdleIface+".AddIdleWatch", dbus.FlagNoAutoStart, make(chan *dbus.Call, 1), uint64(a.ms))
	}
	var errs []error
	for i, c := range calls {
		<-c.Done
		var id uint32
		if err := c.Store(&id); err != nil {
			errs = append(errs, fmt.Errorf("Mutter AddIdleWatch(%d ms): %w", add[i].ms, err))
			continue
		}
		d := time.Duration(add[i].ms) * time.Millisecond
		if add[i].active {
			w.live[id] = mutterGate
			w.activeAfter = d
		} else {
			w.live[id] = mutterMark
			w.marks[id] = d
		}
	}
	if len(errs) > 0 {
		w.removeAll()
		return errors.Join(errs...)
	}
	return nil
}

func (w *mutterIdle) addIdleWatch(ms int64) (uint32, error) {
	ctx, cancel := context.WithTimeout(context.Background(), dbusCallTimeout)
	defer cancel()
	var id uint32
	err := w.obj.CallWithContext(ctx, mutterIdleIface+".AddIdleWatch", dbus.FlagNoAutoStart, uint64(ms)).Store(&id)
	return id, err
}

func (w *mutterIdle) addUserActiveWatch() (uint32, error) {
	ctx, cancel := context.WithTimeout(context.Background(), dbusCallTimeout)
	defer cancel()
	var id uint32
	err := w.obj.CallWithContext(ctx, mutterIdleIface+".AddUserActiveWatch", dbus.FlagNoAutoStart).Store(&id)
	return id, err
}

// remove drops watch id here and on Mutter's side (no reply awaited: an
// id Mutter already dropped is harmless). Held: mu.
func (w *mutterIdle) remove(id uint32) {
	delete(w.live, id)
	delete(w.marks, id)
	w.obj.Go(mutterIdleIface+".RemoveWatch", dbus.FlagNoAutoStart|dbus.FlagNoReplyExpected, nil, id)
}

// removeAll removes every live watch. Held: mu.
func (w *mutterIdle) removeAll() {
	for id := range w.live {
		w.remove(id)
	}
}

// readSignals runs in its own goroutine until the connection closes.
func (w *mutterIdle) readSignals(sigs chan *dbus.Signal) {
	defer close(w.stopped)
	defer close(w.events)
	for sig := range sigs {
		switch sig.Name {
		case mutterIdleIface + ".WatchFired":
			if sig.Path != mutterIdlePath || len(sig.Body) != 1 {
				continue
			}
			if id, ok := sig.Body[0].(uint32); ok {
				w.fired(id)
			}
		case "org.freedesktop.DBus.NameOwnerChanged":
			if len(sig.Body) == 3 {
				if owner, _ := sig.Body[2].(string); owner == "" {
					// Mutter is gone, and its watches with it.
					go w.conn.Close()
				}
			}
		}
	}
}

// fired turns a firing of a live watch into an IdleEvent.
func (w *mutterIdle) fired(id uint32) {
	w.mu.Lock()
	defer w.mu.Unlock()
	kind, ok := w.live[id]
	if !ok || w.closed {
		return // replaced, or not ours
	}
	switch kind {
	case mutterMark:
		ev := IdleEvent{Idle: w.marks[id]}
		w.remove(id) // it would fire again after the next input
		w.send(ev)
	case mutterGate:
		w.remove(id)
		aid, err := w.addUserActiveWatch()
		if err != nil {
			// No way to see the return: say so as a firing now, and
			// the caller reads the idle time.
			w.send(IdleEvent{Active: true})
			return
		}
		w.live[aid] = mutterActive
		// Input between the gate and the new watch would be missed
		// until the next one: the idle time shows it.
		if d, err := w.IdleTime(); err == nil && d < w.activeAfter {
			w.remove(aid)
			w.send(IdleEvent{Idle: d, Active: true})
		}
	case mutterActive:
		delete(w.live, id) // Mutter drops a user-active watch once it fires
		w.send(IdleEvent{Active: true})
	}
}

// send queues ev; the buffer holds one firing per watch of a Watch call
// and Watch empties it, so this never drops. Held: mu.
func (w *mutterIdle) send(ev IdleEvent) {
	select {
	case w.events <- ev:
	default:
	}
}

// Close removes the watches, ends the private connection and waits for
// readSignals, which closes Events.
func (w *mutterIdle) Close() error {
	w.mu.Lock()
	if !w.closed {
		w.closed = true
		w.removeAll()
	}
	w.mu.Unlock()
	w.conn.Close()
	<-w.stopped
	return nil
}
