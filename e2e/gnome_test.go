//go:build gnome && !e2e

// The GNOME rows of the desktop test matrix, run inside
// scripts/desktop-gnome.sh (mutter headless, with XWayland or --no-x11):
// idle from mutter's real IdleMonitor, input through its RemoteDesktop,
// no tray host (so the no-tray path), and a minimal notification server
// of the test's own standing in for gnome-shell's (which does not start
// headless here). Build tag: gnome (`make e2e-gnome`).

package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/limberapp/limber/journal"
)

var gnomeBinary string

func TestMain(m *testing.M) {
	if os.Getenv("WAYLAND_DISPLAY") == "" || os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" || os.Getenv("LIMBER_GNOME_X11") == "" {
		fmt.Fprintln(os.Stderr, "e2e (gnome): run inside scripts/desktop-gnome.sh")
		os.Exit(1)
	}
	gnomeBinary = os.Getenv("LIMBER_BIN")
	if gnomeBinary == "" {
		dir, _ := os.MkdirTemp("", "limber-e2e")
		gnomeBinary = filepath.Join(dir, "limber")
		b := exec.Command("go", "build", "-o", gnomeBinary, "..")
		b.Stdout, b.Stderr = os.Stderr, os.Stderr
		if err := b.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "e2e: build:", err)
			os.Exit(1)
		}
	}
	os.Exit(m.Run())
}

// ---- a minimal notification server (the stand-in for gnome-shell's) ----

type note struct {
	ID      uint32
	Summary string
	Body    string
	Actions []string
}

type noteServer struct {
	conn *dbus.Conn
	mu   sync.Mutex
	next uint32
	got  []note
}

func startNoteServer(t *testing.T) *noteServer {
	t.Helper()
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	s := &noteServer{conn: conn, next: 1}
	if err := conn.Export(s, "/org/freedesktop/Notifications", "org.freedesktop.Notifications"); err != nil {
		t.Fatal(err)
	}
	if r, err := conn.RequestName("org.freedesktop.Notifications", dbus.NameFlagDoNotQueue); err != nil || r != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("owning org.freedesktop.Notifications: %v %v", r, err)
	}
	return s
}

func (s *noteServer) GetCapabilities() ([]string, *dbus.Error) {
	return []string{"actions", "body"}, nil
}

func (s *noteServer) GetServerInformation() (string, string, string, string, *dbus.Error) {
	return "limber-e2e", "limber", "1", "1.2", nil
}

func (s *noteServer) Notify(app string, replaces uint32, icon, summary, body string, actions []string, hints map[string]dbus.Variant, timeout int32) (uint32, *dbus.Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := replaces
	if id == 0 {
		id = s.next
		s.next++
	}
	s.got = append(s.got, note{ID: id, Summary: summary, Body: body, Actions: actions})
	return id, nil
}

func (s *noteServer) CloseNotification(id uint32) *dbus.Error {
	s.conn.Emit("/org/freedesktop/Notifications", "org.freedesktop.Notifications.NotificationClosed", id, uint32(3))
	return nil
}

func (s *noteServer) notes() []note {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]note(nil), s.got...)
}

// find returns the notes whose summary contains part.
func (s *noteServer) find(part string) []note {
	var out []note
	for _, n := range s.notes() {
		if strings.Contains(strings.ToLower(n.Summary), strings.ToLower(part)) {
			out = append(out, n)
		}
	}
	return out
}

// click is the person clicking the note: the action, then the close, as
// a real server sends them.
func (s *noteServer) click(id uint32, key string) {
	s.conn.Emit("/org/freedesktop/Notifications", "org.freedesktop.Notifications.ActionInvoked", id, key)
	s.conn.Emit("/org/freedesktop/Notifications", "org.freedesktop.Notifications.NotificationClosed", id, uint32(2))
}

// ---- input through org.gnome.Mutter.RemoteDesktop ----

type remoteInput struct{ obj dbus.BusObject }

