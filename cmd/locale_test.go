package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildLimber builds the real binary once per test that needs it.
func buildLimber(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "limber")
	out, err := exec.Command("go", "build", "-o", bin, "..").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// Defect 23: under a C locale no command prints Fyne's locale errors.
func TestCLocaleNoFyneErrors(t *testing.T) {
	bin := buildLimber(t)
	dir := t.TempDir()
	base := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_CONFIG_HOME=" + dir, "XDG_STATE_HOME=" + dir,
		"XDG_RUNTIME_DIR=" + dir, "LIMBER_SOCKET=" + filepath.Join(dir, "none.sock")}
	for _, c := range []struct {
		env  []string
		args []string
	}{
		{[]string{"LANG=C.UTF-8"}, []string{"status"}},
		{[]string{"LANG=C"}, []string{"--version"}},
		{[]string{"LANG=C.UTF-8"}, []string{"--version"}},
		{[]string{"LC_ALL=C.UTF-8", "LANG=en_GB.UTF-8"}, []string{"status"}},
		{[]string{"LANG=POSIX.UTF-8"}, []string{"content", "list"}},
	} {
		cmd := exec.Command(bin, c.args...)
		cmd.Env = append(append([]string{}, base...), c.env...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		cmd.Run() // status exits 3 with no agent: only stderr matters
		if strings.Contains(stderr.String(), "Fyne") {
			t.Errorf("%v limber %v printed:\n%s", c.env, c.args, stderr.String())
		}
	}
}
