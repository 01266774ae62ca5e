//go:build !race

package ui

// The refresh ticker runs on its own goroutine and Fyne's test driver
// runs fyne.Do where it is called, so under -race this test races the
// test driver, not the view (with the real driver fyne.Do runs on the
// main goroutine). `make unit` runs it without -race.

import (
	"testing"
	"time"
)

// The list is refreshed on each tick while shown, and not at all while
// hidden or after closing: the ticker is stopped then.
func TestLimberWindowRefreshesOnlyWhileShown(t *testing.T) {
	v, f := newTestLimber(t)
	if f.count() != 0 || v.Ticking() {
		t.Fatal("asked the agent before the window was shown")
	}
	v.Show()
	if f.count() != 1 || !v.Ticking() {
		t.Fatalf("%d status calls after Show, ticking %v; want 1, true", f.count(), v.Ticking())
	}
	for i := range 3 {
		f.ticks <- time.Now()
		waitFor(t, "a refresh per tick", func() bool { return f.count() == 2+i })
	}
	v.Hide()
	// A tick may still race the stop; it must not refresh.
	select {
	case f.ticks <- time.Now():
	case <-time.After(50 * time.Millisecond):
	}
	if f.count() != 4 || v.Ticking() || f.stops != 1 {
		t.Fatalf("%d status calls, ticking %v, %d stops after Hide", f.count(), v.Ticking(), f.stops)
	}
	v.Show()
	f.ticks <- time.Now()
	waitFor(t, "refreshing again once shown", func() bool { return f.count() == 6 })
	v.OnClose()
	if v.Ticking() || f.stops != 2 || f.starts != 2 {
		t.Fatalf("ticking %v with %d stops, %d starts after close", v.Ticking(), f.stops, f.starts)
	}
}
