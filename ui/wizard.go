package ui

import (
	"fmt"
	"maps"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/workstation"
)

// Export formats of the wizard's summary.
const (
	ExportMarkdown = "markdown"
	ExportHTML     = "html"
)

// WizardOptions configure the workstation wizard.
type WizardOptions struct {
	Items   []*content.ChecklistItem
	Sources map[string]*content.Source
	// State is the saved state: a draft to resume and the past checks.
	State workstation.State
	// Save writes the state. It is called whenever an answer or the step
	// changes, so closing the window at any point keeps the answers. An
	// error is shown in the window.
	Save func(workstation.State) error
	Now  func() time.Time
}

// WizardView is the workstation set-up wizard: intro, set-up type, one page
// per checklist area with a picture of the target posture and the area's
// questions, an optional measure helper, and a summary with scores, fixes,
// history and export.
type WizardView struct {
	opt     WizardOptions
	win     fyne.Window
	state   workstation.State
	draft   workstation.Draft
	steps   []workstation.Step
	cur     int
	savedAt int  // index in the history of the check saved in this session, or -1
	saved   bool // nothing changed since that save
	closed  bool

	stepBox   *fyne.Container
	stepBtns  []*widget.Button
	heading   *widget.Label
	page      *fyne.Container
	back      *widget.Button
	next      *widget.Button
	startOver *widget.Button
	status    *widget.Label
	bar       *fyne.Container

	// The current page's widgets.
	scene         *Scene
	radios        map[string]*widget.RadioGroup
	fixes         map[string]*widget.Label
	itemList      *fyne.Container
	itemScroll    *container.Scroll
	setupRadio    *widget.RadioGroup
	height        *navEntry
	unit          *widget.RadioGroup
	measureBox    *fyne.Container
	measurePage   *fyne.Container
	measureScroll *container.Scroll
	measureRows   [][3]string
	measureErr    *widget.Label
	overall       *widget.Label
	saveCheck     *widget.Button
	exportMD      *widget.Button
	exportHTML    *widget.Button
	fixLabels     []*widget.Label
	historyRows   []*widget.Label
}

// NewWizardView builds the wizard, resuming the saved draft if there is
// one; Show displays it.
func NewWizardView(a fyne.App, opt WizardOptions) *WizardView {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Save == nil {
		opt.Save = func(workstation.State) error { return nil }
	}
	v := &WizardView{opt: opt, state: opt.State, savedAt: -1}
	v.win = a.NewWindow(i18n.L("wizard.title"))
	resumed := false
	if d := v.state.Draft; !d.Empty() {
		v.draft = *d
		v.draft.Answers = maps.Clone(d.Answers)
		resumed = true
	} else {
		v.draft = workstation.Draft{Setup: workstation.DeskMonitor, Started: opt.Now()}
	}
	if v.draft.Answers == nil {
		v.draft.Answers = workstation.Answers{}
	}
	if v.draft.HeightUnit == "" {
		v.draft.HeightUnit = workstation.UnitCm
	}
	v.steps = workstation.Steps(v.draft.Setup)
	v.build()
	start := max(workstation.StepIndex(v.steps, v.draft.Step), 0)
	v.show(start)
	if resumed {
		t := v.draft.Updated.Local()
		v.setStatus(i18n.L("wizard.resumed", i18n.Args{"Date": i18n.L("date.day_month_long", i18n.Args{"Day": t.Day(), "Month": i18n.L("month." + strconv.Itoa(int(t.Month())))})}), widget.MediumImportance)
	}
	return v
}

// Window returns the view's window.
func (v *WizardView) Window() fyne.Window { return v.win }

// Show displays the window centred and focused.
func (v *WizardView) Show() {
	v.win.CenterOnScreen()
	v.win.Show()
	v.win.RequestFocus()
}

