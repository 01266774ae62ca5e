package agent

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/schedule"
)

// viewHarness is a harness whose agent opens (fake) break windows.
func viewHarness(t *testing.T) (*harness, *fakeViews) {
	h := newHarness(t, true)
	v := newFakeViews()
	h.a.opt.Views = v
	h.a.cfg.OpenWindow = true
	return h, v
}

// lastID is the id of the newest notification.
func (h *harness) lastID() uint32 { return uint32(len(h.n.notes())) }

func countTitles(h *harness, prefix string) int {
	n := 0
	for _, s := range h.n.titles() {
		if strings.HasPrefix(s, prefix) {
			n++
		}
	}
	return n
}

// Defect 1: Postpone clicked on warnings past the limit never leaves the
// agent in a break with no window and no automatic end.
func TestPostponeOnWarningsPastTheLimitNeverSticks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t, true)
		h.a.cfg.OpenWindow = false
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go h.a.Run(ctx)
		// Postpone every warning as it comes, past the limit.
		for click := 0; click < 6; click++ {
			seen := countTitles(h, "Posture break in")
			for i := 0; i < 3600 && countTitles(h, "Posture break in") == seen; i++ {
				time.Sleep(time.Second)
				synctest.Wait()
			}
			h.a.NotifyAction(h.lastID(), actionPostpone)
			synctest.Wait()
			st := h.a.Status()
			stuck := false
			h.a.do(func() {
				stuck = st.State == "in_break" && h.a.autoKind == "" && !h.a.viewOpen[schedule.Kind(st.InBreak)]
			})
			if stuck {
				t.Fatalf("postpone %d: in a break with no window and no automatic end: %+v", click+1, st)
			}
		}
		before := countTitles(h, "Time for a")
		time.Sleep(2 * time.Hour)
		synctest.Wait()
		if countTitles(h, "Time for a") <= before {
			t.Fatalf("no break came in the two hours after the postpones: %q", h.n.titles())
		}
	})
}

// Defect 2: behind a locked screen nothing fires or counts; at the
// unlock the schedule starts afresh after a long absence.
func TestLockedScreenFiresAndCountsNothing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t, true)
		h.a.cfg.OpenWindow = false
		sess := make(chan platform.SessionEvent)
		h.a.opt.Session = sess
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go h.a.Run(ctx)
		time.Sleep(5 * time.Minute)
		sess <- platform.SessionEvent{Kind: platform.Lock}
		synctest.Wait()
		sent := len(h.n.notes())
		locked := h.a.Status()
		time.Sleep(3 * time.Hour)
		synctest.Wait()
		if got := h.n.titles()[sent:]; len(got) != 0 {
			t.Fatalf("sent behind the lock: %q", got)
		}
		if st := h.a.Status(); st.Next[0] != locked.Next[0] || st.State == "in_break" {
			t.Fatalf("counted behind the lock: %+v, was %+v", st, locked)
		}
		sess <- platform.SessionEvent{Kind: platform.Unlock}
		synctest.Wait()
		if st := h.a.Status(); st.State != "running" || st.Next[0].Kind != "posture" || st.Next[0].DueInSeconds != 1200 {
			t.Fatalf("after three hours locked the schedule starts afresh: %+v", st)
		}
	})
}

// Defect 3: a break ended from its notification or by a pause closes its
// window.
func TestBreakEndedOutsideTheWindowClosesIt(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h, v := viewHarness(t)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go h.a.Run(ctx)
		if err := h.a.TakeBreak(schedule.Mobility); err != nil {
			t.Fatal(err)
		}
		synctest.Wait()
		h.a.NotifyAction(h.lastID(), actionPostpone)
		synctest.Wait()
		if n, shown := v.alive(); n != 0 || shown[schedule.Mobility] != 0 {
			t.Fatalf("the window stays after Postpone on the notification: %d alive", n)
		}
		h.a.do(func() { v.flush(h.a.inBreakOf) })
		if err := h.a.TakeBreak(schedule.Posture); err != nil {
			t.Fatal(err)
		}
		synctest.Wait()
		h.a.Pause(time.Hour)
		synctest.Wait()
		if n, _ := v.alive(); n != 0 {
			t.Fatalf("the window stays after a pause from the tray: %d alive", n)
		}
	})
}

