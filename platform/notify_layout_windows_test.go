//go:build windows

package platform

import (
	"testing"
	"unsafe"
)

// NOTIFYICONDATAW as shellapi.h declares it on x64: uTimeout and uVersion
// share one union, so szInfoTitle starts at 820 and the whole is 976
// bytes. With the two as separate fields (as fyne.io/systray has them),
// the balloon's title, flags and icon were read 4 bytes off: under Wine
// the balloon showed no text.
func TestNotifyIconDataLayout(t *testing.T) {
	var nid notifyIconData
	if got := unsafe.Offsetof(nid.Info); got != 304 {
		t.Errorf("szInfo at %d, want 304", got)
	}
	if got := unsafe.Offsetof(nid.InfoTitle); got != 820 {
		t.Errorf("szInfoTitle at %d, want 820", got)
	}
	if got := unsafe.Offsetof(nid.InfoFlags); got != 948 {
		t.Errorf("dwInfoFlags at %d, want 948", got)
	}
	if got := unsafe.Sizeof(nid); got != 976 {
		t.Errorf("NOTIFYICONDATAW is %d bytes, want 976", got)
	}
}
