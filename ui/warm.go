//go:build !android && !ios && !wasm && !js && !mobile

package ui

import "github.com/go-gl/glfw/v3.3/glfw"

// WarmGL loads the GL driver before a pre-started window is first shown:
// it makes a GL context current on a hidden 1×1 window of its own and
// throws the window away. Fyne creates a window's native window and GL
// context only at its first Show; with software rendering (Mesa's
// llvmpipe) loading the driver was some 40–100 ms of that. Call it on
// Fyne's goroutine once the app runs (the lifecycle's OnStarted), never
// for a window shown at once. The window hints are left at their
// defaults, as Fyne expects them.
func WarmGL() {
	glfw.DefaultWindowHints()
	defer glfw.DefaultWindowHints()
	glfw.WindowHint(glfw.Visible, glfw.False)
	glfw.WindowHint(glfw.ContextVersionMajor, 2)
	glfw.WindowHint(glfw.ContextVersionMinor, 1)
	w, err := glfw.CreateWindow(1, 1, "", nil, nil)
	if err != nil {
		return // the window's own Show reports what is wrong
	}
	w.MakeContextCurrent()
	glfw.DetachCurrentContext()
	w.Destroy()
}
