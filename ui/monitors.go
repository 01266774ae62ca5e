package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/i18n"
)

// Monitor is a monitor's area in screen pixels.
type Monitor struct{ X, Y, W, H int }

// Contains reports whether the point is on m.
func (m Monitor) Contains(x, y int) bool {
	return x >= m.X && y >= m.Y && x < m.X+m.W && y < m.Y+m.H
}

// Screens is what the break window needs of the window system to use
// every monitor; the platform gives one (X11 and XWayland through EWMH),
// and tests a fake. Windows are native window handles.
type Screens interface {
	Monitors() []Monitor // primary first
	Pointer() (x, y int, err error)
	Place(win uintptr, m Monitor, size bool) error
	Fullscreen(win uintptr) error
	KeepAbove(win uintptr) error
	Activate(win uintptr) error
	Active() (uintptr, error)
}

// MainMonitor is the monitor the break window opens on: the one with the
// pointer, else the first (the primary). It is -1 only with no monitors.
func MainMonitor(mons []Monitor, px, py int, pointer bool) int {
	if len(mons) == 0 {
		return -1
	}
	if pointer {
		for i, m := range mons {
			if m.Contains(px, py) {
				return i
			}
		}
	}
	return 0
}

// Centered is a w×h window centred on m, kept on it when larger.
func Centered(m Monitor, w, h int) Monitor {
	w, h = min(w, m.W), min(h, m.H)
	return Monitor{m.X + (m.W-w)/2, m.Y + (m.H-h)/2, w, h}
}

// WindowHandle is a Fyne window's native handle (the X11 window on X11
// and XWayland), or 0 before it is shown or on another system.
func WindowHandle(w fyne.Window) uintptr {
	var h uintptr
	if nw, ok := w.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if x, ok := ctx.(driver.X11WindowContext); ok {
				h = x.WindowHandle
			}
		})
	}
	return h
}

// Backdrop is the dimmed window over a monitor other than the break's,
// with the countdown.
type Backdrop struct {
	Win   fyne.Window
	Label *widget.Label
	On    Monitor
}

// Spread puts a break window on every monitor: the window on the
// monitor with the pointer (full screen there in full-screen mode), a
// dimmed backdrop with the countdown on each other one; in strict mode it
// keeps the window above the others and brings it back whenever another
// window takes the focus, until the countdown ends.
type Spread struct {
	app       fyne.App
	scr       Screens
	view      *BreakView
	strict    bool
	full      bool
	Main      Monitor
	Backdrops []*Backdrop
	lastCheck time.Time
	started   bool
	handle    func(fyne.Window) uintptr // WindowHandle; tests give their own
	// Raised counts the times strict mode brought the window back.
	Raised int
}

// NewSpread is the spread of v; Start places everything once v is shown.
func NewSpread(a fyne.App, v *BreakView, scr Screens, fullscreen, strict bool) *Spread {
	return &Spread{app: a, scr: scr, view: v, strict: strict, full: fullscreen, handle: WindowHandle}
}

// plan finds the monitors and where the pointer is now (a pre-started
// window is shown minutes after it was made) and makes a backdrop for
// each monitor but the break's.
func (s *Spread) plan() {
	mons := s.scr.Monitors()
	px, py, err := s.scr.Pointer()
	main := MainMonitor(mons, px, py, err == nil)
	if main < 0 {
		return
	}
	s.Main = mons[main]
	for i, m := range mons {
		if i != main {
			s.Backdrops = append(s.Backdrops, newBackdrop(s.app, m, s.view.opt.Kind, s.view.OnKey))
		}
	}
}

