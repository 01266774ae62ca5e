//go:build windows

package agent

import (
	"os"
	"testing"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Windows loads the tray icon: LoadImage from a file, as systray does.
// (A PNG given as is fails here: "unable to set icon".)
func TestTrayIconLoadsAsAWindowsIcon(t *testing.T) {
	f, err := os.CreateTemp("", "limber-tray-*.ico")
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(f.Name())
	f.Write(trayIcon())
	f.Close()
	p, _ := windows.UTF16PtrFromString(f.Name())
	const imageIcon, lrLoadFromFile, lrDefaultSize = 1, 0x10, 0x40
	load := windows.NewLazySystemDLL("user32.dll").NewProc("LoadImageW")
	h, _, err := load.Call(0, uintptr(unsafe.Pointer(p)), imageIcon, 0, 0, lrLoadFromFile|lrDefaultSize)
	if h == 0 {
		t.Fatalf("LoadImage of the tray icon: %v", err)
	}
	windows.NewLazySystemDLL("user32.dll").NewProc("DestroyIcon").Call(h)
}
