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
)

func count(titles []string, prefix string) int {
	n := 0
	for _, t := range titles {
		if strings.HasPrefix(t, prefix) {
			n++
		}
	}
	return n
}

// The lifting refresher comes once a week at its time of day and the
// workstation check-in every four weeks; their state survives a restart.
func TestCalendarItemsFireOnTheirDays(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		dir := t.TempDir()
		h := &harness{n: &fakeNotifier{acts: true}, tray: &fakeTray{}, j: &fakeJournal{}}
		h.a = New(Options{ConfigPath: filepath.Join(dir, "none.toml"), Notifier: h.n, Tray: h.tray, Journal: h.j, StateDir: dir, Prefs: hermetic})
		h.a.cfg.OpenWindow = false
		ctx, cancel := context.WithCancel(context.Background())
		go h.a.Run(ctx)
		time.Sleep(8 * 24 * time.Hour)
		synctest.Wait()
		titles := h.n.titles()
		if n := count(titles, "Lifting refresher"); n != 1 {
			t.Fatalf("one lifting refresher in 8 days, got %d", n)
		}
		if n := count(titles, "Workstation check-in"); n != 0 {
			t.Fatalf("no workstation check-in in the first week, got %d", n)
		}
		for i, ti := range titles {
			if strings.HasPrefix(ti, "Lifting refresher") {
				at := h.n.sentAt(i).In(time.Local)
				if at.Hour() != 9 || at.Minute() != 30 {
					t.Fatalf("refresher at %v, want 09:30", at)
				}
			}
		}
		cancel()
		synctest.Wait()
		b, err := os.ReadFile(filepath.Join(dir, "agent.json"))
		if err != nil || !strings.Contains(string(b), `"lifting"`) {
			t.Fatalf("state: %s %v", b, err)
		}
		// A new agent (restart) picks the calendar up where it was.
		h2 := &harness{n: &fakeNotifier{acts: true}, tray: &fakeTray{}, j: &fakeJournal{}}
		h2.a = New(Options{ConfigPath: filepath.Join(dir, "none.toml"), Notifier: h2.n, Tray: h2.tray, Journal: h2.j, StateDir: dir, Prefs: hermetic})
		ctx2, cancel2 := context.WithCancel(context.Background())
		go h2.a.Run(ctx2)
		time.Sleep(21 * 24 * time.Hour)
		synctest.Wait()
		if n := count(h2.n.titles(), "Workstation check-in"); n != 1 {
			t.Fatalf("one workstation check-in by day 29, got %d", n)
		}
		if n := count(h2.n.titles(), "Lifting refresher"); n != 3 {
			t.Fatalf("three more refreshers in 3 weeks, got %d", n)
		}
		cancel2()
		synctest.Wait()
	})
}

// Clicking a calendar notification opens its view.
func TestCalendarNotificationOpensView(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		views := newFakeViews()
		h := newHarness(t, true)
		h.a.opt.Views = views
		h.a.calNotes = map[uint32]string{7: "lifting"}
		if !h.a.onCalendarAction(7, platform.DefaultAction) || strings.Join(views.opened, ",") != "lifting" {
			t.Fatalf("opened %q", views.opened)
		}
		if h.a.onCalendarAction(7, platform.DefaultAction) {
			t.Fatal("a notification opens its view once")
		}
	})
}
