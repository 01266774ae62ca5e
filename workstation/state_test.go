package workstation

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestStateRoundTrip(t *testing.T) {
	s := State{Draft: &Draft{Setup: LaptopExternal, SetupSet: true, Step: "monitor", Answers: Answers{"a": No, "c": Unsure}, HeightText: "5'9", HeightUnit: UnitIn, Started: day1, Updated: day2}}
	s.History = History{NewCheck(testItems, DeskMonitor, Answers{"a": Yes, "b": No}, 172, day1)}
	data, err := json.Marshal(s) // Version 0: MarshalJSON writes the current one
	if err != nil {
		t.Fatal(err)
	}
	var got State
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if err := got.Validate(); err != nil {
		t.Fatal(err)
	}
	if got.Version != StateVersion || got.Draft == nil || got.Draft.Step != "monitor" || got.Draft.Answers["a"] != No ||
		got.Draft.Setup != LaptopExternal || !got.Draft.SetupSet || got.Draft.HeightText != "5'9" || !got.Draft.Updated.Equal(day2) {
		t.Errorf("draft %+v", got.Draft)
	}
	if len(got.History) != 1 || got.History[0].HeightCm != 172 || got.History[0].Answers["b"] != No {
		t.Errorf("history %+v", got.History)
	}
	if chair, _ := got.History[0].Result.Area("chair"); chair.Score != 75 {
		t.Errorf("saved result %+v", got.History[0].Result)
	}
}

func TestNewStateIsValidAndEmpty(t *testing.T) {
	s := NewState()
	if err := s.Validate(); err != nil || s.Draft != nil || len(s.History) != 0 || s.History == nil {
		t.Errorf("%+v, %v", s, err)
	}
	data, _ := json.Marshal(State{})
	if !strings.Contains(string(data), `"history":[]`) || !strings.Contains(string(data), `"version":1`) {
		t.Errorf("empty state written as %s", data)
	}
}

func TestInvalidStateIsRejectedNamingTheField(t *testing.T) {
	for name, c := range map[string]struct{ data, want string }{
		"bad answer": {`{"version": 1, "draft": {"setup": "desk-monitor", "answers": {"chair-base": "perhaps"}}}`, `draft.answers["chair-base"]`},
		"version":    {`{"version": 3}`, "version: 3"},
	} {
		var s State
		if err := json.Unmarshal([]byte(c.data), &s); err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want it to name %s", name, err, c.want)
		}
	}
}
