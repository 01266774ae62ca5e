package content

import "math"

// Vec3 is a point or direction in the figure's world: X forward (the way
// the figure faces at yaw 0), Y up, Z to the figure's left. One unit is the
// figure's standing height.
type Vec3 struct{ X, Y, Z float64 }

func (a Vec3) Add(b Vec3) Vec3      { return Vec3{a.X + b.X, a.Y + b.Y, a.Z + b.Z} }
func (a Vec3) Sub(b Vec3) Vec3      { return Vec3{a.X - b.X, a.Y - b.Y, a.Z - b.Z} }
func (a Vec3) Scale(f float64) Vec3 { return Vec3{a.X * f, a.Y * f, a.Z * f} }
func (a Vec3) Dot(b Vec3) float64   { return a.X*b.X + a.Y*b.Y + a.Z*b.Z }

// Mat3 is a rotation; its columns are the rotated X, Y and Z axes.
type Mat3 [3][3]float64

// Identity is the rotation that changes nothing.
var Identity = Mat3{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}

func (m Mat3) Mul(n Mat3) Mat3 {
	var r Mat3
	for i := range 3 {
		for j := range 3 {
			r[i][j] = m[i][0]*n[0][j] + m[i][1]*n[1][j] + m[i][2]*n[2][j]
		}
	}
	return r
}

// Apply rotates v.
func (m Mat3) Apply(v Vec3) Vec3 {
	return Vec3{
		m[0][0]*v.X + m[0][1]*v.Y + m[0][2]*v.Z,
		m[1][0]*v.X + m[1][1]*v.Y + m[1][2]*v.Z,
		m[2][0]*v.X + m[2][1]*v.Y + m[2][2]*v.Z,
	}
}

func rad(deg float64) float64 { return deg * math.Pi / 180 }

// rotX turns Y toward Z, rotY turns Z toward X, rotZ turns X toward Y.
func rotX(deg float64) Mat3 {
	s, c := math.Sincos(rad(deg))
	return Mat3{{1, 0, 0}, {0, c, -s}, {0, s, c}}
}

func rotY(deg float64) Mat3 {
	s, c := math.Sincos(rad(deg))
	return Mat3{{c, 0, s}, {0, 1, 0}, {-s, 0, c}}
}

func rotZ(deg float64) Mat3 {
	s, c := math.Sincos(rad(deg))
	return Mat3{{c, -s, 0}, {s, c, 0}, {0, 0, 1}}
}

// Body proportions, in figure heights.
const (
	AnkleHeight  = 0.045 // ankle above the sole
	ShinLength   = 0.245
	ThighLength  = 0.245
	HipWidth     = 0.05 // hip joint from the midline
	PelvisLength = 0.06 // hip joints to the lumbar joint
	LowerTorso   = 0.12
	UpperTorso   = 0.16
	ShoulderDrop = 0.03 // shoulder line below the top of the torso
	ClavLength   = 0.1  // midline to shoulder joint
	NeckLength   = 0.04
	HeadRadius   = 0.06
	UpperArm     = 0.17
	Forearm      = 0.15
	PalmLength   = 0.05
	FingerBase   = 0.026
	FingerTip    = 0.022
	HeelBack     = 0.04
	ToeFront     = 0.12

	// Capsule widths (diameters) of the drawn limbs.
	UpperArmWidth = 0.046
	ForearmWidth  = 0.04
	HandWidth     = 0.032
	FingerWidth   = 0.014
	ThighWidth    = 0.066
	ShinWidth     = 0.048
	FootWidth     = 0.03
	NeckWidth     = 0.042

	// SeatHeight is where the pelvis sits on a chair: feet flat, thighs level.
	SeatHeight = AnkleHeight + ShinLength - 0.002
	// StandHeight is the hip joints' height when standing straight.
	StandHeight = AnkleHeight + ShinLength + ThighLength
)

// Torso cross-section half-widths: front to back, side to side.
const (
	torsoDepth = 0.05
	torsoWidth = 0.082
)

// Limb is one arm or leg's joint positions.
type Arm struct {
	Shoulder, Elbow, Wrist, Knuckle Vec3
	Fingers                         [3][2]Vec3 // three fingers: middle joint, tip
	Thumb                           [2]Vec3    // thumb base and tip
	Hand                            Mat3       // hand orientation
}

// Leg is one leg's joint positions.
type Leg struct {
	Hip, Knee, Ankle, Heel, Toe Vec3
}

