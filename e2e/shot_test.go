//go:build e2e || wine

package e2e

import (
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// shotDir is where the screenshots go: $LIMBER_SHOTS or a folder in /tmp.
func shotDir(t *testing.T) string {
	d := os.Getenv("LIMBER_SHOTS")
	if d == "" {
		d = filepath.Join(os.TempDir(), "limber-e2e-shots")
	}
	if err := os.MkdirAll(d, 0o700); err != nil {
		t.Fatal(err)
	}
	return d
}

// screenshot saves the screen, or the part crop ("WxH+X+Y", "" for all),
// as name in shotDir and returns its path and image.
func screenshot(t *testing.T, name, crop string) (string, image.Image) {
	t.Helper()
	path := filepath.Join(shotDir(t), name)
	args := []string{"-window", "root"}
	if crop != "" {
		args = append(args, "-crop", crop, "+repage")
	}
	if out, err := exec.Command("import", append(args, path)...).CombinedOutput(); err != nil {
		t.Fatalf("import: %v %s", err, out)
	}
	os.Chmod(path, 0o600)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return path, img
}
