package ui

import (
	"testing"
	"time"
)

// A minimised (unmapped) break window draws nothing: the figure stops and
// the ring keeps what it shows; mapped again, both catch up. The
// countdown itself goes on, and still ends the break.
func TestBreakViewRestsWhileUnmapped(t *testing.T) {
	v, _, clk := newTestBreak(t, "posture", "shoulder-rolls", false)
	v.opt.Now = clk.now
	v.Show()
	if !v.figure.Running() {
		t.Fatal("the figure does not move in a shown window")
	}
	v.setMapped(false)
	if v.figure.Running() {
		t.Fatal("the figure still moves in a minimised window")
	}
	shown := v.ring.Text()
	clk.t = clk.t.Add(5 * time.Second)
	v.Tick()
	if v.ring.Text() != shown {
		t.Errorf("the ring of a minimised window changed from %s to %s", shown, v.ring.Text())
	}
	v.setMapped(true)
	if !v.figure.Running() {
		t.Error("the figure does not move again once the window is back")
	}
	if v.ring.Text() == shown {
		t.Errorf("the ring still shows %s once the window is back", shown)
	}
	// Minimised through the end: the break still completes.
	v.setMapped(false)
	clk.t = clk.t.Add(time.Minute)
	v.Tick()
	if !v.Ended() {
		t.Fatal("the countdown did not end in a minimised window")
	}
	v.setMapped(true)
	if v.figure.Running() {
		t.Error("the figure moves again after the break ended")
	}
}
