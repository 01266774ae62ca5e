//go:build !windows && !darwin && !wayland

package platform

import (
	"strings"
	"testing"
)

func TestWindowProblemSaysWhy(t *testing.T) {
	for _, c := range []struct{ display, wayland, want string }{
		{"", "wayland-0", "without XWayland"},
		{"", "", "DISPLAY is not set"},
		{":4242", "", "does not answer"},
	} {
		err := windowProblem(c.display, c.wayland)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("windowProblem(%q, %q) = %v, want it to say %q", c.display, c.wayland, err, c.want)
		}
	}
}

func TestWindowProblemNilWithADisplay(t *testing.T) {
	needDisplay(t)
	if err := WindowProblem(); err != nil {
		t.Fatalf("WindowProblem on the test display: %v", err)
	}
}
