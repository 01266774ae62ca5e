package workstation

import "github.com/limberapp/limber/content"

// Step ids that are not checklist areas.
const (
	StepIntro   = "intro"
	StepSetup   = "setup"
	StepMeasure = "measure"
	StepSummary = "summary"
)

// Step is one page of the wizard. Area is set for the steps that ask a
// checklist area's questions.
type Step struct {
	ID    string
	Title string
	Area  string
}

// Steps lists the wizard's pages for a set-up: intro, set-up type, one page
// per checklist area that has items for it (the laptop page only for
// laptop set-ups), the optional measure helper, and the summary.
func Steps(s Setup) []Step {
	steps := []Step{{ID: StepIntro, Title: "Welcome"}, {ID: StepSetup, Title: "Your set-up"}}
	for _, a := range content.ChecklistAreas {
		if a == "laptop" && !s.Laptop() {
			continue
		}
		steps = append(steps, Step{ID: a, Title: AreaName(a), Area: a})
	}
	return append(steps, Step{ID: StepMeasure, Title: "Measure (optional)"}, Step{ID: StepSummary, Title: "Summary"})
}

// StepIndex returns the position of step id in steps, or -1.
func StepIndex(steps []Step, id string) int {
	for i, st := range steps {
		if st.ID == id {
			return i
		}
	}
	return -1
}
