package content

import (
	"testing"
	"time"
)

func testAnim() Animation {
	a, b, c := Neutral(), Neutral(), Neutral()
	b.V[Elbow] = 100
	c.V[Elbow] = 40
	return NewAnimation([]Key{
		{Pose: a, Move: time.Second, Ease: EaseLinear, Hold: time.Second, Step: 0},
		{Pose: b, Move: 2 * time.Second, Ease: EaseLinear, Step: 1},
		{Pose: c, Move: time.Second, Ease: EaseHold, Hold: time.Second, Step: 1},
	})
}

func TestAnimationTiming(t *testing.T) {
	a := testAnim()
	if a.Duration() != 6*time.Second {
		t.Fatalf("loop %v, want 6s", a.Duration())
	}
	cases := []struct {
		at    time.Duration
		elbow float64
		step  int
	}{
		{0, 40, 0},                        // moving from the last key, linear
		{500 * time.Millisecond, 20, 0},   // half way
		{time.Second, 0, 0},               // key 1 reached
		{1500 * time.Millisecond, 0, 0},   // holding
		{3 * time.Second, 50, 1},          // half way to key 2, linear
		{4 * time.Second, 100, 1},         // key 2 reached
		{4500 * time.Millisecond, 100, 1}, // key 3 eases "hold": still key 2
		{5 * time.Second, 40, 1},          // jumped
		{6 * time.Second, 40, 0},          // loops
		{10 * time.Second, 100, 1},        // 10 s = 4 s into the next loop
		{-4 * time.Second, 0, 1},          // negative times loop too: -4 s = 2 s
	}
	for _, c := range cases {
		if got := a.At(c.at).V[Elbow]; !near(got, c.elbow, 1e-9) {
			t.Errorf("At(%v) elbow = %v, want %v", c.at, got, c.elbow)
		}
		if got := a.StepAt(c.at); got != c.step {
			t.Errorf("StepAt(%v) = %d, want %d", c.at, got, c.step)
		}
	}
	if a.KeyTime(1) != 4*time.Second {
		t.Errorf("KeyTime(1) = %v", a.KeyTime(1))
	}
	if p := a.At(3 * time.Second); p.Anchor != AnchorNone {
		t.Error("At must return a placed pose")
	}
}

func TestEaseInOut(t *testing.T) {
	e := EaseInOut
	if e.apply(0) != 0 || !near(e.apply(1), 1, 1e-12) || !near(e.apply(0.5), 0.5, 1e-12) {
		t.Error("ease-in-out ends")
	}
	if e.apply(0.1) >= 0.1 || e.apply(0.9) <= 0.9 {
		t.Error("ease-in-out should start and end slowly")
	}
	for _, s := range []string{"", "linear", "ease-in-out", "hold"} {
		if _, err := ParseEase(s); err != nil {
			t.Error(err)
		}
	}
	if _, err := ParseEase("bounce"); err == nil {
		t.Error("bounce accepted")
	}
}

func TestForStep(t *testing.T) {
	a := testAnim()
	s1 := a.ForStep(1)
	if len(s1.Keys) != 2 || s1.Duration() != 4*time.Second {
		t.Fatalf("step 1: %d keys, %v", len(s1.Keys), s1.Duration())
	}
	for _, at := range []time.Duration{0, time.Second, 3 * time.Second} {
		if s1.StepAt(at) != 1 {
			t.Errorf("step animation shows step %d", s1.StepAt(at))
		}
	}
	s0 := a.ForStep(0)
	if len(s0.Keys) != 1 || s0.Duration() <= 0 {
		t.Fatalf("step 0: %d keys, %v", len(s0.Keys), s0.Duration())
	}
	if s0.At(123 * time.Millisecond).V[Elbow] != 0 {
		t.Error("a one-key step stays still")
	}
	if len(a.ForStep(5).Keys) != 0 {
		t.Error("missing step has keys")
	}
	var empty Animation
	if empty.At(time.Second).Anchor != AnchorNone || empty.StepAt(time.Second) != 0 {
		t.Error("empty animation")
	}
}

// Between keys resting differently (sitting, then standing) the figure
// moves smoothly and stays on the floor.
func TestAnchorChangeStaysOnFloor(t *testing.T) {
	seated, _ := BasePose("seated")
	standing, _ := BasePose("standing")
	a := NewAnimation([]Key{{Pose: seated, Move: time.Second, Ease: EaseLinear}, {Pose: standing, Move: time.Second, Ease: EaseLinear}})
	prev := a.At(time.Second).Solve().Pelvis
	if !near(prev.Y, SeatHeight, 0.002) {
		t.Fatalf("starts at %v, want seated", prev)
	}
	for i := 1; i < 20; i++ {
		p := a.At(time.Second + time.Duration(i)*50*time.Millisecond)
		b := p.Solve()
		if b.lowest() < -1e-9 {
			t.Errorf("step %d: under the floor by %v", i, -b.lowest())
		}
		if d := b.Pelvis.Sub(prev); d.Dot(d) > 0.05*0.05 {
			t.Errorf("step %d: pelvis jumps %v", i, d)
		}
		prev = b.Pelvis
	}
	if got := a.At(2*time.Second - time.Nanosecond).Solve().Pelvis.Y; !near(got, StandHeight, 0.005) {
		t.Errorf("ends standing at %v", got)
	}
}