func (v *WizardView) build() {
	v.heading = widget.NewLabel("")
	v.heading.TextStyle.Bold = true
	v.heading.SizeName = theme.SizeNameHeadingText
	v.page = container.NewStack()
	v.stepBox = container.NewVBox()
	v.back = widget.NewButtonWithIcon(i18n.L("wizard.back"), theme.NavigateBackIcon(), v.OnBack)
	v.next = widget.NewButtonWithIcon(i18n.L("wizard.next"), theme.NavigateNextIcon(), v.OnNext)
	v.next.IconPlacement = widget.ButtonIconTrailingText
	v.next.Importance = widget.HighImportance
	v.startOver = widget.NewButtonWithIcon(i18n.L("wizard.start_over"), theme.ContentUndoIcon(), v.OnStartOver)
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.status.Hide()
	keys := widget.NewLabel(i18n.L("wizard.keys"))
	keys.Importance = widget.LowImportance
	keys.SizeName = theme.SizeNameCaptionText

	side := container.NewBorder(nil, keys, nil, nil, container.NewVScroll(v.stepBox))
	v.bar = container.NewHBox(v.startOver, layout.NewSpacer(), v.back, v.next)
	bottom := container.NewVBox(v.status, v.bar)
	main := container.NewBorder(v.heading, bottom, nil, nil, v.page)
	split := container.NewBorder(nil, nil, container.NewHBox(side, widget.NewSeparator()), nil, main)
	v.win.Resize(fyne.NewSize(1040, 720))
	v.win.SetContent(container.NewPadded(split))
	v.win.Canvas().SetOnTypedKey(v.OnKey)
	for _, k := range []fyne.KeyName{fyne.KeyLeft, fyne.KeyRight} {
		v.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt}, v.OnShortcut)
	}
	v.win.SetCloseIntercept(v.OnClose)
}

// Steps returns the pages for the chosen set-up.
func (v *WizardView) Steps() []workstation.Step { return v.steps }

// Current returns the page shown.
func (v *WizardView) Current() workstation.Step { return v.steps[v.cur] }

// Setup is the chosen set-up.
func (v *WizardView) Setup() workstation.Setup { return v.draft.Setup }

// Answers returns a copy of the answers so far.
func (v *WizardView) Answers() workstation.Answers { return maps.Clone(v.draft.Answers) }

// heightCm is the height typed into the measure helper, 0 if none valid.
func (v *WizardView) heightCm() float64 {
	if v.draft.HeightText == "" {
		return 0
	}
	cm, err := workstation.ParseHeight(v.draft.HeightText, v.draft.HeightUnit)
	if err != nil {
		return 0
	}
	return cm
}

// GoTo shows step i and remembers it.
func (v *WizardView) GoTo(i int) {
	if i < 0 || i >= len(v.steps) {
		return
	}
	if v.status.Importance != widget.DangerImportance {
		v.status.Hide()
	}
	v.show(i)
	v.persist()
	if v.height != nil {
		v.win.Canvas().Focus(v.height)
	}
}

// show renders step i.
func (v *WizardView) show(i int) {
	v.cur = i
	st := v.steps[i]
	v.draft.Step = st.ID
	v.radios, v.fixes = map[string]*widget.RadioGroup{}, map[string]*widget.Label{}
	v.setupRadio, v.height, v.unit, v.saveCheck = nil, nil, nil, nil
	var page fyne.CanvasObject
	switch {
	case st.ID == workstation.StepIntro:
		page = v.introPage()
	case st.ID == workstation.StepSetup:
		page = v.setupPage()
	case st.ID == workstation.StepMeasure:
		page = v.measureView()
	case st.ID == workstation.StepSummary:
		page = v.summaryPage()
	default:
		page = v.areaPage(st.Area)
	}
	v.page.Objects = []fyne.CanvasObject{page}
	v.page.Refresh()
	v.back.Enable()
	if i == 0 {
		v.back.Disable()
	}
	v.setNext()
	v.refreshStepList()
}

// setNext names the next step on the Next button (hidden on the last).
func (v *WizardView) setNext() {
	v.next.Show()
	if v.cur == len(v.steps)-1 {
		v.next.Hide()
	} else {
		v.next.SetText(i18n.L("wizard.next_to", i18n.Args{"Step": stepTitle(v.steps[v.cur+1])}))
	}
	v.bar.Refresh()
}

