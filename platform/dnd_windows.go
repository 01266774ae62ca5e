//go:build windows

package platform

import (
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

var procSHQueryUserNotificationState = windows.NewLazySystemDLL("shell32.dll").NewProc("SHQueryUserNotificationState")

// webcamConsent is where Windows records which apps use the camera now.
const webcamConsent = `Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore\webcam`

func checkDND(cfg DNDConfig) DNDState {
	if cfg.Desktop || cfg.Fullscreen {
		var state uint32
		if hr, _, _ := procSHQueryUserNotificationState.Call(uintptr(unsafe.Pointer(&state))); hr == 0 {
			if r := qunsReason(state, cfg); r != "" {
				return activeFor(r)
			}
		}
	}
	if len(cfg.Apps) > 0 {
		if app := runningApp(cfg.Apps); app != "" {
			return activeFor(reasonAppPrefix + app)
		}
	}
	if cfg.Camera && webcamInUse() {
		return activeFor(ReasonCamera)
	}
	return DNDState{}
}

// runningApp returns the first entry of apps naming a running process.
func runningApp(apps []string) string {
	snap, err := windows.CreateToolhelp32Snapshot(windows.TH32CS_SNAPPROCESS, 0)
	if err != nil {
		return ""
	}
	defer windows.CloseHandle(snap)
	e := windows.ProcessEntry32{Size: uint32(unsafe.Sizeof(windows.ProcessEntry32{}))}
	for err = windows.Process32First(snap, &e); err == nil; err = windows.Process32Next(snap, &e) {
		if app := matchApp(windows.UTF16ToString(e.ExeFile[:]), apps); app != "" {
			return app
		}
	}
	return ""
}

// webcamInUse reports whether an app (packaged, or under NonPackaged)
// has started using the camera and not stopped.
func webcamInUse() bool {
	root, err := registry.OpenKey(registry.CURRENT_USER, webcamConsent, registry.ENUMERATE_SUB_KEYS)
	if err != nil {
		return false
	}
	defer root.Close()
	return anyKeyInUse(root, `NonPackaged`)
}

// anyKeyInUse checks each subkey of k; the one called nested is looked
// into one level further.
func anyKeyInUse(k registry.Key, nested string) bool {
	names, err := k.ReadSubKeyNames(-1)
	if err != nil {
		return false
	}
	for _, name := range names {
		sub, err := registry.OpenKey(k, name, registry.QUERY_VALUE|registry.ENUMERATE_SUB_KEYS)
		if err != nil {
			continue
		}
		inUse := false
		if name == nested {
			inUse = anyKeyInUse(sub, "")
		} else {
			start, _, e1 := sub.GetIntegerValue("LastUsedTimeStart")
			stop, _, e2 := sub.GetIntegerValue("LastUsedTimeStop")
			inUse = e1 == nil && e2 == nil && start != 0 && stop == 0
		}
		sub.Close()
		if inUse {
			return true
		}
	}
	return false
}
