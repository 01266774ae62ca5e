package content

import (
	"math/rand/v2"
	"slices"
)

// Choose picks the exercise for a break of kind from ex.
//
// It keeps exercises that suit the kind (never demos), are not in
// disabled, and touch none of avoidAreas (which may also name a position,
// such as "floor", to avoid), and rotates through them with Rotate. It
// returns nil only when nothing is left after those filters.
func Choose(ex []*Exercise, kind string, shown []string, disabled []string, avoidAreas []string, seed int64) *Exercise {
	return Rotate(Filter(ex, kind, disabled, avoidAreas), ex, shown, seed)
}

// Filter keeps the exercises of ex that suit kind (never demos), are not
// in disabled and touch none of avoidAreas (areas or positions). An empty
// kind keeps every kind.
func Filter(ex []*Exercise, kind string, disabled []string, avoidAreas []string) []*Exercise {
	var out []*Exercise
	for _, e := range ex {
		if e.Demo || (kind != "" && !e.Suits(kind)) || slices.Contains(disabled, e.ID) || slices.Contains(avoidAreas, e.Position) {
			continue
		}
		if slices.ContainsFunc(e.Areas, func(a string) bool { return slices.Contains(avoidAreas, a) }) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// Rotate picks the next exercise of a day's rotation through pool.
//
// shown is what was shown today, oldest first, repeats kept. The day runs
// in rounds: within a round no exercise of pool comes twice; once every one
// has been shown, a new round starts, never with the exercise just shown
// when there is another. Among the exercises still due it prefers one
// working a different body area from the last shown (looked up in all, or
// pool when all is nil), and picks between equals with a generator seeded
// by seed, so a seed always gives the same choice. It returns nil only for
// an empty pool: a break always gets something.
func Rotate(pool, all []*Exercise, shown []string, seed int64) *Exercise {
	if len(pool) == 0 {
		return nil
	}
	if all == nil {
		all = pool
	}
	inPool := map[string]bool{}
	for _, e := range pool {
		inPool[e.ID] = true
	}
	// Replay the day to find what the current round has shown.
	round := map[string]bool{}
	for _, id := range shown {
		if !inPool[id] {
			continue
		}
		round[id] = true
		if len(round) == len(inPool) {
			round = map[string]bool{}
		}
	}
	last := ""
	if len(shown) > 0 {
		last = shown[len(shown)-1]
	}
	var due []*Exercise
	for _, e := range pool {
		if !round[e.ID] && (len(round) > 0 || e.ID != last) {
			due = append(due, e)
		}
	}
	if len(due) == 0 { // a pool of one, just shown
		due = pool
	}
	// Prefer a change of body area from the last exercise.
	if l := findExercise(all, last); l != nil {
		var other []*Exercise
		for _, e := range due {
			if !slices.ContainsFunc(e.Areas, func(a string) bool { return slices.Contains(l.Areas, a) }) {
				other = append(other, e)
			}
		}
		if len(other) > 0 {
			due = other
		}
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0x6c696d626572))
	return due[r.IntN(len(due))]
}

func findExercise(ex []*Exercise, id string) *Exercise {
	for _, e := range ex {
		if e.ID == id {
			return e
		}
	}
	return nil
}
