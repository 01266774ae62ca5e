package content

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// PostureMax is the longest an exercise offered in a posture break may take.
const PostureMax = time.Minute

// validator checks a decoded library and records Errors on its loader.
type validator struct {
	ld *loader
}

// item is the position of one item for messages.
type item struct {
	file, what, id string
	line           int
}

func (v *validator) at(file, what, id string, n int) item {
	return item{file: file, what: what, id: id, line: v.ld.lineOf(file, id, n)}
}

func (v *validator) fail(it item, field, format string, args ...any) {
	f := fmt.Sprintf("%s %q", it.what, it.id)
	if it.id == "" {
		f = it.what
	}
	if field != "" {
		f += ": " + field
	}
	v.ld.fail(it.file, it.line, f, format, args...)
}

// occurrences counts ids per file so duplicates find their own line.
type occurrences map[string]int

func (o occurrences) next(file, id string) int {
	k := file + "\x00" + id
	n := o[k]
	o[k] = n + 1
	return n
}

func (v *validator) sources(list []*Source) {
	occ := occurrences{}
	for i, s := range list {
		it := v.at("sources.toml", "source", s.ID, occ.next("sources.toml", s.ID))
		if s.ID == "" {
			it.what = fmt.Sprintf("source #%d", i+1)
		}
		v.required(it, map[string]string{"id": s.ID, "title": s.Title, "publisher": s.Publisher})
		if s.ID == "" {
			continue
		}
		if !idPattern.MatchString(s.ID) {
			v.fail(it, "id", "must be lowercase words joined by hyphens")
		}
		if _, dup := v.ld.lib.Sources[s.ID]; dup {
			v.fail(it, "id", "duplicate source id")
			continue
		}
		v.ld.lib.Sources[s.ID] = s
	}
}

func (v *validator) required(it item, fields map[string]string) {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if strings.TrimSpace(fields[k]) == "" {
			v.fail(it, k, "missing (required)")
		}
	}
}

func (v *validator) requiredList(it item, field string, list []string) {
	if len(list) == 0 {
		v.fail(it, field, "missing (required: a non-empty list)")
	}
	for i, s := range list {
		if strings.TrimSpace(s) == "" {
			v.fail(it, fmt.Sprintf("%s[%d]", field, i+1), "empty text")
		}
	}
}

func (v *validator) oneOf(it item, field, val string, allowed []string) {
	if !slices.Contains(allowed, val) {
		v.fail(it, field, "%q is not one of %s", val, strings.Join(allowed, ", "))
	}
}

func (v *validator) refs(it item, field string, srcs []string) {
	if len(srcs) == 0 {
		v.fail(it, field, "missing (every item needs at least one source)")
	}
	for _, s := range srcs {
		if _, ok := v.ld.lib.Sources[s]; !ok && !v.ld.broken("sources.toml") {
			v.fail(it, field, "unknown source id %q (not in sources.toml)", s)
		}
	}
}

// claim registers an id as used, reporting a duplicate or a bad id.
func (v *validator) claim(it item, ids map[string]string) bool {
	if it.id == "" {
		v.fail(it, "id", "missing (required)")
		return false
	}
	if !idPattern.MatchString(it.id) {
		v.fail(it, "id", "must be lowercase words joined by hyphens")
	}
	where := fmt.Sprintf("%s:%d", it.file, it.line)
	if prev, dup := ids[it.id]; dup {
		v.fail(it, "id", "duplicate id (already used at %s)", prev)
		return false
	}
	ids[it.id] = where
	return true
}

