//go:build e2e

package e2e

import (
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/limberapp/limber/journal"
)

// The XFCE row of the desktop matrix: these run only inside
// scripts/desktop-xfce.sh (Xvfb, xfwm4, xfce4-panel's status tray,
// xfce4-notifyd): `make e2e-xfce`.

// journalHas reports whether the session's journal has a record of event
// for kind.
func (s *session) journalHas(event, kind string) bool {
	recs, _, _ := journal.Read(filepath.Join(s.dirs["XDG_STATE_HOME"], "limber", "journal.jsonl"))
	for _, r := range recs {
		if r.Event == event && r.Kind == kind {
			return true
		}
	}
	return false
}

// focusedXterm starts an xterm, makes it the active window the way a
// click would (_NET_ACTIVE_WINDOW through the window manager) and types
// into it, so it is the window the person works in.
func focusedXterm(t *testing.T) uint64 {
	t.Helper()
	startApp(t, "xterm", "-T", "limber-e2e-work", "-geometry", "100x30+80+90")
	out, err := xdo(t, "search", "--sync", "--onlyvisible", "--name", "limber-e2e-work")
	if err != nil || out == "" {
		t.Fatalf("the xterm did not appear: %v", err)
	}
	w := winID(t, strings.Fields(out)[0])
	if _, err := xdo(t, "windowactivate", "--sync", fmt.Sprint(w)); err != nil {
		t.Fatalf("xdotool windowactivate: %v", err)
	}
	if _, err := xdo(t, "type", "--delay", "20", "echo at work"); err != nil {
		t.Fatalf("xdotool type: %v", err)
	}
	if a := activeWindow(t); a != w {
		t.Fatalf("active window %#x, want the xterm %#x", a, w)
	}
	return w
}

// assertOnTop checks that the break window, not the work window, is the
// active one and above it, shown (not a demand for attention), and takes
// a screenshot.
func assertOnTop(t *testing.T, brk, work uint64, shot string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for activeWindow(t) != brk && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if a := activeWindow(t); a != brk {
		t.Errorf("active window %#x (%q), want the break window %#x", a, windowName(a), brk)
	}
	bi, wi := stackIndex(t, brk), stackIndex(t, work)
	if bi < 0 || bi < wi {
		t.Errorf("stacking order: break window at %d, the xterm at %d (bottom to top %x); want the break window above", bi, wi, rootWindows(t, "_NET_CLIENT_LIST_STACKING"))
	}
	if st := windowStates(t, brk); strings.Contains(st, "DEMANDS_ATTENTION") || strings.Contains(st, "HIDDEN") {
		t.Errorf("break window state %q: shown as a notice, not opened", st)
	}
	path, _ := screenshot(t, shot, "")
	t.Logf("screenshot: %s", path)
}

// The agent names its idle source (the X server's, with XSync alarms),
// is idle once the threshold has passed, journals a natural posture
// break, and has seen the person back 2 s after input. Between input and
// each check nothing calls the agent: a `limber status` wakes its loop,
// which would read the idle time for it.
func TestXFCEIdleNaturalBreakAndReturn(t *testing.T) {
	needDesktop(t, "xfce")
	const threshold = 15 * time.Second
	s := newSession(t, "[idle]\nthreshold = \"15s\"\n")
	s.startLogged()
	if st := s.status(); st.State != "running" || st.IdleSource != "x11-screensaver" {
		t.Fatalf("active at first, idle time from the X server: %+v", st)
	}
	moveMouse(t)
	time.Sleep(threshold + time.Second)
	if st := s.status(); st.State != "idle" {
		t.Fatalf("%v after the last input (threshold %v) the agent says %q, want idle", threshold+time.Second, threshold, st.State)
	}
	s.eventually("a natural posture break in the journal", 40*time.Second, func() bool { return s.journalHas("natural", "posture") })
	moveMouse(t)
	time.Sleep(2 * time.Second)
	if st := s.status(); st.State != "running" {
		t.Fatalf("2 s after input the agent says %q, want running", st.State)
	}
	s.stop()
}

