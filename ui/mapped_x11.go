//go:build (linux || freebsd || openbsd || netbsd) && !wayland && !android

package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// watchMapped calls onChange(false) on Fyne's goroutine when the shown
// window win is unmapped (a window manager unmaps a minimised window) and
// onChange(true) when it is mapped again, until the returned stop is
// called. Fyne tells nothing of minimising: this listens to the window's
// X11 structure events on a connection of its own. Where win is no X11
// window (tests, Wayland) it does nothing.
func watchMapped(win fyne.Window, onChange func(mapped bool)) (stop func()) {
	nw, ok := win.(driver.NativeWindow)
	if !ok {
		return func() {}
	}
	var id uintptr
	nw.RunNative(func(ctx any) {
		if x, ok := ctx.(driver.X11WindowContext); ok {
			id = x.WindowHandle
		}
	})
	if id == 0 {
		return func() {}
	}
	conn, err := xgb.NewConn()
	if err != nil {
		return func() {}
	}
	w := xproto.Window(id)
	if err := xproto.ChangeWindowAttributesChecked(conn, w, xproto.CwEventMask,
		[]uint32{xproto.EventMaskStructureNotify}).Check(); err != nil {
		conn.Close()
		return func() {}
	}
	go func() {
		for {
			ev, err := conn.WaitForEvent()
			if ev == nil && err == nil {
				return // closed
			}
			switch ev.(type) {
			case xproto.UnmapNotifyEvent:
				fyne.Do(func() { onChange(false) })
			case xproto.MapNotifyEvent:
				fyne.Do(func() { onChange(true) })
			case xproto.DestroyNotifyEvent:
				conn.Close()
				return
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(conn.Close) }
}