// library checks every item and the references between them.
func (v *validator) library() {
	l := v.ld.lib
	occ := occurrences{}
	at := func(file, what, id string) item { return v.at(file, what, id, occ.next(file, id)) }

	for _, e := range l.Exercises {
		v.exercise(e, l.ids)
	}
	for _, c := range l.Cues {
		it := at("cues.toml", "cue", c.ID)
		v.claim(it, l.ids)
		v.required(it, map[string]string{"title": c.Title, "text": c.Text, "why": c.Why})
		if c.Seconds <= 0 {
			v.fail(it, "seconds", "must be more than zero")
		}
		if c.Exercise != "" {
			if _, ok := l.Exercise(c.Exercise); !ok && !v.ld.broken(ExerciseDir) {
				v.fail(it, "exercise", "unknown exercise id %q", c.Exercise)
			}
		}
		v.refs(it, "sources", c.Sources)
	}
	orders := map[int]string{}
	for _, s := range l.LiftingSteps {
		it := at("lifting.toml", "step", s.ID)
		v.claim(it, l.ids)
		v.required(it, map[string]string{"title": s.Title, "text": s.Text})
		if s.Order <= 0 {
			v.fail(it, "order", "must be 1 or more")
		} else if prev, dup := orders[s.Order]; dup {
			v.fail(it, "order", "%d is also the order of %q", s.Order, prev)
		}
		orders[s.Order] = s.ID
		v.refs(it, "sources", s.Sources)
	}
	slices.SortStableFunc(l.LiftingSteps, func(a, b *LiftingStep) int { return a.Order - b.Order })
	for _, m := range l.Mistakes {
		it := at("lifting.toml", "mistake", m.ID)
		v.claim(it, l.ids)
		v.required(it, map[string]string{"title": m.Title, "text": m.Text, "fix": m.Fix})
		v.refs(it, "sources", m.Sources)
	}
	for _, q := range l.Quiz {
		it := at("quiz.toml", "question", q.ID)
		v.claim(it, l.ids)
		v.required(it, map[string]string{"question": q.Question, "explanation": q.Explanation})
		if len(q.Choices) < 3 || len(q.Choices) > 4 {
			v.fail(it, "choices", "has %d choices (expected 3 or 4)", len(q.Choices))
		}
		v.requiredList(it, "choices", q.Choices)
		if q.Answer < 0 || q.Answer >= len(q.Choices) {
			v.fail(it, "answer", "%d is not a choice index (0-based, expected 0..%d)", q.Answer, len(q.Choices)-1)
		}
		v.refs(it, "sources", q.Sources)
	}
	quick := 0
	for _, c := range l.Checklist {
		it := at("checklist.toml", "item", c.ID)
		v.claim(it, l.ids)
		v.required(it, map[string]string{"area": c.Area, "check": c.Check, "target": c.Target, "fix": c.Fix})
		if c.Area != "" {
			v.oneOf(it, "area", c.Area, ChecklistAreas)
		}
		if c.Impact < 1 || c.Impact > 3 {
			v.fail(it, "impact", "%d is outside 1..3", c.Impact)
		}
		for _, a := range c.AppliesTo {
			v.oneOf(it, "applies_to", a, SetupKinds)
		}
		if c.Quick {
			quick++
		}
		v.refs(it, "sources", c.Sources)
	}
	if len(l.Checklist) > 0 && quick != QuickChecks {
		v.ld.fail("checklist.toml", 0, "quick", "%d items have quick = true (expected exactly %d)", quick, QuickChecks)
	}
	for _, p := range l.Phases {
		it := at("recovery.toml", "phase", p.ID)
		if v.claim(it, l.ids) {
			v.oneOf(it, "id", p.ID, PhaseIDs)
		}
		v.required(it, map[string]string{"title": p.Title, "summary": p.Summary, "advance_when": p.AdvanceWhen})
		v.requiredList(it, "do", p.Do)
		if p.Order <= 0 {
			v.fail(it, "order", "must be 1 or more")
		}
		if p.FromDay < 0 || (p.ToDay != 0 && p.ToDay <= p.FromDay) {
			v.fail(it, "to_day", "the window %d..%d is empty (to_day is 0 for open-ended, else more than from_day)", p.FromDay, p.ToDay)
		}
		if p.MaxPainToAdvance < 0 || p.MaxPainToAdvance > 10 {
			v.fail(it, "max_pain_to_advance", "%d is outside 0..10", p.MaxPainToAdvance)
		}
		for _, x := range p.Exercises {
			if _, ok := l.Exercise(x); !ok && !v.ld.broken(ExerciseDir) {
				v.fail(it, "exercises", "unknown exercise id %q", x)
			}
		}
		v.refs(it, "sources", p.Sources)
	}
	slices.SortStableFunc(l.Phases, func(a, b *Phase) int { return a.Order - b.Order })
	for _, t := range l.Thermal {
		it := at("recovery.toml", "thermal", t.ID)
		if v.claim(it, l.ids) {
			v.oneOf(it, "id", t.ID, []string{"ice", "heat"})
		}
		v.required(it, map[string]string{"title": t.Title})
		v.requiredList(it, "rules", t.Rules)
		if t.MaxMinutes <= 0 || t.MinMinutes < 0 || t.MinMinutes > t.MaxMinutes {
			v.fail(it, "max_minutes", "min_minutes %d and max_minutes %d do not make a range", t.MinMinutes, t.MaxMinutes)
		}
		if t.GapMinutes < 0 {
			v.fail(it, "gap_minutes", "must not be negative")
		}
		for _, ph := range t.Phases {
			if _, ok := l.Phase(ph); !ok && !v.ld.broken("recovery.toml") {
				v.fail(it, "phases", "unknown phase id %q", ph)
			}
		}
		v.refs(it, "sources", t.Sources)
	}
	for _, c := range l.Checkins {
		it := at("recovery.toml", "checkin", c.ID)
		v.claim(it, l.ids)
		v.required(it, map[string]string{"question": c.Question, "type": c.Type})
		if c.Type != "" {
			v.oneOf(it, "type", c.Type, []string{"scale", "yesno", "choice"})
		}
		if c.Type == "choice" && len(c.Choices) < 2 {
			v.fail(it, "choices", "a choice question needs at least 2 choices")
		}
		v.refs(it, "sources", c.Sources)
	}
	for _, f := range l.RedFlags {
		it := at("redflags.toml", "flag", f.ID)
		v.claim(it, l.ids)
		v.required(it, map[string]string{"level": f.Level, "title": f.Title, "question": f.Question, "text": f.Text, "action": f.Action})
		if f.Level != "" {
			v.oneOf(it, "level", f.Level, FlagLevels)
		}
		v.refs(it, "sources", f.Sources)
	}
	for _, c := range l.Cautions {
		it := at("cautions.toml", "caution", c.ID)
		v.claim(it, l.ids)
		v.required(it, map[string]string{"where": c.Where, "text": c.Text})
		if c.Where != "" {
			v.oneOf(it, "where", c.Where, CautionPlaces)
		}
		v.requiredList(it, "sources", c.Sources)
		v.refs(it, "sources", c.Sources)
	}
}

