//go:build !windows && !darwin

package platform

import (
	"os/exec"
	"testing"
	"time"
)

func TestX11IdleGrowsAndInputResetsIt(t *testing.T) {
	needDisplay(t)
	src, err := newX11Idle("")
	if err != nil {
		t.Fatalf("X11 idle source: %v", err)
	}
	defer src.Close()
	if src.Name() != IdleX11 {
		t.Errorf("Name() = %q, want %q", src.Name(), IdleX11)
	}
	// Start from fresh input so the count below is ours.
	xdotool(t, "mousemove_relative", "5", "5")
	time.Sleep(1500 * time.Millisecond)
	idle, err := src.IdleTime()
	if err != nil {
		t.Fatalf("IdleTime: %v", err)
	}
	if idle < time.Second {
		t.Fatalf("after 1.5 s without input IdleTime = %v, want at least 1 s", idle)
	}
	xdotool(t, "mousemove_relative", "5", "5")
	idle, err = src.IdleTime()
	if err != nil {
		t.Fatalf("IdleTime: %v", err)
	}
	if idle >= 500*time.Millisecond {
		t.Fatalf("right after pointer input IdleTime = %v, want under 500 ms", idle)
	}
}

func TestDetectIdleFallsThroughToX11(t *testing.T) {
	needDisplay(t)
	bus := needSessionBus(t)
	for _, name := range []string{"org.gnome.Mutter.IdleMonitor", "org.freedesktop.ScreenSaver"} {
		if hasOwner(bus, name) {
			t.Fatalf("%s is on the test bus; this test needs a session without it", name)
		}
	}
	src, err := DetectIdle()
	if err != nil {
		t.Fatalf("DetectIdle: %v", err)
	}
	defer src.Close()
	if src.Name() != IdleX11 {
		t.Fatalf("DetectIdle chose %q, want %q (no Mutter or ScreenSaver service on this bus)", src.Name(), IdleX11)
	}
	if _, err := src.IdleTime(); err != nil {
		t.Fatalf("IdleTime: %v", err)
	}
}

func TestX11IdleFailsForMissingDisplay(t *testing.T) {
	quietX11()
	if _, err := newX11Idle(":4242"); err == nil {
		t.Fatal("newX11Idle(:4242) worked; want an error for a display that does not exist")
	}
}

func xdotool(t *testing.T, args ...string) {
	t.Helper()
	if out, err := exec.Command("xdotool", args...).CombinedOutput(); err != nil {
		t.Fatalf("xdotool %v: %v: %s", args, err, out)
	}
}
