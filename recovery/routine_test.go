package recovery

import (
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/limberapp/limber/content"
)

// testSeed is LIMBER_SEED when set (to replay a failure), else the clock.
func testSeed() int64 {
	if s, err := strconv.ParseInt(os.Getenv("LIMBER_SEED"), 10, 64); err == nil {
		return s
	}
	return time.Now().UnixNano()
}

// Issue 15 item 3: over random days of breaks, under random plans and
// filters, every routine fills 80–100 % of its break, a mobility routine
// has 2–4 exercises (when the rules allow two), nothing repeats within a
// routine, the areas not worked today come first, and every exercise is
// one the rules allow (the phase's list in protect or while suspended, no
// strengthening before its phase, nothing disabled or avoided).
func TestRoutinesFillTheBreakAndKeepTheRules(t *testing.T) {
	seed := testSeed()
	r := rand.New(rand.NewPCG(uint64(seed), 15))
	lib, err := DefaultLibrary()
	if err != nil {
		t.Fatal(err)
	}
	protect := Phases(lib)[0]
	strong := Strengthening(lib)
	ids := exerciseIDs(lib)
	avoidable := []string{"neck", "shoulders", "upper-back", "lower-back", "hips", "legs", "eyes", "wrists-hands", "whole-body", "floor", "standing", "seated"}
	var mobility, twoPlus, protected, suspended, laterFresh int
	for day := range 150 {
		ad := Adaptation{}
		if r.IntN(3) > 0 {
			ad = randomAdaptation(t, r)
		}
		var disabled, avoid []string
		for range r.IntN(10) {
			disabled = append(disabled, ids[r.IntN(len(ids))])
		}
		for range r.IntN(3) {
			avoid = append(avoid, avoidable[r.IntN(len(avoidable))])
		}
		var worked []string
		shown := map[string][]string{}
		for b := range 1 + r.IntN(12) {
			kind := breakKinds[r.IntN(3)]
			d := map[string]time.Duration{
				"posture":  time.Duration(20+r.IntN(100)) * time.Second,
				"mobility": time.Duration(60+r.IntN(540)) * time.Second,
				"rest":     time.Duration(120+r.IntN(900)) * time.Second,
			}[kind]
			req := RoutineRequest{Kind: kind, Duration: d, Worked: slices.Clone(worked), Shown: shown[kind],
				Disabled: disabled, Avoid: avoid, Seed: r.Int64()}
			rt := PlanRoutine(lib, ad, req)
			where := func() string {
				return "seed " + strconv.FormatInt(seed, 10) + " day " + strconv.Itoa(day) + " break " + strconv.Itoa(b) + " (" + kind + " " + d.String() + ", phase " + ad.Phase + ")"
			}
			if tot := rt.Total(); float64(tot) < MinRoutineFill*float64(d) || tot > d {
				t.Fatalf("%s: the routine takes %v of %v", where(), tot, d)
			}
			for _, it := range rt.Items {
				if it.Time <= 0 {
					t.Fatalf("%s: an item with no time: %+v", where(), rt.Items)
				}
			}
			exs := rt.Exercises()
			cands := RoutineCandidates(lib, ad, kind, disabled, avoid)
			seen := map[string]bool{}
			for _, e := range exs {
				if seen[e.ID] {
					t.Fatalf("%s: %s twice in one routine", where(), e.ID)
				}
				seen[e.ID] = true
				if slices.Contains(disabled, e.ID) || slices.Contains(avoid, e.Position) || slices.ContainsFunc(e.Areas, func(a string) bool { return slices.Contains(avoid, a) }) {
					t.Fatalf("%s: %s is disabled or avoided (%v, %v)", where(), e.ID, disabled, avoid)
				}
				if !slices.Contains(cands, e) && (e.ID != WalkExercise || rt.Note == "") {
					t.Fatalf("%s: %s is not allowed", where(), e.ID)
				}
				if (ad.Suspended || ad.Phase == protect.ID) && ad.Active && !slices.Contains(protect.Exercises, e.ID) {
					t.Fatalf("%s: %s outside the protect list %v (suspended %v)", where(), e.ID, protect.Exercises, ad.Suspended)
				}
				if ad.Active && !ad.AllowStrengthen && slices.Contains(strong, e.ID) {
					t.Fatalf("%s: strengthening %s before its phase", where(), e.ID)
				}
			}
			if ad.Active && ad.Suspended {
				suspended++
			} else if ad.Active && ad.Phase == protect.ID {
				protected++
			}
			switch kind {
			case "mobility":
				mobility++
				if len(exs) > MaxRoutineExercises || len(exs) < min(MinRoutineExercises, len(cands)) || (len(exs) == 0 && rt.Note == "") {
					t.Fatalf("%s: %d exercises from %d candidates", where(), len(exs), len(cands))
				}
				if len(exs) >= 2 {
					twoPlus++
				}
				// The areas not worked today come first: no fresh exercise
				// after one that works a worked area, and a fresh one left
				// out while a worked-area one is in is longer (it did not fit).
				wa := WorkedAreas(lib, worked)
				for i := 1; i < len(exs); i++ {
					if Fresh(exs[i], wa) && !Fresh(exs[i-1], wa) {
						t.Fatalf("%s: fresh %s after %s (worked %v)", where(), exs[i].ID, exs[i-1].ID, wa)
					}
				}
				for _, x := range exs {
					if Fresh(x, wa) {
						continue
					}
					for _, f := range cands {
						if Fresh(f, wa) && !seen[f.ID] && f.Duration <= x.Duration {
							t.Fatalf("%s: %s (works a worked area) chosen over fresh %s of no longer", where(), x.ID, f.ID)
						}
					}
					if len(worked) > 0 && len(exs) > 1 {
						laterFresh++
					}
				}
			case "posture":
				var cues, n int
				for _, it := range rt.Items {
					if it.Cue != nil {
						cues++
						if it.Cue.Exercise != "" && (!slices.ContainsFunc(cands, func(e *content.Exercise) bool { return e.ID == it.Cue.Exercise }) || seen[it.Cue.Exercise]) {
							t.Fatalf("%s: cue %s names %s, not allowed or the same exercise", where(), it.Cue.ID, it.Cue.Exercise)
						}
					}
					if it.Exercise != nil {
						n++
					}
				}
				if (n != 1 && (n != 0 || rt.Note == "")) || cues > 1 || (len(cands) > 0 && cues != 1) {
					t.Fatalf("%s: posture routine of %d cues, %d exercises", where(), cues, n)
				}
			case "rest":
				if !rt.Walk || len(exs) > 1 || (len(exs) == 1 && exs[0].ID != WalkExercise) {
					t.Fatalf("%s: the rest break is not a walk away: %+v", where(), rt)
				}
			}
			for _, e := range exs {
				worked = append(worked, e.ID)
				shown[kind] = append(shown[kind], e.ID)
			}
		}
	}
	if mobility < 100 || twoPlus*10 < mobility*8 || protected == 0 || suspended == 0 {
		t.Fatalf("seed %d: the sample is thin: %d mobility routines (%d of 2+), %d protect, %d suspended", seed, mobility, twoPlus, protected, suspended)
	}
}

