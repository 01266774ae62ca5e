package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/lifting"
	"github.com/limberapp/limber/quiz"
	"github.com/limberapp/limber/store"
)

// Journal names of the lifting refresher.
const (
	LiftingKind    = "lifting"
	OutcomeRight   = "right"
	OutcomeWrong   = "wrong"
	QuizPerSession = 3
)

// LiftingOptions configure the lifting window.
type LiftingOptions struct {
	Library    *content.Library
	Calculator bool // open on the calculator instead of the refresher
	// JournalPath receives each quiz answer and the refresher's end; ""
	// records nothing.
	JournalPath string
	// QuizPath is the quiz schedule (store.Path(quiz.FileName)); "" keeps it in
	// memory only.
	QuizPath  string
	Now       func() time.Time
	Seed      uint64        // picks the questions; 0 takes it from the clock
	Units     lifting.Units // the calculator's starting units
	Questions int           // questions per refresher; 0 means QuizPerSession
}

// LiftingView is the lifting window: the refresher (technique, three quiz
// questions, a summary) and the calculator, on two tabs.
type LiftingView struct {
	opt  LiftingOptions
	win  fyne.Window
	tabs *container.AppTabs

	refresher *LiftRefresher
	calc      *LiftCalc
	refTab    *container.TabItem
	calcTab   *container.TabItem
	message   *widget.Label
	closed    bool
}

// NewLiftingView builds the window; Show displays it.
func NewLiftingView(a fyne.App, opt LiftingOptions) *LiftingView {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Seed == 0 {
		opt.Seed = uint64(opt.Now().UnixNano())
	}
	if opt.Questions <= 0 {
		opt.Questions = QuizPerSession
	}
	v := &LiftingView{opt: opt}
	v.win = a.NewWindow(i18n.L("lifting.lifting_refresher_limber"))
	v.message = widget.NewLabel("")
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Importance = widget.WarningImportance
	v.message.Hide()

	v.calc = NewLiftCalc(opt.Units)
	v.refresher = newLiftRefresher(v)
	v.refTab = container.NewTabItem(i18n.L("lifting.refresher"), v.refresher.Content())
	v.calcTab = container.NewTabItem(i18n.L("lifting.calculator"), v.calc.Content())
	v.tabs = container.NewAppTabs(v.refTab, v.calcTab)
	v.tabs.OnSelected = v.OnTab
	v.win.SetContent(container.NewPadded(container.NewBorder(nil, v.message, nil, nil, v.tabs)))
	v.win.Resize(fyne.NewSize(1080, 720))
	v.win.Canvas().SetOnTypedKey(v.OnKey)
	for i, key := range []fyne.KeyName{fyne.Key1, fyne.Key2} {
		tab := v.tabs.Items[i]
		v.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { v.tabs.Select(tab) })
	}
	v.win.SetCloseIntercept(v.OnClose)
	if opt.Calculator {
		v.ShowCalculator()
	} else {
		v.ShowRefresher()
	}
	return v
}

// Window returns the view's window.
func (v *LiftingView) Window() fyne.Window { return v.win }

// Refresher is the refresher tab.
func (v *LiftingView) Refresher() *LiftRefresher { return v.refresher }

// Calculator is the calculator tab.
func (v *LiftingView) Calculator() *LiftCalc { return v.calc }

// Show displays the window centred and focused.
func (v *LiftingView) Show() {
	v.win.CenterOnScreen()
	v.win.Show()
	v.win.RequestFocus()
}

// ShowCalculator selects the calculator tab.
func (v *LiftingView) ShowCalculator() {
	v.tabs.Select(v.calcTab)
	v.OnTab(v.calcTab)
}

// ShowRefresher selects the refresher tab, starting the refresher the
// first time.
func (v *LiftingView) ShowRefresher() {
	v.tabs.Select(v.refTab)
	v.OnTab(v.refTab)
}

// OnTab follows the selected tab: window title, and the figure runs only
// while the refresher is shown.
func (v *LiftingView) OnTab(t *container.TabItem) {
	if t == v.calcTab {
		v.win.SetTitle(i18n.L("lifting.lifting_calculator_limber"))
		v.refresher.pause()
		return
	}
	v.win.SetTitle(i18n.L("lifting.lifting_refresher_limber"))
	v.refresher.resume()
}

// OnKey maps the keyboard: Right / Left step the refresher, Enter answers
// and goes on, 1–9 choose an answer, Esc closes the window.
func (v *LiftingView) OnKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		v.OnClose()
		return
	}
	if v.tabs.Selected() == v.refTab {
		v.refresher.OnKey(ev)
	}
}

// OnClose closes the window; the quiz state is saved after every answer.
func (v *LiftingView) OnClose() {
	if v.closed {
		return
	}
	v.closed = true
	v.refresher.pause()
	v.win.Close()
}

// warn shows a problem (journal, quiz state) at the bottom of the window.
func (v *LiftingView) warn(format string, args ...any) {
	v.message.SetText(capitalize(fmt.Sprintf(format, args...)))
	v.message.Show()
}

// record appends r to the journal, if there is one.
func (v *LiftingView) record(r journal.Record) {
	if v.opt.JournalPath == "" {
		return
	}
	r.Time = v.opt.Now()
	r.Kind = LiftingKind
	j, err := journal.Open(v.opt.JournalPath)
	if err == nil {
		err = j.Append(r)
		if cerr := j.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		v.warn("%s", i18n.L("lifting.journal_failed", i18n.Args{"Error": err.Error()}))
	}
}

// loadQuiz reads the quiz schedule, telling the person if it had to start
// afresh.
func (v *LiftingView) loadQuiz() *quiz.State {
	if v.opt.QuizPath == "" {
		return quiz.NewState()
	}
	st := quiz.NewState()
	if err := store.Load(v.opt.QuizPath, st); err != nil {
		v.warn("%s", i18n.L("lifting.quiz_afresh", i18n.Args{"Error": err.Error()}))
	}
	return st
}

// saveQuiz writes the quiz schedule.
func (v *LiftingView) saveQuiz(st *quiz.State) {
	if v.opt.QuizPath == "" {
		return
	}
	if err := store.Save(v.opt.QuizPath, st); err != nil {
		v.warn("%v", err)
	}
}

// liftSources names sources by title and publisher.
func liftSources(lib *content.Library, ids []string) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += "; "
		}
		if src, ok := lib.Sources[id]; ok {
			s += src.Title
			if src.Publisher != "" {
				s += ", " + src.Publisher
			}
		} else {
			s += id
		}
	}
	return i18n.N("breakview.sources", len(ids), i18n.Args{"List": s})
}