// Defect 7: a window that crashes at every start does not start a storm:
// windows back off, then stop, the person is told once, and breaks go on
// as notifications.
func TestCrashingWindowsBackOffAndFallBack(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h, v := viewHarness(t)
		h.a.cfg.Prestart = false
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go h.a.Run(ctx)
		for range 6 * 60 { // six hours, crashing every window at start
			v.mu.Lock()
			v.crashStart = true
			v.mu.Unlock()
			time.Sleep(time.Minute)
			synctest.Wait()
			h.a.do(func() { v.flush(h.a.inBreakOf) })
		}
		if v.starts > maxViewFails {
			t.Fatalf("%d windows started in six hours of crashes: a storm", v.starts)
		}
		if n := countTitles(h, "Limber: the break window does not open"); n != 1 {
			t.Fatalf("told %d times: %q", n, h.n.titles())
		}
		done := 0
		for _, r := range h.j.records() {
			if r.Event == "completed" {
				done++
			}
		}
		if done < 10 {
			t.Fatalf("breaks should go on as notifications: %d completed", done)
		}
	})
}

// Defect 11: a pre-started window goes when its break no longer comes
// next (a pause).
func TestPrestartedWindowDiscardedOnPause(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h, v := viewHarness(t)
		h.a.cfg.Prestart = true
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go h.a.Run(ctx)
		time.Sleep(19*time.Minute + 51*time.Second)
		synctest.Wait()
		if n, _ := v.alive(); n != 1 {
			t.Fatalf("the warning pre-starts one window: %d", n)
		}
		h.a.Pause(30 * time.Minute)
		synctest.Wait()
		if n, _ := v.alive(); n != 0 {
			t.Fatalf("a pause leaves %d pre-started windows", n)
		}
	})
}

// Defect 12: the late exit of an earlier window never ends the break of
// the window now on screen.
func TestLateExitOfAnEarlierWindowIsIgnored(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h, v := viewHarness(t)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go h.a.Run(ctx)
		h.a.TakeBreak(schedule.Posture)
		if r := h.a.Handle(Request{Cmd: "outcome", Kind: "posture", Outcome: "completed", Seconds: 30}); !r.OK {
			t.Fatal(r.Error)
		}
		v.reported(schedule.Posture) // it exits; the exit is not delivered yet
		h.a.TakeBreak(schedule.Posture)
		synctest.Wait()
		h.a.do(func() { v.flush(h.a.inBreakOf) }) // the first window's exit arrives now
		if st := h.a.Status(); st.State != "in_break" || st.InBreak != "posture" {
			t.Fatalf("the first window's exit ended the second break: %+v", st)
		}
		h.a.do(func() {
			if !h.a.viewOpen[schedule.Posture] || h.a.views.fails != 0 || h.a.autoKind != "" {
				t.Errorf("the first window's exit was taken for the second window's: open %v, fails %d", h.a.viewOpen[schedule.Posture], h.a.views.fails)
			}
		})
	})
}

// Defect 13: a quit before the loop runs is kept.
func TestQuitBeforeRunIsKept(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t, false)
		h.a.Quit()
		done := make(chan struct{})
		go func() { h.a.Run(context.Background()); close(done) }()
		synctest.Wait()
		select {
		case <-done:
		default:
			t.Fatal("Run did not return after an earlier Quit")
		}
	})
}

// Defect 15: "Later" on a calendar notification brings it back the same
// day.
func TestCalendarLaterComesBackTheSameDay(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t, true)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go h.a.Run(ctx)
		synctest.Wait()
		h.a.do(func() { h.a.calNotes = map[uint32]string{42: "lifting"} })
		h.a.NotifyAction(42, "later")
		synctest.Wait()
		time.Sleep(laterDelay + time.Minute)
		synctest.Wait()
		if countTitles(h, "Lifting refresher") != 1 {
			t.Fatalf("Later should bring the refresher back within the hour: %q", h.n.titles())
		}
	})
}

// Defect 17: working hours follow a change of the time zone while the
// agent runs.
func TestWorkingHoursFollowATimeZoneChange(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		tokyo, err := time.LoadLocation("Asia/Tokyo")
		if err != nil {
			t.Skip(err)
		}
		dir := t.TempDir()
		cfg := filepath.Join(dir, "config.toml")
		days := ""
		for _, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
			days += d + " = [\"09:00-17:00\"]\n"
		}
		os.WriteFile(cfg, []byte("[hours]\nenabled = true\n"+days), 0o600)
		zone := time.UTC
		var mu = make(chan struct{}, 1)
		mu <- struct{}{}
		h := &harness{n: &fakeNotifier{}, tray: &fakeTray{}, j: &fakeJournal{}}
		h.a = New(Options{ConfigPath: cfg, Notifier: h.n, Tray: h.tray, Journal: h.j, Prefs: hermetic,
			Zone: func() *time.Location { <-mu; z := zone; mu <- struct{}{}; return z }})
		if p := h.a.Problems(); len(p) != 0 {
			t.Fatal(p)
		}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go h.a.Run(ctx)
		synctest.Wait()
		// synctest's clock starts at midnight UTC: outside 09:00-17:00.
		if st := h.a.Status(); st.State != "outside_hours" {
			t.Fatalf("at midnight UTC: %+v", st)
		}
		<-mu
		zone = tokyo // 09:00 in Tokyo
		mu <- struct{}{}
		time.Sleep(maxSleep)
		synctest.Wait()
		if st := h.a.Status(); st.State != "running" {
			t.Fatalf("after the zone became Asia/Tokyo (09:10 there): %+v", st)
		}
	})
}

