package workstation

import (
	"testing"

	"github.com/limberapp/limber/content"
)

// items is a small checklist: chair a (impact 3), b (1); desk c (2);
// laptop d (2, laptop-only).
var testItems = []*content.ChecklistItem{
	{ID: "a", Area: "chair", Impact: 3, Check: "A?", Fix: "Fix A."},
	{ID: "b", Area: "chair", Impact: 1, Check: "B?", Fix: "Fix B."},
	{ID: "c", Area: "desk", Impact: 2, Check: "C?", Fix: "Fix C."},
	{ID: "d", Area: "laptop", Impact: 2, Check: "D?", Fix: "Fix D.", AppliesTo: []string{"laptop-only"}},
}

func TestScore(t *testing.T) {
	cases := []struct {
		name     string
		setup    Setup
		answers  Answers
		chair    float64
		desk     float64
		overall  float64
		answered int
		items    int
	}{
		{"all yes", DeskMonitor, Answers{"a": Yes, "b": Yes, "c": Yes}, 100, 100, 100, 3, 3},
		{"all no", DeskMonitor, Answers{"a": No, "b": No, "c": No}, 0, 0, 0, 3, 3},
		// chair: (3·0 + 1·1)/4 = 25; desk 0.5 → 50; overall (0+1+1)/6 = 33.3
		{"weighted", DeskMonitor, Answers{"a": No, "b": Yes, "c": Unsure}, 25, 50, 33.3, 3, 3},
		// chair: (3·1 + 1·0)/4 = 75
		{"impact weighs", DeskMonitor, Answers{"a": Yes, "b": No, "c": Yes}, 75, 100, 83.3, 3, 3},
		// unanswered b is left out: chair 3·0.5/3 = 50; overall (1.5+2)/5 = 70
		{"unanswered left out", DeskMonitor, Answers{"a": Unsure, "c": Yes}, 50, 100, 70, 2, 3},
		// d does not apply to desk-monitor even when answered
		{"not applicable ignored", DeskMonitor, Answers{"a": Yes, "b": Yes, "c": Yes, "d": No}, 100, 100, 100, 3, 3},
		// laptop-only counts d: overall (3+1+2+0)/8 = 75
		{"laptop counts", LaptopOnly, Answers{"a": Yes, "b": Yes, "c": Yes, "d": No}, 100, 100, 75, 4, 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Score(testItems, c.setup, c.answers)
			chair, _ := r.Area("chair")
			desk, _ := r.Area("desk")
			if chair.Score != c.chair || desk.Score != c.desk || r.Overall != c.overall {
				t.Errorf("chair %v desk %v overall %v; want %v %v %v", chair.Score, desk.Score, r.Overall, c.chair, c.desk, c.overall)
			}
			if r.Answered != c.answered || r.Items != c.items {
				t.Errorf("answered %d of %d; want %d of %d", r.Answered, r.Items, c.answered, c.items)
			}
		})
	}
}

func TestScoreAreasFollowSetup(t *testing.T) {
	r := Score(testItems, DeskMonitor, nil)
	if _, ok := r.Area("laptop"); ok {
		t.Error("desk-monitor has a laptop area")
	}
	if len(r.Areas) != 2 || r.Areas[0].Area != "chair" || r.Areas[1].Area != "desk" {
		t.Errorf("areas %+v", r.Areas)
	}
	if r.Areas[0].Scored() || r.Answered != 0 {
		t.Error("no answers but scored")
	}
	r = Score(testItems, LaptopOnly, Answers{"d": No})
	l, ok := r.Area("laptop")
	if !ok || !l.Scored() || l.Score != 0 || l.No != 1 {
		t.Errorf("laptop area %+v", l)
	}
}

func TestScoreRealChecklist(t *testing.T) {
	lib := library(t)
	all := Answers{}
	for _, it := range lib.Checklist {
		all[it.ID] = Yes
	}
	for _, s := range Setups {
		r := Score(lib.Checklist, s, all)
		if r.Overall != 100 || r.Answered != r.Items || r.Items == 0 {
			t.Errorf("%s: %+v", s, r)
		}
	}
	// 41 items: 3 laptop (2 for laptop-external), 2 sit-stand only.
	if n := Score(lib.Checklist, DeskMonitor, nil).Items; n != 36 {
		t.Errorf("desk-monitor has %d items, want 36", n)
	}
	if n := Score(lib.Checklist, LaptopOnly, nil).Items; n != 39 {
		t.Errorf("laptop-only has %d items, want 39", n)
	}
	if n := Score(lib.Checklist, SitStand, nil).Items; n != 38 {
		t.Errorf("sit-stand has %d items, want 38", n)
	}
}

func TestParseAnswer(t *testing.T) {
	for _, v := range []string{"yes", "no", "unsure"} {
		if a, err := ParseAnswer(v); err != nil || string(a) != v {
			t.Errorf("%s: %v %v", v, a, err)
		}
	}
	if _, err := ParseAnswer("maybe"); err == nil {
		t.Error("maybe accepted")
	}
	for _, a := range []Answer{Yes, No, Unsure} {
		if AnswerFromLabel(a.Label()) != a {
			t.Errorf("label round trip %q", a)
		}
	}
	if AnswerFromLabel("") != "" {
		t.Error("empty label")
	}
}
