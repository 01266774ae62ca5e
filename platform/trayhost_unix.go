//go:build !windows && !darwin

package platform

import (
	"context"
	"errors"

	"github.com/godbus/dbus/v5"
)

// WatchTrayHost says whether a tray host (a StatusNotifierWatcher) is on
// the session bus now, and delivers true or false each time one appears
// or goes, until ctx ends. It listens for NameOwnerChanged on a private
// connection, so nothing it receives reaches the shared one the tray
// library reads.
func WatchTrayHost(ctx context.Context) (bool, <-chan bool, error) {
	return watchTrayHost(ctx, TrayHostName)
}

func watchTrayHost(ctx context.Context, name string) (bool, <-chan bool, error) {
	if !sessionBusKnown() {
		return false, nil, errors.New("no session bus")
	}
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return false, nil, err
	}
	sigs := make(chan *dbus.Signal, 8)
	conn.Signal(sigs)
	if err := conn.AddMatchSignal(dbus.WithMatchSender("org.freedesktop.DBus"), dbus.WithMatchObjectPath("/org/freedesktop/DBus"),
		dbus.WithMatchInterface("org.freedesktop.DBus"), dbus.WithMatchMember("NameOwnerChanged"), dbus.WithMatchArg(0, name)); err != nil {
		conn.Close()
		return false, nil, err
	}
	// Asked after subscribing: a change in between is not lost.
	present := hasOwner(conn, name)
	out := make(chan bool, 1)
	go func() {
		defer close(out)
		defer conn.Close()
		last := present
		for {
			select {
			case <-ctx.Done():
				return
			case sig, ok := <-sigs:
				if !ok {
					return
				}
				if sig.Name != "org.freedesktop.DBus.NameOwnerChanged" || len(sig.Body) != 3 {
					continue
				}
				if n, _ := sig.Body[0].(string); n != name {
					continue
				}
				owner, _ := sig.Body[2].(string)
				now := owner != ""
				if now == last {
					continue // a new owner replacing the old one
				}
				last = now
				select {
				case out <- now:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return present, out, nil
}

// RegisterTrayItem registers fyne.io/systray's item, exported on the
// shared session connection, with the tray host now on the bus.
// fyne.io/systray does so itself at start and when a host appears, but
// its listener stops at the first signal of another shape on that
// connection (a notification closing is one), so the agent registers it
// again whenever a host appears.
func RegisterTrayItem() error {
	return registerTrayItem(sessionBusOrNil(), TrayHostName)
}

func registerTrayItem(conn *dbus.Conn, name string) error {
	if conn == nil {
		return errors.New("no session bus")
	}
	ctx, cancel := context.WithTimeout(context.Background(), dbusCallTimeout)
	defer cancel()
	return conn.Object(name, "/StatusNotifierWatcher").CallWithContext(ctx, TrayHostName+".RegisterStatusNotifierItem", dbus.FlagNoAutoStart, trayItemPath).Err
}
