package platform

import (
	"errors"
	"path/filepath"

	"github.com/gofrs/flock"
)

// ErrRunning means another agent holds the lock.
var ErrRunning = errors.New("another Limber agent is already running")

// Instance is the single-instance lock of the agent.
type Instance struct{ lock *flock.Flock }

// AcquireInstance takes the agent lock in the runtime directory, or
// returns ErrRunning. The lock goes with the process, even on a crash.
func AcquireInstance() (*Instance, error) {
	dir, err := RuntimeDir()
	if err != nil {
		return nil, err
	}
	l := flock.New(filepath.Join(dir, "agent.lock"))
	ok, err := l.TryLock()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrRunning
	}
	return &Instance{lock: l}, nil
}

// Release gives the lock up.
func (i *Instance) Release() error { return i.lock.Unlock() }
