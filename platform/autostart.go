package platform

import (
	"errors"
	"io/fs"
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
	return GUIExecutable()
}

// ErrAutostartUnsupported is returned where no autostart mechanism exists.
var ErrAutostartUnsupported = errors.New("autostart is not supported on this system")

// enableAt writes the entry to the file path names (0600, directory 0700):
// the XDG desktop entry or the LaunchAgent.
func (a Autostart) enableAt(path func() (string, error)) error {
	p, err := path()
	if err != nil {
		return err
	}
	text, err := a.Entry()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return err
	}
	return WriteFileAtomic(p, []byte(text), 0o600)
}

// disableAt removes the entry file; none is not an error.
func disableAt(path func() (string, error)) error {
	p, err := path()
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
