package workstation

import (
	"fmt"
	"math"

	"github.com/limberapp/limber/content"
)

// Answer is a person's answer to one checklist item.
type Answer string

// The answers. An item without an answer is left out of the score.
const (
	Yes    Answer = "yes"
	No     Answer = "no"
	Unsure Answer = "unsure"
)

// Answers maps checklist item ids to answers.
type Answers map[string]Answer

// Label is the answer as the wizard shows it.
func (a Answer) Label() string {
	switch a {
	case Yes:
		return "Yes"
	case No:
		return "No"
	case Unsure:
		return "Not sure"
	}
	return ""
}

// AnswerFromLabel maps a label back to its answer ("" for none).
func AnswerFromLabel(l string) Answer {
	for _, a := range []Answer{Yes, No, Unsure} {
		if a.Label() == l {
			return a
		}
	}
	return ""
}

// AnswerLabels are the choices in the order the wizard offers them.
var AnswerLabels = []string{Yes.Label(), No.Label(), Unsure.Label()}

// ParseAnswer checks an answer as written in the state file or the
// journal.
func ParseAnswer(v string) (Answer, error) {
	switch a := Answer(v); a {
	case Yes, No, Unsure:
		return a, nil
	}
	return "", fmt.Errorf("%q is not an answer (expected yes, no or unsure)", v)
}

// value is an answer's part of the score: yes 1, not sure ½, no 0.
func (a Answer) value() (float64, bool) {
	switch a {
	case Yes:
		return 1, true
	case Unsure:
		return 0.5, true
	case No:
		return 0, true
	}
	return 0, false
}

// AreaScore is the score of one area.
type AreaScore struct {
	Area string `json:"area"`
	// Score is 0–100: the impact-weighted share of the answered items that
	// are fine (yes 1, not sure ½, no 0). Meaningful only when Answered > 0.
	Score    float64 `json:"score"`
	Answered int     `json:"answered"` // items answered
	Items    int     `json:"items"`    // items that apply to the set-up
	No       int     `json:"no"`       // items answered no
}

// Scored reports whether the area has any answer to score.
func (a AreaScore) Scored() bool { return a.Answered > 0 }

// Result is a whole check's scores.
type Result struct {
	Areas []AreaScore `json:"areas"` // areas with applicable items, in checklist order
	// Overall is 0–100 over every answered applicable item, weighted by
	// impact; meaningful only when Answered > 0.
	Overall  float64 `json:"overall"`
	Answered int     `json:"answered"`
	Items    int     `json:"items"`
}

// Area returns one area's score.
func (r Result) Area(area string) (AreaScore, bool) {
	for _, a := range r.Areas {
		if a.Area == area {
			return a, true
		}
	}
	return AreaScore{}, false
}

// Score computes the scores of a check: per area and overall, over the
// items that apply to the set-up and have an answer, each weighted by its
// impact (1–3). Items without an answer count in Items but not in the score.
func Score(items []*content.ChecklistItem, s Setup, answers Answers) Result {
	var r Result
	var sum, weight float64
	for _, area := range content.ChecklistAreas {
		as := AreaScore{Area: area}
		var asum, aweight float64
		for _, it := range AreaItems(items, area, s) {
			as.Items++
			v, ok := answers[it.ID].value()
			if !ok {
				continue
			}
			as.Answered++
			if answers[it.ID] == No {
				as.No++
			}
			w := float64(max(it.Impact, 1))
			asum += w * v
			aweight += w
		}
		if as.Items == 0 {
			continue
		}
		if aweight > 0 {
			as.Score = round1(100 * asum / aweight)
		}
		sum += asum
		weight += aweight
		r.Items += as.Items
		r.Answered += as.Answered
		r.Areas = append(r.Areas, as)
	}
	if weight > 0 {
		r.Overall = round1(100 * sum / weight)
	}
	return r
}

// round1 rounds to one decimal, so saved scores compare exactly.
func round1(x float64) float64 { return math.Round(x*10) / 10 }
