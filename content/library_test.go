package content

import (
	"math"
	"slices"
	"testing"
	"time"
)

func loadLib(t *testing.T) *Library {
	t.Helper()
	lib, err := Load()
	if err != nil {
		t.Fatalf("embedded library does not load:\n%v", err)
	}
	return lib
}

// The exercise ids other parts of Limber (cues, the recovery plan, the
// lifting refresher) refer to.
var requiredExercises = []string{
	"chin-tuck", "chin-to-chest", "head-turn", "side-neck-stretch", "upper-trap-stretch", "shoulder-shrug",
	"shoulder-rolls", "cross-body-stretch", "overhead-reach", "wall-slides", "corner-pec-stretch",
	"seated-chest-opener", "shoulder-blade-squeeze", "clasped-hands-extension", "seated-trunk-rotation",
	"seated-back-extension", "desk-supported-stretch", "standing-back-bend", "cat-cow", "childs-pose",
	"knee-rolls", "knee-to-chest", "pelvic-tilt", "bridge", "seated-knee-hug", "standing-hamstring-stretch",
	"standing-quad-stretch", "calf-stretch", "hip-marching", "ankle-pumps", "wrist-extensor-stretch",
	"wrist-flexor-stretch", "tendon-glides", "prayer-stretch", "finger-spread", "eye-break", "palming-blink",
	"stand-and-walk", "bird-dog", "side-plank-modified", "dead-bug", "sit-to-stand",
}

func TestLibraryExercises(t *testing.T) {
	lib := loadLib(t)
	var real []*Exercise
	for _, e := range lib.Exercises {
		if !e.Demo {
			real = append(real, e)
		}
	}
	if len(real) < 40 {
		t.Errorf("%d exercises, want at least 40", len(real))
	}
	for _, id := range requiredExercises {
		if e, ok := lib.Exercise(id); !ok || e.Demo {
			t.Errorf("exercise %q missing", id)
		}
	}
	areas, positions := map[string]bool{}, map[string]bool{}
	for _, e := range lib.Exercises {
		if n := len(e.Keyframes); n < MinKeyframes || len(e.Animation().Keys) != n {
			t.Errorf("%s: %d keyframes (%d resolved)", e.ID, n, len(e.Animation().Keys))
		}
		for i, k := range e.Animation().Keys {
			if errs := k.Pose.CheckLimits(); len(errs) > 0 {
				t.Errorf("%s key %d: %v", e.ID, i+1, errs)
			}
		}
		if !e.Demo && len(e.Kinds) == 0 {
			t.Errorf("%s suits no break kind", e.ID)
		}
		if e.Position == "floor" && e.Suits(KindPosture) {
			t.Errorf("%s is a floor exercise offered in posture breaks", e.ID)
		}
		if len(e.Cautions) == 0 || e.Why == "" || len(e.Steps) == 0 {
			t.Errorf("%s: cautions, why and steps are required", e.ID)
		}
		// The figure has to move: some key differs from the first.
		moves := false
		for _, k := range e.Animation().Keys[1:] {
			if k.Pose != e.Animation().Keys[0].Pose {
				moves = true
			}
		}
		if !moves {
			t.Errorf("%s: every keyframe is the same pose", e.ID)
		}
		for _, a := range e.Areas {
			areas[a] = true
		}
		positions[e.Position] = true
	}
	for _, a := range Areas {
		if !areas[a] {
			t.Errorf("no exercise for area %q", a)
		}
	}
	for _, p := range Positions {
		if !positions[p] {
			t.Errorf("no %s exercise", p)
		}
	}
}

// A working day of breaks at the suggested defaults, each kind needing
// this many different exercises before one comes round again.
var dayNeeds = map[string]int{KindPosture: 12, KindMobility: 10, KindRest: 4}

func TestLibraryKindsRotateADay(t *testing.T) {
	lib := loadLib(t)
	for kind, need := range dayNeeds {
		ex := lib.ForKind(kind)
		if len(ex) < need {
			t.Errorf("%s: %d exercises, need %d to rotate a day", kind, len(ex), need)
			continue
		}
		var today []string
		for i := range need {
			e := Choose(lib.Exercises, kind, today, nil, nil, int64(i))
			if e == nil || slices.Contains(today, e.ID) {
				t.Fatalf("%s: pick %d repeats or is missing: %v (today %v)", kind, i+1, e, today)
			}
			if !e.Suits(kind) || e.Demo {
				t.Fatalf("%s: picked %s which does not suit it", kind, e.ID)
			}
			today = append(today, e.ID)
		}
	}
}

