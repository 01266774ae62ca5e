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
	RoleOutline // the background-coloured edge around a limb (wider by Outline)
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
	Kind    string  `toml:"kind" i18n:"-"`
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
		return []cuboid{box(-0.5, -0.012, -0.3, 0.5, 0, 0.3)}
	},
	"box": func(Prop) []cuboid {
		return []cuboid{box(-BoxSize/2, 0, -BoxSize/2, BoxSize/2, BoxSize, BoxSize/2)}
	},
	"step": func(Prop) []cuboid {
		return []cuboid{box(0.25, 0, -0.25, 0.5, 0.1, 0.25)}
	},
	"window": func(Prop) []cuboid {
		// A window in the far wall, seen face on from the side.
		const z0, z1 = -0.6, -0.58
		return []cuboid{
			box(-0.2, 0.55, z0, 0.2, 0.98, z1),  // pane
			box(-0.2, 0.55, z0, 0.2, 0.575, z1), // frame: bottom, top, sides, bar
			box(-0.2, 0.955, z0, 0.2, 0.98, z1),
			box(-0.2, 0.55, z0, -0.175, 0.98, z1),
			box(0.175, 0.55, z0, 0.2, 0.98, z1),
			box(-0.0125, 0.55, z0, 0.0125, 0.98, z1),
			box(-0.2, 0.755, z0, 0.2, 0.775, z1),
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
		held := hands.Sub(Vec3{0, BoxSize / 2, 0})
		off = off.Add(rest.Add(held.Sub(rest).Scale(pose.V[Carry])))
	}
	for i := range cs {
		cs[i].min = cs[i].min.Add(off)
		cs[i].max = cs[i].max.Add(off)
	}
	return cs
}

// Shapes draws a placed pose (see Pose.Place) and its props from view v in
// world units (y up), back to front.
func Shapes(pose Pose, props []Prop, v View) []Shape {
	bg, fg := shapes(pose, props, v)
	return append(bg, fg...)
}

// group is a part of the figure drawn together: its outline first (when
// it has one), then its fill, so a limb in front of another stands out.
type group struct {
	shapes  []Shape
	marks   []Shape // drawn last, over the fill (eyes)
	outline bool
	limb    bool
	depth   float64
}

// Outline is the width of the background-coloured edge drawn around limbs
// and the head, in the unit square a Stage draws into.
const Outline = 0.0065

// torso sections: half-depth (front to back) and half-width of the pelvis,
// the lower and the upper torso.
var torsoSections = [3][2]float64{{0.055, 0.078}, {0.045, 0.064}, {0.05, 0.077}}

