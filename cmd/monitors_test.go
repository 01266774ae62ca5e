//go:build linux

package cmd

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// xClient is a managed window as the window manager lists it.
type xClient struct {
	id         xproto.Window
	name       string
	x, y, w, h int
	states     []string
}

// xClients reads _NET_CLIENT_LIST and each window's name, place and
// _NET_WM_STATE.
func xClients(c *xgb.Conn) ([]xClient, xproto.Window) {
	root := xproto.Setup(c).DefaultScreen(c).Root
	atom := func(n string) xproto.Atom {
		r, err := xproto.InternAtom(c, false, uint16(len(n)), n).Reply()
		if err != nil {
			return 0
		}
		return r.Atom
	}
	prop := func(w xproto.Window, name string, typ xproto.Atom) []byte {
		r, err := xproto.GetProperty(c, false, w, atom(name), typ, 0, 1024).Reply()
		if err != nil {
			return nil
		}
		return r.Value
	}
	var out []xClient
	list := prop(root, "_NET_CLIENT_LIST", xproto.AtomWindow)
	for i := 0; i+4 <= len(list); i += 4 {
		w := xproto.Window(xgb.Get32(list[i:]))
		cl := xClient{id: w, name: string(prop(w, "_NET_WM_NAME", atom("UTF8_STRING")))}
		if g, err := xproto.GetGeometry(c, xproto.Drawable(w)).Reply(); err == nil {
			cl.w, cl.h = int(g.Width), int(g.Height)
		}
		if tr, err := xproto.TranslateCoordinates(c, w, root, 0, 0).Reply(); err == nil {
			cl.x, cl.y = int(tr.DstX), int(tr.DstY)
		}
		st := prop(w, "_NET_WM_STATE", xproto.AtomAtom)
		for j := 0; j+4 <= len(st); j += 4 {
			if n, err := xproto.GetAtomName(c, xproto.Atom(xgb.Get32(st[j:]))).Reply(); err == nil {
				cl.states = append(cl.states, n.Name)
			}
		}
		out = append(out, cl)
	}
	var active xproto.Window
	if v := prop(root, "_NET_ACTIVE_WINDOW", xproto.AtomWindow); len(v) >= 4 {
		active = xproto.Window(xgb.Get32(v))
	}
	return out, active
}

// waitFor polls cond until it holds or a minute passes (a slow machine is
// not a failure of the feature).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("gave up waiting for %s", what)
}

