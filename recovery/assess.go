package recovery

import (
	"time"

	"github.com/limberapp/limber/content"
)

// AwaitingAssessment is the intake's red flags that ask for an assessment
// before a self-care plan (hold_until_assessed in redflags.toml) while the
// person has not yet confirmed one. While it is not empty the plan holds:
// no exercises, no moving on (see PhaseState and Adapt).
func (p *Plan) AwaitingAssessment() []*content.RedFlag {
	if p == nil || !p.Assessed.IsZero() {
		return nil
	}
	return p.holdFlags()
}

// holdFlags is the intake's flags that hold the plan until an assessment.
func (p *Plan) holdFlags() []*content.RedFlag {
	var out []*content.RedFlag
	for _, id := range p.Flags {
		if f, ok := redFlag(p.Library(), id); ok && f.HoldUntilAssessed {
			out = append(out, f)
		}
	}
	return out
}

// ConfirmAssessed records that the person has been assessed by a clinician
// (now), which lifts the hold from that day on. It returns ErrStopped for a
// stopped plan.
func (p *Plan) ConfirmAssessed(now time.Time) error {
	if p.Stopped {
		return ErrStopped
	}
	p.Assessed = now
	p.Refresh(now)
	return nil
}

// heldForAssessment reports whether day (days since the strain) falls
// while the plan waits for an assessment.
func (p *Plan) heldForAssessment(day int) bool {
	if len(p.holdFlags()) == 0 {
		return false
	}
	return p.Assessed.IsZero() || day < daysBetween(p.Since, p.Assessed)
}

// checkedBeforeAssessment reports whether c was recorded before the
// assessment that lifted the hold: it cannot move the plan on.
func (p *Plan) checkedBeforeAssessment(c *Checkin) bool {
	return len(p.holdFlags()) > 0 && !c.At.IsZero() && c.At.Before(p.Assessed)
}