// `limber break now` while the person works in an xterm: the break
// window opens above it and takes the focus, with xfwm4's defaults and
// with its focus-stealing prevention on (which turns new windows that
// ask for the focus into a "demands attention" notice).
func TestXFCEBreakWindowAboveFocusedApp(t *testing.T) {
	needDesktop(t, "xfce")
	for _, prevent := range []bool{false, true} {
		name := "default" // short: the agent's socket path lives under t.TempDir
		if prevent {
			name = "nosteal"
		}
		t.Run(name, func(t *testing.T) {
			setXfwm(t, "/general/prevent_focus_stealing", prevent)
			s := newSession(t, "")
			s.startLogged()
			work := focusedXterm(t)
			if _, errs, err := s.limber("break", "now", "--kind", "posture"); err != nil {
				t.Fatalf("break now: %v %s", err, errs)
			}
			brk := winID(t, waitWindow(t, "Posture break", 15*time.Second))
			shot := "xfce-break-over-xterm.png"
			if prevent {
				shot = "xfce-break-over-xterm-prevent-focus-stealing.png"
			}
			assertOnTop(t, brk, work, shot)
			time.Sleep(1500 * time.Millisecond) // the view ignores keys for its first second
			pressKey(t, fmt.Sprint(brk), "Escape")
			s.eventually("the break is postponed", 10*time.Second, func() bool { return s.status().State == "running" })
			s.stop()
		})
	}
}

// setXfwm sets a boolean xfwm4 setting for the test and restores it.
func setXfwm(t *testing.T, prop string, v bool) {
	t.Helper()
	old, _ := exec.Command("xfconf-query", "-c", "xfwm4", "-p", prop).Output()
	if out, err := exec.Command("xfconf-query", "-c", "xfwm4", "-p", prop, "-n", "-t", "bool", "-s", fmt.Sprint(v)).CombinedOutput(); err != nil {
		t.Fatalf("xfconf-query %s: %v %s", prop, err, out)
	}
	t.Cleanup(func() {
		if o := strings.TrimSpace(string(old)); o != "" {
			exec.Command("xfconf-query", "-c", "xfwm4", "-p", prop, "-s", o).Run()
		} else {
			exec.Command("xfconf-query", "-c", "xfwm4", "-p", prop, "-r").Run()
		}
	})
	now, _ := exec.Command("xfconf-query", "-c", "xfwm4", "-p", prop).Output()
	if strings.TrimSpace(string(now)) != fmt.Sprint(v) {
		t.Fatalf("xfwm4 %s is %q after setting it to %v", prop, now, v)
	}
	time.Sleep(300 * time.Millisecond) // xfwm4 reads the change from xfconfd
}

