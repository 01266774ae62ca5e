package journal

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// FileName is the journal's name inside the state directory.
const FileName = "journal.jsonl"

// stateDir returns Limber's state directory without creating it:
// $XDG_STATE_HOME/limber when that is set to an absolute path, otherwise
// ~/.local/state/limber, or on macOS and Windows (which have no state
// directory of their own) os.UserConfigDir()/limber/state.
func stateDir() (string, error) {
	if x := os.Getenv("XDG_STATE_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "limber"), nil
	}
	switch runtime.GOOS {
	case "darwin", "ios", "windows":
		base, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("finding the state directory: %w", err)
		}
		return filepath.Join(base, "limber", "state"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("finding the state directory: neither XDG_STATE_HOME nor HOME is usable: %w", err)
	}
	if home == "" {
		return "", errors.New("finding the state directory: neither XDG_STATE_HOME nor HOME is set")
	}
	return filepath.Join(home, ".local", "state", "limber"), nil
}

// DefaultPath returns the journal's usual path, creating its directory
// (mode 0700) if it is missing.
func DefaultPath() (string, error) {
	dir, err := stateDir()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("creating the state directory: %w", err)
	}
	return filepath.Join(dir, FileName), nil
}
