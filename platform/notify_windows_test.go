//go:build windows

package platform

import (
	"runtime"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// fakeQuit ends a fakeSystray (WM_APP+7: not systray's WM_USER+1).
const fakeQuit = 0x8000 + 7

// fakeSystray makes what fyne.io/systray makes: a hidden window of class
// SystrayClass with tray icon 100 whose callback message is WM_USER+1. It
// runs its own message loop until the test ends.
func fakeSystray(t *testing.T) uintptr {
	t.Helper()
	ready := make(chan uintptr, 1)
	gone := make(chan struct{})
	go func() {
		runtime.LockOSThread()
		class, _ := windows.UTF16PtrFromString(systrayClass)
		var inst windows.Handle
		windows.GetModuleHandleEx(0, nil, &inst)
		wc := wndClassEx{wndProc: procDefWindowProcW.Addr(), instance: inst, className: class}
		wc.size = uint32(unsafe.Sizeof(wc))
		procRegisterClassExW.Call(uintptr(unsafe.Pointer(&wc)))
		h, _, _ := procCreateWindowExW.Call(0, uintptr(unsafe.Pointer(class)), 0, 0, 0, 0, 0, 0, 0, 0, uintptr(inst), 0)
		if h != 0 {
			nid := notifyIconData{Wnd: windows.Handle(h), ID: systrayIconID, Flags: 0x1, CallbackMessage: systrayCallback} // NIF_MESSAGE
			nid.Size = uint32(unsafe.Sizeof(nid))
			procShellNotifyIconW.Call(0, uintptr(unsafe.Pointer(&nid))) // NIM_ADD
		}
		ready <- h
		var m winMsg
		for {
			r, _, _ := procGetMessageW.Call(uintptr(unsafe.Pointer(&m)), 0, 0, 0)
			if int32(r) <= 0 {
				return
			}
			if m.message == fakeQuit {
				// Gone before the test binary exits: a Go window procedure
				// called during process exit is a fatal error.
				nid := notifyIconData{Wnd: windows.Handle(h), ID: systrayIconID}
				nid.Size = uint32(unsafe.Sizeof(nid))
				procShellNotifyIconW.Call(2, uintptr(unsafe.Pointer(&nid))) // NIM_DELETE
				procDestroyWindow.Call(h)
				balloonWindows.Delete(h)
				close(gone)
				return
			}
			procDispatchMessageW.Call(uintptr(unsafe.Pointer(&m)))
		}
	}()
	h := <-ready
	if h == 0 {
		t.Fatal("could not make the stand-in tray window")
	}
	t.Cleanup(func() {
		procPostMessageW.Call(h, fakeQuit, 0, 0)
		<-gone
	})
	return h
}

// The layout Shell_NotifyIcon reads (shellapi.h, 64-bit).
func TestNotifyIconDataLayout(t *testing.T) {
	var nid notifyIconData
	if runtime.GOARCH != "amd64" && runtime.GOARCH != "arm64" {
		t.Skip("offsets checked for 64-bit Windows")
	}
	for _, c := range []struct {
		name      string
		got, want uintptr
	}{
		{"size", unsafe.Sizeof(nid), 976},
		{"szInfo", unsafe.Offsetof(nid.Info), 304},
		{"szInfoTitle", unsafe.Offsetof(nid.InfoTitle), 820},
		{"dwInfoFlags", unsafe.Offsetof(nid.InfoFlags), 948},
	} {
		if c.got != c.want {
			t.Errorf("NOTIFYICONDATAW %s: %d, want %d", c.name, c.got, c.want)
		}
	}
}

// A balloon goes up from the tray icon, its click comes back as a click
// on that notification's body, and one dismissed or clicked is not
// reported again.
func TestBalloonFromTheTrayIcon(t *testing.T) {
	h := fakeSystray(t)
	clicks := make(chan [2]any, 4)
	n := NewNotifier(func(id uint32, key string) { clicks <- [2]any{id, key} }).(*toastNotifier)
	if err := n.balloon.show(7, "Time for a posture break", "Sit back, shoulders down (30 seconds)."); err != nil {
		t.Fatal(err)
	}
	if n.balloon.hwnd != h {
		t.Fatalf("found window %#x, the tray's is %#x", n.balloon.hwnd, h)
	}
	send := windows.NewLazySystemDLL("user32.dll").NewProc("SendMessageW")
	send.Call(h, systrayCallback, systrayIconID, ninBalloonClick)
	select {
	case c := <-clicks:
		if c[0] != uint32(7) || c[1] != DefaultAction {
			t.Fatalf("click reported as %v", c)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the balloon's click was not reported")
	}
	send.Call(h, systrayCallback, systrayIconID, ninBalloonClick)
	n.balloon.show(8, "Later", "")
	n.Dismiss(8)
	send.Call(h, systrayCallback, systrayIconID, ninBalloonClick)
	select {
	case c := <-clicks:
		t.Fatalf("a click after the balloon went was reported: %v", c)
	case <-time.After(300 * time.Millisecond):
	}
}

// Send shows a toast, or where Windows cannot (Wine) a balloon, and gives
// each notification its own id either way.
func TestSendToastOrBalloon(t *testing.T) {
	fakeSystray(t)
	n := NewNotifier(nil)
	id1, err := n.Send(Notification{Title: "Limber", Body: "one", Actions: []NotifyAction{{Key: DefaultAction, Label: "Start now"}, {Key: "skip", Label: "Skip"}}})
	if err != nil {
		t.Fatal(err)
	}
	id2, err := n.Send(Notification{Title: "Limber", Body: "two"})
	if err != nil || id1 == 0 || id2 == id1 {
		t.Fatalf("ids %d %d, %v", id1, id2, err)
	}
	t.Logf("notifier %s, actions %v", n.Name(), n.Actions())
	if (n.Name() == "windows-balloon") == n.Actions() {
		t.Fatalf("%s should have actions only as toasts", n.Name())
	}
}