// A posture warning reaches xfce4-notifyd; a real click on its popup
// (the pointer moved there and button 1 pressed through XTEST) invokes
// the notification's default action, which opens the break window above
// the xterm the person works in.
func TestXFCENotificationClickOpensBreakWindow(t *testing.T) {
	needDesktop(t, "xfce")
	conn := sessionBus(t)
	var name, vendor, version, spec string
	if err := conn.Object("org.freedesktop.Notifications", "/org/freedesktop/Notifications").
		Call("org.freedesktop.Notifications.GetServerInformation", 0).Store(&name, &vendor, &version, &spec); err != nil {
		t.Fatalf("GetServerInformation: %v", err)
	}
	if !strings.Contains(name, "Xfce") {
		t.Fatalf("the notification server is %q (%s), want xfce4-notifyd", name, vendor)
	}
	s := newSession(t, "[breaks.posture]\nevery = \"2m\"\nwarn_before = \"1m55s\"\n")
	moveMouse(t)
	s.startLogged()
	if st := s.status(); st.Notifier != "dbus" {
		t.Fatalf("xfce4-notifyd offers actions, so the agent should use D-Bus notifications: %+v", st)
	}
	work := focusedXterm(t)
	var popup uint64
	s.eventually("the warning's popup from xfce4-notifyd", 20*time.Second, func() bool {
		moveMouse(t) // at the desk: no warning is shown to someone away
		out, _ := xdo(t, "search", "--onlyvisible", "--class", "xfce4-notifyd")
		if out == "" {
			return false
		}
		popup = winID(t, strings.Fields(out)[0])
		return true
	})
	time.Sleep(500 * time.Millisecond) // its fade-in
	path, shot := screenshot(t, "xfce-notification.png", "")
	t.Logf("screenshot: %s", path)
	if s.status().State == "in_break" {
		t.Fatal("in a break before the notification was clicked")
	}
	// xfce4-notifyd shows the default action as the first button (a click
	// on the body does nothing): find the buttons in the popup's pixels
	// and click the first, "Start now".
	buttons := popupButtons(shot, image.Rect(geometry(t, popup)))
	if len(buttons) < 2 {
		t.Fatalf("found %d buttons in the popup %v, want Start now, Postpone (and Skip)", len(buttons), buttons)
	}
	t.Logf("popup buttons at %v", buttons)
	c := image.Pt((buttons[0].Min.X+buttons[0].Max.X)/2, buttons[0].Min.Y+12) // below its top edge
	if _, err := xdo(t, "mousemove", "--sync", fmt.Sprint(c.X), fmt.Sprint(c.Y), "click", "1"); err != nil {
		t.Fatalf("clicking the popup: %v", err)
	}
	brk := winID(t, waitWindow(t, "Posture break", 15*time.Second))
	if st := s.status(); st.State != "in_break" || st.InBreak != "posture" {
		t.Fatalf("status while the window is open: %+v", st)
	}
	assertOnTop(t, brk, work, "xfce-break-from-notification.png")
	time.Sleep(1500 * time.Millisecond)
	pressKey(t, fmt.Sprint(brk), "Return")
	s.eventually("the break ends", 10*time.Second, func() bool { return s.status().State == "running" })
	recs, _, _ := journal.Read(filepath.Join(s.dirs["XDG_STATE_HOME"], "limber", "journal.jsonl"))
	started := false
	for _, r := range recs {
		started = started || r.Event == "started" && r.Kind == "posture" && r.Data["from"] == "notification"
	}
	if !started {
		t.Fatalf("no posture break started from the notification in the journal: %+v", recs)
	}
	s.stop()
}

