//go:build !windows

package platform

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// fallbackRuntime points RuntimeDir at its fallback under a fresh TMPDIR.
func fallbackRuntime(t *testing.T) (tmp, dir string) {
	t.Helper()
	tmp = t.TempDir()
	t.Setenv("XDG_RUNTIME_DIR", "")
	t.Setenv("TMPDIR", tmp)
	return tmp, filepath.Join(tmp, AppName+"-"+strconv.Itoa(os.Getuid()))
}

func TestRuntimeDirFallbackIsCreatedPrivate(t *testing.T) {
	_, want := fallbackRuntime(t)
	dir, err := RuntimeDir()
	if err != nil || dir != want {
		t.Fatalf("RuntimeDir = %q, %v; want %q", dir, err, want)
	}
	if fi, err := os.Lstat(dir); err != nil || !fi.IsDir() || fi.Mode().Perm() != 0o700 {
		t.Fatalf("%v %v", fi, err)
	}
	if again, err := RuntimeDir(); err != nil || again != dir {
		t.Fatalf("second call: %q %v", again, err)
	}
}

// Defect 19: someone plants a symlink at the fallback path, pointing at a
// directory of their choosing (here one of ours, so that Stat would pass):
// RuntimeDir refuses it, names it, and does not chmod what it points at.
func TestRuntimeDirRefusesAPlantedSymlink(t *testing.T) {
	tmp, dir := fallbackRuntime(t)
	target := filepath.Join(tmp, "elsewhere")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, dir); err != nil {
		t.Fatal(err)
	}
	got, err := RuntimeDir()
	if err == nil || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "symlink") {
		t.Fatalf("RuntimeDir = %q, %v; want an error naming %s as a symlink", got, err, dir)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o755 {
		t.Fatalf("the symlink's target was changed to %v", fi.Mode().Perm())
	}
	if _, err := SocketPath(); err == nil {
		t.Fatal("SocketPath accepted the planted symlink")
	}
}

// Defect 19: a directory that is ours but open to others (0777) may have
// been used by someone else meanwhile: refused, not tightened.
func TestRuntimeDirRefusesAnOpenDirectory(t *testing.T) {
	_, dir := fallbackRuntime(t)
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	_, err := RuntimeDir()
	if err == nil || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "777") {
		t.Fatalf("err %v; want one naming %s and its mode", err, dir)
	}
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o777 {
		t.Fatalf("mode changed to %v", fi.Mode().Perm())
	}
}

// A plain file at the path is refused too.
func TestRuntimeDirRefusesAFile(t *testing.T) {
	_, dir := fallbackRuntime(t)
	if err := os.WriteFile(dir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := RuntimeDir(); err == nil || !strings.Contains(err.Error(), dir) {
		t.Fatalf("err %v", err)
	}
}
