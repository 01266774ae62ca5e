package platform

import (
	"errors"
	"os"
	"path/filepath"
)

// AppID is the desktop application id.
const AppID = "org.limber.Limber"

// Autostart is "start Limber when I log in": enable writes the per-user
// entry for the desktop (XDG autostart on Linux, a LaunchAgent on macOS,
// the Run key on Windows); disable removes it.
type Autostart struct {
	// Exe is the program to start; empty means this executable.
	Exe string
}

func (a Autostart) exe() (string, error) {
	if a.Exe != "" {
		return a.Exe, nil
	}
	p, err := os.Executable()
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(p)
}

// ErrAutostartUnsupported is returned where no autostart mechanism exists.
var ErrAutostartUnsupported = errors.New("autostart is not supported on this system")
