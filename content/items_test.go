package content

import (
	"encoding/json"
	"testing"
)

func TestItemsJSON(t *testing.T) {
	lib, err := LoadFS(overlay(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	items := lib.Items()
	// 2 exercises, 1 cue, 2 lifting steps, 1 question, 6 checks, 2 phases, 1 flag.
	if len(items) != 15 {
		t.Fatalf("%d items, want 15", len(items))
	}
	b, err := json.Marshal(items)
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	types := map[string]int{}
	for _, m := range got {
		typ := m["type"].(string)
		types[typ]++
		for _, k := range []string{"id", "title"} {
			if s, _ := m[k].(string); s == "" {
				t.Errorf("%v: empty %s", m, k)
			}
		}
		if srcs, _ := m["sources"].([]any); len(srcs) == 0 {
			t.Errorf("%v: no sources", m)
		}
		_, hasKinds := m["kinds"]
		_, hasLevel := m["level"]
		switch typ {
		case TypeExercise:
			if !hasKinds || m["keyframes"] == nil || m["areas"] == nil {
				t.Errorf("exercise without kinds/areas/keyframes: %v", m)
			}
		case TypeRedFlag:
			if m["level"] != "emergency" {
				t.Errorf("flag level %v", m["level"])
			}
		default:
			if hasKinds || hasLevel {
				t.Errorf("%s carries exercise or flag fields: %v", typ, m)
			}
		}
	}
	want := map[string]int{TypeExercise: 2, TypeCue: 1, TypeLiftingStep: 2, TypeQuiz: 1, TypeChecklist: 6, TypeRecoveryPhase: 2, TypeRedFlag: 1}
	for k, v := range want {
		if types[k] != v {
			t.Errorf("%d items of type %s, want %d", types[k], k, v)
		}
	}
	if got[0]["id"] != "tuck" || got[0]["keyframes"] != float64(3) {
		t.Errorf("first item %v", got[0])
	}
}

func TestFind(t *testing.T) {
	lib, err := LoadFS(overlay(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"tuck": "*content.Exercise", "mistake-one": "*content.Mistake", "ice": "*content.Thermal",
		"pain": "*content.Checkin", "src-b": "*content.Source", "flag-one": "*content.RedFlag", "chk-3": "*content.ChecklistItem"} {
		v, ok := lib.Find(id)
		if !ok {
			t.Errorf("%s not found", id)
			continue
		}
		if got := typeName(v); got != want {
			t.Errorf("%s is %s, want %s", id, got, want)
		}
	}
	if _, ok := lib.Find("nothing"); ok {
		t.Error("found nothing")
	}
}

func typeName(v any) string {
	switch v.(type) {
	case *Exercise:
		return "*content.Exercise"
	case *Mistake:
		return "*content.Mistake"
	case *Thermal:
		return "*content.Thermal"
	case *Checkin:
		return "*content.Checkin"
	case *Source:
		return "*content.Source"
	case *RedFlag:
		return "*content.RedFlag"
	case *ChecklistItem:
		return "*content.ChecklistItem"
	}
	return "?"
}
