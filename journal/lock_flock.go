//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package journal

import (
	"errors"
	"os"
	"syscall"
)

// defaultLocker locks the journal file itself with flock(2): no extra file,
// and the lock dies with the process.
var defaultLocker lockerFactory = newFlockLocker

// flockLocker holds flock(2) locks on an open journal descriptor.
type flockLocker struct {
	f *os.File
}

func newFlockLocker(f *os.File, _ string) locker { return &flockLocker{f: f} }

func (l *flockLocker) lock(exclusive bool) (func() error, error) {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	if err := l.flock(how); err != nil {
		return nil, err
	}
	return func() error { return l.flock(syscall.LOCK_UN) }, nil
}

func (l *flockLocker) flock(how int) error {
	rc, err := l.f.SyscallConn()
	if err != nil {
		return err
	}
	var ferr error
	if err := rc.Control(func(fd uintptr) {
		for {
			ferr = syscall.Flock(int(fd), how)
			if !errors.Is(ferr, syscall.EINTR) {
				return
			}
		}
	}); err != nil {
		return err
	}
	if ferr != nil {
		return &os.PathError{Op: "flock", Path: l.f.Name(), Err: ferr}
	}
	return nil
}

// close does nothing: closing the journal file drops its lock.
func (l *flockLocker) close() error { return nil }
