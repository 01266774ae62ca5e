//go:build windows

package platform

import (
	"os"
	"testing"

	"golang.org/x/sys/windows/registry"
)

// Enable writes HKCU\…\Run\Limber with the quoted program (a path with
// spaces, as under Program Files), Disable removes it, twice is fine.
func TestAutostartRunKeyRoundTrip(t *testing.T) {
	a := Autostart{Exe: `C:\Program Files\Limber\limber.exe`}
	if on, _ := a.Enabled(); on {
		t.Skip("Limber already starts at login for this user: not touching the real entry")
	}
	defer a.Disable()
	if err := a.Enable(); err != nil {
		t.Fatal(err)
	}
	k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.QUERY_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	v, _, err := k.GetStringValue("Limber")
	k.Close()
	if err != nil || v != `"C:\Program Files\Limber\limber.exe"` {
		t.Fatalf("Run value %q, %v", v, err)
	}
	if on, _ := a.Enabled(); !on {
		t.Fatal("not enabled after Enable")
	}
	for i := 0; i < 2; i++ {
		if err := a.Disable(); err != nil {
			t.Fatalf("Disable #%d: %v", i+1, err)
		}
	}
	if on, _ := a.Enabled(); on {
		t.Fatal("still enabled after Disable")
	}
}

// The folders follow the Windows environment: what Wine or Windows sets.
func TestWindowsFoldersFromTheEnvironment(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("XDG_STATE_HOME", "")
	t.Setenv("XDG_RUNTIME_DIR", "")
	// Not t.TempDir: under Wine, Go's RemoveAll fails on folders
	// ("unlinkat …: Invalid function", Wine lacks the POSIX-semantics
	// delete it uses) and fails the test in cleanup.
	base, err := os.MkdirTemp("", "limber-folders-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(base)
	t.Setenv("APPDATA", base+`\Roaming`)
	t.Setenv("LOCALAPPDATA", base+`\Local`)
	if d, err := ConfigDir(); err != nil || d != base+`\Roaming\Limber` {
		t.Fatalf("ConfigDir = %q, %v", d, err)
	}
	if d, err := StateDir(); err != nil || d != base+`\Local\Limber` {
		t.Fatalf("StateDir = %q, %v", d, err)
	}
	if d, err := RuntimeDir(); err != nil || d != base+`\Local\Limber\run` {
		t.Fatalf("RuntimeDir = %q, %v", d, err)
	}
}