// Allowed values of the other files' fields.
var (
	ChecklistAreas = []string{"chair", "desk", "monitor", "keyboard-mouse", "laptop", "lighting", "habits"}
	SetupKinds     = []string{"desk-monitor", "laptop-only", "laptop-external", "sit-stand", "multi-monitor"}
	PhaseIDs       = []string{"protect", "mobilize", "strengthen", "return", "prevent"}
	FlagLevels     = []string{"emergency", "same-day", "routine"}
)

// QuickChecks is how many checklist items the quick check uses.
const QuickChecks = 5

// exercise checks one exercise, registers its id in ids and resolves its
// animation.
func (v *validator) exercise(e *Exercise, ids map[string]string) {
	occ := v.exOcc()
	it := v.at(e.File, "exercise", e.ID, occ.next(e.File, e.ID))
	e.Line = it.line
	v.claim(it, ids)
	v.required(it, map[string]string{"name": e.Name, "why": e.Why, "position": e.Position})
	if len(e.Areas) == 0 {
		v.fail(it, "areas", "missing (required: a non-empty list)")
	}
	for _, a := range e.Areas {
		v.oneOf(it, "areas", a, Areas)
	}
	if e.Position != "" {
		v.oneOf(it, "position", e.Position, Positions)
	}
	for _, k := range e.Kinds {
		v.oneOf(it, "kinds", k, Kinds)
	}
	switch {
	case e.Demo && len(e.Kinds) > 0:
		v.fail(it, "kinds", "a demo is never offered as a break: kinds must be empty")
	case !e.Demo && len(e.Kinds) == 0:
		v.fail(it, "kinds", "missing (suits no break kind; expected some of %s)", strings.Join(Kinds, ", "))
	}
	if e.Position == "floor" && e.Suits(KindPosture) {
		v.fail(it, "kinds", "a floor exercise cannot be offered in a posture break")
	}
	if e.Duration <= 0 {
		v.fail(it, "duration", "missing (required: a Go duration such as \"30s\")")
	} else if e.Suits(KindPosture) && e.Duration.D() > PostureMax {
		v.fail(it, "duration", "%s is too long for a posture break (at most %s)", e.Duration.D(), PostureMax)
	}
	var total time.Duration
	for _, s := range e.Steps {
		total += s.Duration()
	}
	if e.Duration > 0 && total > e.Duration.D() {
		v.fail(it, "duration", "%s is shorter than its steps take (%s)", e.Duration.D(), total)
	}
	v.requiredList(it, "cautions", e.Cautions)
	v.refs(it, "sources", e.Sources)
	view, err := ParseView(e.View)
	if err != nil {
		v.fail(it, "view", "%v", err)
	}
	if _, err := ParseFraming(e.Frame); err != nil {
		v.fail(it, "frame", "%v", err)
	}
	e.View = string(view)
	for i, p := range e.Props {
		if _, ok := propShapes[p.Kind]; !ok {
			v.fail(it, fmt.Sprintf("props[%d].kind", i+1), "unknown prop %q (expected one of %s)", p.Kind, strings.Join(PropKinds(), ", "))
		}
	}
	if len(e.Steps) == 0 {
		v.fail(it, "steps", "missing (required: at least one step)")
	}
	for i, s := range e.Steps {
		f := fmt.Sprintf("steps[%d]", i+1)
		if strings.TrimSpace(s.Text) == "" {
			v.fail(it, f+".text", "missing (required)")
		}
		switch {
		case s.Hold > 0 && s.Reps != 0:
			v.fail(it, f, "has both hold and reps (expected one)")
		case s.Hold == 0 && s.Reps <= 0:
			v.fail(it, f, "needs a hold (\"15s\") or reps (a count above zero)")
		}
		if s.Rep > 0 && s.Reps == 0 {
			v.fail(it, f+".rep", "rep is the time per repetition: only with reps")
		}
		if s.Side != "" {
			v.oneOf(it, f+".side", s.Side, []string{"both", "left", "right", "each"})
		}
		if s.Ref != "" && !v.ld.broken("lifting.toml") && !slices.ContainsFunc(v.ld.lib.LiftingSteps, func(ls *LiftingStep) bool { return ls.ID == s.Ref }) {
			v.fail(it, f+".ref", "unknown lifting step id %q", s.Ref)
		}
	}
	v.keyframes(it, e)
}

