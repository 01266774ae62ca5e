//go:build windows

package platform

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"

	"git.sr.ht/~jackmordaunt/go-toast"
	"github.com/go-ole/go-ole"
	"golang.org/x/sys/windows"
)

// toastAppID is how Windows names Limber's toasts (Action Center groups
// them under it); toastActivator is the COM class Windows calls back when
// one is clicked. Limber's own, not go-toast's default, which every
// program using go-toast shares.
const (
	toastAppID     = "Limber"
	toastActivator = "{AC77FEB2-4148-4F37-B1C9-830B32341E20}"
)

// toastNotifier shows Windows toasts with their buttons (Start now,
// Postpone, Skip), whose clicks come back through the activation callback
// while Limber runs. Where toasts cannot be shown (Windows without the
// Windows Runtime's notifications, and Wine), it falls back on a balloon
// from Limber's own tray icon, whose click counts as a click on the body.
type toastNotifier struct {
	onAction ActionHandler
	next     atomic.Uint32
	broken   atomic.Bool // a toast failed: balloons from now on
	setup    sync.Once
	setupErr error
	balloon  balloonTray
}

// NewNotifier returns the Windows notifier.
func NewNotifier(onAction ActionHandler) Notifier {
	n := &toastNotifier{onAction: onAction}
	if err := toastsAvailable(); err != nil {
		// Decided before any toast: the agent asks Actions() to choose
		// the buttons, and go-toast registers a COM class whose Go
		// callbacks Wine calls into at process exit (a fatal error) even
		// when the toast then fails.
		n.broken.Store(true)
	}
	n.balloon.onClick = func(id uint32) {
		if onAction != nil {
			onAction(id, DefaultAction)
		}
	}
	return n
}

// toastsAvailable checks that the Windows Runtime classes a toast needs
// exist: Windows 10 and later have them; Wine 8, and Windows without the
// desktop experience, do not.
func toastsAvailable() error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	ole.RoInitialize(1) // multithreaded; "already" is fine
	doc, err := ole.RoActivateInstance("Windows.Data.Xml.Dom.XmlDocument")
	if err != nil {
		return fmt.Errorf("no Windows Runtime XML documents: %w", err)
	}
	doc.Release()
	f, err := ole.RoGetActivationFactory("Windows.UI.Notifications.ToastNotificationManager", ole.IID_IInspectable)
	if err != nil {
		return fmt.Errorf("no Windows Runtime toast notifications: %w", err)
	}
	f.Release()
	return nil
}

func (n *toastNotifier) Actions() bool { return !n.broken.Load() }

func (n *toastNotifier) Name() string {
	if n.broken.Load() {
		return "windows-balloon"
	}
	return "windows-toast"
}

func (n *toastNotifier) Send(note Notification) (uint32, error) {
	id := n.next.Add(1)
	if !n.broken.Load() {
		err := boundedNotify(notifyTimeout, func() error { return n.toast(id, note) })
		if err == nil {
			return id, nil
		}
		n.broken.Store(true)
		if berr := n.balloon.show(id, note.Title, note.Body); berr != nil {
			return 0, fmt.Errorf("toast: %v; tray balloon: %w", err, berr)
		}
		return id, nil
	}
	if err := n.balloon.show(id, note.Title, note.Body); err != nil {
		return 0, fmt.Errorf("tray balloon: %w", err)
	}
	return id, nil
}

// Dismiss takes a balloon down. A toast stays until it times out into the
// Action Center: go-toast gives toasts no tag to remove them by.
func (n *toastNotifier) Dismiss(id uint32) { n.balloon.hide(id) }

func (n *toastNotifier) toast(id uint32, note Notification) error {
	n.setup.Do(func() {
		n.setupErr = toast.SetAppData(toast.AppData{AppID: toastAppID, GUID: toastActivator, IconPath: note.Icon})
		toast.SetActivationCallback(func(args string, _ []toast.UserData) {
			if id, key, err := parseToastArgs(args); err == nil && n.onAction != nil {
				n.onAction(id, key)
			}
		})
	})
	if n.setupErr != nil {
		return n.setupErr
	}
	t := toast.Notification{
		AppID:               toastAppID,
		Title:               note.Title,
		Body:                note.Body,
		Icon:                note.Icon,
		ActivationType:      toast.Foreground,
		ActivationArguments: toastArgs(id, DefaultAction),
		Audio:               toast.Silent,
		Duration:            toast.Short,
	}
	for _, a := range note.Actions {
		t.Actions = append(t.Actions, toast.Action{Type: toast.Foreground, Content: a.Label, Arguments: toastArgs(id, a.Key)})
	}
	return t.Push()
}

// The balloon comes from the tray icon fyne.io/systray made: its hidden
// window (class SystrayClass, in this process) and icon id 100. Its
// click arrives there as NIN_BALLOONUSERCLICK in the icon's callback
// message (WM_USER+1), which systray ignores: the window is subclassed to
// hear it first.
const (
	systrayClass    = "SystrayClass"
	systrayIconID   = 100
	systrayCallback = 0x0400 + 1 // WM_USER+1
	ninBalloonClick = 0x0400 + 5 // NIN_BALLOONUSERCLICK
	nimModify       = 1
	nifInfo         = 0x10
	niifInfo        = 1
	gwlpWndProc     = -4
)

