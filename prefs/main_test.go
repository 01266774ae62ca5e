package prefs

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestMain keeps the tests hermetic: whatever the machine has in
// /etc/xdg/limber or $XDG_CONFIG_DIRS, and whatever LIMBER_* variables the
// shell exports, a test that leaves Options.SystemFiles or Options.Environ
// nil sees no administrator's file and no overrides.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "limber-prefs-xdg-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Setenv("XDG_CONFIG_DIRS", dir) // empty: no limber/config.toml
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, EnvPrefix+"_") {
			os.Unsetenv(name)
		}
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
