package recovery

import (
	"math/rand/v2"
	"slices"
	"time"

	"github.com/limberapp/limber/content"
)

// Routine limits.
const (
	MinRoutineExercises = 2 // a mobility routine has at least this many, when the rules allow as many
	MaxRoutineExercises = 4
	// MinRoutineFill is the share of the break a routine fills at least.
	MinRoutineFill = 0.8
)

// RoutineRequest is what a break window asks the routine policy for.
type RoutineRequest struct {
	Kind     string        // posture, mobility, rest
	Duration time.Duration // the break's length today
	// Worked is every exercise shown today in breaks of any kind, oldest
	// first: their body areas count as worked today.
	Worked   []string
	Shown    []string // today's exercises of this kind, oldest first (the rotation)
	Disabled []string
	Avoid    []string
	Seed     int64
}

// RoutineItem is one part of a routine: a posture cue (Cue set, no
// exercise), an exercise, or, when nothing is allowed, a plain instruction
// (neither).
type RoutineItem struct {
	Exercise *content.Exercise
	Cue      *content.Cue
	Time     time.Duration // how long the routine gives it
}

// Routine is a whole break: its items in order, and a note for the window
// when it is not the usual choice.
type Routine struct {
	Items []RoutineItem
	Note  string
	// Walk is true for a rest break: stand up and walk away.
	Walk bool
}

// Total is the time of all the routine's items.
func (r Routine) Total() time.Duration {
	var t time.Duration
	for _, it := range r.Items {
		t += it.Time
	}
	return t
}

// Exercises are the routine's exercises in order.
func (r Routine) Exercises() []*content.Exercise {
	var out []*content.Exercise
	for _, it := range r.Items {
		if it.Exercise != nil {
			out = append(out, it.Exercise)
		}
	}
	return out
}

// RoutineCandidates are the exercises a routine of kind may use under ad
// and the person's filters: AllowedExercises less the disabled exercises
// and avoided areas or positions. Every exercise of a routine is one of
// these.
func RoutineCandidates(lib *content.Library, ad Adaptation, kind string, disabled, avoid []string) []*content.Exercise {
	return content.Filter(AllowedExercises(lib, ad, kind), "", disabled, avoid)
}

// WorkedAreas are the body areas of the exercises in ids.
func WorkedAreas(lib *content.Library, ids []string) map[string]bool {
	out := map[string]bool{}
	for _, id := range ids {
		if e, ok := lib.Exercise(id); ok {
			for _, a := range e.Areas {
				out[a] = true
			}
		}
	}
	return out
}

// Fresh reports whether e works none of the areas in worked.
func Fresh(e *content.Exercise, worked map[string]bool) bool {
	return !slices.ContainsFunc(e.Areas, func(a string) bool { return worked[a] })
}

// PlanRoutine builds a break as a routine that fills its duration:
//
//   - mobility: 2–4 different exercises (fewer only when the rules leave
//     fewer), those working areas not worked today first, then those not
//     shown today, each given its own time while they fit;
//   - posture: one posture cue, then one short exercise;
//   - rest: stand up and walk away (the walk) for the whole break.
//
// The items' times add up to between MinRoutineFill and all of the
// duration: when the chosen exercises' own times fall outside that, every
// item's time is scaled to fill the break. Every exercise is one of
// RoutineCandidates: the recovery phase's list, no avoided area or
// position, nothing disabled. When those leave nothing, the routine is the
// walk if that is allowed, or a plain instruction, with a note saying why.
func PlanRoutine(lib *content.Library, ad Adaptation, req RoutineRequest) Routine {
	d := req.Duration
	if d <= 0 {
		d = 30 * time.Second
	}
	cands := RoutineCandidates(lib, ad, req.Kind, req.Disabled, req.Avoid)
	var r Routine
	switch req.Kind {
	case content.KindRest:
		r = restRoutine(cands)
	case content.KindPosture:
		r = postureRoutine(lib, cands, req, d)
	default:
		r = mobilityRoutine(lib, cands, req, d)
	}
	if len(r.Items) == 0 || (len(r.Exercises()) == 0 && req.Kind != content.KindRest) {
		r = fallback(lib, ad, req)
	}
	fit(r.Items, d)
	return r
}

// restRoutine is the walk, when allowed; else a plain "walk away".
func restRoutine(cands []*content.Exercise) Routine {
	r := Routine{Walk: true}
	for _, e := range cands {
		if e.ID == WalkExercise {
			return Routine{Walk: true, Items: []RoutineItem{{Exercise: e, Time: e.Duration.D()}}}
		}
	}
	r.Items = []RoutineItem{{Time: time.Minute}}
	return r
}

