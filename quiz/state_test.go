package quiz

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestStateRoundTrip(t *testing.T) {
	clk := newClock()
	d := NewDeck(nil, clk.now)
	d.Begin(bank, 3, 1)
	d.Answer("a", true)
	d.Answer("b", false)
	saved := *d.State()
	saved.Version = 0 // MarshalJSON writes the current version whatever the value says
	data, err := json.Marshal(saved)
	if err != nil {
		t.Fatal(err)
	}
	st := NewState()
	if err := json.Unmarshal(data, st); err != nil {
		t.Fatal(err)
	}
	if err := st.Validate(); err != nil {
		t.Fatal(err)
	}
	if st.Version != StateVersion || st.Sessions != 1 || st.Cards["a"].Box != 2 || st.Cards["b"].Box != 1 || !st.Cards["b"].Wrong || !st.Cards["a"].Last.Equal(clk.t) {
		t.Fatalf("round trip: %+v a=%+v b=%+v", st, st.Cards["a"], st.Cards["b"])
	}
	// The loaded state schedules as the saved one did.
	if got := NewDeck(st, clk.now).Begin(bank, 1, 5); got[0] != "b" {
		t.Fatalf("after reload the missed question should come first, got %v", got)
	}
}

func TestValidateFillsAbsentCards(t *testing.T) {
	st := &State{Version: StateVersion}
	if err := st.Validate(); err != nil || st.Cards == nil {
		t.Fatalf("%v %+v", err, st)
	}
}

func TestInvalidStateIsRejectedNamingTheField(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"wrong version", `{"version": 7, "sessions": 1, "cards": {}}`, `field "version": 7`},
		{"box out of range", `{"version": 1, "sessions": 2, "cards": {"quiz-x": {"box": 9, "due": 3}}}`, `"cards.quiz-x.box": 9; expected 1 to 5`},
		{"negative sessions", `{"version": 1, "sessions": -1}`, `"sessions": -1`},
		{"null card", `{"version": 1, "cards": {"q": null}}`, `"cards.q": null`},
		{"negative due", `{"version": 1, "cards": {"q": {"box": 1, "due": -1}}}`, `"cards.q.due": -1`},
		{"right above asked", `{"version": 1, "cards": {"q": {"box": 1, "asked": 1, "right": 2}}}`, `right ≤ asked`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := &State{}
			if err := json.Unmarshal([]byte(c.data), st); err != nil {
				t.Fatal(err)
			}
			if err := st.Validate(); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Validate = %v, want it to say %q", err, c.want)
			}
		})
	}
}