// exOcc returns the loader's id occurrence counter for exercises.
func (v *validator) exOcc() occurrences {
	if v.ld.occ == nil {
		v.ld.occ = occurrences{}
	}
	return v.ld.occ
}

// MinKeyframes is the fewest keyframes an exercise may have: it must move.
const MinKeyframes = 2

func (v *validator) keyframes(it item, e *Exercise) {
	if len(e.Keyframes) < MinKeyframes {
		v.fail(it, "keyframes", "has %d (expected at least %d: the figure must move)", len(e.Keyframes), MinKeyframes)
	}
	baseName := e.Base
	if baseName == "" {
		switch e.Position {
		case "seated":
			baseName = "seated"
		case "standing":
			baseName = "standing"
		default:
			v.fail(it, "base", "missing (required for position %q; expected one of %s)", e.Position, strings.Join(BaseNames(), ", "))
			return
		}
	}
	if _, err := BasePose(baseName); err != nil {
		v.fail(it, "base", "%v", err)
		return
	}
	var keys []Key
	seen := make([]bool, len(e.Steps))
	last := 0
	for i, k := range e.Keyframes {
		f := fmt.Sprintf("keyframes[%d]", i+1)
		bad := false
		if k.Step < 1 || k.Step > len(e.Steps) {
			v.fail(it, f+".step", "%d is not a step number (expected 1..%d)", k.Step, len(e.Steps))
			bad = true
		} else {
			if k.Step < last {
				v.fail(it, f+".step", "%d comes after step %d (keyframes follow the steps in order)", k.Step, last)
			}
			last = k.Step
			seen[k.Step-1] = true
		}
		bn := baseName
		if k.Base != "" {
			bn = k.Base
		}
		pose, err := BasePose(bn)
		if err != nil {
			v.fail(it, f+".base", "%v", err)
			continue
		}
		if k.Like != 0 {
			if k.Like < 1 || k.Like > i {
				v.fail(it, f+".like", "%d is not an earlier keyframe (expected 1..%d)", k.Like, i)
				continue
			}
			if k.Like-1 < len(keys) {
				pose = keys[k.Like-1].Pose
			}
		}
		if k.Anchor != "" {
			a, ok := anchorNames[k.Anchor]
			if !ok {
				v.fail(it, f+".anchor", "unknown anchor %q (expected feet, seat, floor or none)", k.Anchor)
			}
			pose.Anchor = a
		}
		for name := range k.Pose {
			if _, ok := ResolveParamName(name); !ok {
				v.fail(it, f+".pose."+name, "unknown pose parameter (see content.Params for the list)")
				bad = true
			}
		}
		if !bad {
			_ = pose.Apply(k.Pose)
		}
		if k.Mirror {
			pose = pose.Mirror()
		}
		for _, err := range pose.CheckLimits() {
			v.fail(it, f+".pose", "%v", err)
			bad = true
		}
		ease, err := ParseEase(k.Ease)
		if err != nil {
			v.fail(it, f+".ease", "%v", err)
		}
		move := k.Move.D()
		if move == 0 {
			move = defaultMove
		}
		if bad {
			continue
		}
		keys = append(keys, Key{Pose: pose, Move: move, Ease: ease, Hold: k.Hold.D(), Step: k.Step - 1})
	}
	for i, s := range seen {
		if !s {
			v.fail(it, fmt.Sprintf("steps[%d]", i+1), "no keyframe shows this step")
		}
	}
	e.anim = NewAnimation(keys)
}