// refreshStepList redraws the step buttons: the current one highlighted,
// answered areas ticked.
func (v *WizardView) refreshStepList() {
	v.stepBox.RemoveAll()
	v.stepBtns = v.stepBtns[:0]
	for i, st := range v.steps {
		label := fmt.Sprintf("%d. %s", i+1, stepTitle(st))
		if st.Area != "" {
			items := workstation.AreaItems(v.opt.Items, st.Area, v.draft.Setup)
			n := 0
			for _, it := range items {
				if v.draft.Answers[it.ID] != "" {
					n++
				}
			}
			if n == len(items) {
				label += " ✓"
			} else if n > 0 {
				label += fmt.Sprintf(" (%d/%d)", n, len(items))
			}
		}
		b := widget.NewButton(label, func() { v.GoTo(i) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		if i == v.cur {
			b.Importance = widget.HighImportance
		}
		v.stepBtns = append(v.stepBtns, b)
		v.stepBox.Add(b)
	}
	v.stepBox.Refresh()
}

// StepButtons returns the step list's buttons, in step order.
func (v *WizardView) StepButtons() []*widget.Button { return v.stepBtns }

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func muted(text string) *widget.RichText {
	r := widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText,
	}})
	r.Wrapping = fyne.TextWrapWord
	return r
}

func (v *WizardView) introPage() fyne.CanvasObject {
	v.heading.SetText(i18n.L("wizard.intro.heading"))
	v.scene = NewScene(workstation.StepIntro, v.draft.Setup)
	text := container.NewVBox(
		wrapped(i18n.L("wizard.intro.1")),
		wrapped(i18n.L("wizard.intro.2")),
		wrapped(i18n.L("wizard.intro.3")),
	)
	if last, ok := v.state.History.Last(); ok {
		text.Add(wrapped(i18n.L("wizard.intro.last", i18n.Args{"Date": checkDate(last), "Setup": wsName("workstation.setup."+string(last.Setup)+".inline", strings.ToLower(last.Setup.Name())), "Score": i18n.Decimal(last.Result.Overall, 0)})))
	}
	text.Add(muted(i18n.L("wizard.intro.disclaimer")))
	return container.NewBorder(text, nil, nil, nil, v.scene)
}

func (v *WizardView) setupPage() fyne.CanvasObject {
	v.heading.SetText(i18n.L("wizard.setup.heading"))
	names := make([]string, len(workstation.Setups))
	for i, s := range workstation.Setups {
		names[i] = setupName(s)
	}
	v.setupRadio = widget.NewRadioGroup(names, nil)
	v.setupRadio.Required = true
	v.setupRadio.Selected = setupName(v.draft.Setup)
	v.setupRadio.OnChanged = v.OnSetup
	return container.NewVScroll(container.NewVBox(
		wrapped(i18n.L("wizard.setup.note")),
		v.setupRadio,
	))
}

// areaPage shows an area's picture and questions.
func (v *WizardView) areaPage(area string) fyne.CanvasObject {
	items := workstation.AreaItems(v.opt.Items, area, v.draft.Setup)
	v.heading.SetText(areaName(area))
	v.scene = NewScene(area, v.draft.Setup)
	left := container.NewVBox(v.scene)
	for _, c := range v.scene.Caption {
		left.Add(wrapped("• " + c))
	}
	list := container.NewVBox()
	v.itemList = list
	for n, it := range items {
		q := wrapped(fmt.Sprintf("%d. %s", n+1, it.Check))
		q.TextStyle.Bold = true
		r := widget.NewRadioGroup(answerLabels(), nil)
		r.Horizontal = true
		r.Selected = answerLabel(v.draft.Answers[it.ID])
		r.OnChanged = func(s string) { v.OnAnswer(it.ID, s) }
		fix := wrapped(i18n.L("wizard.fix", i18n.Args{"Fix": it.Fix}))
		fix.Importance = widget.WarningImportance
		if v.draft.Answers[it.ID] != workstation.No {
			fix.Hide()
		}
		v.radios[it.ID], v.fixes[it.ID] = r, fix
		list.Add(container.NewVBox(q, muted(i18n.L("wizard.target", i18n.Args{"Target": it.Target})), r, fix))
		if n < len(items)-1 {
			list.Add(widget.NewSeparator())
		}
	}
	v.itemScroll = container.NewVScroll(list)
	return container.NewBorder(nil, nil, container.NewHBox(left, widget.NewSeparator()), nil, v.itemScroll)
}

