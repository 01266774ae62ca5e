package recovery

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/limberapp/limber/content"
)

var breakKinds = []string{"posture", "mobility", "rest"}

// randomAdaptation is the adaptation of a random plan on a random day,
// sometimes with a same-day red flag reported that day.
func randomAdaptation(t *testing.T, r *rand.Rand) Adaptation {
	t.Helper()
	p := newPlan(t, r.IntN(8))
	day := r.IntN(70)
	for d := 1; d <= day; d += 1 + r.IntN(4) {
		checkin(t, p, d, Checkin{Pain: max(0, 6-d/3+r.IntN(2))})
	}
	if r.IntN(3) == 0 {
		checkin(t, p, day, Checkin{Pain: 3, Flags: []string{"flag-fever"}})
	}
	return p.Adapt(at(day, 21))
}

func exerciseIDs(lib *content.Library) []string {
	var ids []string
	for _, e := range lib.Exercises {
		ids = append(ids, e.ID)
	}
	return ids
}

// Issue 13 item 2, issue 12 defect 6: during the protect phase and while
// the plan is suspended, every kind of break follows the phase's list, and
// nothing strengthening comes before its phase, whatever the person's
// filters; and a break always gets an exercise.
func TestBreakExercisesFollowThePlan(t *testing.T) {
	seed := time.Now().UnixNano()
	r := rand.New(rand.NewPCG(uint64(seed), 13))
	lib, err := DefaultLibrary()
	if err != nil {
		t.Fatal(err)
	}
	protect := Phases(lib)[0]
	strong := Strengthening(lib)
	ids := exerciseIDs(lib)
	areas := []string{"neck", "shoulders", "lower-back", "legs", "eyes", "wrists-hands", "whole-body", "floor", "standing"}
	suspended, protected := 0, 0
	for i := range 1000 {
		ad := randomAdaptation(t, r)
		req := ExerciseRequest{Kind: breakKinds[r.IntN(3)], Seed: r.Int64()}
		for range r.IntN(12) {
			req.Disabled = append(req.Disabled, ids[r.IntN(len(ids))])
		}
		for range r.IntN(4) {
			req.Avoid = append(req.Avoid, areas[r.IntN(len(areas))])
		}
		for range r.IntN(10) {
			req.Shown = append(req.Shown, ids[r.IntN(len(ids))])
		}
		c := ChooseExercise(lib, ad, req)
		if c.Exercise == nil {
			t.Fatalf("seed %d choice %d: %s break in %+v gets nothing", seed, i, req.Kind, ad)
		}
		id := c.Exercise.ID
		if ad.Suspended || ad.Phase == protect.ID {
			if ad.Suspended {
				suspended++
			} else {
				protected++
			}
			if !slices.Contains(protect.Exercises, id) {
				t.Fatalf("seed %d choice %d: %s break (phase %s, suspended %v) offers %s, outside %v", seed, i, req.Kind, ad.Phase, ad.Suspended, id, protect.Exercises)
			}
		}
		if ad.Active && !ad.AllowStrengthen && slices.Contains(strong, id) {
			t.Fatalf("seed %d choice %d: %s break in phase %s offers strengthening %s", seed, i, req.Kind, ad.Phase, id)
		}
		if ad.Active && ad.Phase != protect.ID && !ad.Suspended && req.Kind == "mobility" && !slices.Contains(ad.MobilityExercises, id) {
			t.Fatalf("seed %d choice %d: mobility break in phase %s offers %s, outside %v", seed, i, ad.Phase, id, ad.MobilityExercises)
		}
	}
	if suspended == 0 || protected == 0 {
		t.Fatalf("seed %d: the sample lacks suspended (%d) or protect-phase (%d) plans", seed, suspended, protected)
	}
}

