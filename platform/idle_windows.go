//go:build windows

package platform

import (
	"fmt"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	procGetLastInputInfo = windows.NewLazySystemDLL("user32.dll").NewProc("GetLastInputInfo")
	procGetTickCount     = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetTickCount")
)

// lastInputInfo is Win32's LASTINPUTINFO.
type lastInputInfo struct {
	size uint32
	time uint32
}

// winIdle reads GetLastInputInfo, the tick of the session's last input.
type winIdle struct{}

// DetectIdle returns the GetLastInputInfo source, or an error wrapping
// ErrIdleUnsupported when the call does not answer.
func DetectIdle() (IdleSource, error) {
	var w winIdle
	if _, err := w.IdleTime(); err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrIdleUnsupported, err)
	}
	return w, nil
}

func (winIdle) Name() string { return IdleWindows }

func (winIdle) IdleTime() (time.Duration, error) {
	info := lastInputInfo{size: uint32(unsafe.Sizeof(lastInputInfo{}))}
	if ok, _, err := procGetLastInputInfo.Call(uintptr(unsafe.Pointer(&info))); ok == 0 {
		return 0, fmt.Errorf("GetLastInputInfo: %w", err)
	}
	now, _, _ := procGetTickCount.Call()
	return tickIdle(uint32(now), info.time), nil
}

func (winIdle) Close() error { return nil }
