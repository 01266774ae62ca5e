package content

import (
	"math/rand/v2"
	"slices"
)

// Choose picks the exercise for a break of kind from ex.
//
// It keeps exercises that suit the kind (never demos), are not in
// disabled, and touch none of avoidAreas (which may also name a position,
// such as "floor", to avoid). Among those it prefers ones not in recent
// (today's exercise ids, oldest first), and among those ones working a
// different body area from the last exercise; it picks between equals
// with a generator seeded by seed, so a seed always gives the same choice.
// When every candidate was done today it takes the one done longest ago.
// It returns nil when nothing is left.
func Choose(ex []*Exercise, kind string, recent []string, disabled []string, avoidAreas []string, seed int64) *Exercise {
	var cands []*Exercise
	for _, e := range ex {
		if e.Demo || !e.Suits(kind) || slices.Contains(disabled, e.ID) || slices.Contains(avoidAreas, e.Position) {
			continue
		}
		if slices.ContainsFunc(e.Areas, func(a string) bool { return slices.Contains(avoidAreas, a) }) {
			continue
		}
		cands = append(cands, e)
	}
	if len(cands) == 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0x6c696d626572))
	var fresh []*Exercise
	for _, e := range cands {
		if !slices.Contains(recent, e.ID) {
			fresh = append(fresh, e)
		}
	}
	if len(fresh) > 0 {
		// Prefer a change of body area from the last exercise.
		if len(recent) > 0 {
			if last := findExercise(ex, recent[len(recent)-1]); last != nil {
				var other []*Exercise
				for _, e := range fresh {
					if !slices.ContainsFunc(e.Areas, func(a string) bool { return slices.Contains(last.Areas, a) }) {
						other = append(other, e)
					}
				}
				if len(other) > 0 {
					fresh = other
				}
			}
		}
		return fresh[r.IntN(len(fresh))]
	}
	// All done today: the one done longest ago.
	best, bestAt := []*Exercise(nil), len(recent)
	for _, e := range cands {
		at := lastIndex(recent, e.ID)
		switch {
		case at < bestAt:
			best, bestAt = []*Exercise{e}, at
		case at == bestAt:
			best = append(best, e)
		}
	}
	return best[r.IntN(len(best))]
}

func lastIndex(xs []string, x string) int {
	for i := len(xs) - 1; i >= 0; i-- {
		if xs[i] == x {
			return i
		}
	}
	return -1
}

func findExercise(ex []*Exercise, id string) *Exercise {
	for _, e := range ex {
		if e.ID == id {
			return e
		}
	}
	return nil
}