func startRemoteInput(t *testing.T, conn *dbus.Conn) *remoteInput {
	t.Helper()
	rd := conn.Object("org.gnome.Mutter.RemoteDesktop", "/org/gnome/Mutter/RemoteDesktop")
	var path dbus.ObjectPath
	if err := rd.Call("org.gnome.Mutter.RemoteDesktop.CreateSession", 0).Store(&path); err != nil {
		t.Fatalf("RemoteDesktop.CreateSession: %v", err)
	}
	obj := conn.Object("org.gnome.Mutter.RemoteDesktop", path)
	if err := obj.Call("org.gnome.Mutter.RemoteDesktop.Session.Start", 0).Err; err != nil {
		t.Fatalf("RemoteDesktop session Start: %v", err)
	}
	t.Cleanup(func() { obj.Call("org.gnome.Mutter.RemoteDesktop.Session.Stop", 0) })
	return &remoteInput{obj: obj}
}

// nudge moves the pointer a little: input that resets mutter's idle time.
func (r *remoteInput) nudge(t *testing.T) {
	t.Helper()
	if err := r.obj.Call("org.gnome.Mutter.RemoteDesktop.Session.NotifyPointerMotionRelative", 0, 3.0, 2.0).Err; err != nil {
		t.Fatalf("NotifyPointerMotionRelative: %v", err)
	}
}

func mutterIdle(t *testing.T, conn *dbus.Conn) time.Duration {
	var ms uint64
	if err := conn.Object("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core").Call("org.gnome.Mutter.IdleMonitor.GetIdletime", 0).Store(&ms); err != nil {
		t.Fatalf("GetIdletime: %v", err)
	}
	return time.Duration(ms) * time.Millisecond
}

// ---- the agent under test ----

type gnomeAgent struct {
	t    *testing.T
	env  []string
	dirs map[string]string
	cmd  *exec.Cmd
	log  *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func startGnomeAgent(t *testing.T, config string, args ...string) *gnomeAgent {
	t.Helper()
	g := &gnomeAgent{t: t, dirs: map[string]string{}, log: &syncBuffer{}}
	for _, d := range []string{"XDG_CONFIG_HOME", "XDG_STATE_HOME", "HOME"} {
		p := filepath.Join(t.TempDir(), strings.ToLower(d))
		os.MkdirAll(p, 0o700)
		g.dirs[d] = p
	}
	g.env = append(os.Environ(), "LANG=en_US.UTF-8")
	for k, v := range g.dirs {
		g.env = append(g.env, k+"="+v)
	}
	os.MkdirAll(filepath.Join(g.dirs["XDG_STATE_HOME"], "limber"), 0o700)
	os.WriteFile(filepath.Join(g.dirs["XDG_STATE_HOME"], "limber", "welcome-shown"), nil, 0o600)
	p := filepath.Join(g.dirs["XDG_CONFIG_HOME"], "limber", "config.toml")
	os.MkdirAll(filepath.Dir(p), 0o700)
	if err := os.WriteFile(p, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	g.cmd = exec.Command(gnomeBinary, args...)
	g.cmd.Env = g.env
	g.cmd.Stdout, g.cmd.Stderr = g.log, g.log
	g.cmd.WaitDelay = 2 * time.Second
	if err := g.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		g.endViews()
		if g.cmd.ProcessState == nil {
			g.cmd.Process.Kill()
			g.cmd.Wait()
		}
		if t.Failed() {
			t.Logf("agent output:\n%s", g.log.String())
		}
	})
	g.eventually("the agent answers", 10*time.Second, func() bool {
		_, _, err := g.limber("status")
		return err == nil
	})
	return g
}

// endViews ends the windows the agent started (its children), by pid.
func (g *gnomeAgent) endViews() {
	if g.cmd.Process == nil {
		return
	}
	out, _ := exec.Command("pgrep", "-P", fmt.Sprint(g.cmd.Process.Pid)).Output()
	pids := strings.Fields(string(out))
	for _, pid := range pids {
		exec.Command("kill", pid).Run()
	}
	// A Fyne app writes its preferences as it exits: wait for that.
	for _, pid := range pids {
		for i := 0; i < 100 && exec.Command("kill", "-0", pid).Run() == nil; i++ {
			time.Sleep(50 * time.Millisecond)
		}
	}
}