// postureRoutine is one cue and one short exercise of the rotation. A cue
// that names an exercise is used only when that exercise is allowed, and
// never with the same exercise.
func postureRoutine(lib *content.Library, cands []*content.Exercise, req RoutineRequest, d time.Duration) Routine {
	if len(cands) == 0 {
		return Routine{}
	}
	ex := content.Rotate(cands, lib.Exercises, req.Shown, req.Seed)
	var cues []*content.Cue
	for _, c := range lib.Cues {
		if c.Exercise == ex.ID {
			continue
		}
		if c.Exercise == "" || slices.ContainsFunc(cands, func(e *content.Exercise) bool { return e.ID == c.Exercise }) {
			cues = append(cues, c)
		}
	}
	var items []RoutineItem
	if len(cues) > 0 {
		rng := rand.New(rand.NewPCG(uint64(req.Seed), 0x637565))
		c := cues[rng.IntN(len(cues))]
		secs := time.Duration(c.Seconds) * time.Second
		if secs <= 0 {
			secs = 20 * time.Second
		}
		items = append(items, RoutineItem{Cue: c, Time: min(secs, max(d/3, 5*time.Second))})
	}
	// The exercise has the rest of the break, or its own time if shorter
	// (then fit stretches both).
	t := ex.Duration.D()
	if len(items) > 0 {
		t = min(t, max(d-items[0].Time, time.Second))
	}
	items = append(items, RoutineItem{Exercise: ex, Time: t})
	return Routine{Items: items}
}

// mobilityRoutine picks 2–4 exercises by priority (fresh areas first, then
// not shown today, then the seed), each while it fits the break.
func mobilityRoutine(lib *content.Library, cands []*content.Exercise, req RoutineRequest, d time.Duration) Routine {
	order := RoutineOrder(lib, cands, req)
	var items []RoutineItem
	var sum time.Duration
	for _, e := range order {
		if len(items) >= MaxRoutineExercises {
			break
		}
		t := e.Duration.D()
		if len(items) < MinRoutineExercises || sum+t <= d {
			items = append(items, RoutineItem{Exercise: e, Time: t})
			sum += t
		}
	}
	return Routine{Items: items}
}

// RoutineOrder is the order in which a mobility routine takes its
// candidates: first those working none of the areas worked today (Fresh),
// then the rest; within each, those not shown today before those shown,
// and a seeded shuffle among equals. The walk, a long exercise of its own,
// comes last of its group.
func RoutineOrder(lib *content.Library, cands []*content.Exercise, req RoutineRequest) []*content.Exercise {
	worked := WorkedAreas(lib, req.Worked)
	rng := rand.New(rand.NewPCG(uint64(req.Seed), 0x726f7574))
	order := slices.Clone(cands)
	rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	rank := func(e *content.Exercise) int {
		n := 0
		if !Fresh(e, worked) {
			n += 4
		}
		if e.ID == WalkExercise {
			n += 2
		}
		if slices.Contains(req.Shown, e.ID) {
			n++
		}
		return n
	}
	slices.SortStableFunc(order, func(a, b *content.Exercise) int { return rank(a) - rank(b) })
	return order
}

// fallback is the routine when the rules and filters leave no exercise:
// the walk if the person has not turned it off or avoided what it works
// (it is safe in every phase), else a plain instruction; with a note.
func fallback(lib *content.Library, ad Adaptation, req RoutineRequest) Routine {
	note := "Your settings (exercises turned off, areas to avoid) leave no exercise for this break, so here is a short walk instead."
	if ad.Active {
		note = "Your settings (exercises turned off, areas to avoid) leave none of the exercises your recovery plan allows now, so here is a short walk instead."
	}
	// The walk is in every phase's list; it still must not be disabled
	// or avoided.
	if walk, ok := lib.Exercise(WalkExercise); ok && len(content.Filter([]*content.Exercise{walk}, "", req.Disabled, req.Avoid)) == 1 {
		return Routine{Items: []RoutineItem{{Exercise: walk, Time: walk.Duration.D()}}, Note: note, Walk: req.Kind == content.KindRest}
	}
	return Routine{Items: []RoutineItem{{Time: time.Minute}}, Note: "No exercise is left for this break. Stand up, look into the distance and move a little."}
}

// fit scales the items' times so that they fill between MinRoutineFill
// and all of d; times already in that range stay as they are. Each item
// keeps at least a second.
func fit(items []RoutineItem, d time.Duration) {
	var sum time.Duration
	for _, it := range items {
		sum += it.Time
	}
	if len(items) == 0 || sum <= 0 || (float64(sum) >= MinRoutineFill*float64(d) && sum <= d) {
		return
	}
	left := d
	for i := range items {
		if i == len(items)-1 {
			items[i].Time = left
			break
		}
		t := (time.Duration(float64(items[i].Time) * float64(d) / float64(sum))).Truncate(time.Second)
		t = max(t, time.Second)
		items[i].Time = t
		left -= t
	}
}
