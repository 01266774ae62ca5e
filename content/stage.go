package content

import (
	"math"
	"time"
)

// Stage draws one exercise's figure: its animation seen from its view,
// with its props, framed the same way at every moment so the figure does
// not jump in size as it moves.
type Stage struct {
	Anim    Animation
	View    View
	Framing Framing
	Props   []Prop
	frame   Rect
}

// framePad is the margin around the framed scene, as a share of its size.
const framePad = 0.05

// NewStage prepares an exercise's drawing.
func NewStage(ex *Exercise) *Stage {
	view, _ := ParseView(ex.View)
	framing, _ := ParseFraming(ex.Frame)
	s := &Stage{Anim: ex.Animation(), View: view, Framing: framing, Props: ex.Props}
	s.frame = s.computeFrame()
	return s
}

// samples returns placed poses along the whole loop.
func (s *Stage) samples() []Pose {
	var out []Pose
	a := s.Anim
	for i, k := range a.Keys {
		out = append(out, k.Pose.Place())
		start := a.KeyTime(i) - k.Move
		for j := 1; j < 6; j++ {
			out = append(out, a.At(start+k.Move*time.Duration(j)/6))
		}
	}
	if len(out) == 0 {
		out = append(out, Neutral().Place())
	}
	return out
}

func (s *Stage) computeFrame() Rect {
	r := emptyRect()
	samples := s.samples()
	// The hands framing keeps the hands that move (both if neither does).
	sides := 0
	first := samples[0].Solve()
	for _, p := range samples[1:] {
		b := p.Solve()
		for sd := range 2 {
			d := b.Arms[sd].Knuckle.Sub(first.Arms[sd].Knuckle)
			f := b.Arms[sd].Fingers[1][1].Sub(first.Arms[sd].Fingers[1][1])
			if math.Sqrt(d.Dot(d)) > 0.01 || math.Sqrt(f.Dot(f)) > 0.01 {
				sides |= 1 << sd
			}
		}
	}
	if sides == 0 {
		sides = 3
	}
	for _, p := range samples {
		var b Rect
		if s.Framing == FrameFull {
			b = bounds(Shapes(p, s.Props, s.View), true)
		} else {
			b = focus(p.Solve(), s.View, s.Framing, sides)
		}
		r.add(b.Min.X, b.Min.Y, 0)
		r.add(b.Max.X, b.Max.Y, 0)
	}
	if s.Framing == FrameFull && s.View != ViewTop {
		r.add(r.Min.X, 0, 0) // keep the floor in view
	}
	size := math.Max(r.Max.X-r.Min.X, r.Max.Y-r.Min.Y)
	pad := size * framePad
	r.Min.X -= pad
	r.Min.Y -= pad
	r.Max.X += pad
	r.Max.Y += pad
	return r
}

// Frame is the part of the world the stage shows.
func (s *Stage) Frame() Rect { return s.frame }

// Draw returns a placed pose's shapes in the unit square (x right, y down,
// the frame centred in it), back to front.
func (s *Stage) Draw(p Pose) []Shape {
	return s.DrawGhost(p, nil)
}

// DrawGhost is Draw with another pose drawn faintly behind (ghost may be
// nil), to show where a movement started.
func (s *Stage) DrawGhost(p Pose, ghost *Pose) []Shape {
	var out []Shape
	if s.View != ViewTop {
		out = append(out, Shape{Kind: ShapeLine, Role: RoleFloor, A: Point{s.frame.Min.X, -0.004}, B: Point{s.frame.Max.X, -0.004}, W: 0.008})
	}
	bg, fg := shapes(p, s.Props, s.View)
	out = append(out, bg...)
	if ghost != nil {
		for _, g := range Shapes(*ghost, nil, s.View) {
			if g.Role == RoleFace || g.Role == RoleOutline {
				continue
			}
			g.Role = RoleGhost
			out = append(out, g)
		}
	}
	out = append(out, fg...)
	return fit(out, s.frame)
}

// At returns the shapes at time t of the looping animation.
func (s *Stage) At(t time.Duration) []Shape { return s.Draw(s.Anim.At(t)) }

// KeyPoses returns the placed pose of every key.
func (s *Stage) KeyPoses() []Pose {
	out := make([]Pose, len(s.Anim.Keys))
	for i, k := range s.Anim.Keys {
		out[i] = k.Pose.Place()
	}
	return out
}
