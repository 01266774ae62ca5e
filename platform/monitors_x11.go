//go:build !windows && !darwin

package platform

import (
	"errors"
	"fmt"
	"os"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/randr"
	"github.com/jezek/xgb/xinerama"
	"github.com/jezek/xgb/xproto"
)

// Rect is an area of the screen in pixels, from the root window's origin.
type Rect struct{ X, Y, W, H int }

// X11Screen places windows on monitors and keeps them in front through
// the X server and the window manager's EWMH hints. It works under X11
// and XWayland (Fyne's windows are X11 windows there).
type X11Screen struct {
	conn  *xgb.Conn
	root  xproto.Window
	size  Rect
	randr bool
	xin   bool
	atoms map[string]xproto.Atom
}

// OpenX11Screen connects to $DISPLAY.
func OpenX11Screen() (*X11Screen, error) {
	if os.Getenv("DISPLAY") == "" {
		return nil, errors.New("no DISPLAY: not an X11 or XWayland session")
	}
	quietX11()
	conn, err := xgb.NewConn()
	if err != nil {
		return nil, fmt.Errorf("connecting to the X server %s: %w", os.Getenv("DISPLAY"), err)
	}
	scr := xproto.Setup(conn).DefaultScreen(conn)
	s := &X11Screen{conn: conn, root: scr.Root, size: Rect{0, 0, int(scr.WidthInPixels), int(scr.HeightInPixels)}, atoms: map[string]xproto.Atom{}}
	if randr.Init(conn) == nil {
		if v, err := randr.QueryVersion(conn, 1, 5).Reply(); err == nil && (v.MajorVersion > 1 || v.MinorVersion >= 5) {
			s.randr = true
		}
	}
	if xinerama.Init(conn) == nil {
		if a, err := xinerama.IsActive(conn).Reply(); err == nil && a.State != 0 {
			s.xin = true
		}
	}
	return s, nil
}

// Close ends the connection.
func (s *X11Screen) Close() { s.conn.Close() }

// Monitors lists the monitors, primary first: RandR 1.5 monitors (which
// include those made with `xrandr --setmonitor`), else Xinerama's
// screens, else the whole root window.
func (s *X11Screen) Monitors() []Rect {
	var out []Rect
	if s.randr {
		if r, err := randr.GetMonitors(s.conn, s.root, true).Reply(); err == nil {
			for _, m := range r.Monitors {
				rect := Rect{int(m.X), int(m.Y), int(m.Width), int(m.Height)}
				if m.Primary {
					out = append([]Rect{rect}, out...)
				} else {
					out = append(out, rect)
				}
			}
		}
	}
	if len(out) == 0 && s.xin {
		if r, err := xinerama.QueryScreens(s.conn).Reply(); err == nil {
			for _, m := range r.ScreenInfo {
				out = append(out, Rect{int(m.XOrg), int(m.YOrg), int(m.Width), int(m.Height)})
			}
		}
	}
	if len(out) == 0 {
		out = []Rect{s.size}
	}
	return out
}

// Pointer is where the pointer is on the screen.
func (s *X11Screen) Pointer() (x, y int, err error) {
	r, err := xproto.QueryPointer(s.conn, s.root).Reply()
	if err != nil {
		return 0, 0, fmt.Errorf("asking the X server where the pointer is: %w", err)
	}
	return int(r.RootX), int(r.RootY), nil
}

func (s *X11Screen) atom(name string) xproto.Atom {
	if a, ok := s.atoms[name]; ok {
		return a
	}
	r, err := xproto.InternAtom(s.conn, false, uint16(len(name)), name).Reply()
	if err != nil {
		return 0
	}
	s.atoms[name] = r.Atom
	return r.Atom
}

// message sends an EWMH client message about win to the root window (the
// window manager).
func (s *X11Screen) message(win uintptr, typ string, data ...uint32) error {
	d := make([]uint32, 5)
	copy(d, data)
	ev := xproto.ClientMessageEvent{Format: 32, Window: xproto.Window(win), Type: s.atom(typ), Data: xproto.ClientMessageDataUnionData32New(d)}
	return xproto.SendEventChecked(s.conn, false, s.root,
		xproto.EventMaskSubstructureNotify|xproto.EventMaskSubstructureRedirect, string(ev.Bytes())).Check()
}

// Place moves win to r's corner, and sizes it to r when size is true:
// through the window manager (_NET_MOVERESIZE_WINDOW) and directly (for a
// window manager without it, or none).
func (s *X11Screen) Place(win uintptr, r Rect, size bool) error {
	flags := uint32(1<<8 | 1<<9 | 2<<12) // x, y; from a pager-like source
	vals := []uint32{uint32(int32(r.X)), uint32(int32(r.Y))}
	mask := uint16(xproto.ConfigWindowX | xproto.ConfigWindowY)
	if size {
		flags |= 1<<10 | 1<<11
		vals = append(vals, uint32(r.W), uint32(r.H))
		mask |= xproto.ConfigWindowWidth | xproto.ConfigWindowHeight
	}
	err := s.message(win, "_NET_MOVERESIZE_WINDOW", append([]uint32{flags | 1}, vals...)...)
	if e := xproto.ConfigureWindowChecked(s.conn, xproto.Window(win), mask, vals).Check(); err == nil {
		err = e
	}
	return err
}

// state adds an EWMH _NET_WM_STATE to win.
func (s *X11Screen) state(win uintptr, name string) error {
	return s.message(win, "_NET_WM_STATE", 1, uint32(s.atom(name)), 0, 1)
}

// Fullscreen makes win full screen on the monitor it is on.
func (s *X11Screen) Fullscreen(win uintptr) error { return s.state(win, "_NET_WM_STATE_FULLSCREEN") }

// KeepAbove keeps win above other windows.
func (s *X11Screen) KeepAbove(win uintptr) error { return s.state(win, "_NET_WM_STATE_ABOVE") }

// Activate brings win to the front and gives it the focus (it maps a
// minimised window again).
func (s *X11Screen) Activate(win uintptr) error {
	xproto.MapWindow(s.conn, xproto.Window(win))
	err := s.message(win, "_NET_ACTIVE_WINDOW", 2, xproto.TimeCurrentTime, 0)
	xproto.ConfigureWindow(s.conn, xproto.Window(win), xproto.ConfigWindowStackMode, []uint32{xproto.StackModeAbove})
	return err
}

// Active is the window the window manager says is active (0 if none).
func (s *X11Screen) Active() (uintptr, error) {
	r, err := xproto.GetProperty(s.conn, false, s.root, s.atom("_NET_ACTIVE_WINDOW"), xproto.AtomWindow, 0, 1).Reply()
	if err != nil {
		return 0, fmt.Errorf("reading _NET_ACTIVE_WINDOW: %w", err)
	}
	if len(r.Value) < 4 {
		return 0, nil
	}
	return uintptr(xgb.Get32(r.Value)), nil
}
