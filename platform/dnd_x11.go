//go:build !windows && !darwin

package platform

import (
	"sync/atomic"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// fullscreenWaiting is set while a check waits on an X server that has
// not answered within x11Answer.
var fullscreenWaiting atomic.Bool

// fullscreenActive reports whether the window manager's active window
// (_NET_ACTIVE_WINDOW on the root) has _NET_WM_STATE_FULLSCREEN in its
// _NET_WM_STATE. It opens one short X connection per call (so it follows
// the display through X server restarts): the check runs when a break
// falls due, not in between. An X server that does not answer within
// x11Answer counts as no full-screen window; while that check still
// waits, later ones answer false at once.
func fullscreenActive(display string) bool {
	if !fullscreenWaiting.CompareAndSwap(false, true) {
		return false
	}
	full, err := bounded(func() (bool, error) {
		defer fullscreenWaiting.Store(false)
		return fullscreenCheck(display), nil
	})
	return err == nil && full
}

// fullscreenCheck is fullscreenActive's look at the server.
func fullscreenCheck(display string) bool {
	quietX11()
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		return false
	}
	defer conn.Close()
	// Atoms that do not exist yet cannot be set on any window. The three
	// lookups share one round trip.
	ca, cs, cf := internExisting(conn, "_NET_ACTIVE_WINDOW"), internExisting(conn, "_NET_WM_STATE"), internExisting(conn, "_NET_WM_STATE_FULLSCREEN")
	active, ok1 := atomReply(ca)
	state, ok2 := atomReply(cs)
	full, ok3 := atomReply(cf)
	if !ok1 || !ok2 || !ok3 {
		return false
	}
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	r, err := xproto.GetProperty(conn, false, root, active, xproto.AtomWindow, 0, 1).Reply()
	if err != nil || r.Format != 32 || r.ValueLen == 0 {
		return false
	}
	win := xproto.Window(xgb.Get32(r.Value))
	if win == 0 {
		return false
	}
	// A window has a handful of states; 32 is plenty.
	r, err = xproto.GetProperty(conn, false, win, state, xproto.AtomAtom, 0, 32).Reply()
	if err != nil || r.Format != 32 {
		return false
	}
	for i := 0; i+4 <= len(r.Value); i += 4 {
		if xproto.Atom(xgb.Get32(r.Value[i:])) == full {
			return true
		}
	}
	return false
}

// internExisting asks for an atom without creating it.
func internExisting(conn *xgb.Conn, name string) xproto.InternAtomCookie {
	return xproto.InternAtom(conn, true, uint16(len(name)), name)
}

// atomReply is the atom, or false when it does not exist.
func atomReply(c xproto.InternAtomCookie) (xproto.Atom, bool) {
	r, err := c.Reply()
	if err != nil || r.Atom == xproto.AtomNone {
		return 0, false
	}
	return r.Atom, true
}
