package workstation

import (
	"strings"
	"testing"
	"time"
)

var day1 = time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC)
var day2 = time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC)

func TestNewCheckScoresAndCopies(t *testing.T) {
	ans := Answers{"a": No, "b": Yes, "c": Yes}
	c := NewCheck(testItems, DeskMonitor, ans, 170, day1)
	ans["a"] = Yes
	if c.Answers["a"] != No {
		t.Error("check shares the answers map")
	}
	if chair, _ := c.Result.Area("chair"); chair.Score != 25 || c.Result.Overall != 50 {
		t.Errorf("result %+v", c.Result)
	}
}

func TestCompare(t *testing.T) {
	prev := NewCheck(testItems, DeskMonitor, Answers{"a": No, "b": Yes, "c": Yes}, 0, day1)
	cur := NewCheck(testItems, DeskMonitor, Answers{"a": Yes, "b": Yes, "c": No}, 0, day2)
	ch := Compare(prev, cur)
	if len(ch) != 2 {
		t.Fatalf("changes %+v", ch)
	}
	chair, _ := Change(ch, "chair")
	desk, _ := Change(ch, "desk")
	if chair.Before != 25 || chair.After != 100 || chair.Delta != 75 || desk.Delta != -100 {
		t.Errorf("chair %+v desk %+v", chair, desk)
	}
	// An area not scored before is not compared.
	prev2 := NewCheck(testItems, DeskMonitor, Answers{"a": Yes}, 0, day1)
	if _, ok := Change(Compare(prev2, cur), "desk"); ok {
		t.Error("desk compared though unanswered before")
	}
}

func TestFinishEndsDraft(t *testing.T) {
	s := State{Version: StateVersion, Draft: &Draft{Setup: DeskMonitor, Step: "chair", Answers: Answers{"a": Yes}}}
	s.Finish(NewCheck(testItems, DeskMonitor, Answers{"a": Yes}, 0, day1))
	s.Finish(NewCheck(testItems, DeskMonitor, Answers{"a": No}, 0, day2))
	if s.Draft != nil || len(s.History) != 2 {
		t.Fatalf("state %+v", s)
	}
	last, ok := s.History.Last()
	if !ok || !last.Date.Equal(day2) {
		t.Errorf("last %+v", last)
	}
	if prev, ok := s.History.Before(1); !ok || !prev.Date.Equal(day1) {
		t.Errorf("before %+v", prev)
	}
	if _, ok := s.History.Before(0); ok {
		t.Error("a check before the first")
	}
}

func TestDraftEmpty(t *testing.T) {
	var nilDraft *Draft
	if !nilDraft.Empty() || !(&Draft{Step: StepIntro}).Empty() {
		t.Error("empty drafts not empty")
	}
	for _, d := range []*Draft{{Step: "chair"}, {Answers: Answers{"a": No}}, {SetupSet: true}, {HeightText: "170"}} {
		if d.Empty() {
			t.Errorf("%+v reported empty", d)
		}
	}
}

func TestValidateNamesField(t *testing.T) {
	cases := []struct {
		s    State
		want string
	}{
		{State{Version: 2}, "version: 2"},
		{State{Version: 1, Draft: &Draft{Setup: "boat"}}, `draft.setup: unknown set-up "boat"`},
		{State{Version: 1, Draft: &Draft{Setup: DeskMonitor, Answers: Answers{"x": "maybe"}}}, `draft.answers["x"]: "maybe" is not an answer`},
		{State{Version: 1, Draft: &Draft{Setup: DeskMonitor, HeightUnit: "ft"}}, `draft.height_unit: "ft"`},
		{State{Version: 1, History: History{{Setup: DeskMonitor}}}, "history[0].date: missing"},
		{State{Version: 1, History: History{{Date: day1, Setup: DeskMonitor, HeightCm: 20}}}, "history[0].height_cm: 20"},
		{State{Version: 1, History: History{{Date: day1, Setup: DeskMonitor}, {Date: day2, Setup: DeskMonitor, Answers: Answers{"b": "Y"}}}}, `history[1].answers["b"]`},
	}
	for _, c := range cases {
		err := c.s.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Validate(%+v) = %v, want %q", c.s, err, c.want)
		}
	}
	ok := State{Version: 1, Draft: &Draft{Setup: LaptopOnly, Answers: Answers{"a": Unsure}}, History: History{NewCheck(testItems, DeskMonitor, Answers{"a": No}, 180, day1)}}
	if err := ok.Validate(); err != nil {
		t.Error(err)
	}
}

func TestCheckinData(t *testing.T) {
	ans := Answers{"a": No, "c": Yes}
	r := Score(testItems, DeskMonitor, ans)
	d := CheckinData(DeskMonitor, ans, r)
	a, ok := d["answers"].(map[string]any)
	if !ok || a["a"] != "no" || a["c"] != "yes" || len(a) != 2 {
		t.Errorf("answers %#v", d["answers"])
	}
	if d["score"] != r.Overall || d["answered"] != 2 || d["items"] != 3 || d["setup"] != "desk-monitor" || d["quick"] != true {
		t.Errorf("data %#v", d)
	}
}
