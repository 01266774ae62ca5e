//go:build !((linux || freebsd || openbsd || netbsd) && !wayland && !android)

package ui

import "fyne.io/fyne/v2"

// watchMapped does nothing here: minimising is not followed.
func watchMapped(win fyne.Window, onChange func(mapped bool)) (stop func()) { return func() {} }
