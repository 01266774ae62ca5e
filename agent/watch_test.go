package agent

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/limberapp/limber/platform"
)

// watchIdle is an idle source with alarms, as XSync or Mutter's watches
// give: marks fire when the idle time reaches them, the activity alarm on
// the next input once idle at least activeAfter.
type watchIdle struct {
	mu     sync.Mutex
	last   time.Time
	timers []*time.Timer
	active time.Duration
	events chan platform.IdleEvent
	gone   bool // its desktop went away: Watch arms nothing (and says nothing)
}

func (w *watchIdle) Name() string { return "watch" }
func (w *watchIdle) Close() error { return nil }
func (w *watchIdle) IdleTime() (time.Duration, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return time.Since(w.last), nil
}
func (w *watchIdle) Events() <-chan platform.IdleEvent { return w.events }
func (w *watchIdle) Watch(marks []time.Duration, active time.Duration) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, t := range w.timers {
		t.Stop()
	}
	w.timers, w.active = nil, active
	if w.gone {
		return nil
	}
	for _, m := range marks {
		w.timers = append(w.timers, time.AfterFunc(max(time.Until(w.last.Add(m)), 0), func() { w.events <- platform.IdleEvent{} }))
	}
	return nil
}
func (w *watchIdle) input() {
	w.mu.Lock()
	fire := w.active > 0 && time.Since(w.last) >= w.active
	w.last = time.Now()
	if fire {
		w.active = 0
	}
	w.mu.Unlock()
	if fire {
		w.events <- platform.IdleEvent{}
	}
}

// With an idle threshold shorter than the away mark, the return is seen
// at the next input, by an alarm, not at some later wake-up.
func TestReturnSeenAtOnceWithAShortThreshold(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		dir := t.TempDir()
		cfg := filepath.Join(dir, "config.toml")
		os.WriteFile(cfg, []byte("[idle]\nthreshold = \"15s\"\n"), 0o600)
		w := &watchIdle{last: time.Now(), events: make(chan platform.IdleEvent, 8)}
		h := &harness{n: &fakeNotifier{}, tray: &fakeTray{}, j: &fakeJournal{}}
		h.a = New(Options{ConfigPath: cfg, Notifier: h.n, Tray: h.tray, Journal: h.j, Prefs: hermetic, Idle: w, Log: &strings.Builder{}})
		defer close(w.events) // after cancel: the loop's watcher goroutine ends
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go h.a.Run(ctx)
		time.Sleep(20 * time.Second) // idle past the threshold, short of 30 s
		synctest.Wait()
		if got := h.tray.last(); !strings.HasSuffix(got, "Away: break clocks stopped") {
			t.Fatalf("after 20 s idle the tray says %q", got)
		}
		w.input()
		time.Sleep(2 * time.Second)
		synctest.Wait()
		if got := h.tray.last(); strings.HasSuffix(got, "Away: break clocks stopped") {
			t.Fatal("2 s after input the agent still thinks the person is away")
		}
	})
}

// When the watcher's alarms end (its desktop service went away), the
// agent falls back to reading the idle time at the marks: a person who
// leaves is still seen as away.
func TestIdleWatcherGoneFallsBackToReading(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := &watchIdle{last: time.Now(), events: make(chan platform.IdleEvent, 8)}
		h := &harness{n: &fakeNotifier{}, tray: &fakeTray{}, j: &fakeJournal{}}
		h.a = New(Options{ConfigPath: filepath.Join(t.TempDir(), "none.toml"), Notifier: h.n, Tray: h.tray, Journal: h.j, Prefs: hermetic, Idle: w, Log: &strings.Builder{}})
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go h.a.Run(ctx)
		synctest.Wait()
		w.mu.Lock()
		for _, tm := range w.timers {
			tm.Stop()
		}
		w.gone = true
		w.mu.Unlock()
		close(w.events) // Mutter left the bus
		synctest.Wait()
		time.Sleep(6 * time.Minute) // away past the 5 min threshold
		synctest.Wait()
		if got := h.tray.last(); !strings.HasSuffix(got, "Away: break clocks stopped") {
			t.Fatalf("away 6 min after the alarms ended, the tray says %q", got)
		}
		w.mu.Lock()
		w.last = time.Now() // back at the desk
		w.mu.Unlock()
		time.Sleep(time.Minute)
		synctest.Wait()
		if got := h.tray.last(); strings.HasSuffix(got, "Away: break clocks stopped") {
			t.Fatal("a minute after the return the agent still thinks the person is away")
		}
	})
}

// When the alarms end and the desktop comes back, the agent finds an
// idle source again and uses its alarms (issue 14, "compositor gone").
func TestIdleSourceFoundAgainAfterTheDesktopReturns(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := &watchIdle{last: time.Now(), events: make(chan platform.IdleEvent, 8)}
		w2 := &watchIdle{last: time.Now(), events: make(chan platform.IdleEvent, 8)}
		defer close(w2.events)
		tries := 0
		h := &harness{n: &fakeNotifier{}, tray: &fakeTray{}, j: &fakeJournal{}}
		logb := &strings.Builder{}
		h.a = New(Options{ConfigPath: filepath.Join(t.TempDir(), "none.toml"), Notifier: h.n, Tray: h.tray, Journal: h.j, Prefs: hermetic, Idle: w, Log: logb,
			Redetect: func() (platform.IdleSource, error) {
				tries++
				if tries < 2 {
					return nil, errors.New("no display yet")
				}
				return w2, nil
			}})
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go h.a.Run(ctx)
		synctest.Wait()
		w.mu.Lock()
		w.gone = true
		for _, tm := range w.timers {
			tm.Stop()
		}
		w.mu.Unlock()
		close(w.events)
		time.Sleep(3 * time.Minute)
		synctest.Wait()
		if tries != 2 {
			t.Fatalf("looked for an idle source %d times in 3 minutes, want 2 (30 s, then 60 s later)", tries)
		}
		if st := h.a.Status(); st.IdleSource != "watch" {
			t.Fatalf("status: %+v", st)
		}
		w2.mu.Lock()
		armed := len(w2.timers)
		w2.mu.Unlock()
		if armed == 0 {
			t.Fatalf("the new source's alarms are not armed; log:\n%s", logb)
		}
	})
}