// Body is the figure's joint positions after forward kinematics.
type Body struct {
	Pelvis, Lumbar, Thorax, Sternum, NeckBase, NeckTop, Head Vec3
	PelvisFrame, LowerFrame, UpperFrame, HeadFrame           Mat3
	Arms                                                     [2]Arm // Left, Right
	Legs                                                     [2]Leg
	Eyes                                                     float64
}

// spine rotation for flex (forward), bend (left) and rot (left).
func spine(flex, bend, rot float64) Mat3 {
	return rotZ(-flex).Mul(rotX(bend)).Mul(rotY(-rot))
}

// axisAngle is the rotation by deg about the unit axis a.
func axisAngle(a Vec3, deg float64) Mat3 {
	s, c := math.Sincos(rad(deg))
	t := 1 - c
	return Mat3{
		{t*a.X*a.X + c, t*a.X*a.Y - s*a.Z, t*a.X*a.Z + s*a.Y},
		{t*a.X*a.Y + s*a.Z, t*a.Y*a.Y + c, t*a.Y*a.Z - s*a.X},
		{t*a.X*a.Z - s*a.Y, t*a.Y*a.Z + s*a.X, t*a.Z*a.Z + c},
	}
}

// limb is the frame of an arm or leg raised elev degrees in plane, turned
// inward by r; s is +1 for the left side, -1 for the right. The limb runs
// along the frame's -Y. The raise is the shortest swing from hanging, so
// the limb's front stays to the front (a knee raised sideways still bends
// backward), and r turns the limb about its length.
func limb(s, elev, plane, r float64) Mat3 {
	sp, cp := math.Sincos(rad(plane))
	return axisAngle(Vec3{-s * sp, 0, cp}, elev).Mul(rotY(s * r))
}

func side(s int) float64 {
	if s == Left {
		return 1
	}
	return -1
}

// Solve runs the forward kinematics for p with its root at p's x, y, z
// (the anchor is not applied; see Place).
func (p Pose) Solve() Body {
	v := &p.V
	var b Body
	b.Eyes = v[Eyes]
	root := rotY(-v[Yaw]).Mul(rotZ(-v[Pitch])).Mul(rotX(v[Roll])).Mul(rotY(-v[Spin]))
	b.Pelvis = Vec3{v[PX], v[PY], v[PZ]}
	b.PelvisFrame = root
	b.Lumbar = b.Pelvis.Add(root.Apply(Vec3{0, PelvisLength, 0}))
	b.LowerFrame = root.Mul(spine(v[LumbarFlex], v[LumbarBend], v[LumbarRot]))
	b.Thorax = b.Lumbar.Add(b.LowerFrame.Apply(Vec3{0, LowerTorso, 0}))
	b.UpperFrame = b.LowerFrame.Mul(spine(v[ThoraxFlex], v[ThoraxBend], v[ThoraxRot]))
	b.NeckBase = b.Thorax.Add(b.UpperFrame.Apply(Vec3{0, UpperTorso, 0}))
	b.Sternum = b.Thorax.Add(b.UpperFrame.Apply(Vec3{0, UpperTorso - ShoulderDrop, 0}))
	neck := b.UpperFrame.Mul(spine(v[NeckFlex], v[NeckBend], v[NeckRot]))
	b.NeckTop = b.NeckBase.Add(neck.Apply(Vec3{0, NeckLength, 0}))
	b.HeadFrame = neck.Mul(spine(v[HeadFlex], v[HeadBend], v[HeadRot]))
	b.Head = b.NeckTop.Add(b.HeadFrame.Apply(Vec3{0.008, HeadRadius * 0.8, 0}))

	for sd := range 2 {
		s := side(sd)
		o := Param(sd)
		a := &b.Arms[sd]
		clav := rotY(s * v[ClavProt+o]).Mul(rotX(-s * v[ClavElev+o]))
		a.Shoulder = b.Sternum.Add(b.UpperFrame.Mul(clav).Apply(Vec3{0, 0, s * ClavLength}))
		upper := b.UpperFrame.Mul(limb(s, v[ShoulderElev+o], v[ShoulderPlane+o], v[ShoulderRot+o]))
		a.Elbow = a.Shoulder.Add(upper.Apply(Vec3{0, -UpperArm, 0}))
		fore := upper.Mul(rotZ(v[Elbow+o]))
		a.Wrist = a.Elbow.Add(fore.Apply(Vec3{0, -Forearm, 0}))
		a.Hand = fore.Mul(rotZ(v[Wrist+o])).Mul(rotX(s * v[WristDev+o]))
		a.Knuckle = a.Wrist.Add(a.Hand.Apply(Vec3{0, -PalmLength, 0}))
		// The thumb sits on the palm side near the wrist and follows the
		// fingers partway as they curl.
		a.Thumb[0] = a.Wrist.Add(a.Hand.Apply(Vec3{0.01, -0.018, s * 0.012}))
		thumb := a.Hand.Mul(rotX(-s * (14 + v[Spread+o]))).Mul(rotZ(12 + 0.25*(v[Knuckles+o]+v[Fingers+o])))
		a.Thumb[1] = a.Thumb[0].Add(thumb.Apply(Vec3{0, -0.036, 0}))
		for f := range 3 {
			fan := float64(f - 1)
			base := a.Hand.Mul(rotX(s * fan * v[Spread+o])).Mul(rotZ(v[Knuckles+o]))
			a.Fingers[f][0] = a.Knuckle.Add(base.Apply(Vec3{0, -FingerBase, 0}))
			tip := base.Mul(rotZ(v[Fingers+o]))
			a.Fingers[f][1] = a.Fingers[f][0].Add(tip.Apply(Vec3{0, -FingerTip, 0}))
		}

		l := &b.Legs[sd]
		l.Hip = b.Pelvis.Add(root.Apply(Vec3{0, 0, s * HipWidth}))
		thigh := root.Mul(limb(s, v[HipElev+o], v[HipPlane+o], v[HipRot+o]))
		l.Knee = l.Hip.Add(thigh.Apply(Vec3{0, -ThighLength, 0}))
		shin := thigh.Mul(rotZ(-v[Knee+o]))
		l.Ankle = l.Knee.Add(shin.Apply(Vec3{0, -ShinLength, 0}))
		foot := shin.Mul(rotZ(v[Ankle+o]))
		sole := -(AnkleHeight - FootWidth/2)
		l.Heel = l.Ankle.Add(foot.Apply(Vec3{-HeelBack, sole, 0}))
		l.Toe = l.Ankle.Add(foot.Apply(Vec3{ToeFront, sole, 0}))
	}
	return b
}

