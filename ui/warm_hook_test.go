package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// The hook calls fire at each MinSize until fire reports true, then never
// again, and takes no room.
func TestCreateHookFiresUntilItSucceeds(t *testing.T) {
	h := newCreateHook()
	calls := 0
	h.fire = func() bool { calls++; return calls == 3 }
	for i := 0; i < 5; i++ {
		if s := h.MinSize(); s != (fyne.Size{}) {
			t.Fatalf("MinSize = %v, want zero", s)
		}
	}
	if calls != 3 || h.fire != nil {
		t.Fatalf("fire called %d times (want 3), still set: %v", calls, h.fire != nil)
	}
}

// Where there is no native window (Fyne's test driver, as on Wayland),
// Prepare does nothing: the window stays hidden, and Show shows it and
// starts it as for a window that was never prepared.
func TestPrepareWithoutANativeWindowLeavesShowAsItWas(t *testing.T) {
	v, _, _ := newTestBreak(t, "posture", "chin-tuck", false)
	before := v.win.Content().MinSize()
	if v.Prepare() {
		t.Fatal("Prepare reported a window made hidden under the test driver")
	}
	if v.shown || v.release != nil || v.figure.Running() || v.ticking() {
		t.Fatalf("after Prepare: shown %v, release set %v, figure running %v, ticking %v",
			v.shown, v.release != nil, v.figure.Running(), v.ticking())
	}
	if after := v.win.Content().MinSize(); after != before {
		t.Fatalf("the content's size changed from %v to %v", before, after)
	}
	v.Show()
	if !v.shown || !v.figure.Running() || !v.ticking() {
		t.Fatalf("after Show: shown %v, figure running %v, ticking %v", v.shown, v.figure.Running(), v.ticking())
	}
}
