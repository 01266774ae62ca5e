//go:build !windows && !darwin

package platform

import (
	"syscall"
	"testing"
	"time"
)

// The full-screen check asks the X server when a break falls due, on the
// agent's loop: a server that stopped answering must not hold it.
func TestDNDFullscreenFrozenServerDoesNotBlock(t *testing.T) {
	display := freeDisplay(t)
	x := startXvfb(t, display)
	x.cmd.Process.Signal(syscall.SIGSTOP)
	defer x.cmd.Process.Signal(syscall.SIGCONT)
	for i := 0; i < 3; i++ {
		within(t, 10*time.Second, "the full-screen check on a stopped X server", func() {
			if fullscreenActive(display) {
				t.Error("a stopped X server reported a full-screen window")
			}
		})
	}
}
