//go:build !windows && !darwin

package platform

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestAutostartRoundTripAndValidEntry(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	a := Autostart{Exe: "/opt/my apps/limber"}
	if on, _ := a.Enabled(); on {
		t.Fatal("enabled before enable")
	}
	if err := a.Enable(); err != nil {
		t.Fatal(err)
	}
	p, _ := a.Path()
	st, err := os.Stat(p)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("entry %s: %v %v", p, st, err)
	}
	b, _ := os.ReadFile(p)
	if !strings.Contains(string(b), `Exec="/opt/my apps/limber"`) {
		t.Fatalf("Exec line should quote the path:\n%s", b)
	}
	if on, _ := a.Enabled(); !on {
		t.Fatal("not enabled after enable")
	}
	if v, err := exec.LookPath("desktop-file-validate"); err == nil {
		if out, err := exec.Command(v, p).CombinedOutput(); err != nil || len(strings.TrimSpace(string(out))) > 0 {
			t.Fatalf("desktop-file-validate: %v\n%s", err, out)
		}
	} else if os.Getenv("CI") != "" {
		t.Fatal("desktop-file-validate is missing (package desktop-file-utils)")
	}
	if err := a.Disable(); err != nil {
		t.Fatal(err)
	}
	if on, _ := a.Enabled(); on {
		t.Fatal("enabled after disable")
	}
	if err := a.Disable(); err != nil {
		t.Fatal("disabling twice should be fine:", err)
	}
	if _, err := os.Stat(filepath.Dir(p)); err != nil {
		t.Fatal(err)
	}
}
