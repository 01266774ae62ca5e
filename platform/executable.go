package platform

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// GUIExecutable is the program to start for the agent and its views:
// this executable, except that on Windows limber.com (the console build
// that cmd and PowerShell run for `limber …`) names limber.exe beside it
// (the GUI build) when that exists, so that views, the Run key and the
// wizard get no console window of their own.
func GUIExecutable() (string, error) {
	p, err := os.Executable()
	if err != nil {
		return "", err
	}
	if q, err := filepath.EvalSymlinks(p); err == nil {
		p = q
	}
	return guiSibling(runtime.GOOS, p, func(f string) bool {
		st, err := os.Stat(f)
		return err == nil && st.Mode().IsRegular()
	}), nil
}

// guiSibling is path's .exe sibling when goos is windows, path ends in
// .com (any case) and exists says the sibling is there; otherwise path.
func guiSibling(goos, path string, exists func(string) bool) string {
	if goos != "windows" || !strings.EqualFold(filepath.Ext(path), ".com") {
		return path
	}
	exe := path[:len(path)-len(".com")] + ".exe"
	if !exists(exe) {
		return path
	}
	return exe
}
