package platform

import (
	"fmt"
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

// StateDir is $XDG_STATE_HOME/limber (~/.local/state/limber on Linux,
// os.UserConfigDir()/limber/state elsewhere), created with mode 0700.
func StateDir() (string, error) {
	var dir string
	if x := os.Getenv("XDG_STATE_HOME"); x != "" && filepath.IsAbs(x) {
		dir = filepath.Join(x, AppName)
	} else if runtime.GOOS == "linux" || runtime.GOOS == "freebsd" || runtime.GOOS == "openbsd" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no state directory: %w", err)
		}
		dir = filepath.Join(home, ".local", "state", AppName)
	} else {
		base, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("no state directory: %w", err)
		}
		dir = filepath.Join(base, AppName, "state")
	}
	return dir, os.MkdirAll(dir, 0o700)
}

// RuntimeDir is $XDG_RUNTIME_DIR/limber, falling back to a per-user
// directory under os.TempDir; created with mode 0700 and checked to be ours.
func RuntimeDir() (string, error) {
	var dir string
	if x := os.Getenv("XDG_RUNTIME_DIR"); x != "" && filepath.IsAbs(x) {
		dir = filepath.Join(x, AppName)
	} else {
		dir = filepath.Join(os.TempDir(), fmt.Sprintf("%s-%d", AppName, os.Getuid()))
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	if err := checkPrivateDir(dir); err != nil {
		return "", err
	}
	return dir, nil
}

// SocketPath is where the agent's control socket lives.
func SocketPath() (string, error) {
	dir, err := RuntimeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "agent.sock"), nil
}
