package agent

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/prefs"
)

type fakeNotifier struct {
	mu    sync.Mutex
	sent  []platform.Notification
	at    []time.Time
	dismd []uint32
	acts  bool
}

func (f *fakeNotifier) Send(n platform.Notification) (uint32, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sent = append(f.sent, n)
	f.at = append(f.at, time.Now())
	return uint32(len(f.sent)), nil
}
func (f *fakeNotifier) Dismiss(id uint32) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.dismd = append(f.dismd, id)
}

func (f *fakeNotifier) sentAt(i int) time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.at[i]
}

func (f *fakeNotifier) notes() []platform.Notification {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]platform.Notification(nil), f.sent...)
}
func (f *fakeNotifier) Actions() bool { return f.acts }
func (f *fakeNotifier) Name() string  { return "fake" }

func (f *fakeNotifier) titles() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var t []string
	for _, n := range f.sent {
		t = append(t, n.Title)
	}
	return t
}

type fakeTray struct {
	mu      sync.Mutex
	updates []string
}

func (f *fakeTray) Update(status, tip string, paused bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.updates = append(f.updates, status)
}

func (f *fakeTray) all() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.updates...)
}

func (f *fakeTray) last() string {
	u := f.all()
	if len(u) == 0 {
		return ""
	}
	return u[len(u)-1]
}

type fakeJournal struct {
	mu   sync.Mutex
	recs []journal.Record
}

func (f *fakeJournal) Append(r journal.Record) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.recs = append(f.recs, r)
	return nil
}

func (f *fakeJournal) records() []journal.Record {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]journal.Record(nil), f.recs...)
}

func (f *fakeJournal) events() []string {
	var e []string
	for _, r := range f.records() {
		e = append(e, r.Event+":"+r.Kind)
	}
	return e
}

// wakeCounter counts loop turns through the Now function.
type harness struct {
	a     *Agent
	n     *fakeNotifier
	tray  *fakeTray
	j     *fakeJournal
	calls int
}

// hermetic settings: no administrator's files from this machine, no
// LIMBER_* variables from the environment.
var hermetic = prefs.Options{NoEnv: true, SystemFiles: []string{}}

func newHarness(t *testing.T, acts bool) *harness {
	h := &harness{n: &fakeNotifier{acts: acts}, tray: &fakeTray{}, j: &fakeJournal{}}
	h.a = New(Options{
		ConfigPath: filepath.Join(t.TempDir(), "none.toml"),
		Now:        func() time.Time { h.calls++; return time.Now() },
		Notifier:   h.n, Tray: h.tray, Journal: h.j,
		Prefs: hermetic,
	})
	return h
}

// With the defaults and nobody touching anything, the agent warns 10 s
// before the first posture break, notifies at 20 min, counts the break
// done after 30 s (notify-only), and sleeps between deadlines: no polling.
func TestLoopWarnsNotifiesAndSleepsBetweenDeadlines(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		h := newHarness(t, false)
		h.a.cfg.OpenWindow = false
		ctx, cancel := context.WithCancel(context.Background())
		go h.a.Run(ctx)

		time.Sleep(19*time.Minute + 49*time.Second)
		synctest.Wait()
		if got := h.n.titles(); len(got) != 0 {
			t.Fatalf("nothing should be sent before 19:50, got %q", got)
		}
		time.Sleep(2 * time.Second)
		synctest.Wait()
		if got := h.n.titles(); len(got) != 1 || got[0] != "Posture break in 10 seconds" {
			t.Fatalf("warning: %q", got)
		}
		if at := h.n.sentAt(0).Sub(start); at != 19*time.Minute+50*time.Second {
			t.Fatalf("warned at %v", at)
		}
		time.Sleep(10 * time.Second)
		synctest.Wait()
		if got := h.n.titles(); len(got) != 2 || got[1] != "Time for a posture break" {
			t.Fatalf("due: %q", got)
		}
		if st := h.a.Status(); st.State != "in_break" || st.InBreak != "posture" {
			t.Fatalf("status in break: %+v", st)
		}
		time.Sleep(31 * time.Second)
		synctest.Wait()
		if st := h.a.Status(); st.State != "running" || st.Next[0].Kind != "posture" || st.Next[0].DueInSeconds != 1200 {
			t.Fatalf("after the break: %+v", st)
		}
		want := "warned:posture started:posture completed:posture"
		if got := strings.Join(h.j.events(), " "); got != want {
			t.Fatalf("journal %q, want %q", got, want)
		}
		// Over 21 minutes the loop woke about once a minute for the
		// tooltip plus a few deadlines: never once a second.
		turns := 0
		h.a.do(func() { turns = h.a.turns })
		if turns > 21+8 {
			t.Fatalf("the loop woke %d times in 21 minutes: that is polling", turns)
		}
		cancel()
		synctest.Wait()
	})
}

