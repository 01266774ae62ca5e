package content

import (
	"encoding/json"
	"slices"
)

// Item types, as `limber content list` reports them.
const (
	TypeExercise      = "exercise"
	TypeCue           = "cue"
	TypeLiftingStep   = "lifting-step"
	TypeQuiz          = "quiz"
	TypeChecklist     = "checklist"
	TypeRecoveryPhase = "recovery-phase"
	TypeRedFlag       = "red-flag"
)

// ItemTypes lists the item types in library order.
var ItemTypes = []string{TypeExercise, TypeCue, TypeLiftingStep, TypeQuiz, TypeChecklist, TypeRecoveryPhase, TypeRedFlag}

// Item is one library item, flattened for listing.
type Item struct {
	ID      string
	Type    string
	Title   string
	Sources []string

	// Exercises only.
	Areas     []string
	Kinds     []string
	Keyframes int
	Position  string
	Demo      bool
	User      bool

	// Red flags only.
	Level string

	// Value is the item itself (*Exercise, *Cue, …).
	Value any
}

// MarshalJSON writes id, type, title and sources, plus areas, kinds,
// keyframes and position for exercises and level for red flags.
func (it Item) MarshalJSON() ([]byte, error) {
	m := map[string]any{"id": it.ID, "type": it.Type, "title": it.Title, "sources": nonNil(it.Sources)}
	switch it.Type {
	case TypeExercise:
		m["areas"] = nonNil(it.Areas)
		m["kinds"] = nonNil(it.Kinds)
		m["keyframes"] = it.Keyframes
		m["position"] = it.Position
		if it.Demo {
			m["demo"] = true
		}
		if it.User {
			m["user"] = true
		}
	case TypeRedFlag:
		m["level"] = it.Level
	}
	return json.Marshal(m)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Items returns every item of the listed types, in library order.
func (l *Library) Items() []Item {
	var out []Item
	for _, e := range l.Exercises {
		out = append(out, Item{ID: e.ID, Type: TypeExercise, Title: e.Name, Sources: e.Sources, Areas: e.Areas, Kinds: e.Kinds,
			Keyframes: len(e.Keyframes), Position: e.Position, Demo: e.Demo, User: e.User, Value: e})
	}
	for _, c := range l.Cues {
		out = append(out, Item{ID: c.ID, Type: TypeCue, Title: c.Title, Sources: c.Sources, Value: c})
	}
	for _, s := range l.LiftingSteps {
		out = append(out, Item{ID: s.ID, Type: TypeLiftingStep, Title: s.Title, Sources: s.Sources, Value: s})
	}
	for _, q := range l.Quiz {
		out = append(out, Item{ID: q.ID, Type: TypeQuiz, Title: q.Question, Sources: q.Sources, Value: q})
	}
	for _, c := range l.Checklist {
		out = append(out, Item{ID: c.ID, Type: TypeChecklist, Title: c.Check, Sources: c.Sources, Value: c})
	}
	for _, p := range l.Phases {
		out = append(out, Item{ID: p.ID, Type: TypeRecoveryPhase, Title: p.Title, Sources: p.Sources, Value: p})
	}
	for _, f := range l.RedFlags {
		out = append(out, Item{ID: f.ID, Type: TypeRedFlag, Title: f.Title, Sources: f.Sources, Level: f.Level, Value: f})
	}
	return out
}

// Find returns any item by id, including lifting mistakes, ice and heat
// rules and check-in questions, which Items does not list; the value is
// the item's pointer (*Exercise, *Mistake, …).
func (l *Library) Find(id string) (any, bool) {
	for _, it := range l.Items() {
		if it.ID == id {
			return it.Value, true
		}
	}
	if i := slices.IndexFunc(l.Mistakes, func(m *Mistake) bool { return m.ID == id }); i >= 0 {
		return l.Mistakes[i], true
	}
	if i := slices.IndexFunc(l.Thermal, func(t *Thermal) bool { return t.ID == id }); i >= 0 {
		return l.Thermal[i], true
	}
	if i := slices.IndexFunc(l.Checkins, func(c *Checkin) bool { return c.ID == id }); i >= 0 {
		return l.Checkins[i], true
	}
	if s, ok := l.Sources[id]; ok {
		return s, true
	}
	return nil, false
}
