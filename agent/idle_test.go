package agent

import (
	"context"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/limberapp/limber/platform"
)

// fakeIdle is an idle source whose last input the test sets.
type fakeIdle struct {
	mu    sync.Mutex
	last  time.Time
	reads int
}

func (f *fakeIdle) Name() string { return "fake" }
func (f *fakeIdle) IdleTime() (time.Duration, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads++
	return time.Since(f.last), nil
}
func (f *fakeIdle) Close() error { return nil }
func (f *fakeIdle) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.reads
}

func (f *fakeIdle) input() {
	f.mu.Lock()
	f.last = time.Now()
	f.mu.Unlock()
}

// Away past the threshold: the state becomes idle, the posture break is
// journaled as natural, the idle source is read rarely, and input makes
// the state active again within seconds.
func TestIdleNaturalBreakAndReturn(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		idle := &fakeIdle{last: time.Now()}
		h := newHarness(t, false)
		h.a.opt.Idle = idle
		ctx, cancel := context.WithCancel(context.Background())
		go h.a.Run(ctx)
		for i := 0; i < 5*60; i++ { // five minutes of typing, then away
			time.Sleep(time.Second)
			idle.input()
		}
		reads := idle.count()

		time.Sleep(10 * time.Minute)
		synctest.Wait()
		st := h.a.Status()
		if st.State != "idle" || st.IdleSource != "fake" {
			t.Fatalf("after 10 min without input: %+v", st)
		}
		if !strings.Contains(strings.Join(h.j.events(), " "), "natural:posture") {
			t.Fatalf("journal should have a natural posture break: %q", h.j.events())
		}
		if !strings.HasSuffix(h.tray.last(), "Away: break clocks stopped") {
			t.Fatalf("tray: %q", h.tray.all())
		}
		if n := idle.count() - reads; n > 30 {
			t.Fatalf("the idle source was read %d times in 10 idle minutes", n)
		}
		if len(h.n.notes()) != 0 {
			t.Fatalf("no break while away: %q", h.n.titles())
		}
		idle.input()
		time.Sleep(61 * time.Second)
		synctest.Wait()
		if st := h.a.Status(); st.State != "running" {
			t.Fatalf("input should make the state active: %+v", st)
		}
		cancel()
		synctest.Wait()
	})
}

// While the person types, idle is read about twice a minute.
func TestIdleReadsWhileActiveAreRare(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		idle := &fakeIdle{last: time.Now()}
		h := newHarness(t, false)
		h.a.opt.Idle = idle
		ctx, cancel := context.WithCancel(context.Background())
		go h.a.Run(ctx)
		for i := 0; i < 10*60; i++ { // typing every second for 10 minutes
			time.Sleep(time.Second)
			idle.input()
		}
		synctest.Wait()
		if n := idle.count(); n > 10*4 {
			t.Fatalf("%d reads in 10 active minutes", n)
		}
		if st := h.a.Status(); st.State != "running" || st.Next[0].DueInSeconds > 600 {
			t.Fatalf("active time should count: %+v", st)
		}
		cancel()
		synctest.Wait()
	})
}

// A break due while a do-not-disturb signal is on waits, and is shown
// when it ends.
func TestDNDDefersBreak(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		dnd := true
		h := newHarness(t, false)
		h.a.opt.DND = func(platform.DNDConfig) platform.DNDState {
			mu.Lock()
			defer mu.Unlock()
			return platform.DNDState{Active: dnd, Reason: "camera in use"}
		}
		ctx, cancel := context.WithCancel(context.Background())
		go h.a.Run(ctx)
		time.Sleep(21 * time.Minute)
		synctest.Wait()
		for _, ti := range h.n.titles() {
			if strings.HasPrefix(ti, "Time for") {
				t.Fatalf("a break was shown under do-not-disturb: %q", h.n.titles())
			}
		}
		if st := h.a.Status(); st.Deferred != "camera in use" {
			t.Fatalf("status should say why the break waits: %+v", st)
		}
		mu.Lock()
		dnd = false
		mu.Unlock()
		time.Sleep(31 * time.Second)
		synctest.Wait()
		got := h.n.titles()
		if len(got) == 0 || got[len(got)-1] != "Time for a posture break" {
			t.Fatalf("after do-not-disturb ends the break shows: %q", got)
		}
		cancel()
		synctest.Wait()
	})
}

// Sleep then wake after an hour: all clocks start again.
func TestSleepWakeResetsClocks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		events := make(chan platform.SessionEvent)
		h := newHarness(t, false)
		h.a.opt.Session = events
		ctx, cancel := context.WithCancel(context.Background())
		go h.a.Run(ctx)
		time.Sleep(15 * time.Minute)
		events <- platform.SessionEvent{Kind: platform.Sleep}
		time.Sleep(3 * time.Hour)
		events <- platform.SessionEvent{Kind: platform.Wake}
		synctest.Wait()
		st := h.a.Status()
		if st.State != "running" || st.Next[0].Kind != "posture" || st.Next[0].DueInSeconds < 1190 {
			t.Fatalf("after a 3 h sleep every clock starts again: %+v", st)
		}
		cancel()
		synctest.Wait()
	})
}
