package recovery

import (
	"sort"
	"time"

	"github.com/limberapp/limber/content"
)

// How long a check-in counts. A check-in from today or yesterday can move
// the plan on to the next phase (once its window has opened). A step back
// after sharp or rising pain holds for up to a week without a check-in.
const (
	advanceFreshDays = 1
	staleAfterDays   = 7
)

// PhaseState is where the plan stands on a day.
type PhaseState struct {
	Phase *content.Phase
	Index int // 0-based, in phase order
	// ScaledBack is true while the plan has stepped back a phase after
	// sharp or rising pain, until a check-in shows it has settled.
	ScaledBack bool
	// SteppedBackToday is true when the latest check-in caused a step back.
	SteppedBackToday bool
	// Waiting says why the plan has not moved on although the next
	// phase's from_day has come: "assessment" (a clinician must assess the
	// person first), "review" (the 1–2 week review says worsening or not
	// improving), "tolerance" (no recent check-in within the phase's pain
	// limit and not getting worse), "scaled-back"; "" when the next phase
	// is not open yet or this is the last.
	Waiting string
}

// Phases returns the library's phases in order.
func Phases(lib *content.Library) []*content.Phase {
	ph := append([]*content.Phase(nil), lib.Phases...)
	sort.SliceStable(ph, func(i, j int) bool { return ph[i].Order < ph[j].Order })
	return ph
}

// CurrentPhase is the plan's phase on now's date, or nil for a library
// without phases.
func (p *Plan) CurrentPhase(now time.Time) *content.Phase {
	return p.PhaseState(now).Phase
}

// PhaseState works out the phase on now's date by replaying the days since
// the strain. The seed guide adds load "as tolerance improves", so the
// dates are a floor for moving on, never a push:
//
//   - The plan starts in the first phase and moves on one phase at a time,
//     only on a good check-in from today or yesterday (pain at most the
//     phase's max_pain_to_advance and not getting worse), and only once
//     the next phase's from_day has come: no strengthening before its day.
//   - It does not move on while the 1–2 week review says "worsening" or
//     "not-improving", nor while the plan waits for an assessment.
//   - Sharp pain, or pain rising by 2 points or more (or rising and reported
//     worse), steps the plan back one phase and holds it there until a good
//     check-in (which only lifts the hold) or a week with no check-in.
func (p *Plan) PhaseState(now time.Time) PhaseState {
	phases := Phases(p.Library())
	if len(phases) == 0 {
		return PhaseState{}
	}
	today := p.Day(now)
	byDay := map[int]*Checkin{}
	for i := range p.Checkins {
		c := &p.Checkins[i]
		if d := daysBetween(p.Since, c.Date); d >= 0 && d <= today {
			byDay[d] = c // Checkins are in date order: the last one wins
		}
	}

	idx, held, steppedBack := 0, false, false
	var last *Checkin
	lastDay, lastPrev, advancedWith := -1, -1, -1
	prevPain := p.Severity // the baseline before the first check-in; -1 unknown
	good := func(i int) bool {
		return last.Pain <= phases[i].MaxPainToAdvance && !worse(last, lastPrev)
	}
	waiting := ""
	for d := 0; d <= today; d++ {
		if c := byDay[d]; c != nil {
			last, lastDay, lastPrev = c, d, prevPain
			steppedBack = false
			switch {
			case scaleBack(c, prevPain):
				idx = max(idx-1, 0)
				held, steppedBack = true, true
			case held && good(idx):
				held, advancedWith = false, d // settled: this check-in only lifts the hold
			}
			prevPain = c.Pain
		}
		if held && d-lastDay > staleAfterDays {
			held = false
		}
		waiting = ""
		if idx+1 >= len(phases) || d < phases[idx+1].FromDay {
			continue // nothing to move on to yet
		}
		fresh := last != nil && d-lastDay <= advanceFreshDays
		switch {
		case p.heldForAssessment(d) || (fresh && p.checkedBeforeAssessment(last)):
			waiting = "assessment"
		case held:
			waiting = "scaled-back"
		case holdsPhase(p.reviewOn(d)):
			waiting = "review"
		case !fresh || !good(idx):
			waiting = "tolerance"
		case advancedWith == lastDay:
			// this check-in already moved the plan on (or lifted a hold)
		default:
			idx++
			advancedWith = lastDay
		}
	}
	return PhaseState{Phase: phases[idx], Index: idx, ScaledBack: held, SteppedBackToday: steppedBack && lastDay == today, Waiting: waiting}
}

// holdsPhase reports whether a review result holds the phase.
func holdsPhase(review string) bool { return review == "worsening" || review == "not-improving" }

// worse reports whether c says things are getting worse: reported worse,
// or more pain than the check-in before (prev; -1 unknown).
func worse(c *Checkin, prev int) bool {
	return c.Function == "worse" || (prev >= 0 && c.Pain > prev)
}

// scaleBack reports sharp or escalating pain: the seed's signal to scale
// back. Escalating is 2 points or more above the check-in before, or any
// rise when the person also reports being worse.
func scaleBack(c *Checkin, prev int) bool {
	if c.Sharp() {
		return true
	}
	if prev < 0 {
		return false
	}
	return c.Pain >= prev+2 || (c.Function == "worse" && c.Pain > prev)
}