// A 3-minute mobility break with no plan is a routine of several
// exercises, those for areas not worked today first.
func TestMobilityRoutineStartsWithUnworkedAreas(t *testing.T) {
	lib, _ := DefaultLibrary()
	worked := []string{"chin-tuck", "shoulder-rolls", "seated-trunk-rotation"} // neck, shoulders, upper and lower back
	for s := range int64(50) {
		rt := PlanRoutine(lib, Adaptation{}, RoutineRequest{Kind: "mobility", Duration: 3 * time.Minute, Worked: worked, Seed: s})
		exs := rt.Exercises()
		if len(exs) < 2 || len(exs) > 4 || rt.Note != "" {
			t.Fatalf("seed %d: %d exercises, note %q", s, len(exs), rt.Note)
		}
		if !Fresh(exs[0], WorkedAreas(lib, worked)) {
			t.Fatalf("seed %d: starts with %s %v though neck, shoulders and back were worked today", s, exs[0].ID, exs[0].Areas)
		}
	}
}

// Everything turned off: the walk with a note; the walk turned off too: a
// plain instruction, still filling the break.
func TestRoutineWhenFiltersLeaveNothing(t *testing.T) {
	lib, _ := DefaultLibrary()
	all := exerciseIDs(lib)
	var but []string
	for _, id := range all {
		if id != WalkExercise {
			but = append(but, id)
		}
	}
	rt := PlanRoutine(lib, Adaptation{}, RoutineRequest{Kind: "posture", Duration: 30 * time.Second, Disabled: but})
	if ex := rt.Exercises(); len(ex) != 1 || ex[0].ID != WalkExercise || rt.Note == "" || rt.Total() != 30*time.Second {
		t.Fatalf("only the walk left: %+v", rt)
	}
	rt = PlanRoutine(lib, Adaptation{}, RoutineRequest{Kind: "mobility", Duration: 3 * time.Minute, Disabled: all})
	if len(rt.Exercises()) != 0 || rt.Note == "" || len(rt.Items) != 1 || rt.Total() != 3*time.Minute {
		t.Fatalf("nothing left: %+v", rt)
	}
}

// A 30-second posture break gives its cue a third (10 s) and the
// exercise the rest, not a scaled-down share of both.
func TestPostureRoutineGivesTheCueAThird(t *testing.T) {
	lib, _ := DefaultLibrary()
	for s := range int64(30) {
		rt := PlanRoutine(lib, Adaptation{}, RoutineRequest{Kind: "posture", Duration: 30 * time.Second, Seed: s})
		if len(rt.Items) != 2 || rt.Items[0].Cue == nil || rt.Items[0].Time != 10*time.Second || rt.Total() != 30*time.Second {
			t.Fatalf("seed %d: %+v", s, rt.Items)
		}
	}
}
