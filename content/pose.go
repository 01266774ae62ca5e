package content

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// A Pose is the figure's posture: one value per Param (angles in degrees,
// positions in figure heights) and how it rests on the ground.
//
// Angle conventions (the figure faces +X, Y is up, Z is its left side):
//   - flex: bends forward (spine, neck, head); negative bends backward.
//   - bend: side bend toward the figure's left; negative to the right.
//   - rot:  turns toward the figure's left; negative to the right.
//   - shoulder_elev / hip_elev: how far the limb is raised from hanging
//     straight down (0) — 90 is horizontal, 180 straight up.
//   - shoulder_plane / hip_plane: the direction it is raised in — 0 forward,
//     90 out to the side, 180 backward, negative across the body.
//   - shoulder_rot / hip_rot: turns the limb about its own length, which
//     turns the plane the elbow or knee bends in; positive is inward.
//   - elbow: bends the forearm on in the limb's plane; knee bends the shin
//     backward; ankle positive lifts the toes; wrist positive bends the hand
//     the same way the elbow bends (toward the palm); knuckles and fingers
//     curl the fingers; spread fans them.
//   - clav_elev / clav_prot: shrug the shoulder up / round it forward.
type Pose struct {
	V      [NumParams]float64
	Anchor Anchor
}

// Param names one degree of freedom of the figure.
type Param int

// The figure's parameters. Side parameters come in pairs: the left one, then
// the right one (Param + 1).
const (
	PX    Param = iota // root offset forward (figure heights)
	PY                 // root offset up
	PZ                 // root offset to the left
	Yaw                // whole figure turns left (degrees)
	Pitch              // whole figure tips forward: 90 = face down, -90 = on the back
	Roll               // whole figure tips onto its left side
	Spin               // whole figure turns about its own length, to its left (after pitch and roll)
	LumbarFlex
	LumbarBend
	LumbarRot
	ThoraxFlex
	ThoraxBend
	ThoraxRot
	NeckFlex
	NeckBend
	NeckRot
	HeadFlex
	HeadBend
	HeadRot
	Eyes  // 1 open, 0 closed
	Carry // 0 = the box rests where BoxX/BoxY/BoxZ put it, 1 = it is held between the hands
	BoxX
	BoxY
	BoxZ
	firstSide
)

// Side parameters: add Left (0) or Right (1).
const (
	ClavElev Param = firstSide + 2*iota
	ClavProt
	ShoulderElev
	ShoulderPlane
	ShoulderRot
	Elbow
	Wrist
	WristDev
	Knuckles
	Fingers
	Spread
	HipElev
	HipPlane
	HipRot
	Knee
	Ankle
	endSide
)

// NumParams is the number of pose parameters.
const NumParams = int(endSide)

// Sides of the body, added to a side Param.
const (
	Left  = 0
	Right = 1
)

// ParamInfo documents a parameter and its joint limits.
type ParamInfo struct {
	Name     string
	Min, Max float64
	Doc      string
}

var sideInfo = []ParamInfo{
	{"clav_elev", -10, 40, "shoulder girdle raised (shrug)"},
	{"clav_prot", -30, 30, "shoulder girdle forward (rounded) / back (squeezed)"},
	{"shoulder_elev", 0, 180, "arm raised from hanging"},
	{"shoulder_plane", -90, 180, "direction the arm is raised in: 0 forward, 90 sideways, 180 back"},
	{"shoulder_rot", -90, 90, "arm turned inward about its length"},
	{"elbow", 0, 150, "elbow bend"},
	{"wrist", -90, 90, "wrist bend toward the palm (negative: back of the hand)"},
	{"wrist_dev", -30, 30, "hand turned toward the little finger"},
	{"knuckles", -30, 90, "fingers bent at the knuckles"},
	{"fingers", 0, 110, "finger joints curled"},
	{"spread", 0, 25, "fingers fanned apart"},
	{"hip_elev", 0, 140, "thigh raised from hanging"},
	{"hip_plane", -90, 180, "direction the thigh is raised in: 0 forward, 90 sideways, 180 back, -90 across the other leg"},
	{"hip_rot", -45, 45, "thigh turned inward about its length"},
	{"knee", 0, 155, "knee bend"},
	{"ankle", -75, 30, "toes raised (negative: pointed; past -50 only with the foot resting, as when kneeling)"},
}

