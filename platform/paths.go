package platform

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
)

// AppName is the name used for directories and notifications.
const AppName = "limber"

// winAppName names Limber's folders on Windows, where folders are
// capitalised (%APPDATA%\Limber).
const winAppName = "Limber"

// ConfigFile chooses the config file: the --config flag, then
// $LIMBER_CONFIG, then config.toml in ConfigDir.
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

// ConfigDir is $XDG_CONFIG_HOME/limber when that is an absolute path,
// otherwise %APPDATA%\Limber on Windows and os.UserConfigDir()/limber
// elsewhere.
func ConfigDir() (string, error) {
	return configDirFor(runtime.GOOS, os.Getenv, os.UserConfigDir)
}

// configDirFor is ConfigDir's rule for goos, given the environment and
// os.UserConfigDir.
func configDirFor(goos string, getenv func(string) string, userConfigDir func() (string, error)) (string, error) {
	if x := getenv("XDG_CONFIG_HOME"); x != "" && isAbsFor(goos, x) {
		return joinFor(goos, x, AppName), nil
	}
	if goos == "windows" {
		a := getenv("APPDATA")
		if !isAbsFor(goos, a) {
			return "", fmt.Errorf("no config directory: %%APPDATA%% is %q, expected an absolute folder such as C:\\Users\\you\\AppData\\Roaming", a)
		}
		return joinFor(goos, a, winAppName), nil
	}
	base, err := userConfigDir()
	if err != nil {
		return "", fmt.Errorf("no config directory: %w", err)
	}
	return joinFor(goos, base, AppName), nil
}

// StateDir is Limber's state directory, created with mode 0700: the one
// place it is worked out (journal, store and the agent use it).
// $XDG_STATE_HOME/limber when that is an absolute path, otherwise
// ~/.local/state/limber; on Windows %LOCALAPPDATA%\Limber (state is local
// to the machine, not roaming); on macOS and iOS, which have no state
// directory of their own, os.UserConfigDir()/limber/state.
func StateDir() (string, error) {
	home, _ := os.UserHomeDir()
	dir, err := stateDirFor(runtime.GOOS, os.Getenv, home, os.UserConfigDir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("creating the state directory: %w", err)
	}
	return dir, nil
}

// stateDirFor is StateDir's rule for goos, given the environment, the home
// directory ("" when unknown) and os.UserConfigDir.
func stateDirFor(goos string, getenv func(string) string, home string, configDir func() (string, error)) (string, error) {
	if xdg := getenv("XDG_STATE_HOME"); xdg != "" && isAbsFor(goos, xdg) {
		return joinFor(goos, xdg, AppName), nil
	}
	switch goos {
	case "windows":
		l := getenv("LOCALAPPDATA")
		if !isAbsFor(goos, l) {
			return "", fmt.Errorf("finding the state directory: %%LOCALAPPDATA%% is %q, expected an absolute folder such as C:\\Users\\you\\AppData\\Local", l)
		}
		return joinFor(goos, l, winAppName), nil
	case "darwin", "ios":
		base, err := configDir()
		if err != nil {
			return "", fmt.Errorf("finding the state directory: %w", err)
		}
		return joinFor(goos, base, AppName, "state"), nil
	}
	if home == "" {
		return "", errors.New("finding the state directory: neither XDG_STATE_HOME nor HOME is set")
	}
	return joinFor(goos, home, ".local", "state", AppName), nil
}

// RuntimeDir is $XDG_RUNTIME_DIR/limber, falling back to a per-user
// directory under os.TempDir (on Windows %LOCALAPPDATA%\Limber\run);
// created with mode 0700. What is found there already must be a directory
// (not a symlink) we own with mode 0700, or RuntimeDir fails with an error
// naming it (see checkPrivateDir).
func RuntimeDir() (string, error) {
	x := os.Getenv("XDG_RUNTIME_DIR")
	dir := runtimeDirFor(runtime.GOOS, os.Getenv, os.TempDir(), os.Getuid())
	if x != "" && isAbsFor(runtime.GOOS, x) {
		if err := os.MkdirAll(x, 0o700); err != nil {
			return "", err
		}
	}
	if runtime.GOOS == "windows" {
		// The parent, %LOCALAPPDATA%\Limber, may not exist yet.
		if err := os.MkdirAll(filepath.Dir(dir), 0o700); err != nil {
			return "", err
		}
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

// runtimeDirFor is RuntimeDir's rule for goos, given the environment,
// os.TempDir and the user id.
func runtimeDirFor(goos string, getenv func(string) string, tmp string, uid int) string {
	if x := getenv("XDG_RUNTIME_DIR"); x != "" && isAbsFor(goos, x) {
		return joinFor(goos, x, AppName)
	}
	if l := getenv("LOCALAPPDATA"); goos == "windows" && isAbsFor(goos, l) {
		return joinFor(goos, l, winAppName, "run")
	}
	return joinFor(goos, tmp, fmt.Sprintf("%s-%d", AppName, uid))
}

// isAbsFor is filepath.IsAbs for goos: on Windows a drive letter and a
// separator (C:\…) or a UNC path (\\server\share).
func isAbsFor(goos, p string) bool {
	if goos != "windows" {
		return strings.HasPrefix(p, "/")
	}
	if strings.HasPrefix(p, `\\`) || strings.HasPrefix(p, "//") {
		return true
	}
	return len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') &&
		('a' <= p[0] && p[0] <= 'z' || 'A' <= p[0] && p[0] <= 'Z')
}

// joinFor is filepath.Join for goos, so each system's rules can be
// tested on any other.
func joinFor(goos string, base string, elem ...string) string {
	all := append([]string{base}, elem...)
	switch {
	case goos != "windows":
		return path.Join(all...)
	case runtime.GOOS == "windows":
		return filepath.Join(all...)
	}
	return strings.Join(append([]string{strings.TrimRight(base, `\/`)}, elem...), `\`)
}
