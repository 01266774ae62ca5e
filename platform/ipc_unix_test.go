//go:build !windows

package platform

import (
	"strings"
	"testing"
)

// A runtime folder too long for a socket path is refused with a message
// that says so, not a bind error nobody understands.
func TestSocketPathTooLongIsExplained(t *testing.T) {
	long := "/run/user/1000/" + strings.Repeat("x", 100)
	if _, err := socketIn(long); err == nil || !strings.Contains(err.Error(), "XDG_RUNTIME_DIR") {
		t.Fatalf("a %d-byte folder: %v", len(long), err)
	}
	if p, err := socketIn("/run/user/1000"); err != nil || p != "/run/user/1000/agent.sock" {
		t.Fatalf("a normal folder: %q %v", p, err)
	}
}
