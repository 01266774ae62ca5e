package platform

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// The state directory is worked out here only (journal uses it): XDG on
// every system but macOS, iOS and Windows, which keep it under the config
// directory.
func TestStateDirRule(t *testing.T) {
	conf := func() (string, error) { return "/conf", nil }
	noConf := func() (string, error) { return "", errors.New("no config dir") }
	cases := []struct {
		goos, xdg, home string
		conf            func() (string, error)
		want            string
		err             bool
	}{
		{"linux", "/x/state", "/home/a", conf, "/x/state/limber", false},
		{"linux", "", "/home/a", conf, "/home/a/.local/state/limber", false},
		{"linux", "relative/state", "/home/a", conf, "/home/a/.local/state/limber", false},
		{"netbsd", "", "/home/a", conf, "/home/a/.local/state/limber", false},
		{"dragonfly", "", "/home/a", conf, "/home/a/.local/state/limber", false},
		{"freebsd", "", "/home/a", noConf, "/home/a/.local/state/limber", false},
		{"linux", "", "", conf, "", true},
		{"darwin", "", "/Users/a", conf, "/conf/limber/state", false},
		{"ios", "", "/Users/a", conf, "/conf/limber/state", false},
		{"windows", "", `C:\Users\a`, conf, "/conf/limber/state", false},
		{"darwin", "/x/state", "/Users/a", conf, "/x/state/limber", false},
		{"windows", "", "", noConf, "", true},
	}
	for _, c := range cases {
		got, err := stateDirFor(c.goos, c.xdg, c.home, c.conf)
		if (err != nil) != c.err || got != filepath.FromSlash(c.want) {
			t.Errorf("%s XDG_STATE_HOME=%q HOME=%q: %q, %v; want %q (error %v)", c.goos, c.xdg, c.home, got, err, c.want, c.err)
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
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
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
