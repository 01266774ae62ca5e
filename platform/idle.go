package platform

import (
	"errors"
	"time"
)

// ErrIdleUnsupported means no idle-time source works on this desktop; the
// caller should treat the person as active.
var ErrIdleUnsupported = errors.New("no idle-time source works on this desktop")

// Names of the idle sources, as IdleSource.Name reports them.
const (
	IdleMutter      = "mutter"
	IdleScreenSaver = "freedesktop-screensaver"
	IdleX11         = "x11-screensaver"
	IdleWindows     = "windows"
	IdleMacOS       = "macos"
)

// IdleSource reports how long the person has not touched the keyboard or
// mouse. Each IdleTime call asks the platform once; nothing runs between
// calls.
type IdleSource interface {
	// Name says which source this is (one of the Idle* names).
	Name() string
	// IdleTime is the time since the last keyboard or mouse input.
	IdleTime() (time.Duration, error)
	// Close releases what the source holds open.
	Close() error
}