var paramInfo = func() [NumParams]ParamInfo {
	var p [NumParams]ParamInfo
	base := []ParamInfo{
		{"x", -3, 3, "root offset forward"},
		{"y", -3, 3, "root offset up"},
		{"z", -3, 3, "root offset to the left"},
		{"yaw", -360, 360, "whole figure turned to its left"},
		{"pitch", -180, 180, "whole figure tipped forward"},
		{"roll", -180, 180, "whole figure tipped onto its left side"},
		{"spin", -180, 180, "whole figure turned about its own length to its left (lying: rolled onto its left side)"},
		{"lumbar_flex", -30, 60, "lower back bent forward"},
		{"lumbar_bend", -30, 30, "lower back bent to the left"},
		{"lumbar_rot", -15, 15, "lower back turned to the left"},
		{"thorax_flex", -25, 45, "upper back bent forward"},
		{"thorax_bend", -25, 25, "upper back bent to the left"},
		{"thorax_rot", -40, 40, "upper back turned to the left"},
		{"neck_flex", -45, 50, "neck bent forward"},
		{"neck_bend", -40, 40, "neck bent to the left"},
		{"neck_rot", -70, 70, "neck turned to the left"},
		{"head_flex", -30, 30, "head nodded forward on the neck"},
		{"head_bend", -15, 15, "head tilted to the left on the neck"},
		{"head_rot", -20, 20, "head turned to the left on the neck"},
		{"eyes", 0, 1, "eyes open (1) or closed (0)"},
		{"carry", 0, 1, "box held between the hands (1) or resting (0)"},
		{"box_x", -3, 3, "resting box position forward"},
		{"box_y", -3, 3, "resting box position up"},
		{"box_z", -3, 3, "resting box position to the left"},
	}
	copy(p[:], base)
	for i, s := range sideInfo {
		for side, prefix := range []string{"l_", "r_"} {
			q := s
			q.Name = prefix + s.Name
			p[int(firstSide)+2*i+side] = q
		}
	}
	return p
}()

var paramByName = func() map[string]Param {
	m := make(map[string]Param, NumParams)
	for i, p := range paramInfo {
		m[p.Name] = Param(i)
	}
	return m
}()

// Params documents every pose parameter and its limits, in order.
func Params() []ParamInfo { return append([]ParamInfo(nil), paramInfo[:]...) }

// Info returns the parameter's name and limits.
func (p Param) Info() ParamInfo { return paramInfo[p] }

// String returns the parameter's name as written in keyframes.
func (p Param) String() string { return paramInfo[p].Name }

// ResolveParamName maps a keyframe key to parameters: an exact name
// ("l_elbow", "neck_flex") or a side name without prefix ("elbow"), which
// sets both sides.
func ResolveParamName(name string) ([]Param, bool) {
	if p, ok := paramByName[name]; ok {
		return []Param{p}, true
	}
	l, ok := paramByName["l_"+name]
	if !ok {
		return nil, false
	}
	return []Param{l, l + 1}, true
}

// Anchor says how a pose is placed on the ground.
type Anchor int

// How a pose rests: standing on its feet, sitting on a chair, lying or
// kneeling on the floor, or placed where its root says.
const (
	AnchorNone  Anchor = iota // root x, y, z are absolute
	AnchorFeet                // lowest point on the floor; feet that bear weight stay at x = 0
	AnchorSeat                // pelvis on the chair seat at (0, SeatHeight)
	AnchorFloor               // lowest point on the floor; pelvis stays at x = 0
)

var anchorNames = map[string]Anchor{"none": AnchorNone, "feet": AnchorFeet, "seat": AnchorSeat, "floor": AnchorFloor}

func (a Anchor) String() string {
	for n, v := range anchorNames {
		if v == a {
			return n
		}
	}
	return "?"
}

// A base pose is the starting point an exercise's keyframes change.
type basePose struct {
	anchor Anchor
	set    map[string]float64
}

// The named base poses. Keyframes list only what differs from their base.
var basePoses = map[string]basePose{
	"standing": {AnchorFeet, map[string]float64{
		"shoulder_elev": 8, "shoulder_plane": 60, "elbow": 10, "hip_plane": 90, "hip_elev": 4, "fingers": 15,
	}},
	"seated": {AnchorSeat, map[string]float64{
		"hip_elev": 90, "knee": 90, "shoulder_elev": 10, "elbow": 60, "fingers": 20, "hip_plane": 4,
	}},
	"seated-desk": {AnchorSeat, map[string]float64{
		"hip_elev": 90, "knee": 90, "shoulder_elev": 18, "elbow": 85, "fingers": 20, "hip_plane": 4,
	}},
	"all-fours": {AnchorFloor, map[string]float64{
		"pitch": 90, "hip_elev": 90, "knee": 90, "ankle": -70, "shoulder_elev": 90,
		"wrist": -85, "neck_flex": -10, "head_flex": -5,
	}},
	"hook-lying": {AnchorFloor, map[string]float64{
		"pitch": -90, "hip_elev": 50, "knee": 100, "ankle": -40, "shoulder_elev": 10, "shoulder_plane": 60, "elbow": 5,
	}},
	"lying": {AnchorFloor, map[string]float64{
		"pitch": -90, "ankle": -20, "shoulder_elev": 10, "shoulder_plane": 60,
	}},
}

