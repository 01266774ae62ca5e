package platform

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// AppName is the name used for directories and notifications.
const AppName = "limber"

// ConfigFile chooses the config file: the --config flag, then
// $LIMBER_CONFIG, then $XDG_CONFIG_HOME/limber/config.toml
// (os.UserConfigDir elsewhere).
func ConfigFile(flag string) (string, error) {
	if flag != "" {
		return filepath.Abs(flag)
	}
	if p := os.Getenv("LIMBER_CONFIG"); p != "" {
		return filepath.Abs(p)
	}
	dir, err := ConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "config.toml"), nil
}

// ConfigDir is $XDG_CONFIG_HOME/limber (os.UserConfigDir()/limber elsewhere).
func ConfigDir() (string, error) {
	if x := os.Getenv("XDG_CONFIG_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, AppName), nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no config directory: %w", err)
	}
	return filepath.Join(base, AppName), nil
}

// StateDir is Limber's state directory, created with mode 0700: the one
// place it is worked out (journal, store and the agent use it).
// $XDG_STATE_HOME/limber when that is an absolute path, otherwise
// ~/.local/state/limber, or on macOS, iOS and Windows (which have no state
// directory of their own) os.UserConfigDir()/limber/state.
func StateDir() (string, error) {
	home, _ := os.UserHomeDir()
	dir, err := stateDirFor(runtime.GOOS, os.Getenv("XDG_STATE_HOME"), home, os.UserConfigDir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("creating the state directory: %w", err)
	}
	return dir, nil
}

// stateDirFor is StateDir's rule for goos, given $XDG_STATE_HOME, the home
// directory ("" when unknown) and os.UserConfigDir.
func stateDirFor(goos, xdg, home string, configDir func() (string, error)) (string, error) {
	if xdg != "" && filepath.IsAbs(xdg) {
		return filepath.Join(xdg, AppName), nil
	}
	switch goos {
	case "darwin", "ios", "windows":
		base, err := configDir()
		if err != nil {
			return "", fmt.Errorf("finding the state directory: %w", err)
		}
		return filepath.Join(base, AppName, "state"), nil
	}
	if home == "" {
		return "", errors.New("finding the state directory: neither XDG_STATE_HOME nor HOME is set")
	}
	return filepath.Join(home, ".local", "state", AppName), nil
}

// RuntimeDir is $XDG_RUNTIME_DIR/limber, falling back to a per-user
// directory under os.TempDir; created with mode 0700. What is found there
// already must be a directory (not a symlink) we own with mode 0700, or
// RuntimeDir fails with an error naming it (see checkPrivateDir).
func RuntimeDir() (string, error) {
	var dir string
	if x := os.Getenv("XDG_RUNTIME_DIR"); x != "" && filepath.IsAbs(x) {
		dir = filepath.Join(x, AppName)
		if err := os.MkdirAll(x, 0o700); err != nil {
			return "", err
		}
	} else {
		dir = filepath.Join(os.TempDir(), fmt.Sprintf("%s-%d", AppName, os.Getuid()))
	}
	// Mkdir, not MkdirAll: MkdirAll is content with a symlink to a
	// directory. Whatever is there already is checked without following it.
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", err
	}
	if err := checkPrivateDir(dir); err != nil {
		return "", err
	}
	return dir, nil
}

// maxSocketPath is the longest path a unix socket can have (sun_path is
// 108 bytes on Linux, 104 on macOS and the BSDs, with its final NUL).
const maxSocketPath = 103

// socketIn is the control socket's path in dir, or an error that says why
// it cannot be there.
func socketIn(dir string) (string, error) {
	p := filepath.Join(dir, "agent.sock")
	if len(p) > maxSocketPath {
		return "", fmt.Errorf("the control socket %s would be %d bytes long, more than the %d a socket path can have: set XDG_RUNTIME_DIR to a shorter folder", p, len(p), maxSocketPath)
	}
	return p, nil
}