func (g *gnomeAgent) limber(args ...string) (string, string, error) {
	c := exec.Command(gnomeBinary, args...)
	c.Env = g.env
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	err := c.Run()
	return out.String(), errb.String(), err
}

type gnomeStatus struct {
	State      string `json:"state"`
	InBreak    string `json:"in_break"`
	IdleSource string `json:"idle_source"`
	Notifier   string `json:"notifier"`
}

func (g *gnomeAgent) status() gnomeStatus {
	g.t.Helper()
	out, errs, err := g.limber("status", "--json")
	if err != nil {
		g.t.Fatalf("limber status --json: %v\n%s", err, errs)
	}
	var st gnomeStatus
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		g.t.Fatalf("status JSON: %v\n%s", err, out)
	}
	return st
}

func (g *gnomeAgent) eventually(what string, within time.Duration, ok func() bool) time.Duration {
	g.t.Helper()
	start := time.Now()
	for time.Since(start) < within {
		if ok() {
			return time.Since(start)
		}
		time.Sleep(50 * time.Millisecond)
	}
	g.t.Fatalf("timed out after %v waiting until %s", within, what)
	return 0
}

func (g *gnomeAgent) journaled(event, kind string) bool {
	recs, _, _ := journal.Read(filepath.Join(g.dirs["XDG_STATE_HOME"], "limber", "journal.jsonl"))
	for _, r := range recs {
		if r.Event == event && r.Kind == kind {
			return true
		}
	}
	return false
}

// ---- windows on XWayland ----

// visibleWindow finds a viewable X window whose name matches the regular
// expression re.
func visibleWindow(re string) string {
	out, err := exec.Command("xdotool", "search", "--onlyvisible", "--name", re).Output()
	if err != nil {
		return ""
	}
	ids := strings.Fields(string(out))
	for _, id := range ids {
		info, err := exec.Command("xwininfo", "-id", id).Output()
		if err == nil && strings.Contains(string(info), "Map State: IsViewable") {
			return id
		}
	}
	return ""
}

// shoot saves window id as LIMBER_SHOTS/name.png when LIMBER_SHOTS is set.
func shoot(t *testing.T, id, name string) {
	dir := os.Getenv("LIMBER_SHOTS")
	if dir == "" {
		return
	}
	os.MkdirAll(dir, 0o700)
	time.Sleep(500 * time.Millisecond) // let it draw
	if out, err := exec.Command("import", "-window", id, filepath.Join(dir, name+".png")).CombinedOutput(); err != nil {
		t.Logf("screenshot %s: %v %s", name, err, out)
	}
}

func trayItems(conn *dbus.Conn) []string {
	v, err := conn.Object("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher").GetProperty("org.kde.StatusNotifierWatcher.RegisteredStatusNotifierItems")
	if err != nil {
		return nil
	}
	items, _ := v.Value().([]string)
	return items
}

