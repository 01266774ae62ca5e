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
// the strain:
//
//   - The dates set the floor: the earliest phase whose window (from_day to
//     to_day) contains the day.
//   - A good check-in (pain at most the phase's max_pain_to_advance and not
//     getting worse) from today or yesterday moves the plan one phase past
//     that, as soon as the next phase's window has opened (its from_day),
//     never sooner: no strengthening before its day.
//   - Sharp pain, or pain rising by 2 points or more (or rising and reported
//     worse), steps the plan back one phase and holds it there, below the
//     floor if need be, until a good check-in or a week with no check-in.
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
		if held {
			continue
		}
		idx = max(idx, floorPhase(phases, d))
		if last != nil && d-lastDay <= advanceFreshDays && advancedWith != lastDay &&
			idx+1 < len(phases) && d >= phases[idx+1].FromDay && good(idx) {
			idx++
			advancedWith = lastDay
		}
	}
	return PhaseState{Phase: phases[idx], Index: idx, ScaledBack: held, SteppedBackToday: steppedBack && lastDay == today}
}

// floorPhase is the earliest phase whose window contains day (to_day 0 is
// open-ended), or the last one that has begun.
func floorPhase(phases []*content.Phase, day int) int {
	begun := 0
	for i, ph := range phases {
		if day >= ph.FromDay && (ph.ToDay == 0 || day <= ph.ToDay) {
			return i
		}
		if day >= ph.FromDay {
			begun = i
		}
	}
	return begun
}

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
