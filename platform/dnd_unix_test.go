//go:build !windows && !darwin

package platform

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/godbus/dbus/v5/prop"
	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

func TestDNDNotificationsInhibited(t *testing.T) {
	bus := needSessionBus(t)
	// Dunst owns org.freedesktop.Notifications in the test session, so the
	// KDE-style server goes under a name of its own.
	const name = "org.limber.test.Notifications"
	conn := ownName(t, name)
	props, err := prop.Export(conn, "/org/freedesktop/Notifications", prop.Map{
		"org.freedesktop.Notifications": {"Inhibited": {Value: true, Emit: prop.EmitTrue}},
	})
	if err != nil {
		t.Fatalf("export Inhibited: %v", err)
	}
	p := dndProbe{bus: bus, notifyName: name}
	if got := p.check(DNDConfig{Desktop: true}); got != activeFor(ReasonDesktop) {
		t.Fatalf("Inhibited = true: %+v, want %q", got, ReasonDesktop)
	}
	if got := p.check(DNDConfig{Fullscreen: true}); got.Active {
		t.Fatalf("Inhibited = true with the desktop signal off: %+v, want inactive", got)
	}
	props.SetMust("org.freedesktop.Notifications", "Inhibited", false)
	if got := p.check(DNDConfig{Desktop: true}); got.Active {
		t.Fatalf("Inhibited = false: %+v, want inactive", got)
	}

	// The real server of the test session (dunst) has no Inhibited
	// property: not inhibited, and no error either.
	t.Setenv("GSETTINGS_BACKEND", "memory")
	if got := CheckDND(DNDConfig{Desktop: true}); got.Active {
		t.Fatalf("CheckDND with dunst = %+v, want inactive", got)
	}
}

func TestDNDGnomeShowBanners(t *testing.T) {
	if _, err := exec.LookPath("gsettings"); err != nil {
		t.Skip("gsettings is not installed")
	}
	// The keyfile backend keeps the setting in a temporary directory, away
	// from the real user's dconf database.
	t.Setenv("GSETTINGS_BACKEND", "keyfile")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if out, err := exec.Command("gsettings", "get", "org.gnome.desktop.notifications", "show-banners").CombinedOutput(); err != nil {
		t.Skipf("the GNOME notifications schema is not installed: %s", out)
	}
	if got := CheckDND(DNDConfig{Desktop: true}); got.Active {
		t.Fatalf("show-banners true: %+v, want inactive", got)
	}
	if out, err := exec.Command("gsettings", "set", "org.gnome.desktop.notifications", "show-banners", "false").CombinedOutput(); err != nil {
		t.Fatalf("gsettings set: %v: %s", err, out)
	}
	if got := CheckDND(DNDConfig{Desktop: true}); got != activeFor(ReasonDesktop) {
		t.Fatalf("show-banners false: %+v, want %q", got, ReasonDesktop)
	}
}

func TestDNDFullscreenActiveWindow(t *testing.T) {
	needDisplay(t)
	quietX11()
	x, err := xgb.NewConn()
	if err != nil {
		t.Fatalf("X connection: %v", err)
	}
	defer x.Close()
	root := xproto.Setup(x).DefaultScreen(x).Root
	atom := func(name string) xproto.Atom {
		r, err := xproto.InternAtom(x, false, uint16(len(name)), name).Reply()
		if err != nil {
			t.Fatalf("intern %s: %v", name, err)
		}
		return r.Atom
	}
	active, state, full, above := atom("_NET_ACTIVE_WINDOW"), atom("_NET_WM_STATE"), atom("_NET_WM_STATE_FULLSCREEN"), atom("_NET_WM_STATE_ABOVE")
	set := func(w xproto.Window, prop, typ xproto.Atom, values ...uint32) {
		buf := make([]byte, 4*len(values))
		for i, v := range values {
			xgb.Put32(buf[4*i:], v)
		}
		if err := xproto.ChangePropertyChecked(x, xproto.PropModeReplace, w, prop, typ, 32, uint32(len(values)), buf).Check(); err != nil {
			t.Fatalf("set property: %v", err)
		}
	}
	win, err := xproto.NewWindowId(x)
	if err != nil {
		t.Fatal(err)
	}
	if err := xproto.CreateWindowChecked(x, 0, win, root, 0, 0, 1280, 800, 0, xproto.WindowClassInputOutput, 0, 0, nil).Check(); err != nil {
		t.Fatalf("create window: %v", err)
	}
	defer xproto.DestroyWindow(x, win)
	defer xproto.DeletePropertyChecked(x, root, active).Check()

	cfg := DNDConfig{Fullscreen: true}
	set(root, active, xproto.AtomWindow, 0)
	if got := CheckDND(cfg); got.Active {
		t.Fatalf("no active window: %+v, want inactive", got)
	}
	// What a window manager does when a window goes full screen.
	set(root, active, xproto.AtomWindow, uint32(win))
	set(win, state, xproto.AtomAtom, uint32(above), uint32(full))
	if got := CheckDND(cfg); got != activeFor(ReasonFullscreen) {
		t.Fatalf("active full-screen window: %+v, want %q", got, ReasonFullscreen)
	}
	if got := CheckDND(DNDConfig{Camera: true}); got.Active && got.Reason == ReasonFullscreen {
		t.Fatalf("full-screen reported with the full-screen signal off: %+v", got)
	}
	set(win, state, xproto.AtomAtom, uint32(above))
	if got := CheckDND(cfg); got.Active {
		t.Fatalf("active window no longer full screen: %+v, want inactive", got)
	}
}

