package journal

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
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

func TestStateDirFallsBackToHome(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" || runtime.GOOS == "ios" {
		t.Skip("this system keeps state under os.UserConfigDir")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	for _, xdg := range []string{"", "relative/state"} { // a relative XDG path is invalid and ignored
		t.Setenv("XDG_STATE_HOME", xdg)
		got, err := stateDir()
		if err != nil {
			t.Fatal(err)
		}
		if want := filepath.Join(home, ".local", "state", "limber"); got != want {
			t.Errorf("XDG_STATE_HOME=%q: stateDir() = %q, want %q", xdg, got, want)
		}
	}
}
