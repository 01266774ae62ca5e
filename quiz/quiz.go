package quiz

import (
	"math/rand/v2"
	"sort"
	"time"
)

// Leitner boxes. A question's box sets how soon it is asked again:
// a question in box b is due 2^(b-1) refreshers after it was answered —
// box 1 at the next refresher, box 2 after 2, box 3 after 4, box 4 after 8,
// box 5 after 16. A wrong answer puts the question in box 1; a right answer
// moves it up one box (a new question counts as box 1, so a first right
// answer puts it in box 2), up to MaxBox.
//
// Time is counted in refreshers, not days, because refreshers come at the
// person's chosen rhythm (weekly, or each lifting day): a question missed on
// Monday comes back at the very next refresher whenever that is.
const (
	FirstBox = 1
	MaxBox   = 5
)

// Interval is how many refreshers after an answer a question in box b is
// due again: 2^(b-1), with b clamped to FirstBox…MaxBox.
func Interval(box int) int {
	box = min(max(box, FirstBox), MaxBox)
	return 1 << (box - 1)
}

// Card is the schedule of one question.
type Card struct {
	Box   int       `json:"box"`   // FirstBox…MaxBox
	Due   int       `json:"due"`   // the refresher number from which it is due
	Asked int       `json:"asked"` // answers given
	Right int       `json:"right"` // right answers given
	Last  time.Time `json:"last"`  // when it was last answered
	Wrong bool      `json:"wrong"` // the last answer was wrong
}

// State is the whole quiz schedule, as saved between refreshers.
type State struct {
	Version  int              `json:"version"`
	Sessions int              `json:"sessions"` // refreshers begun so far
	Last     time.Time        `json:"last"`     // when the last one began
	Cards    map[string]*Card `json:"cards"`    // by question id
}

// StateVersion is the State format this package writes.
const StateVersion = 1

// NewState is an empty schedule: every question new.
func NewState() *State {
	return &State{Version: StateVersion, Cards: map[string]*Card{}}
}

// Deck schedules questions over a State.
type Deck struct {
	st  *State
	now func() time.Time
}

// NewDeck schedules over st (a nil st starts empty) with the clock now
// (time.Now when nil), which only stamps answers and refreshers.
func NewDeck(st *State, now func() time.Time) *Deck {
	if st == nil {
		st = NewState()
	}
	if st.Cards == nil {
		st.Cards = map[string]*Card{}
	}
	if now == nil {
		now = time.Now
	}
	return &Deck{st: st, now: now}
}

// State returns the schedule, to save.
func (d *Deck) State() *State { return d.st }

// Session is the number of the current refresher (0 before Begin).
func (d *Deck) Session() int { return d.st.Sessions }

// Card returns the schedule of question id, or nil for a new question.
func (d *Deck) Card(id string) *Card { return d.st.Cards[id] }

// Begin starts a refresher and picks up to n distinct questions from ids
// (the bank, in any order), most needed first:
//
//  1. due questions last answered wrong, the longest-missed first;
//  2. new questions, never asked;
//  3. other due questions, lowest box first, then the most overdue;
//  4. if the bank has too few of those, the questions due soonest.
//
// Ties are broken by a shuffle from seed, so new questions come in a varied
// order yet the same seed gives the same picks.
func (d *Deck) Begin(ids []string, n int, seed uint64) []string {
	d.st.Sessions++
	d.st.Last = d.now()
	return d.Pick(ids, n, seed)
}

// Pick chooses up to n questions for the current refresher without
// starting a new one (see Begin for the order).
func (d *Deck) Pick(ids []string, n int, seed uint64) []string {
	s := d.st.Sessions
	seen := map[string]bool{}
	var uniq []string
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			uniq = append(uniq, id)
		}
	}
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	r.Shuffle(len(uniq), func(i, j int) { uniq[i], uniq[j] = uniq[j], uniq[i] })

	rank := func(id string) (tier, box, due int) {
		c := d.st.Cards[id]
		switch {
		case c == nil:
			return 1, 0, 0
		case c.Due > s:
			return 3, c.Due, c.Box // not yet due: soonest first
		case c.Wrong:
			return 0, c.Due, 0
		}
		return 2, c.Box, c.Due
	}
	sort.SliceStable(uniq, func(i, j int) bool {
		ti, ai, bi := rank(uniq[i])
		tj, aj, bj := rank(uniq[j])
		if ti != tj {
			return ti < tj
		}
		if ai != aj {
			return ai < aj
		}
		return bi < bj
	})
	if n < len(uniq) {
		uniq = uniq[:max(n, 0)]
	}
	return uniq
}

// Answer records an answer to question id in the current refresher and
// reschedules it: wrong → box 1, due at the next refresher; right → one box
// up, due Interval(box) refreshers from now.
func (d *Deck) Answer(id string, right bool) *Card {
	c := d.st.Cards[id]
	if c == nil {
		c = &Card{Box: FirstBox}
		d.st.Cards[id] = c
	}
	c.Asked++
	c.Last = d.now()
	c.Wrong = !right
	if right {
		c.Right++
		c.Box = min(max(c.Box, FirstBox)+1, MaxBox)
	} else {
		c.Box = FirstBox
	}
	c.Due = d.st.Sessions + Interval(c.Box)
	return c
}
