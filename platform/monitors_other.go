//go:build windows || darwin

package platform

import "errors"

// Rect is an area of the screen in pixels.
type Rect struct{ X, Y, W, H int }

// X11Screen is X11 only.
type X11Screen struct{}

// OpenX11Screen is X11 only.
func OpenX11Screen() (*X11Screen, error) { return nil, errors.New("not an X11 system") }

// Close does nothing.
func (s *X11Screen) Close() {}

// Monitors is X11 only.
func (s *X11Screen) Monitors() []Rect { return nil }

// Pointer is X11 only.
func (s *X11Screen) Pointer() (int, int, error) { return 0, 0, errors.New("not an X11 system") }

// Place is X11 only.
func (s *X11Screen) Place(uintptr, Rect, bool) error { return nil }

// Fullscreen is X11 only.
func (s *X11Screen) Fullscreen(uintptr) error { return nil }

// KeepAbove is X11 only.
func (s *X11Screen) KeepAbove(uintptr) error { return nil }

// Activate is X11 only.
func (s *X11Screen) Activate(uintptr) error { return nil }

// Active is X11 only.
func (s *X11Screen) Active() (uintptr, error) { return 0, nil }

// Screen is what a break window needs to use every monitor.
type Screen interface {
	Monitors() []Rect
	Pointer() (x, y int, err error)
	Place(win uintptr, r Rect, size bool) error
	Fullscreen(win uintptr) error
	KeepAbove(win uintptr) error
	Activate(win uintptr) error
	Active() (uintptr, error)
	Close()
}

// OpenScreen is X11 only.
func OpenScreen() (Screen, error) { return nil, errors.New("not an X11 system") }