// procTree builds a /proc and /dev look-alike: process 100 "firefox" holds
// the camera, 200 "Zoom" holds only a log file, "self" is not a process.
func procTree(t *testing.T) (procRoot, videoPrefix string) {
	t.Helper()
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{"dev", "proc/100/fd", "proc/200/fd", "proc/self/fd"} {
		must(os.MkdirAll(filepath.Join(dir, d), 0o755))
	}
	must(os.WriteFile(filepath.Join(dir, "dev/video0"), nil, 0o644))
	must(os.WriteFile(filepath.Join(dir, "dev/log"), nil, 0o644))
	must(os.WriteFile(filepath.Join(dir, "proc/100/comm"), []byte("firefox\n"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "proc/200/comm"), []byte("Zoom\n"), 0o644))
	must(os.Symlink(filepath.Join(dir, "dev/video0"), filepath.Join(dir, "proc/100/fd/7")))
	must(os.Symlink(filepath.Join(dir, "dev/log"), filepath.Join(dir, "proc/200/fd/3")))
	must(os.Symlink(filepath.Join(dir, "dev/video0"), filepath.Join(dir, "proc/self/fd/4")))
	return filepath.Join(dir, "proc"), filepath.Join(dir, "dev/video")
}

func TestDNDScanProcs(t *testing.T) {
	proc, video := procTree(t)
	if app, cam := scanProcs(proc, video, nil, true); app != "" || !cam {
		t.Fatalf("camera scan = %q, %v; want the camera open", app, cam)
	}
	if app, cam := scanProcs(proc, video, []string{"zoom"}, true); app != "zoom" {
		t.Fatalf("app scan = %q, %v; want zoom", app, cam)
	}
	if app, cam := scanProcs(proc, video, []string{"slack"}, false); app != "" || cam {
		t.Fatalf("scan for an app that is not running = %q, %v; want nothing", app, cam)
	}
	// Without any device of that name no fd is looked at.
	if _, cam := scanProcs(proc, filepath.Join(filepath.Dir(video), "media"), nil, true); cam {
		t.Fatal("camera reported for a device prefix with no device")
	}
	// Once firefox lets go of the camera, only "self" holds it, and that
	// is not a process.
	if err := os.Remove(filepath.Join(proc, "100/fd/7")); err != nil {
		t.Fatal(err)
	}
	if _, cam := scanProcs(proc, video, nil, true); cam {
		t.Fatal("camera reported after the only process closed it")
	}
	if app, cam := scanProcs(filepath.Join(proc, "missing"), video, []string{"zoom"}, true); app != "" || cam {
		t.Fatalf("scan of a missing /proc = %q, %v; want nothing", app, cam)
	}

	p := dndProbe{procRoot: proc, videoPrefix: video}
	if got := p.check(DNDConfig{Camera: true, Apps: []string{"ZOOM"}}); got != activeFor("app: ZOOM") {
		t.Fatalf("probe = %+v, want app: ZOOM", got)
	}
}

func TestDNDScanProcsSeesOwnOpenFile(t *testing.T) {
	// The real /proc: this test process holds a stand-in "video0" open.
	dir := t.TempDir()
	dev := filepath.Join(dir, "video0")
	if err := os.WriteFile(dev, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(dev)
	if err != nil {
		t.Fatal(err)
	}
	prefix := filepath.Join(dir, "video")
	if _, cam := scanProcs("/proc", prefix, nil, true); !cam {
		f.Close()
		t.Fatal("an open file under the device prefix was not found in /proc")
	}
	f.Close()
	if _, cam := scanProcs("/proc", prefix, nil, true); cam {
		t.Fatal("the file is closed but still reported open")
	}
}

func TestCheckDNDCameraOnThisMachine(t *testing.T) {
	got := CheckDND(DNDConfig{Camera: true})
	devices, _ := filepath.Glob("/dev/video*")
	if len(devices) == 0 && got.Active {
		t.Fatalf("CheckDND = %+v with no /dev/video* device here", got)
	}
	if got.Active && got.Reason != ReasonCamera {
		t.Fatalf("CheckDND(camera) = %+v", got)
	}
}

func TestCheckDNDRunningApp(t *testing.T) {
	cmd := exec.Command("sleep", "30")
	if err := cmd.Start(); err != nil {
		t.Fatalf("start sleep: %v", err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	if got := CheckDND(DNDConfig{Apps: []string{"no-such-limber-app", "SLEEP"}}); got != activeFor("app: SLEEP") {
		t.Fatalf("with sleep running: %+v, want app: SLEEP", got)
	}
	if got := CheckDND(DNDConfig{Apps: []string{"no-such-limber-app"}}); got.Active {
		t.Fatalf("with no listed app running: %+v, want inactive", got)
	}
}

// With every signal off the check says "not busy" even where each signal
// would fire (the camera is held, Zoom runs): each setting really gates
// its check.
func TestCheckDNDWithNothingEnabled(t *testing.T) {
	proc, video := procTree(t)
	p := dndProbe{procRoot: proc, videoPrefix: video}
	if got := p.check(DNDConfig{}); got.Active || got.Reason != "" {
		t.Fatalf("every signal off = %+v, want inactive", got)
	}
	if got := p.check(DNDConfig{Camera: true}); got != activeFor(ReasonCamera) {
		t.Fatalf("the camera check on = %+v, want %q", got, ReasonCamera)
	}
	if got := p.check(DNDConfig{Apps: []string{"zoom"}}); !got.Active {
		t.Fatalf("the app check on = %+v, want active", got)
	}
}
