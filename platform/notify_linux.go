//go:build linux

package platform

import (
	"io"
	"log"
	"slices"
	"time"

	"github.com/esiqveland/notify"
	"github.com/godbus/dbus/v5"
)

// dbusNotifier talks to org.freedesktop.Notifications on the shared
// session connection (the one the tray uses: it is never closed here).
type dbusNotifier struct {
	conn    *dbus.Conn
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
	caps, err := notify.GetCapabilities(conn)
	if err != nil || !slices.Contains(caps, "actions") {
		return beeepNotifier{}
	}
	n, err := notify.New(conn,
		notify.WithLogger(log.New(io.Discard, "", 0)),
		notify.WithOnAction(func(s *notify.ActionInvokedSignal) {
			if onAction != nil {
				onAction(s.ID, s.ActionKey)
			}
		}))
	if err != nil {
		return beeepNotifier{}
	}
	return &dbusNotifier{conn: conn, n: n, actions: true}
}

func (d *dbusNotifier) Send(m Notification) (uint32, error) {
	note := notify.Notification{
		AppName:       "Limber",
		ReplacesID:    m.Replaces,
		AppIcon:       m.Icon,
		Summary:       m.Title,
		Body:          m.Body,
		ExpireTimeout: 2 * time.Minute,
		Hints:         map[string]dbus.Variant{"desktop-entry": dbus.MakeVariant("org.limber.Limber")},
	}
	for _, a := range m.Actions {
		note.Actions = append(note.Actions, notify.Action{Key: a.Key, Label: a.Label})
	}
	return d.n.SendNotification(note)
}

func (d *dbusNotifier) Dismiss(id uint32) {
	if id != 0 {
		d.n.CloseNotification(id)
	}
}

func (d *dbusNotifier) Actions() bool { return d.actions }
func (d *dbusNotifier) Name() string  { return "dbus" }
