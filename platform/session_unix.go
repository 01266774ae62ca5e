//go:build !windows && !darwin

package platform

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/godbus/dbus/v5"
)

const (
	logindName     = "org.freedesktop.login1"
	logindManager  = "org.freedesktop.login1.Manager"
	logindSession  = "org.freedesktop.login1.Session"
	propsInterface = "org.freedesktop.DBus.Properties"
)

// screenSaverServices are the session-bus screensavers whose
// ActiveChanged(bool) says the screen locked or unlocked.
var screenSaverServices = [...]struct{ name, source string }{
	{"org.freedesktop.ScreenSaver", SessionFreedesktopSaver},
	{"org.gnome.ScreenSaver", SessionGnomeSaver},
}

// WatchSession reports sleep, wake, lock and unlock as they happen, from
// D-Bus signals only (nothing polls): logind's PrepareForSleep and the
// session's Lock, Unlock and LockedHint on the system bus, and the
// screensavers' ActiveChanged on the session bus. The names say which
// sources have a service behind them now (a screensaver that starts later
// is still heard). The channel is never closed: stop watching by ending
// ctx. The error is set only when neither bus can be reached; the channel
// is usable all the same.
func WatchSession(ctx context.Context) (<-chan SessionEvent, []string, error) {
	sys, sysErr := dbus.SystemBus()
	if sysErr != nil {
		sys = nil
	}
	sess := sessionBusOrNil()
	out, sources := watchSession(ctx, sess, sys)
	if sess == nil && sys == nil {
		return out, sources, fmt.Errorf("no D-Bus connection for session events: no session bus; system bus: %w", sysErr)
	}
	return out, sources, nil
}

// sessionWatch turns the signals of both buses into deduplicated events.
type sessionWatch struct {
	out      chan SessionEvent
	lockPath dbus.ObjectPath // the logind session object, "" when unknown
	locked   bool
	asleep   bool
}

// watchSession subscribes on whichever connections are given (either may
// be nil; both may be shared connections, which it never closes) and
// starts the one goroutine that forwards events until ctx ends.
func watchSession(ctx context.Context, sess, sys *dbus.Conn) (<-chan SessionEvent, []string) {
	w := &sessionWatch{out: make(chan SessionEvent, 8)}
	var sources []string
	var undo []func()
	var sysCh, sessCh chan *dbus.Signal

	if sys != nil {
		srcs, rules := w.subscribeLogind(sys)
		if len(rules) > 0 {
			sources = append(sources, srcs...)
			sysCh = make(chan *dbus.Signal, 32)
			sys.Signal(sysCh)
			undo = append(undo, unsubscriber(sys, sysCh, rules))
		}
	}
	if sess != nil {
		var rules [][]dbus.MatchOption
		for _, s := range screenSaverServices {
			rule := []dbus.MatchOption{dbus.WithMatchSender(s.name), dbus.WithMatchInterface(s.name), dbus.WithMatchMember("ActiveChanged")}
			if sess.AddMatchSignal(rule...) != nil {
				continue
			}
			rules = append(rules, rule)
			if hasOwner(sess, s.name) {
				sources = append(sources, s.source)
			}
		}
		if len(rules) > 0 {
			sessCh = make(chan *dbus.Signal, 32)
			sess.Signal(sessCh)
			undo = append(undo, unsubscriber(sess, sessCh, rules))
		}
	}
	go w.run(ctx, sysCh, sessCh, undo)
	return w.out, sources
}

// subscribeLogind adds the match rules for logind and says which sources
// they cover; no rules when logind is not on this bus.
func (w *sessionWatch) subscribeLogind(sys *dbus.Conn) ([]string, [][]dbus.MatchOption) {
	if !hasOwner(sys, logindName) {
		return nil, nil
	}
	var sources []string
	var rules [][]dbus.MatchOption
	sleep := []dbus.MatchOption{dbus.WithMatchSender(logindName), dbus.WithMatchInterface(logindManager), dbus.WithMatchMember("PrepareForSleep")}
	if sys.AddMatchSignal(sleep...) == nil {
		rules = append(rules, sleep)
		sources = append(sources, SessionLogindSleep)
	}
	path, ok := logindSessionPath(sys)
	if !ok {
		return sources, rules
	}
	lock := []dbus.MatchOption{dbus.WithMatchSender(logindName), dbus.WithMatchObjectPath(path), dbus.WithMatchInterface(logindSession)}
	props := []dbus.MatchOption{dbus.WithMatchSender(logindName), dbus.WithMatchObjectPath(path), dbus.WithMatchInterface(propsInterface), dbus.WithMatchMember("PropertiesChanged")}
	if sys.AddMatchSignal(lock...) == nil {
		rules = append(rules, lock)
		if sys.AddMatchSignal(props...) == nil {
			rules = append(rules, props)
		}
		w.lockPath = path
		sources = append(sources, SessionLogindLock)
	}
	return sources, rules
}

