package platform

import (
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/gen2brain/beeep"
)

// DefaultAction is the action key a notification server invokes when the
// notification body is clicked.
const DefaultAction = "default"

// NotifyAction is one button on a notification.
type NotifyAction struct{ Key, Label string }

// Notification is what the agent shows.
type Notification struct {
	Title   string
	Body    string
	Icon    string // absolute path of a PNG, may be empty
	Actions []NotifyAction
	// Replaces is the id of an earlier notification this one replaces (0: none).
	Replaces uint32
}

// Notifier shows notifications. Actions reports whether clicks and
// buttons come back through the handler given to NewNotifier.
type Notifier interface {
	Send(n Notification) (id uint32, err error)
	Dismiss(id uint32)
	Actions() bool
	Name() string
}

// ActionHandler receives a clicked action: the notification id and key.
type ActionHandler func(id uint32, key string)

// notifyTimeout bounds every notification call: a wedged notification
// server (or a notify-send that hangs) must never freeze the agent's
// loop; it waits at most this long, then the notification counts as
// failed.
const notifyTimeout = 2 * time.Second

// beeepNotifier is the portable fallback: no actions, no ids. beeep's
// calls have no deadline of their own (D-Bus, then notify-send), so each
// runs bounded.
type beeepNotifier struct {
	notify func(title, body, icon string) error // nil: beeep.Notify
}

func init() { beeep.AppName = "Limber" } // once: Send runs on several goroutines

func (b beeepNotifier) Send(n Notification) (uint32, error) {
	f := b.notify
	if f == nil {
		f = func(title, body, icon string) error { return beeep.Notify(title, body, icon) }
	}
	return 0, boundedNotify(notifyTimeout, func() error { return f(n.Title, n.Body, n.Icon) })
}

// inFlight is set while a bounded call that outlived its wait still runs.
var inFlight atomic.Bool

// boundedNotify runs f and waits for it at most d. A call that does not return
// in time is left to finish on its own; while it runs, further calls are
// refused at once rather than piling up.
func boundedNotify(d time.Duration, f func() error) error {
	if !inFlight.CompareAndSwap(false, true) {
		return errors.New("notification: the previous one is still being sent")
	}
	done := make(chan error, 1)
	go func() {
		err := f()
		inFlight.Store(false)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		return fmt.Errorf("notification: no answer within %v", d)
	}
}
func (beeepNotifier) Dismiss(uint32) {}
func (beeepNotifier) Actions() bool  { return false }
func (beeepNotifier) Name() string   { return "beeep" }