// Defect 21: a break window left open long past its time is closed, and
// the break counts as taken.
func TestWindowLeftOpenIsClosed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h, v := viewHarness(t)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go h.a.Run(ctx)
		h.a.TakeBreak(schedule.Posture)
		time.Sleep(30*time.Second + leftOpen + time.Second)
		synctest.Wait()
		if n, _ := v.alive(); n != 0 {
			t.Fatal("the window left open is still there")
		}
		if st := h.a.Status(); st.State == "in_break" {
			t.Fatalf("still in the break: %+v", st)
		}
	})
}

// Defect 18, agent side: "ended_early" is an outcome of its own.
func TestEndedEarlyIsJournaled(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h, _ := viewHarness(t)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go h.a.Run(ctx)
		h.a.TakeBreak(schedule.Mobility)
		if r := h.a.Handle(Request{Cmd: "outcome", Kind: "mobility", Outcome: "ended_early", Seconds: 4}); !r.OK {
			t.Fatal(r.Error)
		}
		recs := h.j.records()
		if last := recs[len(recs)-1]; last.Outcome != "ended_early" || last.Seconds != 4 {
			t.Fatalf("journal: %+v", last)
		}
	})
}

// Defect 11: a pre-started window whose break was put off by a postpone
// does not wait hidden for it.
func TestPrestartedWindowDiscardedAfterAPostpone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h, v := viewHarness(t)
		h.a.cfg.Prestart = true
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go h.a.Run(ctx)
		time.Sleep(19*time.Minute + 51*time.Second)
		synctest.Wait()
		h.a.NotifyAction(h.lastID(), actionPostpone)
		synctest.Wait()
		time.Sleep(prestartGrace + 10*time.Second)
		synctest.Wait()
		if n, _ := v.alive(); n != 0 {
			t.Fatalf("%d hidden windows wait for a postponed break", n)
		}
	})
}

// A break with no window counts as completed only if the person stepped
// away from the keyboard for it; typing through it is "ended_early".
func TestNotifyOnlyBreakJudgedByIdle(t *testing.T) {
	for _, c := range []struct {
		typing bool
		want   string
	}{{true, "ended_early"}, {false, "completed"}} {
		synctest.Test(t, func(t *testing.T) {
			idle := &fakeIdle{last: time.Now()}
			h := newHarness(t, false)
			h.a.cfg.OpenWindow = false
			h.a.opt.Idle = idle
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go h.a.Run(ctx)
			h.a.TakeBreak(schedule.Posture)
			for range 35 {
				time.Sleep(time.Second)
				if c.typing {
					idle.input()
				}
			}
			synctest.Wait()
			var got string
			for _, r := range h.j.records() {
				if r.Kind == "posture" && (r.Event == "completed" || r.Event == "ended_early") {
					got = r.Event
				}
			}
			if got != c.want {
				t.Fatalf("typing %v through a notify-only break: %q, want %q", c.typing, got, c.want)
			}
		})
	}
}

// Review: a refresher put off with Later does not pop up during a pause.
func TestCalendarWaitsWhilePaused(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t, true)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go h.a.Run(ctx)
		synctest.Wait()
		h.a.do(func() { h.a.calNotes = map[uint32]string{42: "lifting"} })
		h.a.NotifyAction(42, "later")
		synctest.Wait()
		h.a.Pause(2 * time.Hour)
		time.Sleep(laterDelay + time.Minute)
		synctest.Wait()
		if countTitles(h, "Lifting refresher") != 0 {
			t.Fatalf("a refresher came during the pause: %q", h.n.titles())
		}
		time.Sleep(time.Hour)
		synctest.Wait()
		if countTitles(h, "Lifting refresher") != 1 {
			t.Fatalf("the refresher should come when the pause ends: %q", h.n.titles())
		}
	})
}
