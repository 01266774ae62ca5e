package content

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// View is the direction the figure is drawn from.
type View string

// The views: from the figure's left side, from its front, or from above.
const (
	ViewSide  View = "side"
	ViewFront View = "front"
	ViewTop   View = "top"
)

// project maps a world point to the drawing plane (x right, y up) and a
// depth (larger is nearer the viewer).
func (v View) project(p Vec3) (x, y, depth float64) {
	switch v {
	case ViewFront:
		return p.Z, p.Y, p.X
	case ViewTop:
		return p.X, -p.Z, p.Y
	default:
		return p.X, p.Y, p.Z
	}
}

// axes returns the world directions of the drawing plane's x and y axes.
func (v View) axes() (x, y Vec3) {
	switch v {
	case ViewFront:
		return Vec3{0, 0, 1}, Vec3{0, 1, 0}
	case ViewTop:
		return Vec3{1, 0, 0}, Vec3{0, 0, -1}
	default:
		return Vec3{1, 0, 0}, Vec3{0, 1, 0}
	}
}

// Point is a point in the drawing plane.
type Point struct{ X, Y float64 }

// ShapeKind is what a Shape draws.
type ShapeKind uint8

// Shape kinds: a line with round ends, a filled circle, a rectangle.
const (
	ShapeLine ShapeKind = iota
	ShapeCircle
	ShapeRect
)

// Role says how a shape is coloured.
type Role uint8

// Roles: the figure's near parts, its far parts (drawn lighter), marks on
// the face (eyes, drawn in the background colour), props, the floor line.
const (
	RoleBody Role = iota
	RoleFar
	RoleFace
	RoleProp
	RoleFloor
	RoleGhost
)

// Shape is one drawable primitive. For a line, A and B are its ends and W
// its width; for a circle, A is the centre and R the radius; for a
// rectangle, A is the minimum and B the maximum corner.
type Shape struct {
	Kind  ShapeKind
	Role  Role
	A, B  Point
	W, R  float64
	Depth float64
}

// Prop is an object in the scene. X, Y, Z move it from its default place,
// which suits the matching base pose (a chair under a seated figure, a desk
// in front of it, a wall behind a standing one).
type Prop struct {
	Kind    string  `toml:"kind"`
	X       float64 `toml:"x"`
	Y       float64 `toml:"y"`
	Z       float64 `toml:"z"`
	Width   float64 `toml:"width"`  // optional: overrides the default width (Z extent)
	Height  float64 `toml:"height"` // optional: overrides the default height
	Flipped bool    `toml:"flipped"`
}

// cuboid is an axis-aligned box in world coordinates.
type cuboid struct{ min, max Vec3 }

func box(x0, y0, z0, x1, y1, z1 float64) cuboid {
	return cuboid{Vec3{x0, y0, z0}, Vec3{x1, y1, z1}}
}

// propShapes are the cuboids each prop kind is built of, at its default
// place.
var propShapes = map[string]func(p Prop) []cuboid{
	"chair": func(Prop) []cuboid {
		const seat = SeatHeight - 0.045
		return []cuboid{
			box(-0.13, seat-0.035, -0.13, 0.13, seat, 0.13),  // seat
			box(-0.17, seat, -0.12, -0.135, seat+0.33, 0.12), // back
			box(-0.12, 0, -0.12, -0.1, seat-0.035, -0.1),     // legs
			box(0.1, 0, -0.12, 0.12, seat-0.035, -0.1),
			box(-0.12, 0, 0.1, -0.1, seat-0.035, 0.12),
			box(0.1, 0, 0.1, 0.12, seat-0.035, 0.12),
		}
	},
	"desk": func(Prop) []cuboid {
		return []cuboid{
			box(0.2, 0.4, -0.4, 0.65, 0.425, 0.4),
			box(0.6, 0, -0.38, 0.625, 0.4, -0.355),
			box(0.6, 0, 0.355, 0.625, 0.4, 0.38),
		}
	},
	"monitor": func(Prop) []cuboid {
		return []cuboid{
			box(0.5, 0.425, -0.06, 0.56, 0.44, 0.06),    // foot
			box(0.525, 0.44, -0.015, 0.54, 0.55, 0.015), // stand
			box(0.49, 0.55, -0.16, 0.51, 0.74, 0.16),    // screen
		}
	},
	"wall": func(p Prop) []cuboid {
		h := 1.15
		if p.Height > 0 {
			h = p.Height
		}
		return []cuboid{box(-0.23, 0, -0.5, -0.2, h, 0.5)}
	},
	"doorway": func(Prop) []cuboid {
		return []cuboid{
			box(0.12, 0, -0.42, 0.17, 1.2, -0.34),
			box(0.12, 0, 0.34, 0.17, 1.2, 0.42),
			box(0.12, 1.2, -0.42, 0.17, 1.24, 0.42),
		}
	},
	"mat": func(Prop) []cuboid {
		return []cuboid{box(-0.6, -0.012, -0.3, 0.6, 0, 0.3)}
	},
	"box": func(Prop) []cuboid {
		return []cuboid{box(-BoxSize/2, 0, -BoxSize/2, BoxSize/2, BoxSize*0.8, BoxSize/2)}
	},
	"step": func(Prop) []cuboid {
		return []cuboid{box(0.25, 0, -0.25, 0.5, 0.1, 0.25)}
	},
	"window": func(Prop) []cuboid {
		return []cuboid{
			box(-0.5, 0.55, -0.4, -0.47, 0.58, 0.4),
			box(-0.5, 0.95, -0.4, -0.47, 0.98, 0.4),
			box(-0.5, 0.55, -0.4, -0.47, 0.98, -0.37),
			box(-0.5, 0.55, 0.37, -0.47, 0.98, 0.4),
			box(-0.5, 0.55, -0.015, -0.47, 0.98, 0.015),
		}
	},
}

