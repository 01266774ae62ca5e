package journal

import (
	"os"

	"github.com/gofrs/flock"
)

// locker is an inter-process lock on one journal. On systems with flock(2)
// it locks the journal's own descriptor (lock_flock.go); elsewhere it locks
// a sidecar file next to the journal (sidecarLocker). Every process on one
// system uses the same kind, so they exclude each other.
type locker interface {
	// lock blocks until it holds the lock, shared or exclusive, and returns
	// the function that releases it.
	lock(exclusive bool) (unlock func() error, err error)
	// close releases whatever the locker holds besides the journal file.
	close() error
}

// lockerFactory makes the locker for the journal at path, open as f.
type lockerFactory func(f *os.File, path string) locker

// sidecarLocker locks path+".lock" with github.com/gofrs/flock
// (LockFileEx on Windows). It is the fallback where flock(2) is missing,
// and works everywhere, so it is tested on Linux too.
type sidecarLocker struct {
	fl *flock.Flock
}

func newSidecarLocker(_ *os.File, path string) locker {
	return &sidecarLocker{fl: flock.New(path+".lock", flock.SetPermissions(0o600))}
}

func (s *sidecarLocker) lock(exclusive bool) (func() error, error) {
	var err error
	if exclusive {
		err = s.fl.Lock()
	} else {
		err = s.fl.RLock()
	}
	if err != nil {
		return nil, err
	}
	return s.fl.Unlock, nil
}

func (s *sidecarLocker) close() error { return s.fl.Close() }
