package quiz

import (
	"slices"
	"testing"
	"time"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newClock() *clock { return &clock{t: time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)} }

var bank = []string{"a", "b", "c", "d", "e", "f", "g", "h"}

func TestInterval(t *testing.T) {
	for _, c := range []struct{ box, want int }{{-3, 1}, {0, 1}, {1, 1}, {2, 2}, {3, 4}, {4, 8}, {5, 16}, {9, 16}} {
		if got := Interval(c.box); got != c.want {
			t.Errorf("Interval(%d) = %d, want %d", c.box, got, c.want)
		}
	}
}

func TestAnswerMovesBoxes(t *testing.T) {
	cases := []struct {
		name    string
		answers []bool
		box     int
		dueIn   int // refreshers after the current one
	}{
		{"new right", []bool{true}, 2, 2},
		{"new wrong", []bool{false}, 1, 1},
		{"right twice", []bool{true, true}, 3, 4},
		{"right three times", []bool{true, true, true}, 4, 8},
		{"capped at the last box", []bool{true, true, true, true, true, true}, MaxBox, 16},
		{"wrong after rights", []bool{true, true, true, false}, 1, 1},
		{"right after wrong", []bool{false, true}, 2, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			clk := newClock()
			d := NewDeck(nil, clk.now)
			d.Begin(bank, 3, 1)
			var card *Card
			for _, r := range c.answers {
				clk.t = clk.t.Add(time.Minute)
				card = d.Answer("a", r)
			}
			if card.Box != c.box || card.Due != d.Session()+c.dueIn {
				t.Fatalf("box %d due %d (session %d), want box %d due in %d", card.Box, card.Due, d.Session(), c.box, c.dueIn)
			}
			if card.Asked != len(c.answers) || !card.Last.Equal(clk.t) || card.Wrong == c.answers[len(c.answers)-1] {
				t.Fatalf("card %+v after %v", card, c.answers)
			}
		})
	}
}

func TestWrongAnswerIsRescheduledSoonerThanRight(t *testing.T) {
	d := NewDeck(nil, newClock().now)
	d.Begin(bank, 3, 7)
	wrong := d.Answer("a", false)
	right := d.Answer("b", true)
	if wrong.Due >= right.Due {
		t.Fatalf("wrong due %d, right due %d: the wrong one should come back sooner", wrong.Due, right.Due)
	}
	// At the next refresher the wrong one is picked first; the right one is not due.
	next := d.Begin(bank, 3, 99)
	if next[0] != "a" || slices.Contains(next, "b") {
		t.Fatalf("next refresher picks %v; want a first and not b", next)
	}
}

func TestPickOrder(t *testing.T) {
	clk := newClock()
	st := NewState()
	st.Sessions = 10
	st.Cards = map[string]*Card{
		"a": {Box: 3, Due: 20},              // not due
		"b": {Box: 1, Due: 9, Wrong: true},  // missed, due since 9
		"c": {Box: 1, Due: 11, Wrong: true}, // missed, due at 11
		"d": {Box: 2, Due: 11},              // due
		"e": {Box: 4, Due: 5},               // due, higher box
		"f": {Box: 2, Due: 14},              // not due, sooner than a
	}
	d := NewDeck(st, clk.now)
	got := d.Begin([]string{"a", "b", "c", "d", "e", "f", "g", "b"}, 8, 3)
	want := []string{"b", "c", "g", "d", "e", "f", "a"}
	if !slices.Equal(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	if d.Session() != 11 || !st.Last.Equal(clk.t) {
		t.Fatalf("Begin should count the refresher: session %d last %v", d.Session(), st.Last)
	}
	if n := d.Pick(bank, 3, 3); len(n) != 3 || d.Session() != 11 {
		t.Fatalf("Pick takes n without starting a refresher: %v, session %d", n, d.Session())
	}
}

func TestPickIsDistinctSeededAndBounded(t *testing.T) {
	d := NewDeck(nil, newClock().now)
	a := d.Pick(bank, 3, 42)
	b := d.Pick(bank, 3, 42)
	if !slices.Equal(a, b) || len(a) != 3 {
		t.Fatalf("same seed gave %v and %v", a, b)
	}
	differs := false
	for seed := uint64(0); seed < 20; seed++ {
		if !slices.Equal(d.Pick(bank, 3, seed), a) {
			differs = true
		}
	}
	if !differs {
		t.Fatal("new questions always come in the same order whatever the seed")
	}
	if got := d.Pick([]string{"x", "x", ""}, 3, 1); !slices.Equal(got, []string{"x"}) {
		t.Fatalf("duplicates and blanks: %v", got)
	}
	if got := d.Pick(bank, -1, 1); len(got) != 0 {
		t.Fatalf("n < 0: %v", got)
	}
}

// Over many refreshers every question is asked, and one always answered
// wrong comes back each time.
func TestEveryQuestionComesRound(t *testing.T) {
	d := NewDeck(nil, newClock().now)
	asked := map[string]int{}
	for i := 0; i < 12; i++ {
		for _, id := range d.Begin(bank, 3, uint64(i)) {
			asked[id]++
			d.Answer(id, id != "h")
		}
	}
	for _, id := range bank {
		if asked[id] == 0 {
			t.Errorf("%s never asked", id)
		}
	}
	if asked["h"] < 8 {
		t.Fatalf("h, always wrong, asked only %d times in 12 refreshers", asked["h"])
	}
}
