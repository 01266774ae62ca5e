package recovery

import (
	"slices"

	"github.com/limberapp/limber/content"
)

// WalkExercise is the short walk: safe in every phase, the plan's walking
// prompt, and the break's fallback when nothing else is allowed.
const WalkExercise = "stand-and-walk"

// ExerciseRequest is what a break window asks the policy for.
type ExerciseRequest struct {
	Kind     string   // posture, mobility, rest
	Shown    []string // today's exercises of this kind, oldest first, repeats kept
	Disabled []string // exercise ids the person turned off
	Avoid    []string // body areas or positions the person avoids
	Seed     int64
}

// ExerciseChoice is the exercise a break shows, and a note for the window
// when it is not the usual choice (the person's filters left nothing).
type ExerciseChoice struct {
	Exercise *content.Exercise // nil only for a library without the walk
	Note     string
	// Others is true when there are other exercises to offer instead
	// ("Next exercise").
	Others bool
}

// Strengthening are the exercises the strengthen phase brings in: in its
// list and in no earlier phase's. The plan holds them back until then.
func Strengthening(lib *content.Library) []string {
	var earlier, out []string
	for _, ph := range Phases(lib) {
		if ph.ID == "strengthen" {
			for _, id := range ph.Exercises {
				if !slices.Contains(earlier, id) {
					out = append(out, id)
				}
			}
			return out
		}
		earlier = append(earlier, ph.Exercises...)
	}
	return nil
}

// AllowedExercises are the exercises a break of kind may show under ad,
// before the person's own filters. These are the plan's safety rules and
// are never dropped:
//
//   - in the first phase (protect), and while the plan is suspended
//     (urgent advice: a same-day or emergency sign), every kind of break
//     uses the first phase's list, the gentlest there is;
//   - otherwise mobility breaks use the phase's list;
//   - nothing strengthening comes before the strengthen phase;
//   - while the plan prompts walks (walk_every), rest breaks are the walk.
//
// Within a phase's list the ones that suit kind come first; when none do,
// the whole list stands (every one of them is safe now).
func AllowedExercises(lib *content.Library, ad Adaptation, kind string) []*content.Exercise {
	pool := lib.ForKind(kind)
	if !ad.Active {
		return pool
	}
	phases := Phases(lib)
	switch {
	case len(phases) > 0 && (ad.Suspended || ad.Phase == phases[0].ID):
		pool = fromList(lib, phases[0].Exercises, kind)
	case kind == "mobility" && len(ad.MobilityExercises) > 0:
		pool = fromList(lib, ad.MobilityExercises, kind)
	}
	if !ad.AllowStrengthen {
		held := Strengthening(lib)
		pool = slices.DeleteFunc(slices.Clone(pool), func(e *content.Exercise) bool { return slices.Contains(held, e.ID) })
	}
	if kind == "rest" && ad.WalkEvery > 0 {
		if walk, ok := lib.Exercise(WalkExercise); ok {
			pool = []*content.Exercise{walk}
		}
	}
	return pool
}

// fromList is the list's exercises that suit kind, or the whole list when
// none does (demos never).
func fromList(lib *content.Library, ids []string, kind string) []*content.Exercise {
	var all, suit []*content.Exercise
	for _, id := range ids {
		if e, ok := lib.Exercise(id); ok && !e.Demo {
			all = append(all, e)
			if e.Suits(kind) {
				suit = append(suit, e)
			}
		}
	}
	if len(suit) > 0 {
		return suit
	}
	return all
}

// ChooseExercise picks a break's exercise: the allowed ones (see
// AllowedExercises) less the person's disabled exercises and avoided
// areas, in a daily rotation (content.Rotate: no repeat until the pool is
// used up, then a new round). When the filters leave nothing, the rules
// still hold: the break offers the walk and says why.
func ChooseExercise(lib *content.Library, ad Adaptation, req ExerciseRequest) ExerciseChoice {
	allowed := AllowedExercises(lib, ad, req.Kind)
	cands := content.Filter(allowed, "", req.Disabled, req.Avoid)
	if len(cands) > 0 {
		return ExerciseChoice{Exercise: content.Rotate(cands, lib.Exercises, req.Shown, req.Seed), Others: len(cands) > 1}
	}
	walk, _ := lib.Exercise(WalkExercise)
	note := "Your settings (exercises turned off, areas to avoid) leave no exercise for this break, so here is a short walk instead."
	if ad.Active {
		note = "Your settings (exercises turned off, areas to avoid) leave none of the exercises your recovery plan allows now, so here is a short walk instead."
	}
	if walk == nil {
		note = "No exercise is left for this break. Stand up, look into the distance and move a little."
	}
	return ExerciseChoice{Exercise: walk, Note: note}
}