// Issue 15 items 5 and 6 end to end: an X server with two monitors side by
// side (Xvfb split with `xrandr --setmonitor`), openbox, the pointer on
// the right one. The break window opens on the right monitor, the left
// gets a backdrop covering it; in strict mode the window is kept above
// and comes back when another window is activated.
func TestBreakOnEveryMonitor(t *testing.T) {
	if testing.Short() {
		t.Skip("starts an X server")
	}
	for _, p := range []string{"Xvfb", "xrandr", "openbox", "xdotool"} {
		if _, err := exec.LookPath(p); err != nil {
			t.Skipf("needs %s (make deps)", p)
		}
	}
	disp := ""
	for n := 300; n < 400; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); os.IsNotExist(err) {
			if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); os.IsNotExist(err) {
				disp = fmt.Sprintf(":%d", n)
				break
			}
		}
	}
	dir := t.TempDir()
	env := append(os.Environ(), "DISPLAY="+disp, "XDG_CONFIG_HOME="+dir, "XDG_STATE_HOME="+dir, "HOME="+dir,
		"LIMBER_SOCKET="+filepath.Join(dir, "none.sock"), "LANG=en_US.UTF-8")
	start := func(name string, args ...string) *exec.Cmd {
		c := exec.Command(name, args...)
		c.Env = env
		if err := c.Start(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// SIGTERM, so that Xvfb removes its socket and lock file.
		t.Cleanup(func() { c.Process.Signal(syscall.SIGTERM); c.Wait() })
		return c
	}
	run := func(name string, args ...string) {
		c := exec.Command(name, args...)
		c.Env = env
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
	}
	// -noreset: else the server forgets the monitors when xrandr, its
	// only client, disconnects.
	start("Xvfb", disp, "-screen", "0", "2560x800x24", "-nolisten", "tcp", "-noreset")
	waitFor(t, "Xvfb", func() bool {
		_, err := os.Stat("/tmp/.X11-unix/X" + disp[1:])
		return err == nil
	})
	run("xrandr", "--setmonitor", "right", "1280/338x800/211+1280+0", "none")
	run("xrandr", "--setmonitor", "left", "1280/338x800/211+0+0", "screen")
	start("openbox")
	conn, err := xgb.NewConnDisplay(disp)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	waitFor(t, "openbox", func() bool {
		r, err := xproto.InternAtom(conn, true, 24, "_NET_SUPPORTING_WM_CHECK").Reply()
		if err != nil || r.Atom == 0 {
			return false
		}
		p, err := xproto.GetProperty(conn, false, xproto.Setup(conn).DefaultScreen(conn).Root, r.Atom, xproto.AtomWindow, 0, 1).Reply()
		return err == nil && len(p.Value) >= 4
	})
	run("xdotool", "mousemove", "1900", "400")
	os.MkdirAll(filepath.Join(dir, "limber"), 0o700)
	if err := os.WriteFile(filepath.Join(dir, "limber", "config.toml"), []byte("[breaks]\nstrict = true\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	bin := buildLimber(t)
	start(bin, "ui", "break", "--kind", "mobility")

	var main, backdrop xClient
	var cls []xClient
	defer func() {
		if t.Failed() {
			t.Logf("windows: %+v", cls)
		}
	}()
	waitFor(t, "the break window and its backdrop", func() bool {
		cls, _ = xClients(conn)
		main, backdrop = xClient{}, xClient{}
		for _, c := range cls {
			switch {
			case c.name == "Mobility break — Limber":
				backdrop = c
			case strings.HasPrefix(c.name, "Mobility break — "):
				main = c
			}
		}
		// Placed: the window's middle on the right monitor, the backdrop
		// over the whole left one.
		mx := main.x + main.w/2
		return main.id != 0 && backdrop.id != 0 && mx >= 1280 && mx < 2560 && backdrop.x == 0 && backdrop.y == 0 && backdrop.w == 1280 && backdrop.h == 800
	})
	if main.x < 1280 || main.x+main.w > 2560 {
		t.Fatalf("the break window at %d+%d is not on the right monitor", main.x, main.w)
	}
	has := func(c xClient, s string) bool {
		for _, x := range c.states {
			if x == s {
				return true
			}
		}
		return false
	}
	if !has(main, "_NET_WM_STATE_ABOVE") {
		t.Fatalf("strict mode: the window's states are %v", main.states)
	}
	// The person switches to another window: the break window comes back.
	// Each change of the active window is counted from the root's
	// PropertyNotify events, so that a switch and the way back are seen
	// however fast they come.
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	ar, err := xproto.InternAtom(conn, false, 18, "_NET_ACTIVE_WINDOW").Reply()
	if err != nil {
		t.Fatal(err)
	}
	var changes atomic.Int32
	xproto.ChangeWindowAttributes(conn, root, xproto.CwEventMask, []uint32{xproto.EventMaskPropertyChange})
	go func() {
		for {
			ev, err := conn.WaitForEvent()
			if ev == nil && err == nil {
				return // closed
			}
			if pn, ok := ev.(xproto.PropertyNotifyEvent); ok && pn.Atom == ar.Atom {
				changes.Add(1)
			}
		}
	}()
	waitFor(t, "the break window to be active", func() bool {
		_, act := xClients(conn)
		return act == main.id
	})
	before := changes.Load()
	run("xdotool", "windowactivate", fmt.Sprint(uint32(backdrop.id)))
	waitFor(t, "the break window to come back", func() bool {
		_, act := xClients(conn)
		return act == main.id && changes.Load() >= before+2
	})
}
