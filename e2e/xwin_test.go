//go:build e2e

package e2e

import (
	"errors"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Helpers for the tests in a real desktop (xfce_test.go): X window
// properties through xprop, screenshots, an X server of the test's own,
// the agent's log in a file and its processes by pid.

// needDesktop skips unless the tests run inside scripts/desktop-NAME.sh.
func needDesktop(t *testing.T, name string) {
	t.Helper()
	if os.Getenv("LIMBER_DESKTOP") != name {
		t.Skipf("run inside scripts/desktop-%s.sh (LIMBER_DESKTOP=%s)", name, name)
	}
}

// rootWindows reads a WINDOW-list property of the root window (xprop
// prints hex ids); display "" is $DISPLAY.
func rootWindows(t *testing.T, prop string) []uint64 {
	t.Helper()
	out, err := exec.Command("xprop", "-root", prop).Output()
	if err != nil {
		t.Fatalf("xprop -root %s: %v", prop, err)
	}
	s := string(out)
	i := strings.Index(s, "#")
	if i < 0 {
		return nil
	}
	var ids []uint64
	for _, f := range strings.Split(s[i+1:], ",") {
		if v, err := strconv.ParseUint(strings.TrimSpace(f), 0, 64); err == nil && v != 0 {
			ids = append(ids, v)
		}
	}
	return ids
}

// activeWindow is the window manager's _NET_ACTIVE_WINDOW, 0 for none.
func activeWindow(t *testing.T) uint64 {
	ids := rootWindows(t, "_NET_ACTIVE_WINDOW")
	if len(ids) == 0 {
		return 0
	}
	return ids[0]
}

// stackIndex is w's place in _NET_CLIENT_LIST_STACKING (bottom to top),
// -1 when the window manager does not list it.
func stackIndex(t *testing.T, w uint64) int {
	for i, id := range rootWindows(t, "_NET_CLIENT_LIST_STACKING") {
		if id == w {
			return i
		}
	}
	return -1
}

// windowStates is the window's _NET_WM_STATE atoms.
func windowStates(t *testing.T, w uint64) string {
	out, _ := exec.Command("xprop", "-id", fmt.Sprint(w), "_NET_WM_STATE").Output()
	return strings.TrimSpace(string(out))
}

// winID parses an xdotool (decimal) window id.
func winID(t *testing.T, s string) uint64 {
	t.Helper()
	v, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
	if err != nil {
		t.Fatalf("window id %q: %v", s, err)
	}
	return v
}

// windowName is the window's title.
func windowName(w uint64) string {
	out, _ := exec.Command("xdotool", "getwindowname", fmt.Sprint(w)).Output()
	return strings.TrimSpace(string(out))
}

// geometry is the window's corners on the screen.
func geometry(t *testing.T, w uint64) (x0, y0, x1, y1 int) {
	t.Helper()
	out, err := exec.Command("xdotool", "getwindowgeometry", "--shell", fmt.Sprint(w)).Output()
	if err != nil {
		t.Fatalf("xdotool getwindowgeometry: %v", err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		k, v, _ := strings.Cut(l, "=")
		n, _ := strconv.Atoi(v)
		switch k {
		case "X":
			x0 = n
		case "Y":
			y0 = n
		case "WIDTH":
			x1 = n
		case "HEIGHT":
			y1 = n
		}
	}
	return x0, y0, x0 + x1, y0 + y1
}

// popupButtons finds a row of buttons in the lower half of the window at
// r in img: on the top edge of the buttons, runs of at least 30 pixels
// that differ from the window's background, left to right. It scans up
// from the bottom and keeps the topmost row of the first band of rows
// with two runs or more (lower rows cross the labels).
func popupButtons(img image.Image, r image.Rectangle) []image.Rectangle {
	bg := img.At(r.Min.X+10, r.Max.Y-6) // inside the frame, below the buttons
	differs := func(x, y int) bool {
		r1, g1, b1, _ := img.At(x, y).RGBA()
		r2, g2, b2, _ := bg.RGBA()
		return absDiff(r1, r2)+absDiff(g1, g2)+absDiff(b1, b2) > 3*0x0300
	}
	var best []image.Rectangle
	for y := r.Max.Y - 6; y > r.Min.Y+r.Dy()/2; y-- {
		var runs []image.Rectangle
		start := -1
		for x := r.Min.X + 6; x <= r.Max.X-6; x++ {
			d := x < r.Max.X-6 && differs(x, y)
			if d && start < 0 {
				start = x
			}
			if !d && start >= 0 {
				if x-start >= 30 {
					runs = append(runs, image.Rect(start, y, x, y+1))
				}
				start = -1
			}
		}
		if len(runs) >= 2 {
			best = runs
		} else if best != nil {
			break
		}
	}
	return best
}

// procComm is the process's command name, "" when it is gone.
func procComm(pid int) string {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
	return strings.TrimSpace(string(b))
}

// procParent is the process's parent pid, 0 when it is gone.
func procParent(pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	p, _ := strconv.Atoi(f[1])
	return p
}

// startApp starts another application's window (the one the person works
// in) and ends it, by pid, when the test ends.
func startApp(t *testing.T, name string, args ...string) *exec.Cmd {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is not installed", name)
	}
	c := exec.Command(name, args...)
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Process.Kill(); c.Wait() })
	return c
}

