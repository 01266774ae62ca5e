//go:build !windows && !darwin

package platform

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/godbus/dbus/v5"
)

// needDisplay skips without an X display, unless CI is set: there the
// desktop session (scripts/desktop-session.sh) is required.
func needDisplay(t *testing.T) {
	t.Helper()
	if os.Getenv("DISPLAY") == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("DISPLAY is not set: run the tests under scripts/desktop-session.sh")
		}
		t.Skip("DISPLAY is not set: run under scripts/desktop-session.sh for the X11 tests")
	}
	// A Wayland session in the caller's environment would disable the X11
	// checks; the test display is plain X.
	t.Setenv("WAYLAND_DISPLAY", "")
	t.Setenv("XDG_SESSION_TYPE", "x11")
}

// needSessionBus returns the shared session connection, skipping (or
// failing under CI) without one.
func needSessionBus(t *testing.T) *dbus.Conn {
	t.Helper()
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("DBUS_SESSION_BUS_ADDRESS is not set: run the tests under scripts/desktop-session.sh")
		}
		t.Skip("DBUS_SESSION_BUS_ADDRESS is not set: run under scripts/desktop-session.sh for the D-Bus tests")
	}
	conn, err := dbus.SessionBus()
	if err != nil {
		t.Fatalf("session bus: %v", err)
	}
	return conn
}

// ownName connects privately to the session bus and takes name on it, as
// a desktop service would; the name and connection go at cleanup.
func ownName(t *testing.T, name string) *dbus.Conn {
	t.Helper()
	needSessionBus(t)
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatalf("private session connection: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	reply, err := conn.RequestName(name, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("request %s: reply %v, %v", name, reply, err)
	}
	t.Cleanup(func() { _, _ = conn.ReleaseName(name) })
	return conn
}

func TestDetectIdleWithoutAnySource(t *testing.T) {
	_, err := detectIdle(nil, "org.freedesktop.ScreenSaver", "")
	if !errors.Is(err, ErrIdleUnsupported) {
		t.Fatalf("err = %v, want ErrIdleUnsupported", err)
	}
	for _, want := range []string{"no session bus", "DISPLAY is not set"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}

func TestDetectIdleSkipsX11UnderWayland(t *testing.T) {
	t.Setenv("WAYLAND_DISPLAY", "wayland-0")
	_, err := detectIdle(nil, "org.freedesktop.ScreenSaver", ":0")
	if !errors.Is(err, ErrIdleUnsupported) || !strings.Contains(err.Error(), "Wayland") {
		t.Fatalf("err = %v, want ErrIdleUnsupported naming Wayland", err)
	}
}
