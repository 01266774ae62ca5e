//go:build darwin

package platform

import (
	"fmt"
	"os/exec"
	"time"
)

// macIdle reads HIDIdleTime from `ioreg -c IOHIDSystem`, the time since the
// last keyboard, mouse or trackpad event.
type macIdle struct{ ioreg string }

// DetectIdle returns the ioreg source, or an error wrapping
// ErrIdleUnsupported when ioreg is missing or does not report the value.
func DetectIdle() (IdleSource, error) {
	path, err := exec.LookPath("ioreg")
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrIdleUnsupported, err)
	}
	m := macIdle{ioreg: path}
	if _, err := m.IdleTime(); err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrIdleUnsupported, err)
	}
	return m, nil
}

func (macIdle) Name() string { return IdleMacOS }

func (m macIdle) IdleTime() (time.Duration, error) {
	out, err := exec.Command(m.ioreg, "-c", "IOHIDSystem", "-d", "4").Output()
	if err != nil {
		return 0, fmt.Errorf("ioreg -c IOHIDSystem: %w", err)
	}
	return parseHIDIdleTime(out)
}

func (macIdle) Close() error { return nil }