// BoxSize is the carried box's width.
const BoxSize = 0.2

// PropKinds lists the props a scene can hold.
func PropKinds() []string {
	k := make([]string, 0, len(propShapes))
	for n := range propShapes {
		k = append(k, n)
	}
	sort.Strings(k)
	return k
}

func (p Prop) cuboids(pose Pose, body Body) []cuboid {
	f, ok := propShapes[p.Kind]
	if !ok {
		return nil
	}
	cs := f(p)
	off := Vec3{p.X, p.Y, p.Z}
	if p.Flipped {
		for i, c := range cs {
			cs[i] = cuboid{Vec3{-c.max.X, c.min.Y, c.min.Z}, Vec3{-c.min.X, c.max.Y, c.max.Z}}
		}
	}
	if p.Kind == "box" {
		// The box rests where the pose puts it, or between the hands.
		rest := Vec3{pose.V[BoxX], pose.V[BoxY], pose.V[BoxZ]}
		hands := body.Arms[Left].Knuckle.Add(body.Arms[Right].Knuckle).Scale(0.5)
		held := hands.Sub(Vec3{0, BoxSize * 0.4, 0})
		off = off.Add(rest.Add(held.Sub(rest).Scale(pose.V[Carry])))
	}
	for i := range cs {
		cs[i].min = cs[i].min.Add(off)
		cs[i].max = cs[i].max.Add(off)
	}
	return cs
}

