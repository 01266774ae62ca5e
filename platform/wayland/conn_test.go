package wayland_test

import (
	"errors"
	"io"
	"testing"
	"time"

	"github.com/limberapp/limber/platform/wayland"
	"github.com/limberapp/limber/platform/wayland/wltest"
)

func TestRegistryAndIdleProtocolChoice(t *testing.T) {
	for _, tc := range []struct {
		name    string
		globals []wltest.Global
		want    wayland.IdleKind
		input   bool
		iface   string
	}{
		{"ext v2", []wltest.Global{wltest.G("wl_seat", 7), wltest.G(wayland.KDEIdle, 1), wltest.G(wayland.ExtIdleNotifier, 2)}, wayland.IdleExtInput, true, wayland.ExtIdleNotifier},
		{"ext v1", []wltest.Global{wltest.G("wl_seat", 7), wltest.G(wayland.KDEIdle, 1), wltest.G(wayland.ExtIdleNotifier, 1)}, wayland.IdleExt, false, wayland.ExtIdleNotifier},
		{"kde only", []wltest.Global{wltest.G("wl_seat", 7), wltest.G(wayland.KDEIdle, 1)}, wayland.IdleKDE, false, wayland.KDEIdle},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := wltest.New(t, tc.globals, nil)
			c, err := wayland.Dial(s.Path)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if got := len(c.Globals()); got != len(tc.globals) {
				t.Fatalf("%d globals, want %d", got, len(tc.globals))
			}
			n, err := wayland.NewIdleNotifier(c)
			if err != nil {
				t.Fatal(err)
			}
			if n.Kind() != tc.want {
				t.Fatalf("kind %v, want %v", n.Kind(), tc.want)
			}
			idled := make(chan bool, 2)
			note, err := n.Notify(1500*time.Microsecond, func() { idled <- true }, func() { idled <- false })
			if err != nil {
				t.Fatal(err)
			}
			if err := c.Roundtrip(); err != nil {
				t.Fatal(err)
			}
			ns := s.Notifications()
			if len(ns) != 1 || ns[0].Timeout != 2*time.Millisecond || ns[0].Input != tc.input || ns[0].Interface != tc.iface {
				t.Fatalf("server sees %+v, want one %s notification of 2 ms (rounded up), input %v", ns, tc.iface, tc.input)
			}
			if err := s.Idle(ns[0].ID); err != nil {
				t.Fatal(err)
			}
			if err := s.Resume(ns[0].ID); err != nil {
				t.Fatal(err)
			}
			for _, want := range []bool{true, false} {
				if got := dispatchUntil(t, c, idled); got != want {
					t.Fatalf("event idled=%v, want %v", got, want)
				}
			}
			if err := note.Destroy(); err != nil {
				t.Fatal(err)
			}
			if err := c.Roundtrip(); err != nil {
				t.Fatal(err)
			}
			if ns := s.Notifications(); len(ns) != 0 {
				t.Fatalf("after Destroy the server still has %+v", ns)
			}
		})
	}
}

