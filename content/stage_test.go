package content

import (
	"testing"
	"time"
)

func testExercise(t *testing.T, id string) *Exercise {
	t.Helper()
	e, ok := loadLib(t).Exercise(id)
	if !ok {
		t.Fatalf("%s missing", id)
	}
	return e
}

func TestStageFramesWholeLoop(t *testing.T) {
	e := testExercise(t, "overhead-reach")
	st := NewStage(e)
	f := st.Frame()
	if f.Empty() || st.View != ViewFront || st.Framing != FrameFull {
		t.Fatalf("stage %+v", st)
	}
	// The frame holds the figure at every moment, floor included.
	for i := range 30 {
		p := st.Anim.At(st.Anim.Duration() * time.Duration(i) / 30)
		b := bounds(Shapes(p, st.Props, st.View), true)
		if b.Min.X < f.Min.X || b.Max.X > f.Max.X || b.Min.Y < f.Min.Y || b.Max.Y > f.Max.Y {
			t.Fatalf("pose %d at %+v escapes frame %+v", i, b, f)
		}
	}
	if f.Min.Y > 0 {
		t.Error("floor not in frame")
	}
	// Shapes come out in the unit square, y down: the head is above the feet.
	shapes := st.At(0)
	var headY, floorY float64
	for _, s := range shapes {
		if s.Kind == ShapeCircle && s.Role == RoleBody && s.R > 0.02 {
			headY = s.A.Y
		}
		if s.Role == RoleFloor {
			floorY = s.A.Y
		}
	}
	if headY <= 0 || floorY <= headY || floorY > 1 {
		t.Errorf("head at %v, floor at %v", headY, floorY)
	}
	if shapes[0].Role != RoleFloor {
		t.Error("floor must be drawn first")
	}
}

func TestStageFramings(t *testing.T) {
	full := NewStage(testExercise(t, "standing-back-bend")).Frame()
	upperEx := testExercise(t, "chin-tuck")
	upper := NewStage(upperEx).Frame()
	hands := NewStage(testExercise(t, "tendon-glides")).Frame()
	size := func(r Rect) float64 { return max(r.Max.X-r.Min.X, r.Max.Y-r.Min.Y) }
	if !(size(hands) < size(upper) && size(upper) < size(full)) {
		t.Errorf("frame sizes: hands %.2f, upper %.2f, full %.2f", size(hands), size(upper), size(full))
	}
	// The upper framing keeps the head whole but cuts the feet.
	b := upperEx.Animation().At(0).Solve()
	if b.Head.Y+HeadRadius > upper.Max.Y || b.Legs[0].Heel.Y > upper.Min.Y {
		t.Errorf("upper frame %+v, head top %.2f, heel %.2f", upper, b.Head.Y+HeadRadius, b.Legs[0].Heel.Y)
	}
	for _, s := range []string{"", "full", "upper", "trunk", "hands"} {
		if _, err := ParseFraming(s); err != nil {
			t.Error(err)
		}
	}
	if _, err := ParseFraming("feet"); err == nil {
		t.Error("unknown framing accepted")
	}
	if _, err := ParseView("back"); err == nil {
		t.Error("unknown view accepted")
	}
}

func TestShapesDepthAndRoles(t *testing.T) {
	// Side view: the right arm is behind the body and drawn lighter; the
	// left arm is in front and drawn last of the two.
	p := Neutral().Place()
	shapes := Shapes(p, nil, ViewSide)
	var far, near, outline, face int
	for _, s := range shapes {
		switch s.Role {
		case RoleFar:
			far++
		case RoleBody:
			near++
		case RoleOutline:
			outline++
		case RoleFace:
			face++
		}
	}
	if far == 0 || near == 0 || outline == 0 {
		t.Errorf("roles: far %d near %d outline %d", far, near, outline)
	}
	if face != 1 {
		t.Errorf("side view shows %d eyes, want 1", face)
	}
	front := Shapes(p, nil, ViewFront)
	face = 0
	for _, s := range front {
		if s.Role == RoleFace {
			face++
		}
		if s.Role == RoleFar {
			t.Error("nothing is far in a plain front view")
		}
	}
	if face != 2 {
		t.Errorf("front view shows %d eyes, want 2", face)
	}
	// Closed eyes are lines.
	p.V[Eyes] = 0
	for _, s := range Shapes(p, nil, ViewFront) {
		if s.Role == RoleFace && s.Kind != ShapeLine {
			t.Error("closed eye drawn as a dot")
		}
	}
	// Props behind come first; a held box is sorted with the figure.
	p.V[Carry] = 1
	shapes = Shapes(p, []Prop{{Kind: "chair"}, {Kind: "box"}}, ViewSide)
	if shapes[0].Kind != ShapeRect {
		t.Error("props should come first")
	}
	last := shapes[len(shapes)-1]
	if last.Kind == ShapeRect {
		t.Error("the near arm should be drawn over the held box")
	}
}

func TestClipAndFit(t *testing.T) {
	r := Rect{Point{0, 0}, Point{1, 1}}
	a, b, ok := clipLine(Point{-1, 0.5}, Point{2, 0.5}, r)
	if !ok || a != (Point{0, 0.5}) || b != (Point{1, 0.5}) {
		t.Errorf("clip: %v %v %v", a, b, ok)
	}
	if _, _, ok := clipLine(Point{2, 2}, Point{3, 3}, r); ok {
		t.Error("outside line kept")
	}
	frame := Rect{Point{-1, 0}, Point{1, 1}} // twice as wide as tall
	out := fit([]Shape{
		{Kind: ShapeLine, A: Point{-1, 0}, B: Point{1, 1}, W: 0.1},
		{Kind: ShapeCircle, A: Point{5, 5}, R: 1},
		{Kind: ShapeRect, A: Point{-2, -1}, B: Point{0, 0.5}},
	}, frame)
	if len(out) != 2 {
		t.Fatalf("fit kept %d shapes, want 2 (circle outside dropped)", len(out))
	}
	l := out[0]
	if l.A != (Point{0, 0.75}) || l.B != (Point{1, 0.25}) || !near(l.W, 0.05, 1e-12) {
		t.Errorf("fitted line %+v", l)
	}
	if rr := out[1]; rr.A != (Point{0, 0.5}) || rr.B != (Point{0.5, 0.75}) {
		t.Errorf("fitted rect %+v", rr)
	}
}
