//go:build !windows && !darwin

package platform

import (
	"fmt"
	"io"
	"log"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/godbus/dbus/v5"
	"github.com/jezek/xgb"
)

// DetectIdle returns the first idle source that answers, tried in this
// order: GNOME's Mutter IdleMonitor (its watches, else GetIdletime) and org.freedesktop.ScreenSaver on the
// session bus (both work on Wayland), then the X server's MIT-SCREEN-SAVER
// when $DISPLAY is set and the session is not Wayland (XWayland only sees
// input to X clients); the X11 source outlives its server (see
// x11Redial). The error wraps ErrIdleUnsupported and says why
// each source failed.
func DetectIdle() (IdleSource, error) {
	// Wayland: the compositor's ext-idle-notify-v1 or org_kde_kwin_idle first.
	wl, wlErr := detectWaylandIdle()
	if wlErr == nil {
		return wl, nil
	}
	src, err := detectIdle(sessionBusOrNil(), "org.freedesktop.ScreenSaver", os.Getenv("DISPLAY"))
	if err != nil && os.Getenv("WAYLAND_DISPLAY") != "" {
		err = fmt.Errorf("%w (wayland: %v)", err, wlErr)
	}
	return src, err
}

// detectIdle is DetectIdle with its inputs spelled out for the tests.
func detectIdle(bus *dbus.Conn, screenSaver, display string) (IdleSource, error) {
	var why []string
	if bus == nil {
		why = append(why, "no session bus")
	} else {
		// Mutter's watches wake the agent only when something changes.
		if w, err := newMutterWatcher(mutterIdleName); err == nil {
			return w, nil
		} else {
			why = append(why, IdleMutterWatch+": "+err.Error())
		}
		for _, src := range []*dbusIdle{newMutterIdle(bus), newScreenSaverIdle(bus, screenSaver)} {
			if _, err := src.IdleTime(); err != nil {
				why = append(why, src.name+": "+err.Error())
				continue
			}
			return src, nil
		}
	}
	switch {
	case display == "":
		why = append(why, IdleX11+": DISPLAY is not set")
	case waylandSession():
		why = append(why, IdleX11+": not used in a Wayland session")
	default:
		quietX11()
		src, err := newX11Redial(display)
		if err == nil {
			return src, nil
		}
		why = append(why, IdleX11+": "+err.Error())
	}
	return nil, fmt.Errorf("%w (%s)", ErrIdleUnsupported, strings.Join(why, "; "))
}

// sessionBusOrNil is the shared session connection, or nil without one.
// The shared connection is never closed here.
func sessionBusOrNil() *dbus.Conn {
	if !sessionBusKnown() {
		return nil
	}
	conn, err := dbus.SessionBus()
	if err != nil {
		return nil
	}
	return conn
}

// sessionBusKnown reports whether a session bus address can be found
// without godbus falling back on running dbus-launch, which would leave a
// stray bus daemon behind.
func sessionBusKnown() bool {
	if a := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); a != "" && a != "autolaunch:" {
		return true
	}
	dir := "/run/user/" + strconv.Itoa(os.Getuid())
	for _, name := range []string{"/bus", "/dbus-session"} {
		if _, err := os.Stat(dir + name); err == nil {
			return true
		}
	}
	return false
}

// waylandSession reports whether this is a Wayland login.
func waylandSession() bool {
	return os.Getenv("WAYLAND_DISPLAY") != "" || os.Getenv("XDG_SESSION_TYPE") == "wayland"
}

var quietOnce sync.Once

// quietX11 stops xgb from logging "Could not get authority info" to stderr
// on each connection to a server without a cookie (Xvfb); Limber is xgb's
// only user in the process.
func quietX11() {
	quietOnce.Do(func() { xgb.Logger = log.New(io.Discard, "", 0) })
}