func TestNoIdleProtocol(t *testing.T) {
	s := wltest.New(t, []wltest.Global{wltest.G("wl_seat", 7)}, nil)
	c, err := wayland.Dial(s.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := wayland.NewIdleNotifier(c); !errors.Is(err, wayland.ErrNoIdleProtocol) {
		t.Fatalf("NewIdleNotifier: %v, want ErrNoIdleProtocol", err)
	}
	if _, err := wayland.FullscreenActive(c); !errors.Is(err, wayland.ErrNoToplevelManager) {
		t.Fatalf("FullscreenActive: %v, want ErrNoToplevelManager", err)
	}
}

// Ids the server releases with delete_id are handed out again.
func TestIDReuse(t *testing.T) {
	s := wltest.New(t, []wltest.Global{wltest.G("wl_seat", 7)}, nil)
	c, err := wayland.Dial(s.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	// Each Roundtrip's callback is released by delete_id, so its id comes back.
	first := c.NewObject(nil)
	c.Forget(first)
	for i := 0; i < 5; i++ {
		if err := c.Roundtrip(); err != nil {
			t.Fatal(err)
		}
	}
	a := c.NewObject(nil)
	b := c.NewObject(nil)
	if a == b || a > first+2 || b > first+2 {
		t.Fatalf("ids %d and %d after five round trips, first free id was %d: callback ids not reused", a, b, first)
	}
}

func TestFullscreen(t *testing.T) {
	for _, tc := range []struct {
		name string
		tops []wayland.Toplevel
		want bool
	}{
		{"none", nil, false},
		{"focused, windowed", []wayland.Toplevel{{Title: "a", Activated: true}}, false},
		{"full screen in the background", []wayland.Toplevel{{Title: "a", Fullscreen: true}, {Title: "b", Activated: true}}, false},
		{"focused, full screen", []wayland.Toplevel{{Title: "a"}, {Title: "video", AppID: "mpv", Activated: true, Fullscreen: true}}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := wltest.New(t, []wltest.Global{wltest.G("wl_seat", 7), wltest.G(wayland.ToplevelManager, 3)}, tc.tops)
			c, err := wayland.Dial(s.Path)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			tops, err := wayland.Toplevels(c)
			if err != nil {
				t.Fatal(err)
			}
			if len(tops) != len(tc.tops) {
				t.Fatalf("%d toplevels, want %d", len(tops), len(tc.tops))
			}
			for i := range tops {
				if tops[i] != tc.tops[i] {
					t.Errorf("toplevel %d is %+v, want %+v", i, tops[i], tc.tops[i])
				}
			}
			got, err := wayland.FullscreenActive(c)
			if err != nil || got != tc.want {
				t.Fatalf("FullscreenActive = %v, %v; want %v", got, err, tc.want)
			}
		})
	}
}

// When the compositor goes away, Dispatch says so instead of spinning.
func TestDispatchAfterDrop(t *testing.T) {
	s := wltest.New(t, []wltest.Global{wltest.G("wl_seat", 7)}, nil)
	c, err := wayland.Dial(s.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s.Drop()
	// What was sent before the drop is still delivered, then EOF.
	for i := 0; i < 10 && err == nil; i++ {
		err = c.Dispatch()
	}
	if !errors.Is(err, io.EOF) {
		t.Fatalf("Dispatch after the compositor left: %v, want EOF", err)
	}
}

// dispatchUntil dispatches events until one lands on ch.
func dispatchUntil(t *testing.T, c *wayland.Conn, ch chan bool) bool {
	t.Helper()
	for {
		select {
		case v := <-ch:
			return v
		default:
		}
		if err := c.Dispatch(); err != nil {
			t.Fatal(err)
		}
	}
}

// Requests held back reach the compositor only at Flush, all of them.
func TestHoldFlush(t *testing.T) {
	s := wltest.New(t, []wltest.Global{wltest.G("wl_seat", 7), wltest.G(wayland.ExtIdleNotifier, 1)}, nil)
	c, err := wayland.Dial(s.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	n, err := wayland.NewIdleNotifier(c)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Roundtrip(); err != nil {
		t.Fatal(err)
	}
	before := s.Requests()
	c.Hold()
	for i := 1; i <= 3; i++ {
		if _, err := n.Notify(time.Duration(i)*time.Second, func() {}, func() {}); err != nil {
			t.Fatal(err)
		}
	}
	// A round trip would hang while held: the server must see nothing yet.
	if got := s.Requests(); got != before {
		t.Fatalf("%d requests reached the server while held", got-before)
	}
	if err := c.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := c.Roundtrip(); err != nil {
		t.Fatal(err)
	}
	if got := len(s.Notifications()); got != 3 {
		t.Fatalf("%d notifications after Flush, want 3", got)
	}
}
