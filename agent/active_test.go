package agent

import (
	"context"
	"testing"
	"testing/synctest"
	"time"
)

// The active time is journaled once an hour, and what was journaled adds
// up to the engine's count.
func TestActiveTimeJournaledHourly(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(t, false)
		h.a.cfg.OpenWindow = false
		ctx, cancel := context.WithCancel(context.Background())
		go h.a.Run(ctx)
		time.Sleep(3*time.Hour + 30*time.Minute)
		synctest.Wait()
		var sum float64
		n := 0
		for _, r := range h.j.records() {
			if r.Event == "active" {
				sum += r.Seconds
				n++
			}
		}
		if n != 3 {
			t.Fatalf("%d active records in 3.5 hours, want one an hour", n)
		}
		// Breaks do not count as active time: less than the wall time.
		if sum <= 2*3600 || sum >= 3*3600 {
			t.Fatalf("active seconds %v in three hours with breaks", sum)
		}
		cancel()
		synctest.Wait()
		var total float64
		for _, r := range h.j.records() {
			if r.Event == "active" {
				total += r.Seconds
			}
		}
		var eng time.Duration
		eng = h.a.eng.Active()
		if total != eng.Round(time.Second).Seconds() {
			t.Fatalf("journaled %v s, engine counted %v", total, eng)
		}
	})
}
