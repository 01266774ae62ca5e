//go:build !((linux || freebsd || openbsd || netbsd) && !wayland && !android)

package ui

import "fyne.io/fyne/v2"

// createHidden is possible only with X11 (see warm_hidden_x11.go): here
// a pre-started window is made at its Show.
func createHidden(fyne.Window, *createHook) (release func(), ok bool) { return nil, false }
