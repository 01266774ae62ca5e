package recovery

import (
	"time"
)

// Adaptation tells the agent how to change the schedule for the plan's
// phase on now's date.
type Adaptation struct {
	Active     bool   // false: no plan, or stopped; use the normal schedule
	Phase      string // protect, mobilize, strengthen, return, prevent
	PhaseTitle string
	Day        int
	// WalkEvery is how often to prompt a short walk; 0 means no extra
	// walking prompts (the normal breaks are enough).
	WalkEvery time.Duration
	// MobilityExercises are the exercise ids mobility breaks should use in
	// this phase, in the phase's order.
	MobilityExercises []string
	// AllowStrengthen is false before the strengthen phase: no
	// strengthening before it is due.
	AllowStrengthen bool
	// Thermal are the ice/heat rules usable in this phase (see
	// ThermalTimer for starting a session).
	Thermal []ThermalRule
	// CheckinDue is true when there is no check-in for today yet.
	CheckinDue bool
	// Suspended is true while the advice is urgent or emergency (no
	// exercise prompts until a check-in without those signs), and while the
	// plan waits for an assessment.
	Suspended  bool
	ScaledBack bool
	// AwaitingAssessment is true while the plan holds for a clinician's
	// assessment (see Plan.AwaitingAssessment): Suspended is then true too.
	AwaitingAssessment bool
	Advice             string // the advice level
}

// Adapt returns the schedule changes for now. A nil or stopped plan gives
// an inactive Adaptation.
func (p *Plan) Adapt(now time.Time) Adaptation {
	if !p.Active() {
		return Adaptation{}
	}
	st := p.PhaseState(now)
	if st.Phase == nil {
		return Adaptation{}
	}
	adv := p.Advice(now)
	awaiting := len(p.AwaitingAssessment()) > 0
	a := Adaptation{
		Active: true, Phase: st.Phase.ID, PhaseTitle: st.Phase.Title, Day: p.Day(now),
		WalkEvery:          st.Phase.WalkEvery.D(),
		CheckinDue:         !p.CheckedInToday(now),
		Suspended:          Rank(adv.Level) >= Rank(LevelUrgent) || awaiting,
		ScaledBack:         st.ScaledBack,
		AwaitingAssessment: awaiting,
		Advice:             adv.Level,
		Thermal:            p.ThermalTimer(now).Usable(),
	}
	if Rank(adv.Level) >= Rank(LevelUrgent) {
		// Getting care comes first: no prompt to get up and walk while
		// the advice is urgent or an emergency (a new unsteadiness, a
		// weak leg).
		a.WalkEvery = 0
	}
	if !a.Suspended {
		a.MobilityExercises = append([]string(nil), st.Phase.Exercises...)
		strengthen := -1
		for i, ph := range Phases(p.Library()) {
			if ph.ID == "strengthen" {
				strengthen = i
			}
		}
		a.AllowStrengthen = strengthen >= 0 && st.Index >= strengthen
	}
	return a
}