// Defect 6: when the person's filters leave nothing, the plan's rules stay
// and the break says so and offers a walk.
func TestFiltersLeavingNothingKeepTheRules(t *testing.T) {
	lib, _ := DefaultLibrary()
	p := newPlan(t, 5)
	ad := p.Adapt(at(1, 12)) // protect
	c := ChooseExercise(lib, ad, ExerciseRequest{Kind: "mobility", Disabled: exerciseIDs(lib)})
	if c.Exercise == nil || c.Exercise.ID != WalkExercise || c.Note == "" || c.Others {
		t.Fatalf("everything turned off in protect: %+v", c)
	}
	// No plan: the same, from the whole library (a walk suits every day).
	c = ChooseExercise(lib, Adaptation{}, ExerciseRequest{Kind: "posture", Avoid: []string{"seated", "standing", "floor"}})
	if c.Exercise == nil || c.Exercise.ID != WalkExercise || c.Note == "" {
		t.Fatalf("everything avoided with no plan: %+v", c)
	}
	// Normally there is no note.
	if c := ChooseExercise(lib, Adaptation{}, ExerciseRequest{Kind: "posture", Seed: 3}); c.Exercise == nil || c.Note != "" || !c.Others {
		t.Fatalf("plain posture break: %+v", c)
	}
}

// The strengthening set comes from the plan's phases: what the strengthen
// phase brings in that no earlier phase had.
func TestStrengtheningComesFromThePhases(t *testing.T) {
	lib, _ := DefaultLibrary()
	got := Strengthening(lib)
	for _, id := range []string{"bridge", "bird-dog", "side-plank-modified", "dead-bug"} {
		if !slices.Contains(got, id) {
			t.Errorf("%s missing from %v", id, got)
		}
	}
	for _, id := range []string{"pelvic-tilt", "cat-cow", "stand-and-walk"} {
		if slices.Contains(got, id) {
			t.Errorf("%s is not strengthening: %v", id, got)
		}
	}
	if Strengthening(&content.Library{}) != nil {
		t.Error("a library without phases has no strengthening set")
	}
}

// Issue 13 item 3: while the plan prompts walks, rest breaks are walks.
func TestWalkingPromptIsAWalk(t *testing.T) {
	lib, _ := DefaultLibrary()
	seed := time.Now().UnixNano()
	r := rand.New(rand.NewPCG(uint64(seed), 3))
	for i := range 300 {
		ad := randomAdaptation(t, r)
		var shown []string
		for range r.IntN(6) {
			shown = append(shown, WalkExercise)
		}
		c := ChooseExercise(lib, ad, ExerciseRequest{Kind: "rest", Shown: shown, Seed: r.Int64()})
		if ad.Active && ad.WalkEvery > 0 && (c.Exercise.ID != WalkExercise || c.Others) {
			t.Fatalf("seed %d case %d: walking prompt every %v in %s shows %s", seed, i, ad.WalkEvery, ad.Phase, c.Exercise.ID)
		}
	}
}

// Defect 22 through the policy: a day of up to 50 breaks of a kind always
// shows something, with no repeat until the pool is used up.
func TestADayOfBreaksNeverRunsDry(t *testing.T) {
	lib, _ := DefaultLibrary()
	seed := time.Now().UnixNano()
	r := rand.New(rand.NewPCG(uint64(seed), 22))
	for day := range 100 {
		kind := breakKinds[r.IntN(3)]
		pool := len(AllowedExercises(lib, Adaptation{}, kind))
		var shown []string
		round := map[string]bool{}
		for i := range 1 + r.IntN(50) {
			c := ChooseExercise(lib, Adaptation{}, ExerciseRequest{Kind: kind, Shown: shown, Seed: r.Int64()})
			if c.Exercise == nil {
				t.Fatalf("seed %d day %d: %s break %d gets nothing", seed, day, kind, i+1)
			}
			if len(round) == pool {
				round = map[string]bool{}
			}
			if round[c.Exercise.ID] {
				t.Fatalf("seed %d day %d: %s repeats before the %d %s exercises are used up: %v", seed, day, c.Exercise.ID, pool, kind, shown)
			}
			round[c.Exercise.ID] = true
			shown = append(shown, c.Exercise.ID)
		}
	}
}