// shapes returns the background props and, back to front, the figure and
// the props that move with it (the box).
func shapes(pose Pose, props []Prop, v View) (bg, fg []Shape) {
	b := pose.Solve()
	var groups []*group
	newGroup := func(outline, limb bool) *group {
		g := &group{outline: outline, limb: limb}
		groups = append(groups, g)
		return g
	}
	line := func(g *group, a, c Vec3, w float64) {
		ax, ay, ad := v.project(a)
		cx, cy, cd := v.project(c)
		g.shapes = append(g.shapes, Shape{Kind: ShapeLine, Role: RoleBody, A: Point{ax, ay}, B: Point{cx, cy}, W: w, Depth: (ad + cd) / 2})
	}
	// A torso section is a line as wide as the section's extent across it,
	// its round ends pulled in by inA and inC of its half-width.
	vx, vy := v.axes()
	torso := func(g *group, a, c Vec3, frame Mat3, sec [2]float64, inA, inC float64) {
		ax, ay, ad := v.project(a)
		cx, cy, cd := v.project(c)
		dx, dy := cx-ax, cy-ay
		n := math.Hypot(dx, dy)
		across := vx
		if n > 1e-9 {
			across = vx.Scale(-dy / n).Add(vy.Scale(dx / n))
			dx, dy = dx/n, dy/n
		}
		fx, fz := frame.Apply(Vec3{1, 0, 0}), frame.Apply(Vec3{0, 0, 1})
		half := math.Hypot(sec[0]*across.Dot(fx), sec[1]*across.Dot(fz))
		if n > 1e-9 {
			ia, ic := math.Min(inA*half, n/2), math.Min(inC*half, n/2)
			ax, ay = ax+dx*ia, ay+dy*ia
			cx, cy = cx-dx*ic, cy-dy*ic
		}
		g.shapes = append(g.shapes, Shape{Kind: ShapeLine, Role: RoleBody, A: Point{ax, ay}, B: Point{cx, cy}, W: 2 * half, Depth: (ad + cd) / 2})
	}
	t := newGroup(false, false)
	torso(t, b.Pelvis.Sub(b.PelvisFrame.Apply(Vec3{0, 0.03, 0})), b.Lumbar, b.PelvisFrame, torsoSections[0], 0.5, 0)
	torso(t, b.Lumbar, b.Thorax, b.LowerFrame, torsoSections[1], 0, 0)
	torso(t, b.Thorax, b.NeckBase, b.UpperFrame, torsoSections[2], 0, 0.75)
	line(t, b.Arms[Left].Shoulder, b.Arms[Right].Shoulder, UpperArmWidth*1.15)
	line(t, b.NeckBase, b.NeckTop, NeckWidth)

	h := newGroup(true, false)
	hx, hy, hd := v.project(b.Head)
	h.shapes = append(h.shapes, Shape{Kind: ShapeCircle, Role: RoleBody, A: Point{hx, hy}, R: HeadRadius, Depth: hd})
	// The nose and eyes show where the face points.
	nose := b.Head.Add(b.HeadFrame.Apply(Vec3{HeadRadius * 1.0, -0.012, 0}))
	nx, ny, _ := v.project(nose)
	h.shapes = append(h.shapes, Shape{Kind: ShapeCircle, Role: RoleBody, A: Point{nx, ny}, R: 0.014, Depth: hd})
	// Ears on the side of the head turned toward the viewer show which way
	// the head faces (drawn over it, with their own edge).
	for _, s := range []float64{1, -1} {
		ear := b.Head.Add(b.HeadFrame.Apply(Vec3{-0.006, -0.004, s * HeadRadius * 0.93}))
		ex, ey, ed := v.project(ear)
		if ed-hd < -HeadRadius*0.3 {
			continue
		}
		h.marks = append(h.marks,
			Shape{Kind: ShapeCircle, Role: RoleOutline, A: Point{ex, ey}, R: 0.0145, Depth: hd},
			Shape{Kind: ShapeCircle, Role: RoleBody, A: Point{ex, ey}, R: 0.0145, Depth: hd})
	}
	for _, s := range []float64{1, -1} {
		eye := b.Head.Add(b.HeadFrame.Apply(Vec3{HeadRadius * 0.8, 0.012, s * 0.024}))
		ex, ey, ed := v.project(eye)
		if ed-hd < HeadRadius*0.25 {
			continue // on the far side of the head
		}
		if b.Eyes >= 0.5 {
			h.marks = append(h.marks, Shape{Kind: ShapeCircle, Role: RoleFace, A: Point{ex, ey}, R: 0.0085, Depth: hd})
		} else {
			h.marks = append(h.marks, Shape{Kind: ShapeLine, Role: RoleFace, A: Point{ex - 0.011, ey}, B: Point{ex + 0.011, ey}, W: 0.006, Depth: hd})
		}
	}
	for s := range 2 {
		a, l := b.Arms[s], b.Legs[s]
		g := newGroup(true, true)
		line(g, l.Hip, l.Knee, ThighWidth)
		line(g, l.Knee, l.Ankle, ShinWidth)
		line(g, l.Heel, l.Toe, FootWidth)
		g = newGroup(true, true)
		line(g, a.Shoulder, a.Elbow, UpperArmWidth)
		line(g, a.Elbow, a.Wrist, ForearmWidth)
		line(g, a.Wrist, a.Knuckle, HandWidth)
		line(g, a.Thumb[0], a.Thumb[1], FingerWidth*1.1)
		for _, f := range a.Fingers {
			line(g, a.Knuckle, f[0], FingerWidth)
			line(g, f[0], f[1], FingerWidth)
		}
	}
	for _, p := range props {
		var g *group
		for _, c := range p.cuboids(pose, b) {
			x0, y0, d0 := v.project(c.min)
			x1, y1, d1 := v.project(c.max)
			s := Shape{Kind: ShapeRect, Role: RoleProp, A: Point{math.Min(x0, x1), math.Min(y0, y1)}, B: Point{math.Max(x0, x1), math.Max(y0, y1)}, Depth: (d0 + d1) / 2}
			if p.Kind != "box" {
				bg = append(bg, s)
				continue
			}
			if g == nil {
				g = newGroup(false, false) // the box is sorted with the figure
			}
			g.shapes = append(g.shapes, s)
		}
	}
	sort.SliceStable(bg, func(i, j int) bool { return bg[i].Depth < bg[j].Depth })
	_, _, torsoDepth := v.project(b.Thorax)
	for _, g := range groups {
		for _, s := range g.shapes {
			g.depth += s.Depth
		}
		g.depth /= float64(len(g.shapes))
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].depth < groups[j].depth })
	for _, g := range groups {
		far := g.limb && g.depth < torsoDepth-0.035
		if g.outline {
			for _, s := range g.shapes {
				s.Role = RoleOutline
				fg = append(fg, s)
			}
		}
		for _, s := range g.shapes {
			if far && s.Role == RoleBody {
				s.Role = RoleFar
			}
			fg = append(fg, s)
		}
		fg = append(fg, g.marks...)
	}
	return bg, fg
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