// One agent through the whole GNOME row: mutter-watch idle, a natural
// break, the return, a break window (or, without XWayland, why not), the
// notification, and the no-tray path: the notice once, the Limber window,
// and the tray icon the moment a host appears.
func TestGnomeSession(t *testing.T) {
	x11 := os.Getenv("LIMBER_GNOME_X11") == "1"
	notes := startNoteServer(t)
	bus, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	defer bus.Close()
	input := startRemoteInput(t, bus)
	input.nudge(t)

	const threshold = 10 * time.Second
	g := startGnomeAgent(t, "[idle]\nthreshold = \"10s\"\n")
	if st := g.status(); st.IdleSource != "mutter-watch" || st.State != "running" {
		t.Fatalf("status at start: %+v, want running with idle from mutter-watch", st)
	}

	// No tray host: one notice saying so, and how to get one on GNOME.
	g.eventually("the no-tray notice", 15*time.Second, func() bool { return len(notes.find("no tray icon")) > 0 })
	notice := notes.find("no tray icon")[0]
	if !strings.Contains(notice.Body, "gnome-shell-extension-appindicator") {
		t.Fatalf("the no-tray notice does not say how to get an icon on GNOME: %q", notice.Body)
	}
	if !x11 && !strings.Contains(notice.Body, "without XWayland") {
		t.Fatalf("the no-tray notice does not say the windows cannot open either: %q", notice.Body)
	}
	t.Logf("no-tray notice: %s — %s", notice.Summary, notice.Body)

	// Idle from mutter's IdleMonitor: no input from here on.
	input.nudge(t)
	lastInput := time.Now()
	g.eventually("state idle", threshold+10*time.Second, func() bool { return g.status().State == "idle" })
	idleAt := time.Since(lastInput)
	t.Logf("idle seen %v after the last input (threshold %v; mutter says %v)", idleAt.Round(100*time.Millisecond), threshold, mutterIdle(t, bus).Round(100*time.Millisecond))
	if idleAt > threshold+3*time.Second {
		t.Errorf("idle seen %v after the last input, want within the %v threshold (and a little)", idleAt, threshold)
	}
	g.eventually("a natural posture break in the journal", 40*time.Second, func() bool { return g.journaled("natural", "posture") })
	input.nudge(t)
	back := g.eventually("active again after input", 5*time.Second, func() bool { return g.status().State == "running" })
	t.Logf("active again %v after input", back.Round(10*time.Millisecond))
	if back > 2*time.Second {
		t.Errorf("the return took %v to be seen, want within 2 s", back)
	}

	// A break: its notification, and its window on XWayland.
	if _, errs, err := g.limber("break", "now"); err != nil {
		t.Fatalf("limber break now: %v %s", err, errs)
	}
	g.eventually("the break's notification", 5*time.Second, func() bool { return len(notes.find("posture break")) > 0 })
	if x11 {
		var id string
		g.eventually("a visible break window on XWayland", 15*time.Second, func() bool {
			id = visibleWindow("^Posture break")
			return id != ""
		})
		shoot(t, id, "gnome-break")
	} else {
		// No window is even tried: the agent knew at start, said why in
		// its log and in the no-tray notice, and breaks are notifications.
		if !strings.Contains(g.log.String(), "windows cannot open: this Wayland session runs without XWayland") {
			t.Fatalf("the agent's log does not say why windows are off")
		}
		if out, _ := exec.Command("pgrep", "-P", fmt.Sprint(g.cmd.Process.Pid)).Output(); len(out) > 0 {
			t.Fatalf("the agent started processes (%s) where no window can open", out)
		}
	}
	// A pause ends the break, and the agent closes its window.
	if _, errs, err := g.limber("pause", "30m"); err != nil {
		t.Fatalf("limber pause: %v %s", err, errs)
	}
	if x11 {
		g.eventually("the break window gone after the pause", 15*time.Second, func() bool { return visibleWindow("^Posture break") == "" })
	}
	if _, errs, err := g.limber("resume"); err != nil {
		t.Fatalf("limber resume: %v %s", err, errs)
	}

	// The Limber window: a second `limber` opens it (or says why not).
	out, errs, err := g.limber()
	if err != nil {
		t.Fatalf("second limber: %v %s", err, errs)
	}
	if x11 {
		if !strings.Contains(out, "opening its window") {
			t.Fatalf("second limber said %q", out)
		}
		var id string
		g.eventually("the Limber window", 15*time.Second, func() bool {
			id = visibleWindow("^Limber$")
			return id != ""
		})
		shoot(t, id, "gnome-limber-window")
		g.endViews()
		// Clicking the no-tray notice opens it too.
		notes.click(notice.ID, "default")
		g.eventually("the Limber window from the notice", 15*time.Second, func() bool { return visibleWindow("^Limber$") != "" })
		g.endViews()
	} else {
		if !strings.Contains(out, "without XWayland") {
			t.Fatalf("second limber said %q, want why its window cannot open", out)
		}
		g.eventually("a notification saying the window cannot open", 5*time.Second, func() bool {
			n := notes.find("window cannot open")
			return len(n) > 0 && strings.Contains(n[0].Body, "without XWayland") && strings.Contains(n[0].Body, "Next:")
		})
		// Clicking the no-tray notice says so too (and a notification
		// closing reaches the tray library's listener).
		notes.click(notice.ID, "default")
		g.eventually("the agent saying the window cannot open", 5*time.Second, func() bool { return len(notes.find("window cannot open")) == 2 })
		t.Logf("window notice: %s", notes.find("window cannot open")[1].Body)
	}

	// A tray host appears: the icon registers at once; when it goes,
	// one more notice.
	host := exec.Command("status-notifier-watcher")
	if err := host.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if host.ProcessState == nil {
			host.Process.Kill()
			host.Wait()
		}
	}()
	g.eventually("the tray item registered with the new host", 10*time.Second, func() bool {
		for _, it := range trayItems(bus) {
			name, path := it, dbus.ObjectPath("/StatusNotifierItem")
			if i := strings.Index(it, "/"); i > 0 {
				name, path = it[:i], dbus.ObjectPath(it[i:])
			}
			v, err := bus.Object(name, path).GetProperty("org.kde.StatusNotifierItem.Title")
			if err == nil && v.Value() == "Limber" {
				return true
			}
		}
		return false
	})
	host.Process.Kill()
	host.Wait()
	g.eventually("the went-away notice", 10*time.Second, func() bool { return len(notes.find("tray icon went away")) == 1 })
	if n := len(notes.find("no tray icon")); n != 1 {
		t.Fatalf("%d no-tray notices, want exactly one", n)
	}

	if _, errs, err := g.limber("quit"); err != nil {
		t.Fatalf("limber quit: %v %s", err, errs)
	}
	done := make(chan error, 1)
	go func() { done <- g.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, exec.ErrWaitDelay) {
			t.Fatalf("agent exit: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the agent did not exit after limber quit")
	}
}

