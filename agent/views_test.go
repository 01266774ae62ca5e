package agent

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/limberapp/limber/schedule"
)

// fakeViewExe writes a stand-in for `limber ui break …`: it logs its
// arguments and every stdin line to log, exits on "close" or EOF, and,
// per its mode, exits at once when hidden or ignores stdin (hangs).
func fakeViewExe(t *testing.T, mode string) (exe, log string) {
	t.Helper()
	dir := t.TempDir()
	log = filepath.Join(dir, "log")
	exe = filepath.Join(dir, "limber")
	script := `#!/bin/sh
echo "args $*" >> "` + log + `"
case "$*" in *--hidden*) [ "` + mode + `" = quit-hidden ] && { exec 0<&-; sleep 1; exit 0; } ;; esac
if [ "` + mode + `" = hang ]; then exec sleep 600 </dev/null; fi
if [ "` + mode + `" = linger ]; then exec sleep 2 </dev/null; fi
while read -r line; do
  echo "got $line" >> "` + log + `"
  [ "$line" = close ] && exit 0
done
echo "eof" >> "` + log + `"
`
	if err := os.WriteFile(exe, []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	return exe, log
}

type exitLog struct {
	mu    sync.Mutex
	exits []ViewExit
	done  chan struct{}
}

func (e *exitLog) onExit(x ViewExit) {
	e.mu.Lock()
	e.exits = append(e.exits, x)
	e.mu.Unlock()
	e.done <- struct{}{}
}

func (e *exitLog) wait(t *testing.T, what string) {
	t.Helper()
	select {
	case <-e.done:
	case <-time.After(30 * time.Second): // liveness bound, not a speed check
		t.Fatalf("%s: the view process never ended", what)
	}
}

func newProcessViews(exe string) *processViews {
	return &processViews{exe: exe, socket: "/nonexistent", log: &strings.Builder{}, onLoop: func(f func()) { f() }}
}

// The command channel: a break window started by the agent gets
// --control, takes "postpones N", and "close" ends it; its exit is
// reported once.
func TestProcessViewsCommandChannel(t *testing.T) {
	exe, log := fakeViewExe(t, "")
	v := newProcessViews(exe)
	e := &exitLog{done: make(chan struct{}, 4)}
	if err := v.OpenBreak(schedule.Mobility, e.onExit); err != nil {
		t.Fatal(err)
	}
	v.SetPostpones(schedule.Mobility, 2)
	v.CloseBreak(schedule.Mobility)
	e.wait(t, "close")
	b, _ := os.ReadFile(log)
	got := string(b)
	if !strings.Contains(got, "--kind mobility --control") || !strings.Contains(got, "got postpones 2") || !strings.Contains(got, "got close") {
		t.Fatalf("the view saw:\n%s", got)
	}
	if len(e.exits) != 1 || e.exits[0].Err != nil {
		t.Fatalf("exits %+v", e.exits)
	}
}

// Defect 21: a window told to close that does not go is killed after the
// grace; a discarded hidden one likewise.
func TestProcessViewsKillAViewThatHangs(t *testing.T) {
	exe, _ := fakeViewExe(t, "hang")
	v := newProcessViews(exe)
	v.grace = 200 * time.Millisecond
	e := &exitLog{done: make(chan struct{}, 4)}
	if err := v.OpenBreak(schedule.Rest, e.onExit); err != nil {
		t.Fatal(err)
	}
	v.CloseBreak(schedule.Rest)
	e.wait(t, "a hung window told to close")
	if e.exits[0].Err == nil || !strings.Contains(e.exits[0].Err.Error(), "killed") {
		t.Fatalf("the hung window should have been killed: %+v", e.exits[0])
	}
	if err := v.Prestart(schedule.Posture); err != nil {
		t.Fatal(err)
	}
	p := v.prepared[schedule.Posture]
	v.Discard(schedule.Posture)
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		t.Fatal("a discarded hidden window that hangs lives on")
	}
}

// Defect 12: a pre-started window that is ending (its stdin gone, the
// process not yet reaped) never reports as the window shown in its place.
func TestProcessViewsDeadPrestartDoesNotReportForTheNewWindow(t *testing.T) {
	exe, _ := fakeViewExe(t, "quit-hidden")
	v := newProcessViews(exe)
	if err := v.Prestart(schedule.Posture); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // it has let go of its stdin and is ending
	e := &exitLog{done: make(chan struct{}, 4)}
	if err := v.OpenBreak(schedule.Posture, e.onExit); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond) // the pre-started one has ended now
	e.mu.Lock()
	early := len(e.exits)
	e.mu.Unlock()
	if early != 0 {
		t.Fatalf("the dead pre-started window reported for the new one: %+v", e.exits)
	}
	v.CloseBreak(schedule.Posture)
	e.wait(t, "the new window")
	if len(e.exits) != 1 {
		t.Fatalf("exits %+v", e.exits)
	}
}

// Review: opening a view that is already open does not start another.
func TestProcessViewsOneOfEachView(t *testing.T) {
	exe, log := fakeViewExe(t, "linger")
	v := newProcessViews(exe)
	for range 3 {
		if err := v.Open("settings"); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(300 * time.Millisecond)
	b, _ := os.ReadFile(log)
	if n := strings.Count(string(b), "args ui settings"); n != 1 {
		t.Fatalf("%d settings windows started:\n%s", n, b)
	}
}