// Framings: the whole scene, the upper body, the trunk and thighs, or the
// hands.
const (
	FrameFull  Framing = "full"
	FrameUpper Framing = "upper"
	FrameTrunk Framing = "trunk"
	FrameHands Framing = "hands"
)

// focus returns the part of a body a framing keeps in view. For the hands
// framing, sides selects the hands to keep (bit 0 left, bit 1 right).
func focus(b Body, v View, f Framing, sides int) Rect {
	r := emptyRect()
	pts := []contact{}
	switch f {
	case FrameUpper:
		pts = append(pts, contact{b.Head, HeadRadius + 0.02}, contact{b.Thorax, torsoSections[2][1]}, contact{b.Lumbar, torsoSections[1][1]})
		for _, a := range b.Arms {
			pts = append(pts, contact{a.Shoulder, 0.03}, contact{a.Elbow, 0.03}, contact{a.Wrist, 0.03}, contact{a.Knuckle, 0.03},
				contact{a.Fingers[1][1], 0.02}, contact{a.Thumb[1], 0.02})
		}
	case FrameTrunk:
		pts = append(pts, contact{b.NeckBase, torsoSections[2][1]}, contact{b.Thorax, torsoSections[2][1]},
			contact{b.Lumbar, torsoSections[1][1]}, contact{b.Pelvis, torsoSections[0][1]})
		for _, l := range b.Legs {
			pts = append(pts, contact{l.Knee, ThighWidth}, contact{l.Hip, ThighWidth})
		}
	case FrameHands:
		for s, a := range b.Arms {
			if sides&(1<<s) == 0 {
				continue
			}
			pts = append(pts, contact{a.Wrist, 0.035}, contact{a.Knuckle, 0.03})
			for _, fg := range a.Fingers {
				pts = append(pts, contact{fg[1], 0.025})
			}
			pts = append(pts, contact{a.Thumb[1], 0.025})
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
	case FrameUpper, FrameTrunk, FrameHands:
		return Framing(s), nil
	}
	return "", fmt.Errorf("unknown frame %q (expected %s)", s, strings.Join([]string{string(FrameFull), string(FrameUpper), string(FrameTrunk), string(FrameHands)}, ", "))
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
			if s.Role == RoleOutline {
				s.W += 2 * Outline
			}
		case ShapeCircle:
			if s.A.X < frame.Min.X || s.A.X > frame.Max.X || s.A.Y < frame.Min.Y || s.A.Y > frame.Max.Y {
				continue
			}
			s.A, s.R = tp(s.A), s.R*scale
			if s.Role == RoleOutline {
				s.R += Outline
			}
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
