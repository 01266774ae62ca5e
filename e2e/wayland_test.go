//go:build e2e

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/platform/wayland"
)

// The desktops of scripts/desktop-sway.sh and scripts/desktop-kwin.sh,
// with the idle source the agent should pick on each.
var waylandIdleSource = map[string]string{"sway": "kde-idle", "kwin": "ext-idle-notify"}

// touchWayland is input the compositor counts: wtype's virtual keyboard
// on wlroots, KWin's simulate_user_activity where there is none. wtype
// sends each run's keys with a keymap of just those keys, and an X client
// on XWayland (GLFW) keeps the first keymap it saw: the key is Escape, the
// one the break window is later sent, so both keep one keymap. No Limber
// window is open when the test touches.
func touchWayland(t *testing.T) {
	t.Helper()
	if exec.Command("wtype", "-k", "Escape").Run() == nil {
		return
	}
	c, err := wayland.Dial("")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := wayland.SimulateUserActivity(c); err != nil {
		t.Fatalf("no way to make input: %v", err)
	}
}

// waylandScreenshot saves the screen to $LIMBER_SHOTS (or the test's temp dir):
// grim where the compositor has wlr-screencopy (sway), else the X window
// win through XWayland (KWin lets only its own tools capture the screen,
// and a rootless XWayland has no root window to read).
func waylandScreenshot(t *testing.T, name, win string) string {
	t.Helper()
	dir := os.Getenv("LIMBER_SHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	p := filepath.Join(dir, name+".png")
	if err := exec.Command("grim", p).Run(); err != nil {
		if out, err := exec.Command("import", "-window", win, p).CombinedOutput(); err != nil {
			t.Logf("screenshot: %v %s", err, out)
			return ""
		}
	}
	t.Logf("screenshot: %s", p)
	return p
}

// TestWaylandDesktop runs the agent on a real Wayland desktop: it names
// the compositor's idle source, sees idle and the return, journals a
// natural break, opens a break window on top (XWayland), the notification
// arrives and the tray item registers.
func TestWaylandDesktop(t *testing.T) {
	comp := os.Getenv("LIMBER_COMPOSITOR")
	if comp == "" {
		t.Skip("run inside scripts/desktop-sway.sh or scripts/desktop-kwin.sh")
	}
	// The session has its own XDG_RUNTIME_DIR: name the compositor's
	// socket by its full path.
	sock, err := wayland.SocketPath("")
	if err != nil {
		t.Fatal(err)
	}
	s := newSession(t, "[idle]\nthreshold = \"15s\"\n", "WAYLAND_DISPLAY="+sock)
	s.start()
	for i := 0; i < 4; i++ { // a few seconds at the desk
		touchWayland(t)
		time.Sleep(700 * time.Millisecond)
	}
	if st := s.status(); st.State != "running" || st.IdleSource != waylandIdleSource[comp] {
		t.Fatalf("%s: want running with idle source %q: %+v", comp, waylandIdleSource[comp], st)
	}
	conn := sessionBus(t)
	s.eventually("the tray item registers", 10*time.Second, func() bool {
		items, err := trayItems(conn)
		return err == nil && len(items) > 0
	})

	idleFrom := time.Now()
	s.eventually("state idle", 40*time.Second, func() bool { return s.status().State == "idle" })
	t.Logf("%s: idle after %v without input (threshold 15 s)", comp, time.Since(idleFrom).Round(100*time.Millisecond))
	jp := filepath.Join(s.dirs["XDG_STATE_HOME"], "limber", "journal.jsonl")
	defer func() {
		if t.Failed() {
			recs, _, _ := journal.Read(jp)
			t.Logf("journal: %+v", recs)
		}
	}()
	s.eventually("a natural posture break in the journal", 20*time.Second, func() bool {
		recs, _, _ := journal.Read(jp)
		for _, r := range recs {
			if r.Event == "natural" && r.Kind == "posture" {
				return true
			}
		}
		return false
	})
	recs, _, _ := journal.Read(jp)
	t.Logf("journal: %+v", recs)
	touchWayland(t)
	back := time.Now()
	s.eventually("active again after input", 20*time.Second, func() bool { return s.status().State == "running" })
	t.Logf("%s: active again %v after input", comp, time.Since(back).Round(10*time.Millisecond))

	if _, errs, err := s.limber("break", "now", "--kind", "rest"); err != nil {
		t.Fatalf("break now: %v %s", err, errs)
	}
	win := waitWindow(t, "Rest break", 20*time.Second)
	s.eventually("the break window is the active window", 10*time.Second, func() bool {
		active, err := xdo(t, "getactivewindow")
		return err == nil && active == win
	})
	s.eventually("the notification arrives", 10*time.Second, func() bool {
		if comp == "sway" {
			out, _ := exec.Command("makoctl", "list").Output()
			return strings.Contains(strings.ToLower(string(out)), "rest break")
		}
		return dunstDisplayed(t) > 0
	})
	time.Sleep(time.Second) // let the window draw its first frame for the picture
	waylandScreenshot(t, "wayland-"+comp+"-break", win)
	if comp != "sway" {
		if notes := dunstHistory(t); !hasNote(notes, "rest break") {
			t.Fatalf("dunst did not receive the rest break notification: %+v", notes)
		}
	}
	// Keys go in through the compositor's virtual keyboard where it has
	// one (wtype), else through XTEST on XWayland.
	var last status
	defer func() {
		if t.Failed() {
			t.Logf("last status: %+v", last)
		}
	}()
	s.eventually("the break is postponed", 10*time.Second, func() bool {
		// Pressed again until it lands: the window may not take keys
		// in its first moments.
		if exec.Command("wtype", "-k", "Escape").Run() != nil {
			pressKey(t, win, "Escape")
		}
		time.Sleep(500 * time.Millisecond)
		last = s.status()
		if last.State != "running" {
			return false
		}
		for _, n := range last.Next {
			if n.Kind == "rest" {
				return n.PostponesLeft == 2
			}
		}
		return false
	})
	s.quit()
}
