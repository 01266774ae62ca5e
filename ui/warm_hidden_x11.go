//go:build (linux || freebsd || openbsd || netbsd) && !wayland && !android

package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// createHidden does a pre-started window's first Show (the native window,
// its GL context, the first frame with every text rasterised: some 60 ms
// with software rendering) without showing anything: hook, in the
// window's content, moves the new X11 window into an unmapped holder
// window of its own before Fyne maps it, so that the map leaves it
// unviewable. No window manager sees it: no flash, no focus, no taskbar
// entry. release (call it on Fyne's goroutine right before win.Show)
// puts the window back on the root, unmapped, for that Show to map it as
// any window. ok is false, and nothing was done, where win is no X11
// window (Fyne's test driver, Wayland), was shown before, or the X
// server refused; should the window have been mapped where it shows
// after all, it is hidden again.
func createHidden(win fyne.Window, hook *createHook) (release func(), ok bool) {
	nw, isNative := win.(driver.NativeWindow)
	if !isNative || hook == nil || x11Handle(nw) != 0 {
		return nil, false
	}
	conn, err := xgb.NewConn()
	if err != nil {
		return nil, false
	}
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	holder, err := xproto.NewWindowId(conn)
	if err == nil {
		err = xproto.CreateWindowChecked(conn, 0, holder, root, 0, 0, 1, 1, 0,
			xproto.WindowClassInputOutput, 0, 0, nil).Check()
	}
	if err != nil {
		conn.Close()
		return nil, false
	}
	var id xproto.Window
	hookErr := errors.New("the window was not created")
	hook.fire = func() bool {
		h := x11Handle(nw)
		if h == 0 {
			return false
		}
		id = xproto.Window(h)
		// A round trip: the server has moved it before Fyne maps it.
		hookErr = xproto.ReparentWindowChecked(conn, id, holder, 0, 0).Check()
		if hookErr == nil {
			// GLFW's show waits for the window's VisibilityNotify and
			// spins while other events are queued: an unviewable window
			// gets none, so send it one (GLFW asks for them).
			ev := xproto.VisibilityNotifyEvent{Window: id, State: xproto.VisibilityFullyObscured}
			hookErr = xproto.SendEventChecked(conn, false, id, xproto.EventMaskVisibilityChange, string(ev.Bytes())).Check()
		}
		return true
	}
	win.Show()
	hook.fire = nil
	if hookErr != nil || parentOf(conn, id) != holder {
		if id != 0 {
			win.Hide()
		}
		conn.Close()
		return nil, false
	}
	return func() {
		x, y := int16(0), int16(0)
		if g, err := xproto.GetGeometry(conn, xproto.Drawable(id)).Reply(); err == nil {
			x, y = g.X, g.Y
		}
		xproto.UnmapWindow(conn, id)
		xproto.ReparentWindowChecked(conn, id, root, x, y).Check()
		xproto.DestroyWindow(conn, holder)
		conn.Close()
	}, true
}

// x11Handle is the X11 window of a Fyne window; 0 before its first Show.
func x11Handle(nw driver.NativeWindow) uintptr {
	var id uintptr
	nw.RunNative(func(ctx any) {
		if x, ok := ctx.(driver.X11WindowContext); ok {
			id = x.WindowHandle
		}
	})
	return id
}

// parentOf is w's parent window; 0 if it cannot be asked.
func parentOf(conn *xgb.Conn, w xproto.Window) xproto.Window {
	if w == 0 {
		return 0
	}
	t, err := xproto.QueryTree(conn, w).Reply()
	if err != nil {
		return 0
	}
	return t.Parent
}