// logindSessionPath finds this process's login session: by PID, then by
// $XDG_SESSION_ID, then logind's "auto" (the user's graphical session).
func logindSessionPath(sys *dbus.Conn) (dbus.ObjectPath, bool) {
	ctx, cancel := context.WithTimeout(context.Background(), dbusCallTimeout)
	defer cancel()
	mgr := sys.Object(logindName, "/org/freedesktop/login1")
	var path dbus.ObjectPath
	if mgr.CallWithContext(ctx, logindManager+".GetSessionByPID", dbus.FlagNoAutoStart, uint32(os.Getpid())).Store(&path) == nil {
		return path, true
	}
	for _, id := range []string{os.Getenv("XDG_SESSION_ID"), "auto"} {
		if id != "" && mgr.CallWithContext(ctx, logindManager+".GetSession", dbus.FlagNoAutoStart, id).Store(&path) == nil {
			return path, true
		}
	}
	return "", false
}

// hasOwner reports whether a service owns name on conn.
func hasOwner(conn *dbus.Conn, name string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), dbusCallTimeout)
	defer cancel()
	var ok bool
	err := conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.NameHasOwner", 0, name).Store(&ok)
	return err == nil && ok
}

// unsubscriber undoes one connection's subscription.
func unsubscriber(conn *dbus.Conn, ch chan *dbus.Signal, rules [][]dbus.MatchOption) func() {
	return func() {
		conn.RemoveSignal(ch)
		for _, r := range rules {
			_ = conn.RemoveMatchSignal(r...)
		}
	}
}

// run forwards events until ctx ends or both connections close.
func (w *sessionWatch) run(ctx context.Context, sysCh, sessCh chan *dbus.Signal, undo []func()) {
	defer func() {
		for _, u := range undo {
			u()
		}
	}()
	for sysCh != nil || sessCh != nil {
		var sig *dbus.Signal
		var ok, system bool
		select {
		case <-ctx.Done():
			return
		case sig, ok = <-sysCh:
			if !ok {
				sysCh = nil
				continue
			}
			system = true
		case sig, ok = <-sessCh:
			if !ok {
				sessCh = nil
				continue
			}
		}
		if kind := w.classify(sig, system); kind != 0 {
			select {
			case w.out <- SessionEvent{Kind: kind, At: time.Now()}:
			case <-ctx.Done():
				return
			}
		}
	}
	<-ctx.Done()
}

// classify turns a signal into an event kind, or 0 when it is not one of
// ours or repeats the current state. Logind counts only from the system
// connection and screensavers only from the session one.
func (w *sessionWatch) classify(sig *dbus.Signal, system bool) SessionEventKind {
	if !system {
		switch sig.Name {
		case "org.freedesktop.ScreenSaver.ActiveChanged", "org.gnome.ScreenSaver.ActiveChanged":
			if b, ok := firstBool(sig.Body); ok {
				return w.setLocked(b)
			}
		}
		return 0
	}
	switch sig.Name {
	case logindManager + ".PrepareForSleep":
		if b, ok := firstBool(sig.Body); ok {
			return w.setAsleep(b)
		}
	case logindSession + ".Lock":
		if w.lockPath != "" && sig.Path == w.lockPath {
			return w.setLocked(true)
		}
	case logindSession + ".Unlock":
		if w.lockPath != "" && sig.Path == w.lockPath {
			return w.setLocked(false)
		}
	case propsInterface + ".PropertiesChanged":
		if w.lockPath == "" || sig.Path != w.lockPath || len(sig.Body) < 2 {
			break
		}
		if iface, _ := sig.Body[0].(string); iface != logindSession {
			break
		}
		changed, _ := sig.Body[1].(map[string]dbus.Variant)
		if v, ok := changed["LockedHint"]; ok {
			if b, ok := v.Value().(bool); ok {
				return w.setLocked(b)
			}
		}
	}
	return 0
}

func (w *sessionWatch) setLocked(b bool) SessionEventKind {
	if b == w.locked {
		return 0
	}
	w.locked = b
	if b {
		return Lock
	}
	return Unlock
}

func (w *sessionWatch) setAsleep(b bool) SessionEventKind {
	if b == w.asleep {
		return 0
	}
	w.asleep = b
	if b {
		return Sleep
	}
	return Wake
}

func firstBool(body []any) (bool, bool) {
	if len(body) == 0 {
		return false, false
	}
	b, ok := body[0].(bool)
	return b, ok
}
