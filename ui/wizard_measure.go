package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/msg"
	"github.com/limberapp/limber/workstation"
)

// measurePage is the optional measure helper: height in, target heights
// with their ranges out, compared with ANSI/HFS 100.
func (v *WizardView) measureView() fyne.CanvasObject {
	v.heading.SetText(i18n.L("workstation.step.measure"))
	v.height = newNavEntry(v.OnShortcut, v.OnKey)
	v.height.SetPlaceHolder(i18n.L("wizard.measure.placeholder"))
	v.height.SetText(v.draft.HeightText)
	v.height.OnChanged = v.OnHeight
	v.unit = widget.NewRadioGroup([]string{workstation.UnitCm, workstation.UnitIn}, nil)
	v.unit.Horizontal = true
	v.unit.Required = true
	v.unit.Selected = v.draft.HeightUnit
	v.unit.OnChanged = v.OnUnit
	v.measureErr = widget.NewLabel("")
	v.measureErr.Importance = widget.WarningImportance
	v.measureErr.Hide()
	v.measureBox = container.NewVBox()
	entry := container.NewGridWrap(fyne.NewSize(220, v.height.MinSize().Height), v.height)
	form := container.NewHBox(widget.NewLabel(i18n.L("wizard.measure.height")), entry, v.unit, layout.NewSpacer())
	v.measurePage = container.NewVBox(
		wrapped(i18n.L("wizard.measure.intro")),
		form, v.measureErr, v.measureBox,
		muted(i18n.Msg(workstation.MeasureMethodText())),
		muted(i18n.L("wizard.measure.sources", i18n.Args{"Source": workstation.MeasureSource})),
	)
	v.measureScroll = container.NewVScroll(v.measurePage)
	v.updateMeasure()
	return v.measureScroll
}

// HeightEntry returns the measure helper's height field (nil off its page).
func (v *WizardView) HeightEntry() *widget.Entry {
	if v.height == nil {
		return nil
	}
	return &v.height.Entry
}

// navEntry is an entry that passes the wizard's Back / Next keys (Alt+←,
// Alt+→, PgUp, PgDn) on instead of keeping them.
type navEntry struct {
	widget.Entry
	shortcut func(fyne.Shortcut)
	key      func(*fyne.KeyEvent)
}

func newNavEntry(shortcut func(fyne.Shortcut), key func(*fyne.KeyEvent)) *navEntry {
	e := &navEntry{shortcut: shortcut, key: key}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut passes Alt+← and Alt+→ to the wizard.
func (e *navEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierAlt &&
		(cs.KeyName == fyne.KeyLeft || cs.KeyName == fyne.KeyRight) {
		e.shortcut(s)
		return
	}
	e.Entry.TypedShortcut(s)
}

// TypedKey passes PgUp and PgDn to the wizard.
func (e *navEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyPageUp || k.Name == fyne.KeyPageDown {
		e.key(k)
		return
	}
	e.Entry.TypedKey(k)
}

// OnHeight records the typed height and updates the estimates.
func (v *WizardView) OnHeight(text string) {
	v.draft.HeightText = text
	v.saved = false
	v.updateMeasure()
	v.persist()
}

// OnUnit switches between cm and in.
func (v *WizardView) OnUnit(unit string) {
	if unit != workstation.UnitCm && unit != workstation.UnitIn {
		return
	}
	v.draft.HeightUnit = unit
	v.saved = false
	v.updateMeasure()
	v.persist()
}

// MeasureRows returns the estimates shown: name, value and note of each.
func (v *WizardView) MeasureRows() [][3]string { return v.measureRows }

func (v *WizardView) updateMeasure() {
	if v.measureBox == nil {
		return
	}
	v.measureBox.RemoveAll()
	v.measureRows = nil
	v.measureErr.Hide()
	defer v.relayoutMeasure()
	if v.draft.HeightText == "" {
		return
	}
	cm, err := workstation.ParseHeight(v.draft.HeightText, v.draft.HeightUnit)
	if err == nil {
		_, err = workstation.Measure(cm)
	}
	if err != nil {
		v.measureErr.SetText(capitalize(err.Error()) + ".")
		v.measureErr.Show()
		return
	}
	m, _ := workstation.Measure(cm)
	row := func(name, value, note string) {
		n := widget.NewLabel(i18n.L("wizard.measure.row", i18n.Args{"Name": name}))
		n.TextStyle.Bold = true
		v.measureBox.Add(container.NewHBox(n, widget.NewLabel(value)))
		v.measureBox.Add(muted(note))
		v.measureRows = append(v.measureRows, [3]string{name, value, note})
	}
	row(i18n.L("wizard.measure.seat"), workstation.FormatRange(m.Seat), i18n.Msg(workstation.FitNoteText(m.Seat, workstation.ANSISeat, msg.Plain(i18n.L("wizard.measure.seat.inline")))))
	row(i18n.L("wizard.measure.keyboard"), workstation.FormatRange(m.Keyboard), i18n.Msg(workstation.FitNoteText(m.Keyboard, workstation.ANSIKeyboard, msg.Plain(i18n.L("wizard.measure.keyboard.inline")))))
	row(i18n.L("wizard.measure.eye"), workstation.FormatRange(m.Eye), i18n.L("wizard.measure.eye.note"))
	row(i18n.L("wizard.measure.centre"), workstation.FormatRange(m.ScreenCentre), i18n.L("wizard.measure.centre.note"))
}

// relayoutMeasure lays the page out again after the estimates change.
func (v *WizardView) relayoutMeasure() {
	v.measureBox.Refresh()
	v.measurePage.Refresh()
	v.measureScroll.Refresh()
}
