//go:build windows

package platform

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	user32                                = windows.NewLazySystemDLL("user32.dll")
	procRegisterClassExW                  = user32.NewProc("RegisterClassExW")
	procCreateWindowExW                   = user32.NewProc("CreateWindowExW")
	procDefWindowProcW                    = user32.NewProc("DefWindowProcW")
	procDestroyWindow                     = user32.NewProc("DestroyWindow")
	procGetMessageW                       = user32.NewProc("GetMessageW")
	procDispatchMessageW                  = user32.NewProc("DispatchMessageW")
	procPostMessageW                      = user32.NewProc("PostMessageW")
	procPostQuitMessage                   = user32.NewProc("PostQuitMessage")
	procRegisterSuspendResumeNotification = user32.NewProc("RegisterSuspendResumeNotification")
	procUnregisterSuspendResume           = user32.NewProc("UnregisterSuspendResumeNotification")
	wtsapi32                              = windows.NewLazySystemDLL("wtsapi32.dll")
	procWTSRegisterSessionNotification    = wtsapi32.NewProc("WTSRegisterSessionNotification")
	procWTSUnRegisterSessionNotification  = wtsapi32.NewProc("WTSUnRegisterSessionNotification")
)

const (
	wmClose   = 0x0010
	wmDestroy = 0x0002
	// wmQuitWatch asks the window to go (posted from ctx's end).
	wmQuitWatch = 0x0400 + 1 // WM_USER+1
)

// wndClassEx is Win32's WNDCLASSEXW.
type wndClassEx struct {
	size       uint32
	style      uint32
	wndProc    uintptr
	clsExtra   int32
	wndExtra   int32
	instance   windows.Handle
	icon       windows.Handle
	cursor     windows.Handle
	background windows.Handle
	menuName   *uint16
	className  *uint16
	iconSm     windows.Handle
}

// winMsg is Win32's MSG.
type winMsg struct {
	hwnd    windows.HWND
	message uint32
	wParam  uintptr
	lParam  uintptr
	time    uint32
	pt      struct{ x, y int32 }
}

// sessionWindows maps each watcher's window to it, for the one window
// procedure (callbacks are a scarce resource: one for the process).
var (
	sessionWindows sync.Map // windows.HWND → *winSessionWatch
	sessionClass   struct {
		once sync.Once
		name *uint16
		err  error
	}
)

type winSessionWatch struct {
	ctx   context.Context
	out   chan SessionEvent
	state winSessionState
}

func sessionWndProc(hwnd windows.HWND, msg uint32, wParam, lParam uintptr) uintptr {
	if v, ok := sessionWindows.Load(hwnd); ok {
		w := v.(*winSessionWatch)
		switch msg {
		case wmQuitWatch:
			procDestroyWindow.Call(uintptr(hwnd))
			return 0
		case wmDestroy:
			procPostQuitMessage.Call(0)
			return 0
		}
		if k := w.state.classify(msg, wParam); k != 0 {
			select {
			case w.out <- SessionEvent{Kind: k, At: time.Now()}:
			case <-w.ctx.Done():
			}
		}
		if msg == wmPowerBroadcast {
			return 1 // TRUE: the request is granted
		}
	}
	r, _, _ := procDefWindowProcW.Call(uintptr(hwnd), uintptr(msg), wParam, lParam)
	return r
}

func registerSessionClass() (*uint16, error) {
	sessionClass.once.Do(func() {
		name, _ := windows.UTF16PtrFromString("LimberSessionWatch")
		var inst windows.Handle
		if err := windows.GetModuleHandleEx(0, nil, &inst); err != nil {
			sessionClass.err = fmt.Errorf("GetModuleHandleEx: %w", err)
			return
		}
		wc := wndClassEx{wndProc: windows.NewCallback(sessionWndProc), instance: inst, className: name}
		wc.size = uint32(unsafe.Sizeof(wc))
		if r, _, err := procRegisterClassExW.Call(uintptr(unsafe.Pointer(&wc))); r == 0 {
			sessionClass.err = fmt.Errorf("RegisterClassExW: %w", err)
			return
		}
		sessionClass.name = name
	})
	return sessionClass.name, sessionClass.err
}

// WatchSession reports sleep, wake, lock and unlock as they happen, from
// window messages on a hidden window of its own thread: WM_POWERBROADCAST
// (suspend and resume; also asked for with RegisterSuspendResumeNotification
// where Windows has it, which covers Modern Standby) and
// WM_WTSSESSION_CHANGE (lock and unlock) after
// WTSRegisterSessionNotification. The window is a top-level one that is
// never shown, not a message-only one: those get no broadcasts, and
// WM_POWERBROADCAST is one. The channel is never closed: stop watching by
// ending ctx.
func WatchSession(ctx context.Context) (<-chan SessionEvent, []string, error) {
	ch, _, sources, err := watchSessionWindow(ctx)
	if err != nil {
		// The agent falls back on wall-clock jumps; the channel is usable.
		return make(chan SessionEvent), nil, err
	}
	return ch, sources, nil
}

// watchSessionWindow is WatchSession, also giving the window (tests send
// it messages).
func watchSessionWindow(ctx context.Context) (<-chan SessionEvent, windows.HWND, []string, error) {
	class, err := registerSessionClass()
	if err != nil {
		return nil, 0, nil, err
	}
	w := &winSessionWatch{ctx: ctx, out: make(chan SessionEvent, 8)}
	type started struct {
		hwnd    windows.HWND
		sources []string
		err     error
	}
	ready := make(chan started, 1)
	go func() {
		// A window's messages come to the thread that made it.
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		title, _ := windows.UTF16PtrFromString("Limber session watch")
		h, _, cerr := procCreateWindowExW.Call(0, uintptr(unsafe.Pointer(class)), uintptr(unsafe.Pointer(title)),
			0, 0, 0, 0, 0, 0, 0, 0, 0)
		if h == 0 {
			ready <- started{err: fmt.Errorf("CreateWindowExW: %w", cerr)}
			return
		}
		hwnd := windows.HWND(h)
		sessionWindows.Store(hwnd, w)
		defer sessionWindows.Delete(hwnd)
		sources := []string{SessionWindowsPower}
		var suspendReg uintptr
		if procRegisterSuspendResumeNotification.Find() == nil {
			suspendReg, _, _ = procRegisterSuspendResumeNotification.Call(h, 0) // DEVICE_NOTIFY_WINDOW_HANDLE
		}
		wts := false
		if procWTSRegisterSessionNotification.Find() == nil {
			if r, _, _ := procWTSRegisterSessionNotification.Call(h, 0); r != 0 { // NOTIFY_FOR_THIS_SESSION
				wts = true
				sources = append(sources, SessionWindowsLock)
			}
		}
		ready <- started{hwnd: hwnd, sources: sources}
		go func() {
			<-ctx.Done()
			procPostMessageW.Call(h, wmQuitWatch, 0, 0)
		}()
		var m winMsg
		for {
			r, _, _ := procGetMessageW.Call(uintptr(unsafe.Pointer(&m)), 0, 0, 0)
			if int32(r) <= 0 { // WM_QUIT, or an error
				break
			}
			procDispatchMessageW.Call(uintptr(unsafe.Pointer(&m)))
		}
		if wts {
			procWTSUnRegisterSessionNotification.Call(h)
		}
		if suspendReg != 0 {
			procUnregisterSuspendResume.Call(suspendReg)
		}
	}()
	s := <-ready
	if s.err != nil {
		return nil, 0, nil, s.err
	}
	return w.out, s.hwnd, s.sources, nil
}