// The tray's status line follows the countdown, minute by minute.
func TestTrayFollowsCountdownOncePerMinute(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t, false)
		ctx, cancel := context.WithCancel(context.Background())
		go h.a.Run(ctx)
		synctest.Wait()
		time.Sleep(5*time.Minute + time.Second)
		synctest.Wait()
		want := []string{"Next: posture break in 20 min", "Next: posture break in 19 min", "Next: posture break in 18 min", "Next: posture break in 17 min", "Next: posture break in 16 min", "Next: posture break in 15 min"}
		if strings.Join(h.tray.all(), "|") != strings.Join(want, "|") {
			t.Fatalf("tray updates %q", h.tray.all())
		}
		cancel()
		synctest.Wait()
	})
}

func TestPauseAndResumeThroughHandle(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t, false)
		ctx, cancel := context.WithCancel(context.Background())
		go h.a.Run(ctx)
		if r := h.a.Handle(Request{Cmd: "pause", Seconds: 1800}); !r.OK {
			t.Fatal(r.Error)
		}
		st := h.a.Status()
		if st.State != "paused" || st.PausedUntil == nil || st.PausedUntil.Sub(time.Now()) != 30*time.Minute {
			t.Fatalf("paused: %+v", st)
		}
		time.Sleep(25 * time.Minute)
		synctest.Wait()
		if len(h.n.titles()) != 0 {
			t.Fatal("no break while paused")
		}
		if h.tray.last() != "Paused until "+st.PausedUntil.Format("15:04") {
			t.Fatalf("tray: %q", h.tray.all())
		}
		h.a.Handle(Request{Cmd: "resume"})
		if st := h.a.Status(); st.State != "running" {
			t.Fatalf("resumed: %+v", st)
		}
		if r := h.a.Handle(Request{Cmd: "pause"}); r.OK {
			t.Fatal("pause without a duration should be refused")
		}
		cancel()
		synctest.Wait()
	})
}

func TestBreakNowAndOutcomes(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t, true)
		ctx, cancel := context.WithCancel(context.Background())
		go h.a.Run(ctx)
		if r := h.a.Handle(Request{Cmd: "break", Kind: "nap"}); r.OK || !strings.Contains(r.Error, "expected posture, mobility or rest") {
			t.Fatalf("bad kind: %+v", r)
		}
		if r := h.a.Handle(Request{Cmd: "break", Kind: "mobility"}); !r.OK {
			t.Fatal(r.Error)
		}
		if notes := h.n.notes(); notes[len(notes)-1].Title != "Time for a mobility break" {
			t.Fatalf("notification %+v", notes)
		}
		if n := h.n.notes()[len(h.n.notes())-1]; n.Title != "Time for a mobility break" || len(n.Actions) != 3 || n.Actions[0].Key != platform.DefaultAction {
			t.Fatalf("notification %+v", n)
		}
		time.Sleep(20 * time.Second)
		if r := h.a.Handle(Request{Cmd: "outcome", Kind: "mobility", Outcome: "completed", Exercise: "cat-cow", Seconds: 20}); !r.OK {
			t.Fatal(r.Error)
		}
		st := h.a.Status()
		// A mobility break resets the shorter posture break too.
		if st.State != "running" || st.Next[0].Kind != "posture" || st.Next[0].DueInSeconds != 1200 {
			t.Fatalf("after mobility: %+v", st)
		}
		recs := h.j.records()
		last := recs[len(recs)-1]
		if last.Event != "completed" || last.Exercise != "cat-cow" || last.Seconds != 20 {
			t.Fatalf("journal: %+v", last)
		}
		if r := h.a.Handle(Request{Cmd: "outcome", Kind: "rest", Outcome: "completed"}); r.OK {
			t.Fatal("an outcome for a break not in progress should be refused")
		}
		cancel()
		synctest.Wait()
	})
}

// Clicking the warning notification starts the break early.
func TestNotificationClickStartsBreak(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t, true)
		h.a.cfg.OpenWindow = false
		ctx, cancel := context.WithCancel(context.Background())
		go h.a.Run(ctx)
		time.Sleep(19*time.Minute + 51*time.Second)
		synctest.Wait()
		if len(h.n.notes()) != 1 {
			t.Fatalf("want the warning: %q", h.n.titles())
		}
		h.a.NotifyAction(1, platform.DefaultAction)
		synctest.Wait()
		if st := h.a.Status(); st.State != "in_break" || st.InBreak != "posture" {
			t.Fatalf("click should start the break: %+v", st)
		}
		cancel()
		synctest.Wait()
	})
}
