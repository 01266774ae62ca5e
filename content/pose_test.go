package content

import (
	"strings"
	"testing"
)

func TestResolveParamName(t *testing.T) {
	if ps, ok := ResolveParamName("elbow"); !ok || len(ps) != 2 || ps[0] != Elbow || ps[1] != Elbow+1 {
		t.Errorf("elbow -> %v %v", ps, ok)
	}
	if ps, ok := ResolveParamName("r_knee"); !ok || len(ps) != 1 || ps[0] != Knee+Right {
		t.Errorf("r_knee -> %v %v", ps, ok)
	}
	if ps, ok := ResolveParamName("neck_flex"); !ok || len(ps) != 1 || ps[0] != NeckFlex {
		t.Errorf("neck_flex -> %v", ps)
	}
	for _, bad := range []string{"l_neck_flex", "knees", "", "l_"} {
		if _, ok := ResolveParamName(bad); ok {
			t.Errorf("%q resolved", bad)
		}
	}
	// Every parameter's own name resolves to itself.
	for i, p := range Params() {
		if ps, ok := ResolveParamName(p.Name); !ok || len(ps) != 1 || int(ps[0]) != i {
			t.Errorf("%s does not resolve to itself", p.Name)
		}
		if p.Min >= p.Max {
			t.Errorf("%s has an empty range", p.Name)
		}
	}
}

func TestApplyAndLimits(t *testing.T) {
	p := Neutral()
	if err := p.Apply(map[string]float64{"elbow": 90, "l_knee": 30}); err != nil {
		t.Fatal(err)
	}
	if p.V[Elbow] != 90 || p.V[Elbow+1] != 90 || p.V[Knee] != 30 || p.V[Knee+1] != 0 {
		t.Errorf("apply: %v", p.V)
	}
	if err := p.Apply(map[string]float64{"wiggle": 1}); err == nil || !strings.Contains(err.Error(), `"wiggle"`) {
		t.Errorf("unknown name: %v", err)
	}
	if errs := p.CheckLimits(); len(errs) != 0 {
		t.Errorf("in-limit pose reported: %v", errs)
	}
	p.V[Knee+1] = 170
	errs := p.CheckLimits()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "r_knee = 170 is outside the joint limit 0..155") {
		t.Errorf("knee limit: %v", errs)
	}
	// Coupled limit: an arm raised straight back cannot go overhead.
	q := Neutral()
	q.Apply(map[string]float64{"l_shoulder_elev": 120, "l_shoulder_plane": 180})
	errs = q.CheckLimits()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "l_shoulder_elev = 120 is beyond the limit 65 for l_shoulder_plane = 180") {
		t.Errorf("cone: %v", errs)
	}
	q.Apply(map[string]float64{"l_shoulder_plane": 0})
	if errs := q.CheckLimits(); len(errs) != 0 {
		t.Errorf("arm raised forward 120 reported: %v", errs)
	}
	if got := ElevationLimit(HipElev, 45); got != 100 {
		t.Errorf("hip limit at 45 = %v", got)
	}
	if got := ElevationLimit(ShoulderElev, 120); got != 145 {
		t.Errorf("shoulder limit at 120 = %v (interpolated)", got)
	}
}

func TestBasePoses(t *testing.T) {
	for _, n := range BaseNames() {
		p, err := BasePose(n)
		if err != nil {
			t.Fatal(err)
		}
		if errs := p.CheckLimits(); len(errs) > 0 {
			t.Errorf("base %s: %v", n, errs)
		}
	}
	if _, err := BasePose("handstand"); err == nil || !strings.Contains(err.Error(), "seated") {
		t.Errorf("unknown base: %v", err)
	}
}

func TestMirrorAndLerp(t *testing.T) {
	p := Neutral()
	p.Apply(map[string]float64{"l_elbow": 90, "neck_bend": 20, "thorax_rot": 10, "neck_flex": 15})
	m := p.Mirror()
	if m.V[Elbow+1] != 90 || m.V[Elbow] != 0 || m.V[NeckBend] != -20 || m.V[ThoraxRot] != -10 || m.V[NeckFlex] != 15 {
		t.Errorf("mirror: %v", m.V)
	}
	if m.Mirror() != p {
		t.Error("mirroring twice changes the pose")
	}
	// A mirrored pose is the reflection of the body in the midline.
	b, mb := p.Place().Solve(), m.Place().Solve()
	for s := range 2 {
		a, ma := b.Arms[s].Wrist, mb.Arms[1-s].Wrist
		if d := a.Sub(Vec3{ma.X, ma.Y, -ma.Z}); d.Dot(d) > 1e-12 {
			t.Errorf("side %d wrist %v vs mirrored %v", s, a, ma)
		}
	}
	q := Neutral()
	q.V[Elbow] = 100
	q.Anchor = AnchorSeat
	h := Lerp(Neutral(), q, 0.25)
	if h.V[Elbow] != 25 || h.Anchor != AnchorFeet {
		t.Errorf("lerp: %v %v", h.V[Elbow], h.Anchor)
	}
	if Lerp(Neutral(), q, 1).Anchor != AnchorSeat {
		t.Error("lerp at 1 keeps the first anchor")
	}
}
