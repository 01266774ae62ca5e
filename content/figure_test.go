package content

import (
	"math"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestStandingFigure(t *testing.T) {
	b := Neutral().Place().Solve()
	if !near(b.Pelvis.Y, StandHeight, 1e-9) || !near(b.Pelvis.X, 0, 1e-9) {
		t.Errorf("pelvis at %v, want (0, %v)", b.Pelvis, StandHeight)
	}
	if top := b.Head.Y + HeadRadius; !near(top, 1, 0.03) {
		t.Errorf("figure is %.3f tall, want about 1", top)
	}
	if low := b.lowest(); !near(low, 0, 1e-9) {
		t.Errorf("feet at %.4f, want on the floor", low)
	}
	for s := range 2 {
		if b.Legs[s].Toe.X <= b.Legs[s].Heel.X {
			t.Error("feet should point forward")
		}
		if (b.Arms[s].Shoulder.Z > 0) != (s == Left) || (b.Legs[s].Hip.Z > 0) != (s == Left) {
			t.Errorf("side %d on the wrong side", s)
		}
		if b.Arms[s].Wrist.Y >= b.Arms[s].Elbow.Y || b.Arms[s].Elbow.Y >= b.Arms[s].Shoulder.Y {
			t.Error("arms should hang")
		}
	}
}

func TestJointDirections(t *testing.T) {
	pose := func(set map[string]float64) Body {
		p := Neutral()
		if err := p.Apply(set); err != nil {
			t.Fatal(err)
		}
		return p.Place().Solve()
	}
	base := pose(nil)
	// Bending forward moves the head forward and down.
	if b := pose(map[string]float64{"lumbar_flex": 40}); b.Head.X <= base.Head.X+0.1 || b.Head.Y >= base.Head.Y {
		t.Errorf("forward bend: head %v", b.Head)
	}
	// Side bend to the left moves the head to the left (+Z).
	if b := pose(map[string]float64{"thorax_bend": 20}); b.Head.Z <= 0.03 {
		t.Errorf("left bend: head %v", b.Head)
	}
	// An arm raised 180 forward points straight up; 90 sideways points out.
	if b := pose(map[string]float64{"l_shoulder_elev": 180}); !near(b.Arms[Left].Wrist.X, b.Arms[Left].Shoulder.X, 1e-6) || b.Arms[Left].Wrist.Y < b.Arms[Left].Shoulder.Y+0.3 {
		t.Errorf("arm up: %v", b.Arms[Left].Wrist)
	}
	if b := pose(map[string]float64{"shoulder_elev": 90, "shoulder_plane": 90}); b.Arms[Left].Wrist.Z < 0.4 || b.Arms[Right].Wrist.Z > -0.4 || !near(b.Arms[Left].Wrist.Y, b.Arms[Left].Shoulder.Y, 1e-6) {
		t.Errorf("arms out: %v %v", b.Arms[Left].Wrist, b.Arms[Right].Wrist)
	}
	// The elbow bends the forearm forward; the knee bends the shin back.
	if b := pose(map[string]float64{"elbow": 90}); b.Arms[Left].Wrist.X < b.Arms[Left].Elbow.X+0.1 {
		t.Errorf("elbow: %v", b.Arms[Left].Wrist)
	}
	if b := pose(map[string]float64{"l_knee": 90}); b.Legs[Left].Ankle.X > b.Legs[Left].Knee.X-0.2 {
		t.Errorf("knee: %v vs %v", b.Legs[Left].Ankle, b.Legs[Left].Knee)
	}
	// A thigh raised sideways keeps its knee bending backward.
	if b := pose(map[string]float64{"l_hip_elev": 40, "l_hip_plane": 90, "l_knee": 60}); b.Legs[Left].Ankle.X > b.Legs[Left].Knee.X-0.1 {
		t.Errorf("abducted knee bends %v", b.Legs[Left].Ankle.Sub(b.Legs[Left].Knee))
	}
	// Shrugging raises the shoulders.
	if b := pose(map[string]float64{"clav_elev": 30}); b.Arms[Right].Shoulder.Y < base.Arms[Right].Shoulder.Y+0.04 {
		t.Errorf("shrug: %v", b.Arms[Right].Shoulder)
	}
	// Turning the head left points the nose toward +Z.
	if b := pose(map[string]float64{"neck_rot": 60}); b.HeadFrame.Apply(Vec3{1, 0, 0}).Z < 0.8 {
		t.Errorf("head turn: face %v", b.HeadFrame.Apply(Vec3{1, 0, 0}))
	}
	// Curling the fingers brings the tips back toward the wrist.
	if b := pose(map[string]float64{"knuckles": 90, "fingers": 100}); b.Arms[Left].Fingers[1][1].Sub(b.Arms[Left].Wrist).Dot(Vec3{0, -1, 0}) > PalmLength {
		t.Errorf("fist: tip %v wrist %v", b.Arms[Left].Fingers[1][1], b.Arms[Left].Wrist)
	}
}

func TestPlaceAnchors(t *testing.T) {
	seated, _ := BasePose("seated")
	b := seated.Place().Solve()
	if !near(b.Pelvis.Y, SeatHeight, 1e-9) {
		t.Errorf("seat: pelvis %v", b.Pelvis)
	}
	if low := b.lowest(); !near(low, 0, 0.005) {
		t.Errorf("seated feet %.4f off the floor", low)
	}
	for _, n := range []string{"all-fours", "hook-lying", "lying"} {
		p, _ := BasePose(n)
		q := p.Place()
		if low := q.Solve().lowest(); !near(low, 0, 1e-9) {
			t.Errorf("%s rests at %.4f", n, low)
		}
		if q.Anchor != AnchorNone || q.V[PX] != 0 {
			t.Errorf("%s: placed %v x %v", n, q.Anchor, q.V[PX])
		}
	}
	// Feet anchor: lifting one knee keeps the other foot where it was.
	p := Neutral()
	p.Apply(map[string]float64{"l_hip_elev": 60, "l_knee": 60})
	b = p.Place().Solve()
	if !near(b.Legs[Right].Ankle.X, 0, 1e-9) || !near(b.Legs[Right].Heel.Y-FootWidth/2, 0, 1e-9) {
		t.Errorf("standing foot moved: %v", b.Legs[Right].Ankle)
	}
	// Offsets add to the anchored place.
	p = Neutral()
	p.V[PX], p.V[PY] = 0.3, 0.1
	if b := p.Place().Solve(); !near(b.Pelvis.X, 0.3, 1e-9) || !near(b.lowest(), 0.1, 1e-9) {
		t.Errorf("offsets: %v %v", b.Pelvis, b.lowest())
	}
	// No anchor: the root is where x, y, z say.
	p.Anchor = AnchorNone
	if b := p.Place().Solve(); b.Pelvis != (Vec3{0.3, 0.1, 0}) {
		t.Errorf("none: %v", b.Pelvis)
	}
}

func TestRotations(t *testing.T) {
	for _, deg := range []float64{0, 30, 90, 180, -45} {
		for _, m := range []Mat3{rotX(deg), rotY(deg), rotZ(deg), axisAngle(Vec3{0.6, 0, 0.8}, deg)} {
			p := m.Mul(Mat3{{m[0][0], m[1][0], m[2][0]}, {m[0][1], m[1][1], m[2][1]}, {m[0][2], m[1][2], m[2][2]}})
			for i := range 3 {
				for j := range 3 {
					if !near(p[i][j], Identity[i][j], 1e-12) {
						t.Fatalf("rotation %v is not orthonormal", m)
					}
				}
			}
		}
	}
	if v := rotX(90).Apply(Vec3{0, 1, 0}); !near(v.Z, 1, 1e-12) {
		t.Errorf("rotX turns Y to %v", v)
	}
	if v := rotY(90).Apply(Vec3{0, 0, 1}); !near(v.X, 1, 1e-12) {
		t.Errorf("rotY turns Z to %v", v)
	}
	if v := rotZ(90).Apply(Vec3{1, 0, 0}); !near(v.Y, 1, 1e-12) {
		t.Errorf("rotZ turns X to %v", v)
	}
	if a, b := axisAngle(Vec3{0, 0, 1}, 37), rotZ(37); a != b {
		for i := range 3 {
			for j := range 3 {
				if !near(a[i][j], b[i][j], 1e-12) {
					t.Fatalf("axisAngle about Z %v != rotZ %v", a, b)
				}
			}
		}
	}
}