// diffBox is the bounding box of the pixels that differ between a and b
// (same size), and how many differ.
func diffBox(a, b image.Image) (image.Rectangle, int) {
	var box image.Rectangle
	n := 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if absDiff(r1, r2)+absDiff(g1, g2)+absDiff(b1, b2) > 3*0x0800 {
				n++
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return box, n
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// cpuTicks is the process's user+system CPU time in clock ticks.
func cpuTicks(t *testing.T, pid int) int {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Fatalf("the agent (pid %d) is gone: %v", pid, err)
	}
	// Fields after the command name, which is in parentheses.
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	u, _ := strconv.Atoi(f[11])
	s, _ := strconv.Atoi(f[12])
	return u + s
}

// descendants lists pid's child processes, theirs, and so on.
func descendants(pid int) []int {
	var out []int
	kids, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
	for _, f := range strings.Fields(string(kids)) {
		if c, err := strconv.Atoi(f); err == nil {
			out = append(out, c)
			out = append(out, descendants(c)...)
		}
	}
	return out
}

// startLogged starts the agent like start, with its output in a file
// (read while it runs) whose path it returns.
func (s *session) startLogged() string {
	s.t.Helper()
	path := filepath.Join(s.t.TempDir(), "agent.log")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		s.t.Fatal(err)
	}
	s.agent = exec.Command(binary)
	s.agent.Env = s.env
	s.agent.WaitDelay = 2 * time.Second
	s.agent.Stdout, s.agent.Stderr = f, f
	if err := s.agent.Start(); err != nil {
		s.t.Fatal(err)
	}
	f.Close()
	pid := s.agent.Process.Pid
	s.t.Cleanup(func() {
		if s.agent.ProcessState == nil {
			views := descendants(pid)
			s.agent.Process.Kill()
			s.agent.Wait()
			killPids(views)
		}
		if s.t.Failed() {
			b, _ := os.ReadFile(path)
			s.t.Logf("agent output:\n%s", b)
		}
	})
	s.eventually("the agent answers", 10*time.Second, func() bool {
		_, _, err := s.limber("status")
		return err == nil
	})
	return path
}

// stop asks the agent to quit, waits for it to exit 0 and ends, by pid,
// the windows it had opened.
func (s *session) stop() {
	s.t.Helper()
	views := descendants(s.agent.Process.Pid)
	if _, errs, err := s.limber("quit"); err != nil {
		s.t.Fatalf("limber quit: %v %s", err, errs)
	}
	done := make(chan error, 1)
	go func() { done <- s.agent.Wait() }()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, exec.ErrWaitDelay) {
			s.t.Fatalf("agent exit: %v", err)
		}
	case <-time.After(10 * time.Second):
		s.t.Fatal("agent did not exit after limber quit")
	}
	killPids(views)
}

// killPids ends the processes (SIGTERM, then SIGKILL after 5 s) and waits
// until they are gone.
func killPids(pids []int) {
	for _, p := range pids {
		syscall.Kill(p, syscall.SIGTERM)
	}
	deadline := time.Now().Add(5 * time.Second)
	for _, p := range pids {
		for syscall.Kill(p, 0) == nil && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		syscall.Kill(p, syscall.SIGKILL)
	}
}

// ownXServer is an Xvfb this test started on a free display.
type ownXServer struct {
	t       *testing.T
	display string
	cmd     *exec.Cmd
}

// startOwnX starts Xvfb on display ("" picks a free one) and waits until
// it takes connections.
func startOwnX(t *testing.T, display string) *ownXServer {
	t.Helper()
	if display == "" {
		for n := 400; n < 500 && display == ""; n++ {
			_, e1 := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n))
			_, e2 := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n))
			if os.IsNotExist(e1) && os.IsNotExist(e2) {
				display = fmt.Sprintf(":%d", n)
			}
		}
	}
	x := &ownXServer{t: t, display: display, cmd: exec.Command("Xvfb", display, "-screen", "0", "1024x768x24", "-nolisten", "tcp", "-noreset")}
	if err := x.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(x.stop)
	deadline := time.Now().Add(15 * time.Second)
	for exec.Command("xprop", "-display", display, "-root", "_XROOTPMAP_ID").Run() != nil {
		// xprop fails with "unable to open display" until the server is up
		// (and succeeds, with "not found", once it is).
		if out, _ := exec.Command("xprop", "-display", display, "-root", "_XROOTPMAP_ID").CombinedOutput(); strings.Contains(string(out), "not found") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Xvfb %s took no connection within 15 s", display)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return x
}

// stop ends the server as a logout does (SIGTERM) and waits for it.
func (x *ownXServer) stop() {
	if x.cmd.ProcessState != nil {
		return
	}
	x.cmd.Process.Signal(syscall.SIGTERM)
	x.cmd.Wait()
}