func newBackdrop(a fyne.App, m Monitor, kind string, onKey func(*fyne.KeyEvent)) *Backdrop {
	var w fyne.Window
	if d, ok := a.Driver().(desktop.Driver); ok {
		w = d.CreateSplashWindow() // no frame
	} else {
		w = a.NewWindow("")
	}
	w.SetTitle(i18n.L("breakview.window_title", i18n.Args{"Break": kindName(kind)}))
	l := widget.NewLabel("")
	l.Alignment = fyne.TextAlignCenter
	l.SizeName = "headingText"
	l.TextStyle.Bold = true
	bg := canvas.NewRectangle(color.NRGBA{R: 0x10, G: 0x12, B: 0x14, A: 0xf0})
	hint := widget.NewLabel(i18n.L("backdrop.hint"))
	hint.Alignment = fyne.TextAlignCenter
	w.SetContent(container.NewStack(bg, container.NewCenter(container.NewVBox(l, hint))))
	w.Canvas().SetOnTypedKey(onKey) // Enter, Esc, N work from here too
	w.Resize(fyne.NewSize(400, 200))
	return &Backdrop{Win: w, Label: l, On: m}
}

// Start shows a backdrop on each other monitor and places every window:
// call it once the break window is shown. With one monitor there are no
// backdrops.
func (s *Spread) Start() {
	if s.started {
		return
	}
	s.started = true
	s.plan()
	win := s.handle(s.view.win)
	if win != 0 {
		if s.full {
			s.scr.Place(win, s.Main, true)
			s.scr.Fullscreen(win)
		} else {
			sz := s.view.win.Canvas().Size()
			sc := s.view.win.Canvas().Scale()
			s.scr.Place(win, Centered(s.Main, int(sz.Width*sc), int(sz.Height*sc)), false)
		}
		if s.strict {
			s.scr.KeepAbove(win)
		}
	}
	for _, b := range s.Backdrops {
		b.Win.Show()
		if h := s.handle(b.Win); h != 0 {
			s.scr.Place(h, b.On, true)
			s.scr.Fullscreen(h)
			if s.strict {
				s.scr.KeepAbove(h)
			}
		}
	}
	if win != 0 {
		s.scr.Activate(win)
	}
	s.view.win.RequestFocus()
}

// Tick updates the backdrops' countdown and, in strict mode, brings the
// break window back (at most once a second) when another window is
// active, until the countdown ends.
func (s *Spread) Tick(left time.Duration) {
	text := i18n.L("backdrop.left", i18n.Args{"Time": (&Ring{Left: max(left, 0)}).Text()})
	if left <= 0 {
		text = i18n.L("backdrop.complete")
	}
	for _, b := range s.Backdrops {
		if b.Label.Text != text {
			b.Label.SetText(text)
		}
	}
	if s.view.closed {
		return
	}
	now := s.view.opt.Now()
	if now.Sub(s.lastCheck) < time.Second {
		return
	}
	s.lastCheck = now
	if s.strict && !s.view.Ended() {
		s.Hold()
		return
	}
	// A backdrop has nothing to do: if it has the focus (a window manager
	// that focuses each new window, or a click on it), the break gets it
	// back, so that its keys work.
	if win := s.handle(s.view.win); win != 0 {
		if act, err := s.scr.Active(); err == nil && act != win && s.isBackdrop(act) {
			s.scr.Activate(win)
		}
	}
}

// isBackdrop reports whether the native window h is one of the backdrops.
func (s *Spread) isBackdrop(h uintptr) bool {
	for _, b := range s.Backdrops {
		if s.handle(b.Win) == h {
			return true
		}
	}
	return false
}

// Hold brings the break window back if another window is active (strict
// mode, before the countdown ends).
func (s *Spread) Hold() {
	if !s.strict || s.view.Ended() || s.view.closed {
		return
	}
	win := s.handle(s.view.win)
	if win == 0 {
		return
	}
	if act, err := s.scr.Active(); err == nil && act != win {
		s.scr.Activate(win)
		s.Raised++
	}
}

// Close closes the backdrops.
func (s *Spread) Close() {
	for _, b := range s.Backdrops {
		b.Win.Close()
	}
	s.Backdrops = nil
}
