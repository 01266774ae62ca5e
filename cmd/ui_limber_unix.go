//go:build !windows

package cmd

import (
	"os"
	"os/signal"
	"syscall"
)

// raise asks the Limber window in process pid to come forward.
func raise(pid int) { syscall.Kill(pid, syscall.SIGUSR1) }

// onRaise runs f each time another Limber window asks this one to come
// forward.
func onRaise(f func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGUSR1)
	go func() {
		for range ch {
			f()
		}
	}()
}
