//go:build !windows && !darwin

package platform

import (
	"bytes"
	"context"
	"os"
	"os/exec"

	"github.com/godbus/dbus/v5"
)

// dndProbe holds where each Linux signal is read from; the tests point it
// at their own bus name, X display and /proc tree.
type dndProbe struct {
	bus         *dbus.Conn // session bus, nil without one
	notifyName  string     // the notification server's bus name
	display     string     // X display, "" for none
	procRoot    string     // usually /proc
	videoPrefix string     // usually /dev/video
}

func checkDND(cfg DNDConfig) DNDState {
	p := dndProbe{notifyName: "org.freedesktop.Notifications", display: os.Getenv("DISPLAY"), procRoot: "/proc", videoPrefix: "/dev/video"}
	if cfg.Desktop {
		p.bus = sessionBusOrNil()
	}
	return p.check(cfg)
}

// check runs the enabled checks, cheapest first.
func (p dndProbe) check(cfg DNDConfig) DNDState {
	if cfg.Desktop && p.notificationsInhibited() {
		return activeFor(ReasonDesktop)
	}
	if cfg.Fullscreen && p.display != "" && !waylandSession() && fullscreenActive(p.display) {
		return activeFor(ReasonFullscreen)
	}
	if cfg.Fullscreen && waylandSession() && fullscreenWayland() {
		return activeFor(ReasonFullscreen)
	}
	if cfg.Desktop && bannersOff() {
		return activeFor(ReasonDesktop)
	}
	if len(cfg.Apps) > 0 || cfg.Camera {
		if app, camera := scanProcs(p.procRoot, p.videoPrefix, cfg.Apps, cfg.Camera); app != "" {
			return activeFor(reasonAppPrefix + app)
		} else if camera {
			return activeFor(ReasonCamera)
		}
	}
	return DNDState{}
}

// notificationsInhibited reads the Inhibited property that KDE's
// notification server (and others) set during do-not-disturb. A server
// without the property counts as not inhibited.
func (p dndProbe) notificationsInhibited() bool {
	if p.bus == nil {
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), dbusCallTimeout)
	defer cancel()
	var v dbus.Variant
	err := p.bus.Object(p.notifyName, "/org/freedesktop/Notifications").
		CallWithContext(ctx, "org.freedesktop.DBus.Properties.Get", dbus.FlagNoAutoStart, "org.freedesktop.Notifications", "Inhibited").
		Store(&v)
	if err != nil {
		return false
	}
	b, _ := v.Value().(bool)
	return b
}

// bannersOff reports GNOME's "Do Not Disturb" (show-banners false), read
// with gsettings when it is installed; a missing schema counts as off.
func bannersOff() bool {
	path, err := exec.LookPath("gsettings")
	if err != nil {
		return false
	}
	out, err := exec.Command(path, "get", "org.gnome.desktop.notifications", "show-banners").Output()
	return err == nil && bytes.Equal(bytes.TrimSpace(out), []byte("false"))
}
