package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/limberapp/limber/store"
	"github.com/limberapp/limber/workstation"
)

func TestWizardMeasureHelper(t *testing.T) {
	v, path, _ := newTestWizard(t, workstation.State{})
	v.GoTo(workstation.StepIndex(v.Steps(), workstation.StepMeasure))
	if v.win.Canvas().Focused() != v.height {
		t.Error("the height field does not have the focus")
	}
	test.Type(v.HeightEntry(), "175")
	m, _ := workstation.Measure(175)
	rows := v.MeasureRows()
	if len(rows) != 4 {
		t.Fatalf("rows %v", rows)
	}
	if rows[0][1] != workstation.FormatRange(m.Seat) || rows[1][1] != workstation.FormatRange(m.Keyboard) || rows[2][1] != workstation.FormatRange(m.Eye) {
		t.Errorf("rows %v", rows)
	}
	if !strings.HasPrefix(rows[0][1], "46 cm (43–49)") || !strings.Contains(rows[0][2], "ANSI/HFS 100 seat height: 40.6–52.1 cm") {
		t.Errorf("seat row %v", rows[0])
	}
	// Feet and inches.
	tapRadio(t, v.unit, "in")
	v.HeightEntry().SetText("5'9")
	m, _ = workstation.Measure(69 * 2.54)
	if v.MeasureRows()[0][1] != workstation.FormatRange(m.Seat) {
		t.Errorf("5'9: %v", v.MeasureRows()[0])
	}
	// A bad height explains itself and shows no numbers.
	v.HeightEntry().SetText("tall")
	if len(v.MeasureRows()) != 0 || !v.measureErr.Visible() || !strings.Contains(v.measureErr.Text, "not a height in inches") {
		t.Errorf("bad height: rows %v, message %q", v.MeasureRows(), v.measureErr.Text)
	}
	v.HeightEntry().SetText("180")
	tapRadio(t, v.unit, "cm")
	// Alt+→ in the height field goes on to the summary.
	v.win.Canvas().Focus(v.height)
	v.height.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt})
	if v.Current().ID != workstation.StepSummary {
		t.Errorf("Alt+Right in the height field: on %s", v.Current().ID)
	}
	st, _ := store.Get[workstation.State](path)
	if st.Draft.HeightText != "180" || st.Draft.HeightUnit != "cm" {
		t.Errorf("saved %q %q", st.Draft.HeightText, st.Draft.HeightUnit)
	}
	if c := v.currentCheck(); c.HeightCm != 180 {
		t.Errorf("check height %v", c.HeightCm)
	}
}
