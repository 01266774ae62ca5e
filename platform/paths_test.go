package platform

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// env is a getenv over a fixed map.
func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

// A Windows user's environment as Windows sets it.
var winEnv = map[string]string{
	"APPDATA":      `C:\Users\a\AppData\Roaming`,
	"LOCALAPPDATA": `C:\Users\a\AppData\Local`,
	"ProgramData":  `C:\ProgramData`,
	"TEMP":         `C:\Users\a\AppData\Local\Temp`,
}

// The state directory is worked out here only (journal uses it): XDG on
// every system but macOS, iOS and Windows; macOS and iOS keep it under the
// config directory, Windows in %LOCALAPPDATA%\Limber.
func TestStateDirRule(t *testing.T) {
	conf := func() (string, error) { return "/conf", nil }
	noConf := func() (string, error) { return "", errors.New("no config dir") }
	cases := []struct {
		goos string
		env  map[string]string
		home string
		conf func() (string, error)
		want string
		err  bool
	}{
		{"linux", map[string]string{"XDG_STATE_HOME": "/x/state"}, "/home/a", conf, "/x/state/limber", false},
		{"linux", nil, "/home/a", conf, "/home/a/.local/state/limber", false},
		{"linux", map[string]string{"XDG_STATE_HOME": "relative/state"}, "/home/a", conf, "/home/a/.local/state/limber", false},
		{"linux", winEnv, "/home/a", conf, "/home/a/.local/state/limber", false},
		{"netbsd", nil, "/home/a", conf, "/home/a/.local/state/limber", false},
		{"dragonfly", nil, "/home/a", conf, "/home/a/.local/state/limber", false},
		{"freebsd", nil, "/home/a", noConf, "/home/a/.local/state/limber", false},
		{"linux", nil, "", conf, "", true},
		{"darwin", nil, "/Users/a", conf, "/conf/limber/state", false},
		{"ios", nil, "/Users/a", conf, "/conf/limber/state", false},
		{"darwin", map[string]string{"XDG_STATE_HOME": "/x/state"}, "/Users/a", conf, "/x/state/limber", false},
		{"windows", winEnv, `C:\Users\a`, noConf, `C:\Users\a\AppData\Local\Limber`, false},
		// A Unix path (a Linux variable seen under Wine) is not absolute on Windows.
		{"windows", map[string]string{"XDG_STATE_HOME": "/root/.local/state", "LOCALAPPDATA": `C:\L`}, "", conf, `C:\L\Limber`, false},
		{"windows", map[string]string{"XDG_STATE_HOME": `D:\state`, "LOCALAPPDATA": `C:\L`}, "", conf, `D:\state\limber`, false},
		{"windows", nil, `C:\Users\a`, conf, "", true},
		{"windows", map[string]string{"LOCALAPPDATA": `AppData\Local`}, `C:\Users\a`, conf, "", true},
	}
	for _, c := range cases {
		got, err := stateDirFor(c.goos, env(c.env), c.home, c.conf)
		want := c.want
		if (err != nil) != c.err || got != want {
			t.Errorf("%s env %v HOME=%q: %q, %v; want %q (error %v)", c.goos, c.env, c.home, got, err, want, c.err)
		}
		if err != nil && c.goos == "windows" && !strings.Contains(err.Error(), "LOCALAPPDATA") {
			t.Errorf("%s env %v: the error %q does not name LOCALAPPDATA", c.goos, c.env, err)
		}
	}
}

// Config in %APPDATA%\Limber (roaming), runtime files (the lock) in
// %LOCALAPPDATA%\Limber\run; XDG variables win when absolute for the system.
func TestConfigAndRuntimeDirRules(t *testing.T) {
	ucd := func() (string, error) { return "/home/a/.config", nil }
	for _, c := range []struct {
		goos string
		env  map[string]string
		want string
		err  bool
	}{
		{"linux", nil, "/home/a/.config/limber", false},
		{"linux", map[string]string{"XDG_CONFIG_HOME": "/x"}, "/x/limber", false},
		{"linux", winEnv, "/home/a/.config/limber", false},
		{"windows", winEnv, `C:\Users\a\AppData\Roaming\Limber`, false},
		{"windows", map[string]string{"APPDATA": `C:\R\`}, `C:\R\Limber`, false},
		{"windows", map[string]string{"APPDATA": `\\server\home\a`}, `\\server\home\a\Limber`, false},
		{"windows", map[string]string{"XDG_CONFIG_HOME": "/root/.config", "APPDATA": `C:\R`}, `C:\R\Limber`, false},
		{"windows", map[string]string{}, "", true},
	} {
		got, err := configDirFor(c.goos, env(c.env), ucd)
		if (err != nil) != c.err || got != c.want {
			t.Errorf("config dir %s %v: %q %v; want %q (error %v)", c.goos, c.env, got, err, c.want, c.err)
		}
		if err != nil && !strings.Contains(err.Error(), "APPDATA") {
			t.Errorf("config dir %s %v: the error %q does not name APPDATA", c.goos, c.env, err)
		}
	}
	for _, c := range []struct {
		goos string
		env  map[string]string
		tmp  string
		want string
	}{
		{"linux", map[string]string{"XDG_RUNTIME_DIR": "/run/user/1000"}, "/tmp", "/run/user/1000/limber"},
		{"linux", winEnv, "/tmp", "/tmp/limber-1000"},
		{"windows", winEnv, `C:\T`, `C:\Users\a\AppData\Local\Limber\run`},
		{"windows", map[string]string{"XDG_RUNTIME_DIR": "/run/user/0"}, `C:\T`, `C:\T\limber-1000`},
	} {
		if got := runtimeDirFor(c.goos, env(c.env), c.tmp, 1000); got != c.want {
			t.Errorf("runtime dir %s %v: %q, want %q", c.goos, c.env, got, c.want)
		}
	}
}

func TestStateDirIsCreatedPrivate(t *testing.T) {
	base := t.TempDir()
	t.Setenv("XDG_STATE_HOME", base)
	dir, err := StateDir()
	if err != nil || dir != filepath.Join(base, AppName) {
		t.Fatalf("StateDir = %q, %v", dir, err)
	}
	if fi, err := os.Stat(dir); err != nil || runtime.GOOS != "windows" && fi.Mode().Perm() != 0o700 {
		t.Fatalf("%v %v", fi, err)
	}
	if runtime.GOOS != "windows" {
		t.Setenv("XDG_STATE_HOME", "")
		t.Setenv("HOME", "")
		if _, err := StateDir(); err == nil {
			t.Fatal("no HOME and no XDG_STATE_HOME should be an error")
		}
	}
}