// Radio returns the answer buttons of an item on the current page.
func (v *WizardView) Radio(id string) *widget.RadioGroup { return v.radios[id] }

// FixLabel returns the fix line of an item on the current page.
func (v *WizardView) FixLabel(id string) *widget.Label { return v.fixes[id] }

// OnAnswer records an answer (a label: Yes, No, Not sure, or "" to clear)
// and shows the fix under a No.
func (v *WizardView) OnAnswer(id, label string) {
	a := answerFromLabel(label)
	if a == "" {
		delete(v.draft.Answers, id)
	} else {
		v.draft.Answers[id] = a
	}
	if f, ok := v.fixes[id]; ok {
		if a == workstation.No {
			f.Show()
		} else {
			f.Hide()
		}
		for _, o := range v.itemList.Objects {
			if c, ok := o.(*fyne.Container); ok {
				c.Refresh()
			}
		}
		v.itemList.Refresh()
		v.itemScroll.Refresh()
	}
	v.saved = false
	v.refreshStepList()
	v.persist()
}

// OnSetup changes the set-up (by its name) and the steps with it.
func (v *WizardView) OnSetup(name string) {
	for _, s := range workstation.Setups {
		if setupName(s) == name && s != v.draft.Setup {
			v.draft.Setup = s
			v.draft.SetupSet = true
			v.steps = workstation.Steps(s)
			v.cur = workstation.StepIndex(v.steps, workstation.StepSetup)
			v.saved = false
			v.setNext()
			v.refreshStepList()
			v.persist()
		}
	}
}

// OnNext goes to the next step.
func (v *WizardView) OnNext() { v.GoTo(v.cur + 1) }

// OnBack goes to the previous step.
func (v *WizardView) OnBack() { v.GoTo(v.cur - 1) }

// OnShortcut handles Alt+Left and Alt+Right.
func (v *WizardView) OnShortcut(s fyne.Shortcut) {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok {
		return
	}
	switch cs.KeyName {
	case fyne.KeyLeft:
		v.OnBack()
	case fyne.KeyRight:
		v.OnNext()
	}
}

// OnKey handles PageUp / PageDown when no control has the focus.
func (v *WizardView) OnKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyPageDown:
		v.OnNext()
	case fyne.KeyPageUp:
		v.OnBack()
	}
}

// OnStartOver asks, then clears the answers and goes back to the start.
func (v *WizardView) OnStartOver() {
	dialog.ShowConfirm(i18n.L("wizard.start_over.title"), i18n.L("wizard.start_over.text"), func(ok bool) {
		if ok {
			v.StartOver()
		}
	}, v.win)
}

// StartOver clears the draft and shows the intro.
func (v *WizardView) StartOver() {
	v.draft = workstation.Draft{Setup: workstation.DeskMonitor, Answers: workstation.Answers{}, HeightUnit: workstation.UnitCm, Started: v.opt.Now()}
	v.steps = workstation.Steps(v.draft.Setup)
	v.savedAt, v.saved = -1, false
	v.status.Hide()
	v.show(0)
	v.persist()
}

// persist saves the draft with the rest of the state.
func (v *WizardView) persist() {
	if !v.saved {
		d := v.draft
		d.Answers = maps.Clone(v.draft.Answers)
		d.Updated = v.opt.Now()
		if d.Started.IsZero() {
			d.Started = d.Updated
		}
		v.state.Draft = &d
	}
	if err := v.opt.Save(v.state); err != nil {
		v.setStatus(i18n.L("wizard.save_failed", i18n.Args{"Error": err.Error()}), widget.DangerImportance)
	}
}

func (v *WizardView) setStatus(text string, imp widget.Importance) {
	v.status.Importance = imp
	v.status.SetText(text)
	v.status.Show()
}

// State returns the state as it would be saved now.
func (v *WizardView) State() workstation.State { return v.state }

// OnClose keeps the answers and closes the window.
func (v *WizardView) OnClose() {
	if v.closed {
		return
	}
	v.closed = true
	v.persist()
	v.win.Close()
}
