//go:build !windows && !darwin

package platform

import (
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/limberapp/limber/platform/wayland"
	"github.com/limberapp/limber/platform/wayland/wltest"
)

func TestFullscreenWaylandFake(t *testing.T) {
	for _, tc := range []struct {
		name    string
		globals []wltest.Global
		tops    []wayland.Toplevel
		want    bool
	}{
		{"no manager (KWin, Mutter)", []wltest.Global{wltest.G("wl_seat", 7)}, []wayland.Toplevel{{Activated: true, Fullscreen: true}}, false},
		{"windowed", []wltest.Global{wltest.G(wayland.ToplevelManager, 3)}, []wayland.Toplevel{{Activated: true}}, false},
		{"focused full screen", []wltest.Global{wltest.G(wayland.ToplevelManager, 3)}, []wayland.Toplevel{{}, {Activated: true, Fullscreen: true}}, true},
	} {
		s := wltest.New(t, tc.globals, tc.tops)
		restore := s.Env()
		got := fullscreenWayland()
		restore()
		if got != tc.want {
			t.Errorf("%s: fullscreenWayland = %v, want %v", tc.name, got, tc.want)
		}
	}
	t.Setenv("WAYLAND_DISPLAY", "")
	if fullscreenWayland() {
		t.Error("full screen without a compositor")
	}
}

// A compositor that accepts the connection and never answers does not
// hold the check past its deadline.
func TestFullscreenWaylandSilentCompositor(t *testing.T) {
	dir := t.TempDir()
	ln, err := netListenUnix(dir + "/wayland-silent")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	t.Setenv("WAYLAND_DISPLAY", dir+"/wayland-silent")
	if fullscreenWayland() {
		t.Fatal("a silent compositor counts as full screen")
	}
}

// On sway (scripts/desktop-sway.sh), an X11 window made full screen is
// seen through foreign-toplevel; windowed again, it is not.
func TestFullscreenWaylandSway(t *testing.T) {
	if os.Getenv("LIMBER_COMPOSITOR") != "sway" {
		t.Skip("run inside scripts/desktop-sway.sh")
	}
	x := exec.Command("xmessage", "-name", "limber-fs", "full screen test")
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { x.Process.Kill(); x.Wait() }()
	swaymsg := func(args ...string) string {
		out, _ := exec.Command("swaymsg", args...).CombinedOutput()
		return string(out)
	}
	for i := 0; !strings.Contains(swaymsg("-t", "get_tree"), "limber-fs"); i++ {
		if i > 200 {
			t.Fatal("the xmessage window never appeared")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if fullscreenWayland() {
		t.Fatal("a windowed xmessage counts as full screen")
	}
	swaymsg(`[instance="limber-fs"]`, "focus")
	swaymsg(`[instance="limber-fs"]`, "fullscreen", "enable")
	if !fullscreenWayland() {
		t.Fatalf("a full-screen xmessage is not seen; tree:\n%s", swaymsg("-t", "get_tree"))
	}
	swaymsg(`[instance="limber-fs"]`, "fullscreen", "disable")
	if fullscreenWayland() {
		t.Fatal("full screen seen after it was turned off")
	}
}

func netListenUnix(path string) (interface{ Close() error }, error) { return net.Listen("unix", path) }
