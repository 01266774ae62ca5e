//go:build linux

package platform

import (
	"context"
	"fmt"
	"io"
	"log"
	"slices"
	"time"

	"github.com/esiqveland/notify"
	"github.com/godbus/dbus/v5"
)

const (
	notifyName  = "org.freedesktop.Notifications"
	notifyPath  = "/org/freedesktop/Notifications"
	notifyIface = "org.freedesktop.Notifications"
)

// dbusNotifier talks to org.freedesktop.Notifications on the shared
// session connection (the one the tray uses: it is never closed here).
// Its calls carry a deadline; the action signals come through
// esiqveland/notify's listener.
type dbusNotifier struct {
	conn    *dbus.Conn
	dest    string
	timeout time.Duration
	n       notify.Notifier
	actions bool
}

// NewNotifier returns a D-Bus notifier with actions when the session's
// notification server offers them, and beeep otherwise.
func NewNotifier(onAction ActionHandler) Notifier {
	conn := sessionBusOrNil()
	if conn == nil {
		return beeepNotifier{}
	}
	d, err := newDBusNotifier(conn, notifyName, notifyTimeout, onAction)
	if err != nil || !d.actions {
		return beeepNotifier{}
	}
	return d
}

// newDBusNotifier asks dest for its capabilities (within timeout) and
// listens for action signals.
func newDBusNotifier(conn *dbus.Conn, dest string, timeout time.Duration, onAction ActionHandler) (*dbusNotifier, error) {
	d := &dbusNotifier{conn: conn, dest: dest, timeout: timeout}
	var caps []string
	if err := d.call("GetCapabilities").Store(&caps); err != nil {
		return nil, fmt.Errorf("notification server: %w", err)
	}
	d.actions = slices.Contains(caps, "actions")
	if !d.actions {
		return d, nil
	}
	n, err := notify.New(conn,
		notify.WithLogger(log.New(io.Discard, "", 0)),
		notify.WithOnAction(func(s *notify.ActionInvokedSignal) {
			if onAction != nil {
				onAction(s.ID, s.ActionKey)
			}
		}))
	if err != nil {
		return nil, err
	}
	d.n = n
	return d, nil
}

// call makes one method call on the notification server, bounded by the
// notifier's timeout.
func (d *dbusNotifier) call(method string, args ...any) *dbus.Call {
	ctx, cancel := context.WithTimeout(context.Background(), d.timeout)
	defer cancel()
	return d.conn.Object(d.dest, notifyPath).CallWithContext(ctx, notifyIface+"."+method, 0, args...)
}

func (d *dbusNotifier) Send(m Notification) (uint32, error) {
	actions := []string{}
	for _, a := range m.Actions {
		actions = append(actions, a.Key, a.Label)
	}
	hints := map[string]dbus.Variant{"desktop-entry": dbus.MakeVariant("org.limber.Limber")}
	expire := int32((2 * time.Minute) / time.Millisecond)
	var id uint32
	if err := d.call("Notify", "Limber", m.Replaces, m.Icon, m.Title, m.Body, actions, hints, expire).Store(&id); err != nil {
		return 0, fmt.Errorf("sending the notification: %w", err)
	}
	return id, nil
}

func (d *dbusNotifier) Dismiss(id uint32) {
	if id != 0 {
		d.call("CloseNotification", id)
	}
}

func (d *dbusNotifier) Actions() bool { return d.actions }
func (d *dbusNotifier) Name() string  { return "dbus" }
