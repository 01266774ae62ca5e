//go:build wine

package e2e

// Limber's Windows build under Wine: `make test-windows` cross-builds
// limber.exe (GUI subsystem), limber.com (the same program as a console
// program) and the MSI, then runs these tests inside
// scripts/wine-session.sh (Xvfb, openbox, a fresh Wine prefix with the
// ProcessPrng shim). Build tag: wine. Environment: LIMBER_EXE, LIMBER_COM,
// LIMBER_MSI (paths on this side), WINEPREFIX, DISPLAY, LIMBER_SHOTS.

import (
	"bytes"
	"context"
	"debug/pe"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

func wineEnvPath(t *testing.T, name string) string {
	t.Helper()
	p := os.Getenv(name)
	if p == "" {
		t.Fatalf("%s is not set: run these tests through `make test-windows`", name)
	}
	p, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return p
}

// fyneVersion is FyneApp.toml's Version and Build.
func fyneVersion(t *testing.T) (string, int) {
	t.Helper()
	b, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	v := regexp.MustCompile(`(?m)^Version *= *"([^"]+)"`).FindSubmatch(b)
	n := regexp.MustCompile(`(?m)^Build *= *([0-9]+)`).FindSubmatch(b)
	if v == nil || n == nil {
		t.Fatalf("../FyneApp.toml: no Version = \"X.Y.Z\" or Build = N line")
	}
	build, _ := strconv.Atoi(string(n[1]))
	return string(v[1]), build
}

// wine runs a Windows program to its end (within limit) and returns its
// standard output and error.
func wine(t *testing.T, limit time.Duration, args ...string) (string, string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	c := exec.CommandContext(ctx, "wine", args...)
	var out, errs bytes.Buffer
	c.Stdout, c.Stderr = &out, &errs
	// A view the program started keeps its output open; don't wait on it.
	c.WaitDelay = 2 * time.Second
	err := c.Run()
	if errors.Is(err, exec.ErrWaitDelay) && c.ProcessState.Success() {
		err = nil // it ended well; what it started holds the output
	}
	if ctx.Err() != nil {
		err = fmt.Errorf("wine %s: still running after %s", strings.Join(args, " "), limit)
	}
	return out.String(), errs.String(), err
}

// winPath is the Windows name (Z:\…) of a path on this side. A fresh
// prefix maps Z: to /; winepath is not used, since the first Wine program
// in a session starts Wine's own services, which keep its output open.
func winPath(t *testing.T, p string) string {
	t.Helper()
	if z, err := os.Readlink(prefixPath(t, "dosdevices", "z:")); err != nil || filepath.Clean(z) != "/" {
		t.Fatalf("the prefix's Z: is not / (%q, %v)", z, err)
	}
	return "Z:" + strings.ReplaceAll(p, "/", `\`)
}

func prefixPath(t *testing.T, parts ...string) string {
	t.Helper()
	p := os.Getenv("WINEPREFIX")
	if p == "" {
		t.Fatal("WINEPREFIX is not set: run these tests inside scripts/wine-session.sh")
	}
	return filepath.Join(append([]string{p}, parts...)...)
}

func eventuallyW(t *testing.T, what string, limit time.Duration, ok func() bool) {
	t.Helper()
	end := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(end) {
			t.Fatalf("%s: not within %s", what, limit)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// TestWineVersion: both programs print FyneApp.toml's version.
func TestWineVersion(t *testing.T) {
	version, _ := fyneVersion(t)
	for _, env := range []string{"LIMBER_COM", "LIMBER_EXE"} {
		out, errs, err := wine(t, time.Minute, wineEnvPath(t, env), "--version")
		if err != nil {
			t.Fatalf("%s --version: %v\n%s%s", env, err, out, errs)
		}
		if want := "limber version " + version; strings.TrimSpace(out) != want {
			t.Fatalf("%s --version printed %q, want %q (stderr %q)", env, out, want, errs)
		}
	}
}

// The resources of a PE file: type ID → the data of each leaf under it.
func peResources(t *testing.T, path string) map[uint32][][]byte {
	t.Helper()
	f, err := pe.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sec := f.Section(".rsrc")
	if sec == nil {
		t.Fatalf("%s has no .rsrc section", path)
	}
	data, err := sec.Data()
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	type entry struct{ id, off uint32 }
	dir := func(off uint32) []entry {
		if int(off)+16 > len(data) {
			t.Fatalf("%s: resource directory at %d is outside .rsrc", path, off)
		}
		n := int(le.Uint16(data[off+12:])) + int(le.Uint16(data[off+14:]))
		var es []entry
		for i := 0; i < n; i++ {
			p := off + 16 + uint32(i)*8
			es = append(es, entry{le.Uint32(data[p:]), le.Uint32(data[p+4:])})
		}
		return es
	}
	leaves := map[uint32][][]byte{}
	var walk func(typ uint32, off uint32, depth int)
	walk = func(typ, off uint32, depth int) {
		for _, e := range dir(off) {
			if depth == 0 {
				typ = e.id
			}
			if e.off&0x80000000 != 0 {
				walk(typ, e.off&0x7fffffff, depth+1)
				continue
			}
			rva, size := le.Uint32(data[e.off:]), le.Uint32(data[e.off+4:])
			start := rva - sec.VirtualAddress
			if int(start+size) > len(data) {
				t.Fatalf("%s: resource data at RVA %#x is outside .rsrc", path, rva)
			}
			leaves[typ] = append(leaves[typ], data[start:start+size])
		}
	}
	walk(0, 0, 0)
	return leaves
}

func utf16Bytes(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

// TestWindowsResources: limber.exe (GUI subsystem: no console window for
// the agent and views) and limber.com (console subsystem: the CLI in cmd
// and PowerShell) carry the icon (16 to 256 px) and version information
// from FyneApp.toml.
func TestWindowsResources(t *testing.T) {
	version, build := fyneVersion(t)
	var major, minor, patch uint32
	if _, err := fmt.Sscanf(version, "%d.%d.%d", &major, &minor, &patch); err != nil {
		t.Fatalf("FyneApp.toml Version %q: %v", version, err)
	}
	const rtIcon, rtGroupIcon, rtVersion = 3, 14, 16
	subsystem := map[string]uint16{"LIMBER_EXE": pe.IMAGE_SUBSYSTEM_WINDOWS_GUI, "LIMBER_COM": pe.IMAGE_SUBSYSTEM_WINDOWS_CUI}
	for _, env := range []string{"LIMBER_EXE", "LIMBER_COM"} {
		path := wineEnvPath(t, env)
		f, err := pe.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
		f.Close()
		if !ok || oh.Subsystem != subsystem[env] {
			t.Fatalf("%s: not a 64-bit PE with subsystem %d (%T %+v)", path, subsystem[env], f.OptionalHeader, oh)
		}
		res := peResources(t, path)
		groups := res[rtGroupIcon]
		if len(groups) != 1 {
			t.Fatalf("%s: %d icon groups, want 1", path, len(groups))
		}
		g := groups[0]
		n := int(binary.LittleEndian.Uint16(g[4:]))
		var sizes []int
		for i := 0; i < n; i++ {
			w := int(g[6+14*i])
			if w == 0 {
				w = 256
			}
			sizes = append(sizes, w)
		}
		sort.Ints(sizes)
		if fmt.Sprint(sizes) != "[16 24 32 48 64 256]" || len(res[rtIcon]) != n {
			t.Fatalf("%s: icon sizes %v (%d images), want [16 24 32 48 64 256]", path, sizes, len(res[rtIcon]))
		}
		vs := res[rtVersion]
		if len(vs) != 1 {
			t.Fatalf("%s: %d version resources, want 1", path, len(vs))
		}
		v := vs[0]
		sig := bytes.Index(v, []byte{0xbd, 0x04, 0xef, 0xfe})
		if sig < 0 {
			t.Fatalf("%s: the version resource has no VS_FIXEDFILEINFO", path)
		}
		ms, ls := binary.LittleEndian.Uint32(v[sig+8:]), binary.LittleEndian.Uint32(v[sig+12:])
		if ms != major<<16|minor || ls != patch<<16|uint32(build) {
			t.Fatalf("%s: FileVersion %d.%d.%d.%d, want %s.%d", path, ms>>16, ms&0xffff, ls>>16, ls&0xffff, version, build)
		}
		for _, key := range []string{"ProductVersion", "FileVersion"} {
			want := append(utf16Bytes(key+"\x00"), 0, 0) // padded to 32 bits
			i := bytes.Index(v, want)
			if i < 0 {
				want = utf16Bytes(key + "\x00")
				i = bytes.Index(v, want)
			}
			if i < 0 || !bytes.HasPrefix(v[i+len(want):], utf16Bytes(version+"\x00")) {
				t.Fatalf("%s: the version strings lack %s = %q", path, key, version)
			}
		}
		if !bytes.Contains(v, utf16Bytes("Limber")) {
			t.Fatalf("%s: the version strings do not name Limber", path)
		}
	}
}

// wineAgent is a running `limber.exe` under Wine.
type wineAgent struct {
	t      *testing.T
	com    string
	cmd    *exec.Cmd
	log    *bytes.Buffer
	config string
}

func startWineAgent(t *testing.T, config string, launcher ...string) *wineAgent {
	t.Helper()
	a := &wineAgent{t: t, com: wineEnvPath(t, "LIMBER_COM"), log: &bytes.Buffer{}}
	a.config = filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(a.config, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	args := append(append([]string{}, launcher...), wineEnvPath(t, "LIMBER_EXE"), "--config", winPath(t, a.config))
	a.cmd = exec.Command("wine", args...)
	a.cmd.Stdout, a.cmd.Stderr = a.log, a.log
	a.cmd.WaitDelay = 2 * time.Second
	if err := a.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if a.cmd.ProcessState == nil {
			a.limber("quit")
			done := make(chan error, 1)
			go func() { done <- a.cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				a.cmd.Process.Kill()
				<-done
			}
		}
		if t.Failed() {
			t.Logf("agent output:\n%s", a.log.String())
		}
	})
	eventuallyW(t, "the agent answers over its pipe", 60*time.Second, func() bool {
		_, _, err := a.limber("status")
		return err == nil
	})
	return a
}

// limber runs limber.com with the agent's config.
func (a *wineAgent) limber(args ...string) (string, string, error) {
	a.t.Helper()
	return wine(a.t, time.Minute, append([]string{a.com, "--config", winPath(a.t, a.config)}, args...)...)
}

func (a *wineAgent) status() statusJSON {
	a.t.Helper()
	out, errs, err := a.limber("status", "--json")
	if err != nil {
		a.t.Fatalf("status --json: %v\n%s%s", err, out, errs)
	}
	var st statusJSON
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		a.t.Fatalf("status --json printed %q: %v", out, err)
	}
	return st
}

// statusJSON is the part of `limber status --json` these tests read.
type statusJSON struct {
	State      string `json:"state"`
	InBreak    string `json:"in_break"`
	IdleSource string `json:"idle_source"`
	Config     string `json:"config"`
	PID        int    `json:"pid"`
	Next       []struct {
		Kind         string `json:"kind"`
		DueInSeconds int    `json:"due_in_seconds"`
	} `json:"next"`
}

// xWindow waits for a visible X window whose name matches and returns
// its id.
func xWindow(t *testing.T, name string, limit time.Duration) string {
	t.Helper()
	var id string
	eventuallyW(t, "a visible window named "+name, limit, func() bool {
		out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", name).Output()
		f := strings.Fields(string(out))
		if len(f) > 0 {
			id = f[len(f)-1]
		}
		return id != ""
	})
	return id
}

func xGeometry(t *testing.T, id string) image.Rectangle {
	t.Helper()
	out, err := exec.Command("xdotool", "getwindowgeometry", "--shell", id).Output()
	if err != nil {
		t.Fatalf("xdotool getwindowgeometry %s: %v", id, err)
	}
	v := map[string]int{}
	for _, l := range strings.Fields(string(out)) {
		if k, n, ok := strings.Cut(l, "="); ok {
			v[k], _ = strconv.Atoi(n)
		}
	}
	return image.Rect(v["X"], v["Y"], v["X"]+v["WIDTH"], v["Y"]+v["HEIGHT"])
}

// colours counts the distinct colours (to 4 bits a channel) in r.
func colours(img image.Image, r image.Rectangle) int {
	seen := map[uint32]bool{}
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y += 2 {
		for x := r.Min.X; x < r.Max.X; x += 2 {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			seen[cr>>12<<8|cg>>12<<4|cb>>12] = true
		}
	}
	return len(seen)
}

// TestWineAgent: the agent starts under Wine and shows the welcome once,
// answers status over its named pipe, opens a break window on `break
// now`, reads idle time through GetLastInputInfo (input from xdotool
// ends the idle spell), and quits on request.
func TestWineAgent(t *testing.T) {
	a := startWineAgent(t, "[idle]\nthreshold = \"10s\"\n")

	// The first run opens the welcome; closing it leaves the marker.
	id := xWindow(t, "Welcome to Limber", time.Minute)
	time.Sleep(time.Second) // let it draw before the screenshot
	path, img := screenshot(t, "wine-welcome.png", "")
	if n := colours(img, xGeometry(t, id)); n < 8 {
		t.Fatalf("the welcome window is nearly blank (%d colours): %s", n, path)
	}
	exec.Command("xdotool", "windowactivate", "--sync", id).Run()
	exec.Command("xdotool", "key", "alt+F4").Run()
	eventuallyW(t, "the welcome closes", 30*time.Second, func() bool {
		out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", "Welcome to Limber").Output()
		return len(bytes.TrimSpace(out)) == 0
	})

	// With no input yet, the 10 s idle threshold may have passed already.
	st := a.status()
	if (st.State != "running" && st.State != "idle") || len(st.Next) != 3 || st.Next[0].Kind != "posture" || st.IdleSource == "" || st.PID == 0 {
		t.Fatalf("status at start: %+v", st)
	}
	if !strings.EqualFold(st.Config, winPath(t, a.config)) {
		t.Fatalf("status names config %q, want %q", st.Config, winPath(t, a.config))
	}
	t.Logf("status under Wine: %+v", st)

	// `limber break now` opens the break window.
	if out, errs, err := a.limber("break", "now"); err != nil {
		t.Fatalf("break now: %v\n%s%s", err, out, errs)
	}
	eventuallyW(t, "status shows the posture break", 30*time.Second, func() bool {
		st := a.status()
		return st.State == "in_break" && st.InBreak == "posture"
	})
	id = xWindow(t, "Posture break", time.Minute)
	time.Sleep(2 * time.Second)
	// With no X tray host, Wine shows the notification area as a window of
	// its own, "Wine System Tray": the agent's icon is in it (under Wine
	// the first icon set at start fails, "systray error: unable to set
	// icon"; it shows from the next icon change on, the break's).
	trayWin := xWindow(t, "Wine System Tray", 30*time.Second)
	tg := xGeometry(t, trayWin)
	// The window with its title bar, and the balloon below it.
	crop := image.Rect(max(tg.Min.X-10, 0), max(tg.Min.Y-40, 0), tg.Max.X+180, tg.Max.Y+70)
	_, img = screenshot(t, "wine-tray.png", fmt.Sprintf("%dx%d+%d+%d", crop.Dx(), crop.Dy(), crop.Min.X, crop.Min.Y))
	if n := colours(img, img.Bounds()); n < 6 {
		t.Fatalf("the Wine System Tray window shows no icon (%d colours)", n)
	}
	path, img = screenshot(t, "wine-break.png", "")
	geo := xGeometry(t, id)
	if geo.Dx() < 300 || geo.Dy() < 200 {
		t.Fatalf("the break window is %v: too small (%s)", geo, path)
	}
	if n := colours(img, geo); n < 8 {
		t.Fatalf("the break window is nearly blank (%d colours): %s", n, path)
	}
	// Alt+F4 ends the break early; the agent sees the view go.
	exec.Command("xdotool", "windowactivate", "--sync", id).Run()
	exec.Command("xdotool", "key", "alt+F4").Run()
	eventuallyW(t, "the break ends with its window", 30*time.Second, func() bool {
		return a.status().State != "in_break"
	})

	// Idle: no input for the 10 s threshold makes the agent idle; input
	// into a Wine window (Wine counts only input it receives) ends it.
	np := exec.Command("wine", "notepad")
	if err := np.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { np.Process.Kill(); np.Wait() })
	npWin := xWindow(t, "Notepad", time.Minute)
	eventuallyW(t, "the agent turns idle without input", 60*time.Second, func() bool {
		return a.status().State == "idle"
	})
	g := xGeometry(t, npWin)
	for i := 0; i < 5; i++ {
		exec.Command("xdotool", "mousemove", strconv.Itoa(g.Min.X+40+10*i), strconv.Itoa(g.Min.Y+60+5*i)).Run()
	}
	eventuallyW(t, "input ends the idle spell", 30*time.Second, func() bool {
		return a.status().State == "running"
	})

	if out, errs, err := a.limber("quit"); err != nil {
		t.Fatalf("quit: %v\n%s%s", err, out, errs)
	}
	done := make(chan error, 1)
	go func() { done <- a.cmd.Wait() }()
	select {
	case err := <-done:
		if errors.Is(err, exec.ErrWaitDelay) && a.cmd.ProcessState.Success() {
			err = nil // ended well; Wine's helpers hold its output
		}
		if err != nil {
			t.Fatalf("the agent ended with %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the agent did not end after quit")
	}
	if _, _, err := a.limber("status"); err == nil {
		t.Fatal("status answered after the agent quit")
	}
}

// TestWineDesktopShots: a Wine virtual desktop (a taskbar like Windows')
// with the settings window in it, for people to look at.
func TestWineDesktopShots(t *testing.T) {
	desk := strings.Fields("explorer /desktop=limber,1280x800")
	config := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(config, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	set := exec.Command("wine", append(desk, wineEnvPath(t, "LIMBER_EXE"), "--config", winPath(t, config), "ui", "settings")...)
	set.WaitDelay = 2 * time.Second
	if err := set.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { set.Process.Kill(); set.Wait() })
	// Windows inside a virtual desktop are not X windows: wait for the
	// desktop to fill with the window's many colours.
	var img image.Image
	eventuallyW(t, "the settings window draws in the virtual desktop", 60*time.Second, func() bool {
		_, img = screenshot(t, "wine-settings.png", "")
		return colours(img, image.Rect(200, 150, 1080, 650)) >= 12
	})
	time.Sleep(2 * time.Second)
	screenshot(t, "wine-settings.png", "")
}

// installed lists the files under the prefix's drive_c, with the churn
// Wine itself makes left out.
func installed(t *testing.T) map[string]bool {
	t.Helper()
	root := prefixPath(t, "drive_c")
	files := map[string]bool{}
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		// C:\Windows\Installer is Windows Installer's own cache (always
		// there on Windows; Wine makes it at the first install).
		if strings.EqualFold(rel, "windows/Installer") {
			return nil
		}
		if strings.HasPrefix(strings.ToLower(rel), "windows/temp") || strings.HasPrefix(strings.ToLower(rel), "users/") && strings.Contains(strings.ToLower(rel), "/temp") {
			return nil
		}
		files[rel] = true
		return nil
	})
	return files
}

func regQuery(t *testing.T, key string) string {
	t.Helper()
	out, _, _ := wine(t, time.Minute, "reg", "query", key, "/s")
	return out
}

// TestWineMSI: msiexec /i installs limber.exe and limber.com under
// Program Files\Limber with a Start-menu shortcut, both run; msiexec /x
// removes every file, the shortcut and the uninstall entry.
func TestWineMSI(t *testing.T) {
	msi := winPath(t, wineEnvPath(t, "LIMBER_MSI"))
	version, _ := fyneVersion(t)
	const uninstall = `HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall`
	before := installed(t)
	if out, errs, err := wine(t, 3*time.Minute, "msiexec", "/i", msi, "/qn"); err != nil {
		t.Fatalf("msiexec /i: %v\n%s%s", err, out, errs)
	}
	after := installed(t)
	var added []string
	for f := range after {
		if !before[f] {
			added = append(added, f)
		}
	}
	sort.Strings(added)
	t.Logf("msiexec /i added: %q", added)
	for _, want := range []string{"Program Files/Limber/limber.exe", "Program Files/Limber/limber.com"} {
		if !after[want] {
			t.Errorf("after msiexec /i there is no C:/%s", want)
		}
	}
	// The per-machine Start menu on Windows (ALLUSERS=1); Wine 8's msi
	// puts it in the installing user's.
	shortcut := false
	for _, f := range added {
		shortcut = shortcut || f == "ProgramData/Microsoft/Windows/Start Menu/Programs/Limber.lnk" ||
			strings.HasPrefix(f, "users/") && strings.HasSuffix(f, "/Start Menu/Programs/Limber.lnk")
	}
	if !shortcut {
		t.Errorf("after msiexec /i there is no Start Menu/Programs/Limber.lnk")
	}
	if t.Failed() {
		t.FailNow()
	}
	if reg := regQuery(t, uninstall); !strings.Contains(reg, "Limber") || !strings.Contains(reg, version) {
		t.Fatalf("no uninstall entry for Limber %s:\n%s", version, reg)
	}
	out, errs, err := wine(t, time.Minute, `C:\Program Files\Limber\limber.com`, "--version")
	if err != nil || strings.TrimSpace(out) != "limber version "+version {
		t.Fatalf("the installed limber.com --version: %v %q %q", err, out, errs)
	}
	// `limber autostart enable` typed in a console runs limber.com; the
	// Run key must start limber.exe, which opens no console window.
	const run = `HKCU\Software\Microsoft\Windows\CurrentVersion\Run`
	if out, errs, err := wine(t, time.Minute, `C:\Program Files\Limber\limber.com`, "autostart", "enable"); err != nil {
		t.Fatalf("autostart enable: %v %q %q", err, out, errs)
	}
	if reg := regQuery(t, run); !strings.Contains(reg, `"C:\Program Files\Limber\limber.exe"`) {
		t.Fatalf("the Run key does not start limber.exe:\n%s", reg)
	}
	if out, errs, err := wine(t, time.Minute, `C:\Program Files\Limber\limber.com`, "autostart", "disable"); err != nil {
		t.Fatalf("autostart disable: %v %q %q", err, out, errs)
	}

	if out, errs, err := wine(t, 3*time.Minute, "msiexec", "/x", msi, "/qn"); err != nil {
		t.Fatalf("msiexec /x: %v\n%s%s", err, out, errs)
	}
	gone := installed(t)
	var left, lost []string
	for f := range gone {
		if !before[f] {
			left = append(left, f)
		}
	}
	for f := range before {
		if !gone[f] {
			lost = append(lost, f)
		}
	}
	sort.Strings(left)
	if len(left) > 0 || len(lost) > 0 {
		t.Fatalf("msiexec /x left %q and removed %q that were there before", left, lost)
	}
	if reg := regQuery(t, uninstall); strings.Contains(reg, "Limber") {
		t.Fatalf("the uninstall entry is still there:\n%s", reg)
	}
	if _, err := os.Stat(prefixPath(t, "drive_c", "Program Files", "Limber")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("C:\\Program Files\\Limber is still there (%v)", err)
	}
}
