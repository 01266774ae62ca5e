package platform

import (
	"math"
	"math/rand"
	"testing"
	"time"
)

func TestTickIdleAcrossTheWrap(t *testing.T) {
	for _, c := range []struct {
		now, last uint32
		want      time.Duration
	}{
		{5000, 2000, 3 * time.Second},
		{1000, math.MaxUint32 - 999, 2 * time.Second}, // input just before the wrap, now just after
		{0, math.MaxUint32, time.Millisecond},
		{7, 7, 0},
		{2000, 2001, 0}, // the last input read a millisecond "later" than now
		{10, math.MaxUint32 - 5, 16 * time.Millisecond},
	} {
		if got := tickIdle(c.now, c.last); got != c.want {
			t.Errorf("now %d last %d: %v, want %v", c.now, c.last, got, c.want)
		}
	}
	// Invariant: anywhere on the counter, idle d (up to 24 days) reads as d.
	seed := rand.Int63()
	r := rand.New(rand.NewSource(seed))
	for i := 0; i < 10000; i++ {
		last := r.Uint32()
		d := uint32(r.Int63n(1 << 31))
		if got := tickIdle(last+d, last); got != time.Duration(d)*time.Millisecond {
			t.Fatalf("seed %d: last %d idle %d ms: %v", seed, last, d, got)
		}
	}
}
