//go:build windows || darwin || wayland

package platform

// WindowProblem is nil: windows open wherever the desktop runs.
func WindowProblem() error { return nil }
