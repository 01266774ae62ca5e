package ui

import (
	"strconv"
	"time"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/workstation"
)

// The workstation package names set-ups, areas, answers and steps in
// English; these give them in the current language from the catalog,
// keyed by their ids, with the package's English where a key is missing.

func wsName(key, english string) string {
	if i18n.Has(key) {
		return i18n.L(key)
	}
	return english
}

func setupName(s workstation.Setup) string {
	return wsName("workstation.setup."+string(s), s.Name())
}

func areaName(area string) string {
	return wsName("workstation.area."+area, workstation.AreaName(area))
}

func stepTitle(st workstation.Step) string {
	if st.Area != "" {
		return areaName(st.Area)
	}
	return wsName("workstation.step."+st.ID, st.Title)
}

func impactName(impact int) string {
	switch {
	case impact >= 3:
		return i18n.L("workstation.impact.high")
	case impact == 2:
		return i18n.L("workstation.impact.medium")
	}
	return i18n.L("workstation.impact.low")
}

var answers = []workstation.Answer{workstation.Yes, workstation.No, workstation.Unsure}

// answerLabel is an answer as its radio button reads ("" for none).
func answerLabel(a workstation.Answer) string {
	if a == "" {
		return ""
	}
	return wsName("workstation.answer."+string(a), a.Label())
}

// answerLabels are the answer buttons, in the order the package offers.
func answerLabels() []string {
	out := make([]string, len(answers))
	for i, a := range answers {
		out[i] = answerLabel(a)
	}
	return out
}

// answerFromLabel maps a button's label (or the package's English label)
// back to its answer ("" for none).
func answerFromLabel(l string) workstation.Answer {
	for _, a := range answers {
		if answerLabel(a) == l {
			return a
		}
	}
	return workstation.AnswerFromLabel(l)
}

// checkDate is a check's day the way "2 January 2006" writes it.
func checkDate(c workstation.Check) string { return longDate(c.Date.Local()) }

// longDate writes "2 January 2006" in the current language.
func longDate(t time.Time) string {
	return i18n.L("date.day_month_long_year", i18n.Args{"Day": t.Day(), "Month": i18n.L("month." + strconv.Itoa(int(t.Month()))), "Year": t.Year()})
}
