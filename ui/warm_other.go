//go:build android || ios || wasm || js || mobile

package ui

// WarmGL does nothing where Fyne does not drive GLFW windows.
func WarmGL() {}