// Shapes draws a placed pose (see Pose.Place) and its props from view v in
// world units (y up), nearest last.
func Shapes(pose Pose, props []Prop, v View) []Shape {
	b := pose.Solve()
	var out []Shape
	add := func(s Shape) { out = append(out, s) }
	line := func(a, c Vec3, w float64, limb bool) {
		ax, ay, ad := v.project(a)
		cx, cy, cd := v.project(c)
		role := RoleBody
		if limb && (ad+cd)/2 < -0.03 && v != ViewFront {
			role = RoleFar
		}
		if limb && v == ViewFront && (ad+cd)/2 < -0.06 {
			role = RoleFar
		}
		add(Shape{Kind: ShapeLine, Role: role, A: Point{ax, ay}, B: Point{cx, cy}, W: w, Depth: (ad + cd) / 2})
	}
	// torso: a line whose width is the section's extent across the line.
	vx, vy := v.axes()
	torso := func(a, c Vec3, frame Mat3, scale float64) {
		ax, ay, ad := v.project(a)
		cx, cy, cd := v.project(c)
		dx, dy := cx-ax, cy-ay
		n := math.Hypot(dx, dy)
		var across Vec3
		if n < 1e-9 {
			across = vx
		} else {
			across = vx.Scale(-dy / n).Add(vy.Scale(dx / n))
		}
		fx, fz := frame.Apply(Vec3{1, 0, 0}), frame.Apply(Vec3{0, 0, 1})
		w := 2 * scale * math.Hypot(torsoDepth*across.Dot(fx), torsoWidth*across.Dot(fz))
		add(Shape{Kind: ShapeLine, Role: RoleBody, A: Point{ax, ay}, B: Point{cx, cy}, W: w, Depth: (ad+cd)/2 - 0.001})
	}
	torso(b.Pelvis, b.Lumbar, b.PelvisFrame, 1.05)
	torso(b.Lumbar, b.Thorax, b.LowerFrame, 0.95)
	torso(b.Thorax, b.NeckBase.Sub(b.UpperFrame.Apply(Vec3{0, 0.02, 0})), b.UpperFrame, 1.05)
	line(b.Arms[Left].Shoulder, b.Arms[Right].Shoulder, UpperArmWidth*1.1, false)
	line(b.NeckBase, b.NeckTop, NeckWidth, false)
	hx, hy, hd := v.project(b.Head)
	add(Shape{Kind: ShapeCircle, Role: RoleBody, A: Point{hx, hy}, R: HeadRadius, Depth: hd})
	// nose and eyes show where the face points
	nose := b.Head.Add(b.HeadFrame.Apply(Vec3{HeadRadius * 1.0, -0.012, 0}))
	nx, ny, nd := v.project(nose)
	add(Shape{Kind: ShapeCircle, Role: RoleBody, A: Point{nx, ny}, R: 0.014, Depth: hd + 0.0005})
	if nd < hd-0.01 {
		out[len(out)-1].Depth = hd - 0.0005
	}
	for _, s := range []float64{1, -1} {
		eye := b.Head.Add(b.HeadFrame.Apply(Vec3{HeadRadius * 0.8, 0.012, s * 0.024}))
		ex, ey, ed := v.project(eye)
		if ed-hd < HeadRadius*0.25 {
			continue // on the far side of the head
		}
		if b.Eyes >= 0.5 {
			add(Shape{Kind: ShapeCircle, Role: RoleFace, A: Point{ex, ey}, R: 0.0085, Depth: hd + 0.001})
		} else {
			add(Shape{Kind: ShapeLine, Role: RoleFace, A: Point{ex - 0.011, ey}, B: Point{ex + 0.011, ey}, W: 0.006, Depth: hd + 0.001})
		}
	}
	for s := range 2 {
		a, l := b.Arms[s], b.Legs[s]
		line(l.Hip, l.Knee, ThighWidth, true)
		line(l.Knee, l.Ankle, ShinWidth, true)
		line(l.Heel, l.Toe, FootWidth, true)
		line(a.Shoulder, a.Elbow, UpperArmWidth, true)
		line(a.Elbow, a.Wrist, ForearmWidth, true)
		line(a.Wrist, a.Knuckle, HandWidth, true)
		for _, f := range a.Fingers {
			line(a.Knuckle, f[0], FingerWidth, true)
			line(f[0], f[1], FingerWidth, true)
		}
	}
	var props2 []Shape
	for _, p := range props {
		for _, c := range p.cuboids(pose, b) {
			x0, y0, d0 := v.project(c.min)
			x1, y1, d1 := v.project(c.max)
			s := Shape{Kind: ShapeRect, Role: RoleProp, A: Point{math.Min(x0, x1), math.Min(y0, y1)}, B: Point{math.Max(x0, x1), math.Max(y0, y1)}, Depth: (d0 + d1) / 2}
			if p.Kind == "box" {
				out = append(out, s) // sorted with the figure
			} else {
				props2 = append(props2, s)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Depth < out[j].Depth })
	return append(props2, out...)
}

// Rect is an axis-aligned rectangle in the drawing plane.
type Rect struct{ Min, Max Point }

// Empty reports whether r holds nothing.
func (r Rect) Empty() bool { return r.Max.X < r.Min.X || r.Max.Y < r.Min.Y }

func emptyRect() Rect {
	return Rect{Point{math.Inf(1), math.Inf(1)}, Point{math.Inf(-1), math.Inf(-1)}}
}

func (r *Rect) add(x, y, pad float64) {
	r.Min.X = math.Min(r.Min.X, x-pad)
	r.Min.Y = math.Min(r.Min.Y, y-pad)
	r.Max.X = math.Max(r.Max.X, x+pad)
	r.Max.Y = math.Max(r.Max.Y, y+pad)
}

// bounds of the given shapes (figure only when props is false).
func bounds(shapes []Shape, props bool) Rect {
	r := emptyRect()
	for _, s := range shapes {
		switch s.Kind {
		case ShapeLine:
			r.add(s.A.X, s.A.Y, s.W/2)
			r.add(s.B.X, s.B.Y, s.W/2)
		case ShapeCircle:
			r.add(s.A.X, s.A.Y, s.R)
		case ShapeRect:
			if props {
				r.add(s.A.X, s.A.Y, 0)
				r.add(s.B.X, s.B.Y, 0)
			}
		}
	}
	return r
}

// Framing says which part of the scene an exercise's picture shows.
type Framing string

// Framings: the whole scene, the upper body, or the hands and forearms.
const (
	FrameFull  Framing = "full"
	FrameUpper Framing = "upper"
	FrameHands Framing = "hands"
)

// focus returns the part of a body a framing keeps in view.
func focus(b Body, v View, f Framing) Rect {
	r := emptyRect()
	pts := []contact{}
	switch f {
	case FrameUpper:
		pts = append(pts, contact{b.Head, HeadRadius + 0.02}, contact{b.Lumbar, torsoWidth}, contact{b.Pelvis, torsoDepth})
		for _, a := range b.Arms {
			pts = append(pts, contact{a.Shoulder, 0.03}, contact{a.Elbow, 0.03}, contact{a.Wrist, 0.03}, contact{a.Knuckle, 0.03})
		}
	case FrameHands:
		for _, a := range b.Arms {
			pts = append(pts, contact{a.Elbow, 0.03}, contact{a.Wrist, 0.03}, contact{a.Knuckle, 0.03})
			for _, fg := range a.Fingers {
				pts = append(pts, contact{fg[1], 0.02})
			}
		}
	}
	for _, c := range pts {
		x, y, _ := v.project(c.at)
		r.add(x, y, c.r)
	}
	return r
}

// ParseFraming checks a framing name.
func ParseFraming(s string) (Framing, error) {
	switch Framing(s) {
	case "", FrameFull:
		return FrameFull, nil
	case FrameUpper, FrameHands:
		return Framing(s), nil
	}
	return "", fmt.Errorf("unknown frame %q (expected %s)", s, strings.Join([]string{string(FrameFull), string(FrameUpper), string(FrameHands)}, ", "))
}

// ParseView checks a view name.
func ParseView(s string) (View, error) {
	switch View(s) {
	case "":
		return ViewSide, nil
	case ViewSide, ViewFront, ViewTop:
		return View(s), nil
	}
	return "", fmt.Errorf("unknown view %q (expected side, front or top)", s)
}

// clipLine clips the segment a–b to r (Liang–Barsky); ok is false when
// nothing is left.
func clipLine(a, b Point, r Rect) (Point, Point, bool) {
	t0, t1 := 0.0, 1.0
	dx, dy := b.X-a.X, b.Y-a.Y
	for _, e := range [4][2]float64{{-dx, a.X - r.Min.X}, {dx, r.Max.X - a.X}, {-dy, a.Y - r.Min.Y}, {dy, r.Max.Y - a.Y}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return a, b, false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
	}
	if t0 > t1 {
		return a, b, false
	}
	return Point{a.X + t0*dx, a.Y + t0*dy}, Point{a.X + t1*dx, a.Y + t1*dy}, true
}

// fit maps shapes from world units inside frame to the unit square (y
// down), centred, keeping proportions, and clips what falls outside frame.
func fit(shapes []Shape, frame Rect) []Shape {
	w, h := frame.Max.X-frame.Min.X, frame.Max.Y-frame.Min.Y
	scale := 1 / math.Max(w, h)
	ox := (1 - w*scale) / 2
	oy := (1 - h*scale) / 2
	tp := func(p Point) Point {
		return Point{ox + (p.X-frame.Min.X)*scale, oy + (frame.Max.Y-p.Y)*scale}
	}
	out := make([]Shape, 0, len(shapes))
	for _, s := range shapes {
		switch s.Kind {
		case ShapeLine:
			a, b, ok := clipLine(s.A, s.B, frame)
			if !ok {
				continue
			}
			s.A, s.B, s.W = tp(a), tp(b), s.W*scale
		case ShapeCircle:
			if s.A.X < frame.Min.X || s.A.X > frame.Max.X || s.A.Y < frame.Min.Y || s.A.Y > frame.Max.Y {
				continue
			}
			s.A, s.R = tp(s.A), s.R*scale
		case ShapeRect:
			a := Point{math.Max(s.A.X, frame.Min.X), math.Max(s.A.Y, frame.Min.Y)}
			b := Point{math.Min(s.B.X, frame.Max.X), math.Min(s.B.Y, frame.Max.Y)}
			if a.X >= b.X || a.Y >= b.Y {
				continue
			}
			ta, tb := tp(Point{a.X, b.Y}), tp(Point{b.X, a.Y})
			s.A, s.B = ta, tb
		}
		out = append(out, s)
	}
	return out
}
