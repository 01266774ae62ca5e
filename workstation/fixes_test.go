package workstation

import (
	"slices"
	"testing"

	"github.com/limberapp/limber/content"
)

func fixIDs(fs []Fix) []string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.Item.ID)
	}
	return ids
}

func TestFixesByImpactThenArea(t *testing.T) {
	items := []*content.ChecklistItem{
		{ID: "habit-low", Area: "habits", Impact: 1},
		{ID: "desk-high", Area: "desk", Impact: 3},
		{ID: "chair-mid", Area: "chair", Impact: 2},
		{ID: "chair-high", Area: "chair", Impact: 3},
		{ID: "monitor-mid", Area: "monitor", Impact: 2},
		{ID: "chair-mid-2", Area: "chair", Impact: 2},
		{ID: "fine", Area: "chair", Impact: 3},
		{ID: "laptop", Area: "laptop", Impact: 3, AppliesTo: []string{"laptop-only"}},
	}
	ans := Answers{"habit-low": No, "desk-high": No, "chair-mid": No, "chair-high": No, "monitor-mid": No, "chair-mid-2": No, "fine": Yes, "laptop": No}
	got := fixIDs(Fixes(items, DeskMonitor, ans, No))
	want := []string{"chair-high", "desk-high", "chair-mid", "chair-mid-2", "monitor-mid", "habit-low"}
	if !slices.Equal(got, want) {
		t.Errorf("fixes %v, want %v", got, want)
	}
	got = fixIDs(Fixes(items, LaptopOnly, ans, No))
	if got[0] != "chair-high" || got[2] != "laptop" {
		t.Errorf("laptop-only fixes %v", got)
	}
}

func TestFixesForUnsure(t *testing.T) {
	ans := Answers{"a": Unsure, "b": No, "c": Unsure}
	if got := fixIDs(Fixes(testItems, DeskMonitor, ans, Unsure)); !slices.Equal(got, []string{"a", "c"}) {
		t.Errorf("unsure %v", got)
	}
	if got := Fixes(testItems, DeskMonitor, Answers{}, No); len(got) != 0 {
		t.Errorf("no answers gave fixes %v", fixIDs(got))
	}
}

func TestImpactName(t *testing.T) {
	if ImpactName(3) != "high impact" || ImpactName(2) != "medium impact" || ImpactName(1) != "low impact" {
		t.Error(ImpactName(3), ImpactName(2), ImpactName(1))
	}
}
