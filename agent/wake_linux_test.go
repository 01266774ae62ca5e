package agent

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// alarmChild is set in the process TestAlarmWakeIsQuiet starts.
const alarmChild = "LIMBER_TEST_ALARM_CHILD"

// TestAlarmWakeIsQuiet: the resident agent's alarm, after a long sleep,
// wakes the process with a handful of context switches. A Go runtime
// timer costs some 60: the runtime's monitor thread wakes on time and
// polls every 20 µs until the network poller, whose epoll wait the
// kernel lets run late by 0.1% of its length, runs the timer.
func TestAlarmWakeIsQuiet(t *testing.T) {
	if os.Getenv(alarmChild) != "" {
		runtime.GOMAXPROCS(1) // as Main does
		a := newAlarm()
		d, _ := time.ParseDuration(os.Getenv(alarmChild))
		a.Set(d)
		fmt.Println("armed")
		<-a.C()
		fmt.Println("woke")
		bufio.NewReader(os.Stdin).ReadString('\n') // until the parent has counted
		return
	}
	if testing.Short() {
		t.Skip("sleeps 6 s")
	}
	if raceEnabled {
		// The race detector's runtime wakes on its own; `make model` runs
		// this without it.
		t.Skip("counts the runtime's wakes: run without -race")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestAlarmWakeIsQuiet$", "-test.count=1")
	cmd.Env = append(os.Environ(), alarmChild+"=6s")
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	outp, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { in.Close(); cmd.Wait() }()
	out := bufio.NewScanner(outp)
	await := func(line string) {
		for out.Scan() {
			if out.Text() == line {
				return
			}
		}
		t.Fatalf("the child did not say %q: %v", line, out.Err())
	}
	await("armed")
	before := contextSwitches(t, cmd.Process.Pid)
	await("woke")
	n := contextSwitches(t, cmd.Process.Pid) - before
	t.Logf("%d context switches from arming the alarm to its wake after 6 s", n)
	if n > 20 { // a runtime timer's wake cost 28 here, the timerfd 4–8
		t.Errorf("the alarm's wake cost %d context switches, want at most 20", n)
	}
}

// contextSwitches sums the context switches of every thread of pid.
func contextSwitches(t *testing.T, pid int) int {
	t.Helper()
	files, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/status", pid))
	if err != nil || len(files) == 0 {
		t.Fatalf("no threads of %d: %v", pid, err)
	}
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue // a thread that ended
		}
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.HasSuffix(k, "ctxt_switches") {
				c, _ := strconv.Atoi(strings.TrimSpace(v))
				n += c
			}
		}
	}
	return n
}

// TestAlarmSetReplacesAndDisarms: Set replaces the earlier setting, a
// negative Set disarms, and a disarmed alarm can be set again; for the
// timerfd alarm and the runtime timer alike.
func TestAlarmSetReplacesAndDisarms(t *testing.T) {
	for name, mk := range map[string]func() Alarm{"timerfd": newAlarm, "timer": NewTimerAlarm} {
		t.Run(name, func(t *testing.T) {
			if name == "timerfd" {
				if _, ok := newAlarm().(*fdAlarm); !ok {
					t.Fatal("newAlarm is not the timerfd alarm on Linux")
				}
			}
			a, b := mk(), mk()
			defer a.Close()
			defer b.Close()
			a.Set(time.Hour)
			a.Set(time.Millisecond)
			<-a.C() // the hour was replaced
			a.Set(30 * time.Millisecond)
			a.Set(-1)
			b.Set(200 * time.Millisecond)
			<-b.C()
			select {
			case <-a.C():
				t.Fatal("a disarmed alarm woke")
			default:
			}
			a.Set(0)
			<-a.C() // armed again, at once
		})
	}
}
