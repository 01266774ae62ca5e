package workstation

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/limberapp/limber/content"
)

// Check is one finished workstation check as saved in the history.
type Check struct {
	Date     time.Time `json:"date"`
	Setup    Setup     `json:"setup"`
	Answers  Answers   `json:"answers"`
	HeightCm float64   `json:"height_cm,omitempty"` // from the measure helper, 0 if not used
	Result   Result    `json:"result"`              // the scores when it was saved
}

// NewCheck builds a check from a set of answers, scoring it now.
func NewCheck(items []*content.ChecklistItem, s Setup, answers Answers, heightCm float64, date time.Time) Check {
	return Check{Date: date, Setup: s, Answers: maps.Clone(answers), HeightCm: heightCm, Result: Score(items, s, answers)}
}

// Draft is a check in progress: where the person is in the wizard and what
// they have answered so far.
type Draft struct {
	Setup      Setup     `json:"setup"`
	SetupSet   bool      `json:"setup_chosen"` // the person picked the set-up (not the default)
	Step       string    `json:"step"`
	Answers    Answers   `json:"answers"`
	HeightText string    `json:"height_text,omitempty"` // as typed into the measure helper
	HeightUnit string    `json:"height_unit,omitempty"` // cm or in
	Started    time.Time `json:"started"`
	Updated    time.Time `json:"updated"`
}

// Empty reports whether the draft holds nothing worth resuming.
func (d *Draft) Empty() bool {
	return d == nil || (len(d.Answers) == 0 && !d.SetupSet && d.HeightText == "" && (d.Step == "" || d.Step == StepIntro))
}

// AreaChange compares one area between two checks.
type AreaChange struct {
	Area          string
	Before, After float64
	Delta         float64 // After − Before
}

// Compare returns, per area scored in both checks, how the score changed
// from prev to cur, in checklist order.
func Compare(prev, cur Check) []AreaChange {
	var out []AreaChange
	for _, a := range cur.Result.Areas {
		b, ok := prev.Result.Area(a.Area)
		if !ok || !a.Scored() || !b.Scored() {
			continue
		}
		out = append(out, AreaChange{Area: a.Area, Before: b.Score, After: a.Score, Delta: round1(a.Score - b.Score)})
	}
	return out
}

// Change returns the change of one area, if it was scored in both.
func Change(changes []AreaChange, area string) (AreaChange, bool) {
	for _, c := range changes {
		if c.Area == area {
			return c, true
		}
	}
	return AreaChange{}, false
}

// History is the saved checks, oldest first.
type History []Check

// Last returns the newest check.
func (h History) Last() (Check, bool) {
	if len(h) == 0 {
		return Check{}, false
	}
	return h[len(h)-1], true
}

// Before returns the check saved before h[i].
func (h History) Before(i int) (Check, bool) {
	if i <= 0 || i > len(h) {
		return Check{}, false
	}
	return h[i-1], true
}

// StateVersion is the version of the saved state's format.
const StateVersion = 1

// State is everything the workstation check keeps between runs: the check
// in progress (nil when none) and the finished checks.
type State struct {
	Version int     `json:"version"`
	Draft   *Draft  `json:"draft,omitempty"`
	History History `json:"history"`
}

// Finish adds a finished check to the history and ends the draft.
func (s *State) Finish(c Check) {
	s.History = append(s.History, c)
	s.Draft = nil
}

// Validate reports the first thing wrong with s, naming the field.
func (s State) Validate() error {
	if s.Version != StateVersion {
		return fmt.Errorf("version: %d, expected %d", s.Version, StateVersion)
	}
	if d := s.Draft; d != nil {
		if _, err := ParseSetup(string(d.Setup)); err != nil {
			return fmt.Errorf("draft.setup: %w", err)
		}
		if err := validAnswers("draft.answers", d.Answers); err != nil {
			return err
		}
		if d.HeightUnit != "" && d.HeightUnit != UnitCm && d.HeightUnit != UnitIn {
			return fmt.Errorf("draft.height_unit: %q, expected cm or in", d.HeightUnit)
		}
	}
	for i, c := range s.History {
		if c.Date.IsZero() {
			return fmt.Errorf("history[%d].date: missing; expected a timestamp", i)
		}
		if _, err := ParseSetup(string(c.Setup)); err != nil {
			return fmt.Errorf("history[%d].setup: %w", i, err)
		}
		if err := validAnswers(fmt.Sprintf("history[%d].answers", i), c.Answers); err != nil {
			return err
		}
		if c.HeightCm != 0 && (c.HeightCm < MinHeightCm || c.HeightCm > MaxHeightCm) {
			return fmt.Errorf("history[%d].height_cm: %g, expected 0 or %g–%g", i, c.HeightCm, MinHeightCm, MaxHeightCm)
		}
	}
	return nil
}

func validAnswers(field string, a Answers) error {
	ids := slices.Sorted(maps.Keys(a))
	for _, id := range ids {
		if _, err := ParseAnswer(string(a[id])); err != nil {
			return fmt.Errorf("%s[%q]: %w", field, id, err)
		}
	}
	return nil
}

// CheckinKind is the journal Kind of workstation check-ins.
const CheckinKind = "workstation"

// CheckinData is the journal Data of a quick check-in: the answers, the
// score and how many items were answered.
func CheckinData(s Setup, answers Answers, r Result) map[string]any {
	a := make(map[string]any, len(answers))
	for id, v := range answers {
		a[id] = string(v)
	}
	return map[string]any{
		"quick":    true,
		"setup":    string(s),
		"answers":  a,
		"score":    r.Overall,
		"answered": r.Answered,
		"items":    r.Items,
	}
}
