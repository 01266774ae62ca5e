package ui

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/store"
	"github.com/limberapp/limber/workstation"
)

// previousCheck is a saved check a month earlier with the screen too high.
func previousCheck(lib *content.Library) workstation.Check {
	return workstation.NewCheck(lib.Checklist, workstation.DeskMonitor,
		workstation.Answers{"monitor-height": workstation.No, "monitor-distance": workstation.No, "chair-base": workstation.No, "keyboard-height": workstation.Yes},
		0, wizardNow.AddDate(0, -1, 0))
}

func TestWizardSummaryComparesAndSavesHistory(t *testing.T) {
	lib := library(t)
	prev := previousCheck(lib)
	v, path, _ := newTestWizard(t, workstation.State{Version: 1, History: workstation.History{prev}})
	v.GoTo(workstation.StepIndex(v.Steps(), "monitor"))
	tapRadio(t, v.Radio("monitor-height"), "Yes")
	tapRadio(t, v.Radio("monitor-distance"), "No")
	v.GoTo(len(v.Steps()) - 1)
	// Screen: before (3·0 + 2·0)/5 = 0, now (3·1 + 2·0)/5 = 60.
	if !strings.Contains(v.overall.Text, "Overall 60 / 100") {
		t.Errorf("overall %q", v.overall.Text)
	}
	found := false
	for _, o := range test.LaidOutObjects(v.page) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "▲ 60") {
			found = true
		}
	}
	if !found {
		t.Error("no ▲ 60 for the screen")
	}
	if fixes := v.FixTexts(); len(fixes) != 1 || !strings.Contains(fixes[0], "arm's length") && !strings.Contains(fixes[0], "Move the screen back") {
		t.Errorf("fixes %v", fixes)
	}
	test.Tap(v.saveCheck)
	st, _ := store.Get[workstation.State](path)
	if len(st.History) != 2 || st.Draft != nil || !st.History[1].Date.Equal(wizardNow) {
		t.Fatalf("history %+v draft %+v", st.History, st.Draft)
	}
	if h := v.HistoryTexts(); len(h) != 2 || !strings.HasPrefix(h[0], "1 April 2026") || !strings.HasPrefix(h[1], "1 March 2026") {
		t.Errorf("history rows %v", h)
	}
	if !v.saveCheck.Disabled() || !strings.Contains(v.status.Text, "Check saved") {
		t.Errorf("save button %q disabled %v; status %q", v.saveCheck.Text, v.saveCheck.Disabled(), v.status.Text)
	}
	// A change after saving replaces the saved check, not adds one.
	v.GoTo(workstation.StepIndex(v.Steps(), "monitor"))
	tapRadio(t, v.Radio("monitor-distance"), "Yes")
	v.GoTo(len(v.Steps()) - 1)
	test.Tap(v.saveCheck)
	st, _ = store.Get[workstation.State](path)
	if len(st.History) != 2 || st.History[1].Answers["monitor-distance"] != workstation.Yes {
		t.Errorf("after re-save: %+v", st.History)
	}
}

func TestWizardExportHasFixesInImpactOrder(t *testing.T) {
	v, _, lib := newTestWizard(t, workstation.State{})
	for _, id := range []string{"chair-base", "keyboard-height", "desk-phone", "monitor-height"} {
		v.OnAnswer(id, "No")
	}
	var want []*content.ChecklistItem
	for _, f := range workstation.Fixes(lib.Checklist, v.Setup(), v.Answers(), workstation.No) {
		want = append(want, f.Item)
	}
	if len(want) != 4 || want[0].Impact != 3 || want[3].ID != "chair-base" {
		t.Fatalf("fixture order %v", want)
	}
	for _, format := range []string{ExportMarkdown, ExportHTML} {
		var b bytes.Buffer
		if err := v.ExportTo(&b, format); err != nil {
			t.Fatal(err)
		}
		at := 0
		for _, it := range want {
			fix := it.Fix
			if format == ExportHTML {
				fix = template.HTMLEscapeString(fix)
			}
			i := strings.Index(b.String()[at:], fix)
			if i < 0 {
				t.Errorf("%s: %s missing or out of order", format, it.ID)
				break
			}
			at += i
		}
	}
	if err := v.ExportTo(&bytes.Buffer{}, "pdf"); err == nil {
		t.Error("pdf export accepted")
	}
}
