package content

import (
	"fmt"
	"math"
	"time"
)

// Ease is how a keyframe's move goes.
type Ease string

// Easings: steady, slow at both ends, or no move at all (the previous pose
// holds for the move time, then the pose jumps).
const (
	EaseLinear    Ease = "linear"
	EaseInOut     Ease = "ease-in-out"
	EaseHold      Ease = "hold"
	defaultEase        = EaseInOut
	defaultMove        = time.Second
	minAnimLength      = 100 * time.Millisecond
)

// ParseEase checks an easing name; empty means ease-in-out.
func ParseEase(s string) (Ease, error) {
	switch Ease(s) {
	case "":
		return defaultEase, nil
	case EaseLinear, EaseInOut, EaseHold:
		return Ease(s), nil
	}
	return "", fmt.Errorf("unknown ease %q (expected linear, ease-in-out or hold)", s)
}

func (e Ease) apply(f float64) float64 {
	switch e {
	case EaseLinear:
		return f
	case EaseHold:
		if f >= 1 {
			return 1
		}
		return 0
	default:
		return 0.5 - 0.5*math.Cos(math.Pi*f)
	}
}

// Key is one resolved keyframe: the pose (with its anchor), how long the
// figure takes to move into it from the previous key (the last key for the
// first one: the animation loops), how, how long it then holds, and which
// step (0-based) it belongs to.
type Key struct {
	Pose Pose
	Move time.Duration
	Ease Ease
	Hold time.Duration
	Step int
}

// Animation is a looping sequence of keys.
type Animation struct {
	Keys   []Key
	starts []time.Duration
	total  time.Duration
}

// NewAnimation builds a looping animation.
func NewAnimation(keys []Key) Animation {
	a := Animation{Keys: keys}
	for _, k := range keys {
		a.starts = append(a.starts, a.total)
		a.total += k.Move + k.Hold
	}
	return a
}

// Duration is the length of one loop.
func (a Animation) Duration() time.Duration { return a.total }

// index returns the key being moved into or held at t (looping) and the
// time since that key began.
func (a Animation) index(t time.Duration) (int, time.Duration) {
	if len(a.Keys) == 0 || a.total <= 0 {
		return 0, 0
	}
	t %= a.total
	if t < 0 {
		t += a.total
	}
	i := len(a.starts) - 1
	for j, s := range a.starts {
		if t < s {
			i = j - 1
			break
		}
	}
	return i, t - a.starts[i]
}

// At returns the placed pose at t (looping).
func (a Animation) At(t time.Duration) Pose {
	if len(a.Keys) == 0 {
		return Neutral().Place()
	}
	i, dt := a.index(t)
	k := a.Keys[i]
	if dt >= k.Move || k.Move <= 0 {
		return k.Pose.Place()
	}
	prev := a.Keys[(i+len(a.Keys)-1)%len(a.Keys)].Pose
	f := k.Ease.apply(float64(dt) / float64(k.Move))
	p := Lerp(prev, k.Pose, f)
	p.Anchor = k.Pose.Anchor
	if prev.Anchor == k.Pose.Anchor {
		return p.Place()
	}
	// Between two ways of resting (sitting, then standing), place the
	// blend both ways and move between the two, never under the floor.
	from, to := p, p
	from.Anchor = prev.Anchor
	from, to = from.Place(), to.Place()
	q := Lerp(from, to, f)
	if low := q.Solve().lowest(); low < 0 {
		q.V[PY] -= low
	}
	return q
}

// StepAt returns the step (0-based) shown at t.
func (a Animation) StepAt(t time.Duration) int {
	if len(a.Keys) == 0 {
		return 0
	}
	i, _ := a.index(t)
	return a.Keys[i].Step
}

// KeyTime returns when key i is reached (its move done).
func (a Animation) KeyTime(i int) time.Duration {
	return a.starts[i] + a.Keys[i].Move
}

// ForStep returns the animation of one step's keys alone, looping (a step
// with one key is still). The moves into the step's first key start from
// the step's last key; a step with no keys gives an empty animation.
func (a Animation) ForStep(step int) Animation {
	var keys []Key
	for _, k := range a.Keys {
		if k.Step == step {
			keys = append(keys, k)
		}
	}
	if len(keys) == 1 {
		keys[0].Move = 0
		if keys[0].Hold < minAnimLength {
			keys[0].Hold = minAnimLength
		}
	}
	return NewAnimation(keys)
}
