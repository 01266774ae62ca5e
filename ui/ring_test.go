package ui

import (
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestRingTextRoundsUp(t *testing.T) {
	test.NewTempApp(t)
	r := NewRing(3 * time.Minute)
	if r.Text() != "3:00" {
		t.Fatal(r.Text())
	}
	r.SetLeft(125*time.Second - time.Millisecond)
	if r.Text() != "2:05" {
		t.Fatal(r.Text())
	}
	r.SetLeft(-time.Second)
	if r.Text() != "0:00" || r.Left != 0 {
		t.Fatal(r.Text())
	}
}

func TestRingRendersArcForTimeLeft(t *testing.T) {
	test.NewTempApp(t)
	r := NewRing(time.Minute)
	r.SetLeft(15 * time.Second)
	w := test.NewWindow(r)
	defer w.Close()
	w.Resize(fyne.NewSize(120, 120))
	rr := test.WidgetRenderer(r).(*ringRenderer)
	if rr.arc.EndAngle != 90 {
		t.Fatalf("a quarter left should draw a quarter arc, got %v°", rr.arc.EndAngle)
	}
	test.AssertImageMatches(t, "ring_quarter.png", w.Canvas().Capture())
}

// The ring redraws only when what the eye sees changes: the seconds
// shown, and the arc, which moves with them. A countdown's random ticks.
func TestRingRedrawsOnlyWhenTheShownSecondChanges(t *testing.T) {
	test.NewTempApp(t)
	seed := time.Now().UnixNano()
	if s := os.Getenv("LIMBER_RING_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0))
	total := time.Duration(20+rng.IntN(300)) * time.Second
	r := NewRing(total)
	w := test.NewWindow(r)
	defer w.Close()
	w.Resize(fyne.NewSize(110, 110))
	rr := test.WidgetRenderer(r).(*ringRenderer)
	left := total
	for left > -time.Second {
		left -= time.Duration(1+rng.IntN(400)) * time.Millisecond
		text, angle, before := r.Text(), rr.arc.EndAngle, rr.redraws
		r.SetLeft(left)
		changed := r.Text() != text
		if drew := rr.redraws != before; drew != changed {
			t.Fatalf("seed %d (LIMBER_RING_SEED): %v of %v left: shown %q→%q, redrawn %v", seed, left, total, text, r.Text(), drew)
		}
		if !changed && rr.arc.EndAngle != angle {
			t.Fatalf("seed %d: the arc moved within one shown second", seed)
		}
		shown := float32((r.Left + time.Second - 1) / time.Second)
		if want := 360 * shown / float32(total/time.Second); rr.arc.EndAngle < want-0.01 || rr.arc.EndAngle > want+0.01 {
			t.Fatalf("seed %d: %q left of %v: arc %v°, want %v° (the seconds shown)", seed, r.Text(), total, rr.arc.EndAngle, want)
		}
	}
}