// The app launcher's entry (`limber --window`, as the .desktop file has
// it) starts the agent and opens the Limber window; where no window can
// open, it says why in a notification.
func TestLauncherOpensTheLimberWindow(t *testing.T) {
	x11 := os.Getenv("LIMBER_GNOME_X11") == "1"
	notes := startNoteServer(t)
	data, err := os.ReadFile("../packaging/org.limber.Limber.desktop")
	if err != nil || !strings.Contains(string(data), "\nExec=limber --window\n") {
		t.Fatalf("the launcher entry does not run `limber --window`: %v\n%s", err, data)
	}
	g := startGnomeAgent(t, "", "--window")
	if x11 {
		g.eventually("the Limber window", 15*time.Second, func() bool { return visibleWindow("^Limber$") != "" })
		// Clicked again: the open window comes forward, no second one.
		if out, errs, err := g.limber(); err != nil || !strings.Contains(out, "opening its window") {
			t.Fatalf("second limber: %v %q %s", err, out, errs)
		}
		g.eventually("the second window giving way", 15*time.Second, func() bool {
			return strings.Contains(g.log.String(), "the Limber window is already open; bringing it forward")
		})
		out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^Limber$").Output()
		if n := len(strings.Fields(string(out))); n != 1 {
			t.Fatalf("%d Limber windows after the launcher was used twice, want 1", n)
		}
	} else {
		g.eventually("a notification saying the window cannot open", 15*time.Second, func() bool {
			return len(notes.find("window cannot open")) == 1
		})
	}
	g.endViews() // the Limber window outlives `limber quit` (it then says Limber is not running)
	if _, errs, err := g.limber("quit"); err != nil {
		t.Fatalf("limber quit: %v %s", err, errs)
	}
	g.cmd.Wait()
}
