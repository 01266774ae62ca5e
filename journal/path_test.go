package journal

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/limberapp/limber/platform"
)

func TestDefaultPathUsesXDGStateHome(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state")
	t.Setenv("XDG_STATE_HOME", state)
	got, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(state, "limber", "journal.jsonl")
	if got != want {
		t.Fatalf("DefaultPath() = %q, want %q", got, want)
	}
	fi, err := os.Stat(filepath.Dir(got))
	if err != nil {
		t.Fatalf("DefaultPath did not create the directory: %v", err)
	}
	if perm := fi.Mode().Perm(); perm != 0o700 {
		t.Errorf("state directory mode = %o, want 700", perm)
	}
}

func TestDefaultPathFallsBackToHome(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" || runtime.GOOS == "ios" {
		t.Skip("this system keeps state under os.UserConfigDir")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	for _, xdg := range []string{"", "relative/state"} { // a relative XDG path is invalid and ignored
		t.Setenv("XDG_STATE_HOME", xdg)
		got, err := DefaultPath()
		if err != nil {
			t.Fatal(err)
		}
		if want := filepath.Join(home, ".local", "state", "limber", FileName); got != want {
			t.Errorf("XDG_STATE_HOME=%q: DefaultPath() = %q, want %q", xdg, got, want)
		}
	}
}

// The journal lives in the one state directory platform works out.
func TestDefaultPathIsInPlatformStateDir(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", filepath.Join(t.TempDir(), "s"))
	dir, err := platform.StateDir()
	if err != nil {
		t.Fatal(err)
	}
	if got, err := DefaultPath(); err != nil || got != filepath.Join(dir, FileName) {
		t.Fatalf("DefaultPath() = %q, %v; want it in %s", got, err, dir)
	}
}
