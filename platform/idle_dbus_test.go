//go:build !windows && !darwin

package platform

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// screenSaverService answers GetSessionIdleTime like KDE's screen locker
// (milliseconds), or with the error KDE gives on Wayland.
type screenSaverService struct {
	ms          atomic.Uint32
	unsupported bool
}

func (s *screenSaverService) GetSessionIdleTime() (uint32, *dbus.Error) {
	if s.unsupported {
		return 0, dbus.NewError("org.freedesktop.DBus.Error.NotSupported", []any{"GetSessionIdleTime is not supported on this platform"})
	}
	return s.ms.Load(), nil
}

// mutterService answers GetIdletime like GNOME's Mutter (milliseconds).
type mutterService struct{ ms uint64 }

func (m mutterService) GetIdletime() (uint64, *dbus.Error) { return m.ms, nil }

func exportScreenSaver(t *testing.T, s *screenSaverService) {
	t.Helper()
	conn := ownName(t, "org.freedesktop.ScreenSaver")
	if err := conn.Export(s, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"); err != nil {
		t.Fatalf("export ScreenSaver: %v", err)
	}
}

func TestDetectIdlePicksFreedesktopScreenSaver(t *testing.T) {
	s := &screenSaverService{}
	s.ms.Store(123456)
	exportScreenSaver(t, s)

	src, err := DetectIdle()
	if err != nil {
		t.Fatalf("DetectIdle: %v", err)
	}
	defer src.Close()
	if src.Name() != IdleScreenSaver {
		t.Fatalf("DetectIdle chose %q, want %q", src.Name(), IdleScreenSaver)
	}
	for _, ms := range []uint32{123456, 42} {
		s.ms.Store(ms)
		got, err := src.IdleTime()
		if err != nil {
			t.Fatalf("IdleTime: %v", err)
		}
		if want := time.Duration(ms) * time.Millisecond; got != want {
			t.Errorf("IdleTime = %v, want %v", got, want)
		}
	}
}

func TestDetectIdlePrefersMutter(t *testing.T) {
	s := &screenSaverService{}
	s.ms.Store(5)
	exportScreenSaver(t, s)
	conn := ownName(t, "org.gnome.Mutter.IdleMonitor")
	if err := conn.Export(mutterService{ms: 9876543210}, "/org/gnome/Mutter/IdleMonitor/Core", "org.gnome.Mutter.IdleMonitor"); err != nil {
		t.Fatalf("export IdleMonitor: %v", err)
	}

	src, err := DetectIdle()
	if err != nil {
		t.Fatalf("DetectIdle: %v", err)
	}
	if src.Name() != IdleMutter {
		t.Fatalf("DetectIdle chose %q, want %q", src.Name(), IdleMutter)
	}
	got, err := src.IdleTime()
	if err != nil {
		t.Fatalf("IdleTime: %v", err)
	}
	if want := 9876543210 * time.Millisecond; got != want {
		t.Errorf("IdleTime = %v, want %v (a uint64 beyond 32 bits)", got, want)
	}
}

func TestDetectIdleSkipsScreenSaverThatDoesNotAnswer(t *testing.T) {
	needDisplay(t)
	exportScreenSaver(t, &screenSaverService{unsupported: true})

	src, err := DetectIdle()
	if err != nil {
		t.Fatalf("DetectIdle: %v", err)
	}
	defer src.Close()
	if src.Name() != IdleX11 {
		t.Fatalf("DetectIdle chose %q although its GetSessionIdleTime fails; want %q", src.Name(), IdleX11)
	}
}