// The tray item registers with xfce4-panel's own StatusNotifierWatcher
// and its icon appears at the right end of the panel.
func TestXFCETrayIconInPanel(t *testing.T) {
	needDesktop(t, "xfce")
	conn := sessionBus(t)
	var pid uint32
	if err := conn.BusObject().Call("org.freedesktop.DBus.GetConnectionUnixProcessID", 0, "org.kde.StatusNotifierWatcher").Store(&pid); err != nil {
		t.Fatalf("the watcher's process: %v", err)
	}
	// The status tray runs as the panel's plugin process (panel-N-systray),
	// a child of xfce4-panel.
	comm, parent := procComm(int(pid)), procComm(procParent(int(pid)))
	if !(comm == "xfce4-panel" || strings.HasSuffix(comm, "-systray") && parent == "xfce4-panel") {
		t.Fatalf("org.kde.StatusNotifierWatcher is owned by %q (pid %d, parent %q), want xfce4-panel's status tray", comm, pid, parent)
	}
	t.Logf("the watcher is %s, a child of %s", comm, parent)
	// The right end of the panel, where its status tray sits: the task
	// list on the left changes too when a window (the first-run welcome)
	// opens.
	const crop = "240x32+1040+0"
	_, before := screenshot(t, "xfce-panel-before.png", crop)
	s := newSession(t, "")
	s.startLogged()
	tr := findTray(t, conn)
	items, _ := trayItems(conn)
	t.Logf("registered with xfce4-panel: %q (ours %s%s)", items, tr.name, tr.item)
	var box image.Rectangle
	var n int
	var path string
	deadline := time.Now().Add(10 * time.Second)
	for {
		var after image.Image
		path, after = screenshot(t, "xfce-panel.png", crop)
		box, n = diffBox(before, after)
		if n > 50 || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("panel screenshot %s: %d pixels changed in %v", path, n, box)
	if n <= 50 {
		t.Fatal("the panel looks the same with the agent running: no icon")
	}
	if box.Dx() < 12 || box.Dx() > 40 || box.Dy() < 12 || box.Dy() > 32 || box.Min.X < 60 {
		t.Fatalf("what changed in the panel is %v, want one icon (12–40 px) in the status tray at the right end", box)
	}
	s.stop()
}

// The X server under a running agent ends (a logout, a crash): the agent
// stays up, says so in one log line, counts the person as active and
// sleeps (no CPU over 10 s); when a new X server comes up on the same
// display it reads idle time from it again.
func TestXFCEAgentSurvivesXServerLoss(t *testing.T) {
	needDesktop(t, "xfce")
	x := startOwnX(t, "")
	s := newSession(t, "[idle]\nthreshold = \"15s\"\n", "DISPLAY="+x.display)
	logPath := s.startLogged()
	readLog := func() string { b, _ := os.ReadFile(logPath); return string(b) }
	if st := s.status(); st.IdleSource != "x11-screensaver" {
		t.Fatalf("idle source on %s: %+v", x.display, st)
	}
	x.stop()
	s.eventually("the agent logs the loss", 10*time.Second, func() bool { return strings.Contains(readLog(), "lost the X display") })
	logged := readLog()
	pid := s.agent.Process.Pid
	t0 := cpuTicks(t, pid)
	time.Sleep(10 * time.Second)
	ticks := cpuTicks(t, pid) - t0
	t.Logf("agent CPU over 10 s with the X server gone: %d ticks", ticks)
	if ticks > 2 {
		t.Errorf("the agent used %d CPU ticks in 10 s with the X server gone, want about 0", ticks)
	}
	if after := readLog(); after != logged {
		t.Errorf("the log grew while the X server was gone:\n%s", strings.TrimPrefix(after, logged))
	}
	if c := strings.Count(logged, "lost the X display"); c != 1 {
		t.Errorf("%d lines about the loss, want 1:\n%s", c, logged)
	}
	if st := s.status(); st.State != "running" {
		t.Errorf("with no X server the person counts as active: %+v", st)
	}
	startOwnX(t, x.display)
	s.eventually("the agent logs the display's return", 30*time.Second, func() bool { return strings.Contains(readLog(), "display "+x.display+" is back") })
	// No input on the new server: idle past the threshold, seen without
	// anyone asking (a status call would wake the agent to read it).
	time.Sleep(17 * time.Second)
	if st := s.status(); st.State != "idle" {
		t.Fatalf("17 s after the new X server came up, with no input, the agent says %q, want idle; log:\n%s", st.State, readLog())
	}
	t.Logf("log:\n%s", readLog())
	s.stop()
}

// The X server under a running agent stops answering but keeps its
// connections (stopped, hung): the agent still answers, says so in one
// log line, and goes on with the server once it answers again.
func TestXFCEAgentAnswersWithFrozenXServer(t *testing.T) {
	needDesktop(t, "xfce")
	x := startOwnX(t, "")
	s := newSession(t, "", "DISPLAY="+x.display)
	logPath := s.startLogged()
	readLog := func() string { b, _ := os.ReadFile(logPath); return string(b) }
	x.cmd.Process.Signal(syscall.SIGSTOP)
	continued := false
	defer func() {
		if !continued {
			x.cmd.Process.Signal(syscall.SIGCONT)
		}
	}()
	for i := 0; i < 5; i++ {
		done := make(chan error, 1)
		go func() { _, _, err := s.limber("status"); done <- err }()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("limber status with the X server stopped: %v", err)
			}
		case <-time.After(8 * time.Second):
			t.Fatalf("the agent did not answer within 8 s with the X server stopped; log:\n%s", readLog())
		}
		time.Sleep(2 * time.Second)
	}
	if c := strings.Count(readLog(), "lost the X display"); c != 1 {
		t.Fatalf("%d lines about the loss, want 1:\n%s", c, readLog())
	}
	x.cmd.Process.Signal(syscall.SIGCONT)
	continued = true
	s.eventually("the agent logs the display's return", 30*time.Second, func() bool { return strings.Contains(readLog(), "display "+x.display+" is back") })
	t.Logf("log:\n%s", readLog())
	s.stop()
}