func TestLibrarySourcesAndIDs(t *testing.T) {
	lib := loadLib(t)
	seen := map[string]string{}
	check := func(kind, id string, srcs []string) {
		if !kebab.MatchString(id) {
			t.Errorf("%s id %q is not lowercase-kebab", kind, id)
		}
		if prev, dup := seen[id]; dup {
			t.Errorf("id %q used by a %s and a %s", id, prev, kind)
		}
		seen[id] = kind
		if len(srcs) == 0 {
			t.Errorf("%s %q has no source", kind, id)
		}
		for _, s := range srcs {
			if _, ok := lib.Sources[s]; !ok {
				t.Errorf("%s %q: source %q does not resolve", kind, id, s)
			}
		}
	}
	for _, it := range lib.Items() {
		check(it.Type, it.ID, it.Sources)
	}
	for _, m := range lib.Mistakes {
		check("mistake", m.ID, m.Sources)
	}
	for _, th := range lib.Thermal {
		check("thermal", th.ID, th.Sources)
	}
	for _, c := range lib.Checkins {
		check("checkin", c.ID, c.Sources)
	}
	for _, c := range lib.Cautions {
		check("caution", c.ID, c.Sources)
	}
}

func TestLibraryCounts(t *testing.T) {
	lib := loadLib(t)
	count := map[string]int{}
	for _, it := range lib.Items() {
		count[it.Type]++
	}
	for typ, min := range map[string]int{TypeExercise: 40, TypeCue: 12, TypeLiftingStep: 8, TypeQuiz: 12, TypeChecklist: 43, TypeRedFlag: 30, TypeRecoveryPhase: 5} {
		if count[typ] < min {
			t.Errorf("%d items of type %s, want at least %d", count[typ], typ, min)
		}
	}
}

// The lifting demo has one group of keyframes per lifting step, in order.
func TestLiftBoxFollowsLiftingSteps(t *testing.T) {
	lib := loadLib(t)
	e, ok := lib.Exercise("lift-box")
	if !ok {
		t.Fatal("lift-box missing")
	}
	if !e.Demo || len(e.Kinds) != 0 || len(lib.ForKind(KindMobility)) == 0 || slices.Contains(lib.ForKind(KindMobility), e) {
		t.Fatalf("lift-box must be a demo offered in no break")
	}
	if len(e.Steps) != len(lib.LiftingSteps) {
		t.Fatalf("lift-box has %d steps, lifting.toml %d", len(e.Steps), len(lib.LiftingSteps))
	}
	for i, s := range e.Steps {
		if s.Ref != lib.LiftingSteps[i].ID {
			t.Errorf("lift-box step %d shows %q, lifting step %d is %q", i+1, s.Ref, i+1, lib.LiftingSteps[i].ID)
		}
		if len(e.Animation().ForStep(i).Keys) == 0 {
			t.Errorf("lift-box step %d has no keyframes", i+1)
		}
	}
	// It carries the box: held at some key, resting at others.
	var held, rest bool
	for _, k := range e.Animation().Keys {
		held = held || k.Pose.V[Carry] == 1
		rest = rest || k.Pose.V[Carry] == 0
	}
	if !held || !rest {
		t.Error("lift-box never picks the box up or never sets it down")
	}
}

// Every exercise draws inside its unit square at every moment, with no
// NaN, and keeps its feet (or seat, or body) on the floor, never under it.
func TestLibraryFiguresDraw(t *testing.T) {
	lib := loadLib(t)
	for _, e := range lib.Exercises {
		st := NewStage(e)
		total := st.Anim.Duration()
		for i := range 24 {
			at := total * time.Duration(i) / 24
			pose := st.Anim.At(at)
			b := pose.Solve()
			if low := b.lowest(); low < -0.02 {
				t.Errorf("%s at %v: body %.3f below the floor", e.ID, at, -low)
			}
			shapes := st.At(at)
			if min := 20; len(shapes) < min && (st.Framing != FrameHands || len(shapes) < 10) {
				t.Errorf("%s at %v: only %d shapes", e.ID, at, len(shapes))
			}
			for _, s := range shapes {
				for _, v := range []float64{s.A.X, s.A.Y, s.B.X, s.B.Y, s.W, s.R} {
					if math.IsNaN(v) || math.IsInf(v, 0) {
						t.Fatalf("%s at %v: bad shape %+v", e.ID, at, s)
					}
				}
				if s.Kind != ShapeCircle && (s.A.X < -0.01 || s.A.X > 1.01 || s.A.Y < -0.01 || s.A.Y > 1.01) {
					t.Errorf("%s at %v: shape outside the unit square: %+v", e.ID, at, s)
				}
			}
		}
	}
}

func TestStepTiming(t *testing.T) {
	lib := loadLib(t)
	e, _ := lib.Exercise("side-neck-stretch")
	if got := e.StepTiming(1); got != "hold 15 s, then switch sides" {
		t.Errorf("step 2 timing %q", got)
	}
	if got := e.StepTiming(2); got != "hold 15 s on the right" {
		t.Errorf("step 3 timing %q", got)
	}
	e, _ = lib.Exercise("chin-tuck")
	if got := e.StepTiming(1); got != "8 times" {
		t.Errorf("chin tuck step 2 %q", got)
	}
	if got := e.Steps[1].Duration(); got != 32*time.Second {
		t.Errorf("chin tuck step 2 lasts %v", got)
	}
	e, _ = lib.Exercise("stand-and-walk")
	if got := e.StepTiming(1); got != "hold 2 min" {
		t.Errorf("walk %q", got)
	}
	if humanDuration(90*time.Second).English != "1 min 30 s" {
		t.Error(humanDuration(90 * time.Second))
	}
}