var (
	procShellNotifyIconW         = windows.NewLazySystemDLL("shell32.dll").NewProc("Shell_NotifyIconW")
	procFindWindowExW            = user32.NewProc("FindWindowExW")
	procGetWindowThreadProcessId = user32.NewProc("GetWindowThreadProcessId")
	procSetWindowLongPtrW        = user32.NewProc("SetWindowLongPtrW")
	procGetWindowLongPtrW        = user32.NewProc("GetWindowLongPtrW")
	procCallWindowProcW          = user32.NewProc("CallWindowProcW")
)

// notifyIconData is Win32's NOTIFYICONDATAW: 976 bytes on 64-bit
// Windows. (fyne.io/systray's copy has uTimeout and uVersion as two fields
// where Windows has one union, which moves szInfoTitle by 4 bytes: a
// balloon made with it has no title.)
type notifyIconData struct {
	Size                       uint32
	Wnd                        windows.Handle
	ID, Flags, CallbackMessage uint32
	Icon                       windows.Handle
	Tip                        [128]uint16
	State, StateMask           uint32
	Info                       [256]uint16
	TimeoutOrVersion           uint32
	InfoTitle                  [64]uint16
	InfoFlags                  uint32
	GuidItem                   windows.GUID
	BalloonIcon                windows.Handle
}

type balloonTray struct {
	onClick func(id uint32)
	mu      sync.Mutex
	hwnd    uintptr
	shown   uint32 // the balloon up now (0: none)
}

// The subclassing window procedure, one for the process; each window it
// runs for maps to its balloonTray and the procedure it replaced.
type subclassed struct {
	b   *balloonTray
	old uintptr
}

var (
	balloonWindows sync.Map // uintptr (HWND) → subclassed
	balloonProc    = windows.NewCallback(func(hwnd, msg, wParam, lParam uintptr) uintptr {
		v, ok := balloonWindows.Load(hwnd)
		if !ok {
			r, _, _ := procDefWindowProcW.Call(hwnd, msg, wParam, lParam)
			return r
		}
		s := v.(subclassed)
		if msg == systrayCallback && lParam&0xFFFF == ninBalloonClick {
			s.b.mu.Lock()
			id := s.b.shown
			s.b.shown = 0
			s.b.mu.Unlock()
			if id != 0 && s.b.onClick != nil {
				go s.b.onClick(id)
			}
		}
		r, _, _ := procCallWindowProcW.Call(s.old, hwnd, msg, wParam, lParam)
		return r
	})
)

// trayWindow finds systray's window in this process, and subclasses it
// the first time.
func (b *balloonTray) trayWindow() (uintptr, error) {
	if b.hwnd != 0 {
		return b.hwnd, nil
	}
	class, _ := windows.UTF16PtrFromString(systrayClass)
	me := windows.GetCurrentProcessId()
	var h uintptr
	for {
		h, _, _ = procFindWindowExW.Call(0, h, uintptr(unsafe.Pointer(class)), 0)
		if h == 0 {
			return 0, errors.New("no tray icon of Limber's to show it from")
		}
		var pid uint32
		procGetWindowThreadProcessId.Call(h, uintptr(unsafe.Pointer(&pid)))
		if pid == me {
			break
		}
	}
	if _, done := balloonWindows.Load(h); !done {
		index := gwlpWndProc // negative: passed as its two's complement
		// Stored before the switch, so the first message finds it.
		old, _, _ := procGetWindowLongPtrW.Call(h, uintptr(index))
		balloonWindows.Store(h, subclassed{b: b, old: old})
		procSetWindowLongPtrW.Call(h, uintptr(index), balloonProc)
	}
	b.hwnd = h
	return h, nil
}

func (b *balloonTray) modify(h uintptr, title, body string) error {
	nid := notifyIconData{Wnd: windows.Handle(h), ID: systrayIconID, Flags: nifInfo, InfoFlags: niifInfo}
	nid.Size = uint32(unsafe.Sizeof(nid))
	copyUTF16(nid.InfoTitle[:], title)
	copyUTF16(nid.Info[:], body)
	if r, _, err := procShellNotifyIconW.Call(nimModify, uintptr(unsafe.Pointer(&nid))); r == 0 {
		return fmt.Errorf("Shell_NotifyIcon: %w", err)
	}
	return nil
}

func (b *balloonTray) show(id uint32, title, body string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	h, err := b.trayWindow()
	if err != nil {
		return err
	}
	if body == "" {
		body = " " // an empty text takes the balloon down instead
	}
	if err := b.modify(h, title, body); err != nil {
		return err
	}
	b.shown = id
	return nil
}

func (b *balloonTray) hide(id uint32) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if id == 0 || id != b.shown || b.hwnd == 0 {
		return
	}
	b.modify(b.hwnd, "", "")
	b.shown = 0
}

// copyUTF16 puts s into dst, cut to fit with its final NUL.
func copyUTF16(dst []uint16, s string) {
	u, _ := windows.UTF16FromString(s)
	if len(u) > len(dst) {
		u = u[:len(dst)]
		u[len(u)-1] = 0
	}
	copy(dst, u)
}
