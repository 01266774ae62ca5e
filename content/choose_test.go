package content

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func chooseFixture() []*Exercise {
	mk := func(id, pos string, areas []string, kinds ...string) *Exercise {
		return &Exercise{ID: id, Position: pos, Areas: areas, Kinds: kinds}
	}
	return []*Exercise{
		mk("neck-a", "seated", []string{"neck"}, KindPosture),
		mk("neck-b", "seated", []string{"neck", "shoulders"}, KindPosture, KindMobility),
		mk("wrist-a", "seated", []string{"wrists-hands"}, KindPosture),
		mk("eyes-a", "seated", []string{"eyes"}, KindPosture, KindRest),
		mk("floor-a", "floor", []string{"lower-back"}, KindMobility),
		mk("walk", "standing", []string{"whole-body"}, KindRest, KindMobility),
		{ID: "demo", Position: "standing", Areas: []string{"legs"}, Demo: true},
	}
}

func TestChooseFilters(t *testing.T) {
	ex := chooseFixture()
	for seed := range int64(50) {
		e := Choose(ex, KindPosture, nil, []string{"neck-a"}, []string{"wrists-hands"}, seed)
		if e == nil || !e.Suits(KindPosture) || e.ID == "neck-a" || e.ID == "wrist-a" {
			t.Fatalf("seed %d: %v", seed, e)
		}
		// A position can be avoided like an area.
		if e := Choose(ex, KindMobility, nil, nil, []string{"floor"}, seed); e == nil || e.Position == "floor" {
			t.Fatalf("seed %d: floor not avoided: %v", seed, e)
		}
	}
	if e := Choose(ex, KindRest, nil, []string{"eyes-a", "walk"}, nil, 1); e != nil {
		t.Errorf("everything disabled, got %s", e.ID)
	}
	if e := Choose(ex, "nap", nil, nil, nil, 1); e != nil {
		t.Errorf("unknown kind gave %s", e.ID)
	}
	if e := Choose(nil, KindPosture, nil, nil, nil, 1); e != nil {
		t.Error("empty list gave an exercise")
	}
}

func TestChooseRotation(t *testing.T) {
	ex := chooseFixture()
	// No repeat while something else is left.
	for seed := range int64(30) {
		var today []string
		for range 4 {
			e := Choose(ex, KindPosture, today, nil, nil, seed)
			if slices.Contains(today, e.ID) {
				t.Fatalf("seed %d: %s repeated in %v", seed, e.ID, today)
			}
			today = append(today, e.ID)
		}
		// All done: a new round, not starting with the one just shown.
		if e := Choose(ex, KindPosture, today, nil, nil, seed); e == nil || e.ID == today[3] {
			t.Fatalf("seed %d: got %v after %v", seed, e, today)
		}
	}
	// A change of body area is preferred: after neck-a, never neck-b.
	for seed := range int64(30) {
		if e := Choose(ex, KindPosture, []string{"neck-a"}, nil, nil, seed); slices.Contains(e.Areas, "neck") {
			t.Fatalf("seed %d: %s works the neck again", seed, e.ID)
		}
	}
	// Unless nothing else is left.
	if e := Choose(ex, KindPosture, []string{"wrist-a", "eyes-a", "neck-a"}, nil, nil, 3); e.ID != "neck-b" {
		t.Errorf("got %s, want neck-b", e.ID)
	}
}

func TestChooseDeterministic(t *testing.T) {
	ex := chooseFixture()
	seen := map[string]bool{}
	for seed := range int64(40) {
		a := Choose(ex, KindPosture, nil, nil, nil, seed)
		b := Choose(ex, KindPosture, nil, nil, nil, seed)
		if a != b {
			t.Fatalf("seed %d: %s then %s", seed, a.ID, b.ID)
		}
		seen[a.ID] = true
	}
	if len(seen) < 3 {
		t.Errorf("seeds pick only %v", seen)
	}
	for seed := range int64(20) {
		if e := Choose(ex, KindMobility, nil, nil, nil, seed); e.Demo {
			t.Fatal("a demo was chosen")
		}
	}
}

// Invariant: over any day of N breaks (N up to 50) every break gets an
// exercise, and none repeats until the day's pool is used up; then a new
// round starts (never with the exercise just shown, when there is a choice).
func TestRotationNeverRunsDry(t *testing.T) {
	ex := chooseFixture()
	seed := int64(time.Now().UnixNano())
	r := rand.New(rand.NewPCG(uint64(seed), 2))
	for day := range 300 {
		kind := []string{KindPosture, KindMobility, KindRest}[r.IntN(3)]
		pool := 0
		for _, e := range ex {
			if !e.Demo && e.Suits(kind) {
				pool++
			}
		}
		n := 1 + r.IntN(50)
		var shown []string
		round := map[string]bool{}
		for i := range n {
			e := Choose(ex, kind, shown, nil, nil, r.Int64())
			if e == nil {
				t.Fatalf("seed %d day %d: break %d of kind %s got nothing after %v", seed, day, i+1, kind, shown)
			}
			if len(round) == pool {
				round = map[string]bool{}
				if pool > 1 && e.ID == shown[len(shown)-1] {
					t.Fatalf("seed %d day %d: new round starts with the one just shown (%s)", seed, day, e.ID)
				}
			}
			if round[e.ID] {
				t.Fatalf("seed %d day %d: %s repeated before the pool of %d was used up: %v", seed, day, e.ID, pool, shown)
			}
			round[e.ID] = true
			shown = append(shown, e.ID)
		}
	}
}