// BaseNames lists the base poses keyframes can start from.
func BaseNames() []string {
	n := make([]string, 0, len(basePoses))
	for k := range basePoses {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}

// Neutral is the default value of every parameter (eyes open, the rest 0).
func Neutral() Pose {
	var p Pose
	p.V[Eyes] = 1
	p.Anchor = AnchorFeet
	return p
}

// BasePose returns a named base pose.
func BasePose(name string) (Pose, error) {
	b, ok := basePoses[name]
	if !ok {
		return Pose{}, fmt.Errorf("unknown base pose %q (expected one of %s)", name, strings.Join(BaseNames(), ", "))
	}
	p := Neutral()
	p.Anchor = b.anchor
	if err := p.Apply(b.set); err != nil {
		return Pose{}, err
	}
	return p, nil
}

// Apply sets the named parameters (see ResolveParamName). Unknown names are
// an error naming them.
func (p *Pose) Apply(set map[string]float64) error {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		ps, ok := ResolveParamName(k)
		if !ok {
			return fmt.Errorf("unknown pose parameter %q", k)
		}
		for _, q := range ps {
			p.V[q] = set[k]
		}
	}
	return nil
}

// LimitError reports a parameter outside its joint limits.
type LimitError struct {
	Param Param
	Value float64
}

func (e *LimitError) Error() string {
	i := e.Param.Info()
	return fmt.Sprintf("%s = %g is outside the joint limit %g..%g (%s)", i.Name, e.Value, i.Min, i.Max, i.Doc)
}

// CheckLimits reports every parameter outside its joint limits, plus the
// coupled limits: a limb raised backward or sideways cannot go as high as
// one raised forward (see ElevationLimit).
func (p Pose) CheckLimits() []error {
	var errs []error
	for i := range NumParams {
		v := p.V[i]
		in := paramInfo[i]
		if math.IsNaN(v) || v < in.Min-1e-9 || v > in.Max+1e-9 {
			errs = append(errs, &LimitError{Param(i), v})
		}
	}
	for side := range 2 {
		for _, j := range []struct{ elev, plane Param }{{ShoulderElev, ShoulderPlane}, {HipElev, HipPlane}} {
			e, pl := p.V[j.elev+Param(side)], p.V[j.plane+Param(side)]
			if e > paramInfo[j.elev].Max+1e-9 || pl < paramInfo[j.plane].Min-1e-9 || pl > paramInfo[j.plane].Max+1e-9 {
				continue // already reported
			}
			if lim := ElevationLimit(j.elev, pl); e > lim+1e-9 {
				errs = append(errs, fmt.Errorf("%s = %g is beyond the limit %g for %s = %g (a limb raised this way cannot go higher)",
					(j.elev+Param(side)).String(), e, lim, (j.plane+Param(side)).String(), pl))
			}
		}
	}
	return errs
}

// The coupled elevation limits: (plane, max elevation) points, linearly
// interpolated. Arms go overhead forward or sideways but only about 60°
// backward; thighs go about 130° forward, 50° sideways, 30° back.
var elevationCones = map[Param][][2]float64{
	ShoulderElev: {{-90, 130}, {-30, 150}, {0, 180}, {100, 180}, {140, 110}, {180, 65}},
	HipElev:      {{-90, 32}, {-45, 100}, {0, 140}, {45, 100}, {90, 55}, {135, 40}, {180, 35}},
}

// ElevationLimit is the highest a shoulder or hip may be raised (elev:
// ShoulderElev or HipElev) in a given plane.
func ElevationLimit(elev Param, plane float64) float64 {
	c := elevationCones[elev]
	if plane <= c[0][0] {
		return c[0][1]
	}
	for i := 1; i < len(c); i++ {
		if plane <= c[i][0] {
			f := (plane - c[i-1][0]) / (c[i][0] - c[i-1][0])
			return c[i-1][1] + f*(c[i][1]-c[i-1][1])
		}
	}
	return c[len(c)-1][1]
}

// Lerp blends two poses: f = 0 gives p, 1 gives q. The anchor is p's when f
// < 1, so a blend is placed like the pose it leaves.
func Lerp(p, q Pose, f float64) Pose {
	r := p
	for i := range NumParams {
		r.V[i] = p.V[i] + (q.V[i]-p.V[i])*f
	}
	if f >= 1 {
		r.Anchor = q.Anchor
	}
	return r
}

// Mirror swaps the left and right sides of a pose (a stretch to the left
// becomes the same stretch to the right).
func (p Pose) Mirror() Pose {
	r := p
	for i := firstSide; i < endSide; i += 2 {
		r.V[i], r.V[i+1] = p.V[i+1], p.V[i]
	}
	for _, q := range []Param{LumbarBend, LumbarRot, ThoraxBend, ThoraxRot, NeckBend, NeckRot, HeadBend, HeadRot, Yaw, Roll, Spin, PZ, BoxZ} {
		r.V[q] = -p.V[q]
	}
	return r
}
