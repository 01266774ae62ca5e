//go:build !windows && !darwin

package platform

import (
	"context"
	"time"

	"github.com/godbus/dbus/v5"
)

// dbusCallTimeout bounds one idle-time or DND query, so a hung service
// cannot stall the agent.
const dbusCallTimeout = 2 * time.Second

// dbusIdle asks a session-bus service for the idle time: GNOME's Mutter
// IdleMonitor or org.freedesktop.ScreenSaver (KDE and others). Both answer
// in milliseconds. The connection is the shared one: Close leaves it open.
type dbusIdle struct {
	name   string
	obj    dbus.BusObject
	method string
	wide   bool // the reply is uint64 (Mutter) rather than uint32
}

func newMutterIdle(conn *dbus.Conn) *dbusIdle {
	return &dbusIdle{
		name:   IdleMutter,
		obj:    conn.Object("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core"),
		method: "org.gnome.Mutter.IdleMonitor.GetIdletime",
		wide:   true,
	}
}

func newScreenSaverIdle(conn *dbus.Conn, service string) *dbusIdle {
	return &dbusIdle{
		name:   IdleScreenSaver,
		obj:    conn.Object(service, "/org/freedesktop/ScreenSaver"),
		method: "org.freedesktop.ScreenSaver.GetSessionIdleTime",
	}
}

func (d *dbusIdle) Name() string { return d.name }

func (d *dbusIdle) IdleTime() (time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), dbusCallTimeout)
	defer cancel()
	call := d.obj.CallWithContext(ctx, d.method, dbus.FlagNoAutoStart)
	if d.wide {
		var ms uint64
		if err := call.Store(&ms); err != nil {
			return 0, err
		}
		return time.Duration(ms) * time.Millisecond, nil
	}
	var ms uint32
	if err := call.Store(&ms); err != nil {
		return 0, err
	}
	return time.Duration(ms) * time.Millisecond, nil
}

func (d *dbusIdle) Close() error { return nil }