// contact is a point of the body's surface for placing it on the floor: a
// joint position and the radius of the body around it.
type contact struct {
	at Vec3
	r  float64
}

func (b Body) contacts() []contact {
	c := []contact{
		{b.Head, HeadRadius}, {b.NeckBase, torsoDepth}, {b.Thorax, torsoDepth}, {b.Lumbar, torsoDepth}, {b.Pelvis, torsoDepth * 1.1},
	}
	for s := range 2 {
		a, l := b.Arms[s], b.Legs[s]
		c = append(c,
			contact{a.Shoulder, UpperArmWidth / 2}, contact{a.Elbow, UpperArmWidth / 2}, contact{a.Wrist, ForearmWidth / 2},
			contact{a.Knuckle, HandWidth / 2},
			contact{l.Knee, ShinWidth / 2}, contact{l.Heel, FootWidth / 2}, contact{l.Toe, FootWidth / 2},
		)
	}
	return c
}

// lowest returns the lowest surface height of the body.
func (b Body) lowest() float64 {
	m := math.Inf(1)
	for _, c := range b.contacts() {
		m = math.Min(m, c.at.Y-c.r)
	}
	return m
}

// Place resolves p's anchor: it moves the root so the pose rests as its
// anchor says, adds the pose's own x, y, z as offsets, and returns a pose
// with AnchorNone.
func (p Pose) Place() Pose {
	q := p
	q.Anchor = AnchorNone
	if p.Anchor == AnchorNone {
		return q
	}
	off := Vec3{p.V[PX], p.V[PY], p.V[PZ]}
	q.V[PX], q.V[PY], q.V[PZ] = 0, 0, 0
	switch p.Anchor {
	case AnchorSeat:
		q.V[PY] = SeatHeight
	case AnchorFloor:
		q.V[PY] = -q.Solve().lowest()
	case AnchorFeet:
		b := q.Solve()
		low := b.lowest()
		q.V[PY] = -low
		// Feet bearing weight stay where they were: their mean ankle is
		// the origin (both feet when neither is on the floor).
		var sum Vec3
		n := 0
		for _, l := range b.Legs {
			if math.Min(l.Heel.Y, l.Toe.Y)-FootWidth/2 < low+0.02 {
				sum = sum.Add(l.Ankle)
				n++
			}
		}
		if n == 0 {
			sum = b.Legs[Left].Ankle.Add(b.Legs[Right].Ankle)
			n = 2
		}
		mid := sum.Scale(1 / float64(n))
		q.V[PX], q.V[PZ] = -mid.X, -mid.Z
	}
	q.V[PX] += off.X
	q.V[PY] += off.Y
	q.V[PZ] += off.Z
	return q
}
