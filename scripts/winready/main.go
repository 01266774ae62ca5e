// Command winready measures, for the bench scripts, how long a window
// takes to become visible after a trigger: it runs the trigger command,
// then watches the X server until a window whose title contains NAME is
// mapped (viewable, as `xdotool search --onlyvisible` sees it) and until
// its first frame is drawn: the window's pixels show at least minColours
// distinct colours (anti-aliased text and widgets; an undrawn window is
// one colour, or Xvfb's two-colour root weave). Mapped is polled every
// 2 ms (a cheap attribute query); drawn is checked when mapped and then
// at each change the X server reports on the window (DAMAGE), not by
// copying the window's pixels every 2 ms: that copy, 4 ms a time for a
// window of 800×600 on Xvfb, kept the server busy while the program
// measured was drawing, more so the larger its window. Without the DAMAGE
// extension it falls back to polling. It prints two numbers,
// the milliseconds from the trigger to mapped and to drawn, and exits 1
// on a timeout. The same definition serves every program measured.
//
//	winready [-timeout 20s] NAME TRIGGER [ARGS…]
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/damage"
	"github.com/jezek/xgb/xproto"
)

// minColours is how many distinct pixel values make a drawn window.
const minColours = 16

func main() {
	timeout := flag.Duration("timeout", 20*time.Second, "give up after this long")
	flag.Parse()
	if flag.NArg() < 2 {
		fmt.Fprintln(os.Stderr, "usage: winready [-timeout 20s] NAME TRIGGER [ARGS…]")
		os.Exit(2)
	}
	name := flag.Arg(0)
	xgb.Logger = log.New(io.Discard, "", 0)
	conn, err := xgb.NewConn()
	if err != nil {
		fmt.Fprintln(os.Stderr, "winready:", err)
		os.Exit(2)
	}
	defer conn.Close()
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	atom := func(s string) xproto.Atom {
		r, err := xproto.InternAtom(conn, false, uint16(len(s)), s).Reply()
		if err != nil {
			return 0
		}
		return r.Atom
	}
	clientList, netName, utf8 := atom("_NET_CLIENT_LIST"), atom("_NET_WM_NAME"), atom("UTF8_STRING")
	// Windows already there are not the one the trigger brings.
	old := map[xproto.Window]bool{}
	for _, w := range clients(conn, root, clientList) {
		old[w] = true
	}

	trigger := exec.Command(flag.Arg(1), flag.Args()[2:]...)
	trigger.Stdout, trigger.Stderr = os.Stderr, os.Stderr
	t0 := time.Now()
	if err := trigger.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "winready: the trigger:", err)
		os.Exit(2)
	}
	go trigger.Wait()

	hasDamage := damage.Init(conn) == nil
	if hasDamage {
		_, err := damage.QueryVersion(conn, 1, 1).Reply()
		hasDamage = err == nil
	}
	var win xproto.Window
	var mapped time.Duration
	var dmg damage.Damage
	for deadline := t0.Add(*timeout); time.Now().Before(deadline); pause(dmg) {
		if win == 0 {
			for _, w := range clients(conn, root, clientList) {
				if !old[w] && strings.Contains(title(conn, w, netName, utf8), name) {
					win = w
					break
				}
			}
			if win == 0 {
				continue
			}
		}
		if mapped == 0 {
			a, err := xproto.GetWindowAttributes(conn, win).Reply()
			if err != nil {
				win = 0 // gone
				continue
			}
			if a.MapState != xproto.MapStateViewable {
				continue
			}
			mapped = time.Since(t0)
			if hasDamage {
				// From now on every drawing on the window is reported;
				// the check below sees what was drawn before.
				if id, err := damage.NewDamageId(conn); err == nil && damage.CreateChecked(conn, id, xproto.Drawable(win), damage.ReportLevelNonEmpty).Check() == nil {
					dmg = id
				}
			}
		}
		if drawn(conn, win) {
			fmt.Printf("%d %d\n", mapped.Milliseconds(), time.Since(t0).Milliseconds())
			return
		}
		if dmg != 0 {
			waitDamage(conn, dmg, deadline)
		}
	}
	fmt.Fprintf(os.Stderr, "winready: no window %q drawn within %s\n", name, *timeout)
	os.Exit(1)
}

// clients is the window manager's list of managed windows.
func clients(conn *xgb.Conn, root xproto.Window, list xproto.Atom) []xproto.Window {
	r, err := xproto.GetProperty(conn, false, root, list, xproto.AtomWindow, 0, 1024).Reply()
	if err != nil || r.Format != 32 {
		return nil
	}
	out := make([]xproto.Window, 0, r.ValueLen)
	for i := 0; i+4 <= len(r.Value); i += 4 {
		out = append(out, xproto.Window(xgb.Get32(r.Value[i:])))
	}
	return out
}

// title is a window's _NET_WM_NAME, else its WM_NAME.
func title(conn *xgb.Conn, w xproto.Window, netName, utf8 xproto.Atom) string {
	if r, err := xproto.GetProperty(conn, false, w, netName, utf8, 0, 256).Reply(); err == nil && len(r.Value) > 0 {
		return string(r.Value)
	}
	if r, err := xproto.GetProperty(conn, false, w, xproto.AtomWmName, xproto.AtomString, 0, 256).Reply(); err == nil {
		return string(r.Value)
	}
	return ""
}

// pause is the gap between two polls: none once the window's drawing is
// reported (waitDamage waited already).
func pause(dmg damage.Damage) {
	if dmg == 0 {
		time.Sleep(2 * time.Millisecond)
	}
}

// waitDamage returns when the server reports drawing on dmg's window (and
// re-arms the report), after 100 ms without one, or at the deadline.
func waitDamage(conn *xgb.Conn, dmg damage.Damage, deadline time.Time) {
	until := time.Now().Add(100 * time.Millisecond)
	if deadline.Before(until) {
		until = deadline
	}
	for time.Now().Before(until) {
		ev, err := conn.PollForEvent()
		if ev == nil && err == nil {
			time.Sleep(250 * time.Microsecond)
			continue
		}
		if n, ok := ev.(damage.NotifyEvent); ok && n.Damage == dmg {
			damage.Subtract(conn, dmg, 0, 0)
			return
		}
	}
}

// drawn says whether w's pixels hold at least minColours colours.
func drawn(conn *xgb.Conn, w xproto.Window) bool {
	g, err := xproto.GetGeometry(conn, xproto.Drawable(w)).Reply()
	if err != nil || g.Width == 0 || g.Height == 0 {
		return false
	}
	img, err := xproto.GetImage(conn, xproto.ImageFormatZPixmap, xproto.Drawable(w), 0, 0, g.Width, g.Height, 0xffffffff).Reply()
	if err != nil || g.Depth < 24 {
		return false
	}
	var seen [minColours]uint32
	n, last := 0, uint32(1<<31) // no 24-bit colour
	for i := 0; i+4 <= len(img.Data); i += 4 {
		c := uint32(img.Data[i]) | uint32(img.Data[i+1])<<8 | uint32(img.Data[i+2])<<16
		if c == last {
			continue
		}
		last = c
		known := false
		for _, s := range seen[:n] {
			if s == c {
				known = true
				break
			}
		}
		if !known {
			seen[n] = c
			if n++; n == minColours {
				return true
			}
		}
	}
	return false
}
