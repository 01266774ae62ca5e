package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/workstation"
)

// QuickCheckOptions configure the quick workstation check-in.
type QuickCheckOptions struct {
	Items []*content.ChecklistItem // the whole checklist; the quick items are picked from it
	Setup workstation.Setup        // the set-up of the last full check
	// Save records the answers (the journal's check-in); it is called once,
	// when the window closes with at least one answer.
	Save func(answers workstation.Answers, r workstation.Result) error
	// OpenWizard starts the full workstation check.
	OpenWizard func() error
}

// QuickCheckView is the periodic check-in: the five quick checklist items
// as Yes / No / Not sure, each No with its fix, and a way to the full
// check.
type QuickCheckView struct {
	opt     QuickCheckOptions
	win     fyne.Window
	items   []*content.ChecklistItem
	answers workstation.Answers
	closed  bool

	radios  map[string]*widget.RadioGroup
	fixes   map[string]*widget.Label
	list    *fyne.Container
	score   *widget.Label
	message *widget.Label
	done    *widget.Button
	full    *widget.Button
}

// NewQuickCheckView builds the window; Show displays it.
func NewQuickCheckView(a fyne.App, opt QuickCheckOptions) *QuickCheckView {
	if opt.Setup == "" {
		opt.Setup = workstation.DeskMonitor
	}
	v := &QuickCheckView{opt: opt, answers: workstation.Answers{}}
	v.items = workstation.QuickItems(opt.Items, opt.Setup)
	v.win = a.NewWindow(i18n.L("quickcheck.window"))
	v.build()
	return v
}

// Window returns the view's window.
func (v *QuickCheckView) Window() fyne.Window { return v.win }

func (v *QuickCheckView) build() {
	title := widget.NewLabel(i18n.L("quickcheck.title"))
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameHeadingText
	intro := wrapped(i18n.N("quickcheck.intro", len(v.items)))
	v.radios, v.fixes = map[string]*widget.RadioGroup{}, map[string]*widget.Label{}
	v.list = container.NewVBox()
	for n, it := range v.items {
		q := wrapped(fmt.Sprintf("%d. %s", n+1, it.Check))
		q.TextStyle.Bold = true
		r := widget.NewRadioGroup(answerLabels(), func(s string) { v.OnAnswer(it.ID, s) })
		r.Horizontal = true
		fix := wrapped(i18n.L("wizard.fix", i18n.Args{"Fix": it.Fix}))
		fix.Importance = widget.WarningImportance
		fix.Hide()
		v.radios[it.ID], v.fixes[it.ID] = r, fix
		v.list.Add(container.NewVBox(q, r, fix))
	}
	v.score = widget.NewLabel("")
	v.score.TextStyle.Bold = true
	v.message = wrapped("")
	v.message.Importance = widget.WarningImportance
	v.message.Hide()
	v.full = widget.NewButtonWithIcon(i18n.L("quickcheck.full"), theme.ListIcon(), v.OnFull)
	v.done = widget.NewButtonWithIcon(i18n.L("breakview.done"), theme.ConfirmIcon(), v.OnDone)
	v.done.Importance = widget.HighImportance
	v.updateScore()
	top := container.NewVBox(title, intro)
	bottom := container.NewVBox(v.score, v.message, container.NewHBox(v.full, layout.NewSpacer(), v.done))
	v.win.Resize(fyne.NewSize(640, 620))
	v.win.SetContent(container.NewPadded(container.NewBorder(top, bottom, nil, nil, container.NewVScroll(v.list))))
	v.win.Canvas().SetOnTypedKey(v.OnKey)
	v.win.SetCloseIntercept(v.OnClose)
}

// Show displays the window centred and focused.
func (v *QuickCheckView) Show() {
	v.win.CenterOnScreen()
	v.win.Show()
	v.win.RequestFocus()
}

// Items returns the questions asked.
func (v *QuickCheckView) Items() []*content.ChecklistItem { return v.items }

// Radio returns an item's answer buttons.
func (v *QuickCheckView) Radio(id string) *widget.RadioGroup { return v.radios[id] }

// FixLabel returns an item's fix line.
func (v *QuickCheckView) FixLabel(id string) *widget.Label { return v.fixes[id] }

// Result scores the answers so far.
func (v *QuickCheckView) Result() workstation.Result {
	return workstation.Score(v.items, v.opt.Setup, v.answers)
}

// OnAnswer records an answer label and shows the fix under a No.
func (v *QuickCheckView) OnAnswer(id, label string) {
	a := answerFromLabel(label)
	if a == "" {
		delete(v.answers, id)
	} else {
		v.answers[id] = a
	}
	if a == workstation.No {
		v.fixes[id].Show()
	} else {
		v.fixes[id].Hide()
	}
	for _, o := range v.list.Objects {
		o.Refresh()
	}
	v.list.Refresh()
	v.updateScore()
}

func (v *QuickCheckView) updateScore() {
	r := v.Result()
	if r.Answered == 0 {
		v.score.SetText(i18n.L("quickcheck.no_score"))
		return
	}
	v.score.SetText(i18n.L("quickcheck.score", i18n.Args{"Score": i18n.Decimal(r.Overall, 0), "Answered": r.Answered, "Items": r.Items}))
}

// Score is the score line shown.
func (v *QuickCheckView) Score() string { return v.score.Text }

// save records the answers once, if there are any. It reports whether the
// window may close.
func (v *QuickCheckView) save() bool {
	if len(v.answers) == 0 || v.opt.Save == nil {
		return true
	}
	if err := v.opt.Save(v.answers, v.Result()); err != nil {
		v.message.SetText(i18n.L("quickcheck.save_failed", i18n.Args{"Error": err.Error()}))
		v.message.Show()
		return false
	}
	v.answers = workstation.Answers{} // recorded: never twice
	return true
}

// OnDone records the answers and closes.
func (v *QuickCheckView) OnDone() {
	if v.save() {
		v.close()
	}
}

// OnFull records the answers, opens the full wizard and closes.
func (v *QuickCheckView) OnFull() {
	if !v.save() {
		return
	}
	if v.opt.OpenWizard != nil {
		if err := v.opt.OpenWizard(); err != nil {
			v.message.SetText(i18n.L("quickcheck.wizard_failed", i18n.Args{"Error": err.Error()}))
			v.message.Show()
			return
		}
	}
	v.close()
}

// OnClose records any answers and closes.
func (v *QuickCheckView) OnClose() {
	v.save()
	v.close()
}

func (v *QuickCheckView) close() {
	if v.closed {
		return
	}
	v.closed = true
	v.win.Close()
}

// OnKey: Enter is Done, Esc closes (answers so far are kept).
func (v *QuickCheckView) OnKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		v.OnDone()
	case fyne.KeyEscape:
		v.OnClose()
	}
}
