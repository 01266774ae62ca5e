//go:build e2e

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
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// binary is the limber binary under test: $LIMBER_BIN or a fresh build.
var binary string

func TestMain(m *testing.M) {
	if os.Getenv("DISPLAY") == "" || os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		fmt.Fprintln(os.Stderr, "e2e: run inside scripts/desktop-session.sh (needs DISPLAY and a session bus)")
		os.Exit(1)
	}
	binary = os.Getenv("LIMBER_BIN")
	if binary == "" {
		dir, _ := os.MkdirTemp("", "limber-e2e")
		binary = filepath.Join(dir, "limber")
		b := exec.Command("go", "build", "-o", binary, "..")
		b.Stdout, b.Stderr = os.Stderr, os.Stderr
		if err := b.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "e2e: build:", err)
			os.Exit(1)
		}
	}
	os.Exit(m.Run())
}

// session is one agent under test with its own private directories.
type session struct {
	t     *testing.T
	env   []string
	dirs  map[string]string
	agent *exec.Cmd
	log   *bytes.Buffer
}

func newSession(t *testing.T, config string, extraEnv ...string) *session {
	t.Helper()
	s := &session{t: t, dirs: map[string]string{}, log: &bytes.Buffer{}}
	for _, d := range []string{"XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR", "HOME"} {
		p := filepath.Join(t.TempDir(), strings.ToLower(d))
		os.MkdirAll(p, 0o700)
		s.dirs[d] = p
	}
	s.env = append(os.Environ(), "LANG=en_US.UTF-8")
	for k, v := range s.dirs {
		s.env = append(s.env, k+"="+v)
	}
	s.env = append(s.env, extraEnv...)
	// Each test starts with no notifications on screen.
	exec.Command("dunstctl", "close-all").Run()
	// The first-run welcome is tested on its own; elsewhere it has been seen.
	os.MkdirAll(filepath.Join(s.dirs["XDG_STATE_HOME"], "limber"), 0o700)
	os.WriteFile(filepath.Join(s.dirs["XDG_STATE_HOME"], "limber", "welcome-shown"), nil, 0o600)
	if config != "" {
		p := filepath.Join(s.dirs["XDG_CONFIG_HOME"], "limber", "config.toml")
		os.MkdirAll(filepath.Dir(p), 0o700)
		if err := os.WriteFile(p, []byte(config), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func (s *session) configPath() string {
	return filepath.Join(s.dirs["XDG_CONFIG_HOME"], "limber", "config.toml")
}

// start runs the agent and waits until it answers.
func (s *session) start() {
	s.t.Helper()
	s.agent = exec.Command(binary)
	s.agent.Env = s.env
	// Windows the agent opened inherit its output; don't wait on them.
	s.agent.WaitDelay = 2 * time.Second
	s.agent.Stdout, s.agent.Stderr = s.log, s.log
	if err := s.agent.Start(); err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(func() {
		if s.agent.ProcessState == nil {
			s.agent.Process.Kill()
			s.agent.Wait()
		}
		if s.t.Failed() {
			s.t.Logf("agent output:\n%s", s.log.String())
		}
	})
	s.eventually("the agent answers", 10*time.Second, func() bool {
		_, _, err := s.limber("status")
		return err == nil
	})
}

// limber runs the CLI against this session's agent.
func (s *session) limber(args ...string) (string, string, error) {
	c := exec.Command(binary, args...)
	c.Env = s.env
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	err := c.Run()
	return out.String(), errb.String(), err
}

type status struct {
	State   string `json:"state"`
	InBreak string `json:"in_break"`
	Next    []struct {
		Kind          string `json:"kind"`
		DueInSeconds  int64  `json:"due_in_seconds"`
		PostponesLeft int    `json:"postpones_left"`
	} `json:"next"`
	Notifier   string   `json:"notifier"`
	IdleSource string   `json:"idle_source"`
	Problems   []string `json:"problems"`
}

func (s *session) status() status {
	s.t.Helper()
	out, errs, err := s.limber("status", "--json")
	if err != nil {
		s.t.Fatalf("limber status --json: %v\n%s", err, errs)
	}
	var st status
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		s.t.Fatalf("status JSON: %v\n%s", err, out)
	}
	return st
}

func (s *session) eventually(what string, within time.Duration, ok func() bool) {
	s.t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if ok() {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("timed out after %v waiting until %s", within, what)
}

// quit asks the agent to quit and waits for it to exit 0.
func (s *session) quit() {
	s.t.Helper()
	if _, errs, err := s.limber("quit"); err != nil {
		s.t.Fatalf("limber quit: %v %s", err, errs)
	}
	done := make(chan error, 1)
	go func() { done <- s.agent.Wait() }()
	select {
	case err := <-done:
		// ErrWaitDelay: the agent exited 0, a window it opened still holds
		// the output pipe.
		if err != nil && !errors.Is(err, exec.ErrWaitDelay) {
			s.t.Fatalf("agent exit: %v", err)
		}
		stopViews()
	case <-time.After(10 * time.Second):
		s.t.Fatal("agent did not exit after limber quit")
	}
}

// stopViews ends the windows the agent opened and waits until they are
// gone (a Fyne app writes its preferences as it exits).
func stopViews() {
	exec.Command("pkill", "-f", binary+" ui ").Run()
	for i := 0; i < 100; i++ {
		if exec.Command("pgrep", "-f", binary+" ui ").Run() != nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	exec.Command("pkill", "-9", "-f", binary+" ui ").Run()
	time.Sleep(200 * time.Millisecond)
}

// ---- tray over D-Bus ----

func sessionBus(t *testing.T) *dbus.Conn {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// trayItems lists the StatusNotifierItems registered with the watcher.
func trayItems(conn *dbus.Conn) ([]string, error) {
	v, err := conn.Object("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher").
		GetProperty("org.kde.StatusNotifierWatcher.RegisteredStatusNotifierItems")
	if err != nil {
		return nil, err
	}
	items, _ := v.Value().([]string)
	return items, nil
}

// itemAddress splits a registered item into bus name and object path.
func itemAddress(item string) (string, dbus.ObjectPath) {
	if i := strings.Index(item, "/"); i > 0 {
		return item[:i], dbus.ObjectPath(item[i:])
	}
	return item, "/StatusNotifierItem"
}

type menuNode struct {
	ID       int32
	Label    string
	Enabled  bool
	Children []*menuNode
}

func (n *menuNode) find(label string) *menuNode {
	for _, c := range n.Children {
		if strings.TrimSuffix(c.Label, "…") == strings.TrimSuffix(label, "…") {
			return c
		}
	}
	return nil
}

func parseNode(v []interface{}) *menuNode {
	n := &menuNode{ID: v[0].(int32), Enabled: true}
	props := v[1].(map[string]dbus.Variant)
	if l, ok := props["label"]; ok {
		n.Label = strings.ReplaceAll(l.Value().(string), "_", "")
	}
	if e, ok := props["enabled"]; ok {
		n.Enabled = e.Value().(bool)
	}
	for _, c := range v[2].([]dbus.Variant) {
		n.Children = append(n.Children, parseNode(c.Value().([]interface{})))
	}
	return n
}

type tray struct {
	conn *dbus.Conn
	name string
	item dbus.ObjectPath
	menu dbus.ObjectPath
}

func findTray(t *testing.T, conn *dbus.Conn) *tray {
	t.Helper()
	var tr *tray
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) && tr == nil {
		items, err := trayItems(conn)
		if err == nil && len(items) > 0 {
			name, path := itemAddress(items[len(items)-1])
			mv, err := conn.Object(name, path).GetProperty("org.kde.StatusNotifierItem.Menu")
			if err == nil {
				tr = &tray{conn: conn, name: name, item: path, menu: mv.Value().(dbus.ObjectPath)}
			}
		}
		if tr == nil {
			time.Sleep(100 * time.Millisecond)
		}
	}
	if tr == nil {
		t.Fatal("no tray item registered with the StatusNotifierWatcher")
	}
	return tr
}

func (tr *tray) layout(t *testing.T) *menuNode {
	t.Helper()
	var rev uint32
	var root []interface{}
	call := tr.conn.Object(tr.name, tr.menu).Call("com.canonical.dbusmenu.GetLayout", 0, int32(0), int32(-1), []string{})
	if call.Err != nil {
		t.Fatalf("GetLayout: %v", call.Err)
	}
	var raw struct {
		ID       int32
		Props    map[string]dbus.Variant
		Children []dbus.Variant
	}
	if err := call.Store(&rev, &raw); err != nil {
		t.Fatalf("GetLayout reply: %v", err)
	}
	root = []interface{}{raw.ID, raw.Props, raw.Children}
	return parseNode(root)
}

func (tr *tray) click(t *testing.T, path ...string) {
	t.Helper()
	n := tr.layout(t)
	for _, label := range path {
		c := n.find(label)
		if c == nil {
			var labels []string
			for _, x := range n.Children {
				labels = append(labels, x.Label)
			}
			t.Fatalf("menu item %q not found among %q", label, labels)
		}
		n = c
	}
	call := tr.conn.Object(tr.name, tr.menu).Call("com.canonical.dbusmenu.Event", 0, n.ID, "clicked", dbus.MakeVariant(""), uint32(time.Now().Unix()))
	if call.Err != nil {
		t.Fatalf("clicking %v: %v", path, call.Err)
	}
}

func (tr *tray) tooltip(t *testing.T) string {
	v, err := tr.conn.Object(tr.name, tr.item).GetProperty("org.kde.StatusNotifierItem.ToolTip")
	if err != nil {
		t.Fatalf("ToolTip: %v", err)
	}
	// (s a(iiay) s s): icon name, icon pixmaps, title, text
	parts, _ := v.Value().([]interface{})
	if len(parts) < 3 {
		return fmt.Sprint(v.Value())
	}
	return fmt.Sprint(parts[2])
}

// ---- notifications through dunst ----

type dunstNote struct{ Summary, Body, AppName string }

// dunstHistory closes what dunst shows (moving it to the history) and
// returns the history, newest first.
func dunstHistory(t *testing.T) []dunstNote {
	t.Helper()
	exec.Command("dunstctl", "close-all").Run()
	out, err := exec.Command("dunstctl", "history").Output()
	if err != nil {
		t.Fatalf("dunstctl history: %v", err)
	}
	var h struct {
		Data [][]map[string]struct {
			Data any `json:"data"`
		} `json:"data"`
	}
	if err := json.Unmarshal(out, &h); err != nil {
		t.Fatalf("dunstctl history JSON: %v", err)
	}
	var notes []dunstNote
	for _, group := range h.Data {
		for _, n := range group {
			notes = append(notes, dunstNote{Summary: fmt.Sprint(n["summary"].Data), Body: fmt.Sprint(n["body"].Data), AppName: fmt.Sprint(n["appname"].Data)})
		}
	}
	return notes
}

func dunstDisplayed(t *testing.T) int {
	out, err := exec.Command("dunstctl", "count", "displayed").Output()
	if err != nil {
		t.Fatalf("dunstctl count: %v", err)
	}
	var n int
	fmt.Sscan(strings.TrimSpace(string(out)), &n)
	return n
}

func hasNote(notes []dunstNote, summaryPart string) bool {
	for _, n := range notes {
		if strings.Contains(strings.ToLower(n.Summary), strings.ToLower(summaryPart)) {
			return true
		}
	}
	return false
}
