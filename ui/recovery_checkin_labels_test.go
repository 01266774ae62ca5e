package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/recovery"
)

// Under a test language the check-in shows the library's translated
// labels and the catalog's yes/no, and still stores the English choices.
func TestCheckinShowsLabelsAndStoresChoices(t *testing.T) {
	restore := i18n.WithLanguage("de", map[string]string{"checkin.yes": "ja", "checkin.no": "nein"})
	defer restore()
	test.NewTempApp(t)
	lib := library(t)
	for _, q := range lib.Checkins {
		q.Labels = make([]string, len(q.Choices))
		for i, c := range q.Choices {
			q.Labels[i] = "DE " + c
		}
	}
	plan := recTestPlan(t, recNow.AddDate(0, 0, -3), 5)
	v := NewCheckinView(fyne.CurrentApp(), CheckinOptions{Library: lib, Plan: plan, Now: func() time.Time { return recNow },
		Save: func(*recovery.Plan) error { return nil }})
	defer v.win.Close()
	if got := v.trend.Options; len(got) != 3 || got[0] != "DE better" {
		t.Fatalf("trend shows %q", got)
	}
	if got := v.limits.Options; len(got) == 0 || got[0][:3] != "DE " {
		t.Fatalf("function shows %q", got)
	}
	if got := v.sleep.Options; len(got) != 2 || got[0] != "ja" || got[1] != "nein" {
		t.Fatalf("yes/no shows %q", got)
	}
	v.trend.SetSelected("DE worse")
	v.limits.SetSelected(v.limits.Options[1])
	v.sleep.SetSelected("ja")
	v.walking.SetSelected("nein")
	c := v.Checkin()
	var function []string
	for _, q := range lib.Checkins {
		if q.ID == "function" {
			function = q.Choices
		}
	}
	if c.Function != "worse" || c.Answers["function"] != function[1] || c.Sleep != "poor" || c.Answers["walking"] != "no" {
		t.Fatalf("stored %+v", c)
	}
	// An earlier check-in reopens with its labels.
	v.trend.SetSelected("")
	v.limits.SetSelected("")
	v.walking.SetSelected("")
	v.fill(&c)
	if v.trend.Selected != "DE worse" || v.limits.Selected != "DE "+function[1] || v.walking.Selected != "nein" {
		t.Fatalf("refilled trend %q function %q walking %q", v.trend.Selected, v.limits.Selected, v.walking.Selected)
	}
}
