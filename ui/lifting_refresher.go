package ui

import (
	"fmt"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/quiz"
)

// Screens of the refresher, in order.
const (
	LiftScreenTechnique = iota
	LiftScreenQuestion
	LiftScreenSummary
)

// LiftDemoID is the exercise that shows the lifting technique.
const LiftDemoID = "lift-box"

// LiftRefresher is the lifting refresher: the technique as an animated
// sequence, then a few quiz questions, then a summary.
type LiftRefresher struct {
	v       *LiftingView
	lib     *content.Library
	started time.Time
	begun   bool
	running bool

	// Technique.
	ex       *content.Exercise
	steps    []*content.LiftingStep // in order
	stepOf   map[string]int         // lifting step id → index in steps
	current  int                    // technique step shown (index in steps)
	figure   *Figure
	stepRows []*liftStepRow
	stepList *fyne.Container

	// Quiz.
	deck      *quiz.Deck
	questions []*content.Question
	q         int   // question shown
	chosen    []int // choice per question, -1 before answering
	answered  bool
	right     int

	screen  int
	heading *widget.Label
	body    *fyne.Container
	back    *widget.Button
	next    *widget.Button
	calcBtn *widget.Button

	technique   fyne.CanvasObject
	question    fyne.CanvasObject
	questionBox *fyne.Container
	summary     fyne.CanvasObject
	buttons     *fyne.Container

	qText       *widget.Label
	choices     *LiftChoices
	choiceSlot  *fyne.Container
	verdict     *widget.Label
	explanation *widget.Label
	qSource     *widget.Label
	keysHint    *widget.Label
	score       *widget.Label
	missed      *widget.Label

	content fyne.CanvasObject
}

// liftStepRow is one numbered technique step: its title, and its text shown
// while it is the current step.
type liftStepRow struct {
	title, text, source *widget.Label
	detail              *fyne.Container
}

func newLiftRefresher(v *LiftingView) *LiftRefresher {
	r := &LiftRefresher{v: v, lib: v.opt.Library, stepOf: map[string]int{}, current: -1}
	r.steps = append(r.steps, r.lib.LiftingSteps...)
	sort.SliceStable(r.steps, func(i, j int) bool { return r.steps[i].Order < r.steps[j].Order })
	for i, s := range r.steps {
		r.stepOf[s.ID] = i
	}
	if ex, ok := r.lib.Exercise(LiftDemoID); ok && ex.Demo {
		r.ex = ex
	}
	r.build()
	return r
}

// Content is the refresher's layout.
func (r *LiftRefresher) Content() fyne.CanvasObject { return r.content }

// Screen is the screen shown: LiftScreenTechnique, LiftScreenQuestion or
// LiftScreenSummary.
func (r *LiftRefresher) Screen() int { return r.screen }

// CurrentStep is the technique step shown (0-based, lifting.toml order).
func (r *LiftRefresher) CurrentStep() int { return r.current }

// Questions are the questions of this refresher.
func (r *LiftRefresher) Questions() []*content.Question { return r.questions }

// Right is how many answers were right so far.
func (r *LiftRefresher) Right() int { return r.right }

// Deck is the quiz schedule (nil before the refresher begins).
func (r *LiftRefresher) Deck() *quiz.Deck { return r.deck }

func (r *LiftRefresher) build() {
	r.heading = liftHeading("")
	r.back = widget.NewButton(i18n.L("lifting.back"), r.OnBack)
	r.next = widget.NewButton(i18n.L("lifting.next"), r.OnNext)
	r.next.Importance = widget.HighImportance
	r.calcBtn = widget.NewButton(i18n.L("lifting.open_the_calculator"), r.OnOpenCalculator)
	r.calcBtn.Hide()

	// Technique: the figure, and the numbered steps beside it.
	list := container.NewVBox()
	r.stepList = list
	for i, s := range r.steps {
		row := &liftStepRow{title: widget.NewLabel(fmt.Sprintf("%d. %s", i+1, s.Title)), text: widget.NewLabel(s.Text), source: widget.NewLabel(liftSources(r.lib, s.Sources))}
		row.title.Wrapping = fyne.TextWrapWord
		row.text.Wrapping = fyne.TextWrapWord
		row.source.Wrapping = fyne.TextWrapWord
		row.source.SizeName = theme.SizeNameCaptionText
		row.detail = container.NewVBox(row.text, row.source)
		row.detail.Hide()
		r.stepRows = append(r.stepRows, row)
		list.Add(row.title)
		list.Add(row.detail)
	}
	figSlot := container.NewStack()
	if r.ex != nil {
		r.figure = NewFigure(r.ex)
		r.figure.OnStep = r.onFigureStep
		figSlot.Add(r.figure)
	}
	caution := widget.NewLabel(i18n.L("lifting.only_lift_what_you_can"))
	caution.Wrapping = fyne.TextWrapWord
	caution.SizeName = theme.SizeNameCaptionText
	left := container.NewVBox(container.NewGridWrap(fyne.NewSize(340, 340), figSlot), caution)
	r.technique = container.New(&liftColumns{widths: []float32{350, 0}}, left, container.NewVScroll(list))

	// Question.
	r.qText = widget.NewLabel("")
	r.qText.Wrapping = fyne.TextWrapWord
	r.qText.SizeName = theme.SizeNameSubHeadingText
	r.qText.TextStyle.Bold = true
	r.choiceSlot = container.NewStack()
	r.verdict = widget.NewLabel("")
	r.verdict.Wrapping = fyne.TextWrapWord
	r.verdict.TextStyle.Bold = true
	r.explanation = widget.NewLabel("")
	r.explanation.Wrapping = fyne.TextWrapWord
	r.qSource = widget.NewLabel("")
	r.qSource.Wrapping = fyne.TextWrapWord
	r.qSource.SizeName = theme.SizeNameCaptionText
	r.keysHint = widget.NewLabel(i18n.L("lifting.choose_with_the_mouse_a"))
	r.keysHint.SizeName = theme.SizeNameCaptionText
	r.questionBox = container.NewVBox(r.qText, r.choiceSlot, r.keysHint, r.verdict, r.explanation, r.qSource)
	r.question = container.NewVScroll(r.questionBox)

	// Summary: the score and the common mistakes with their fixes.
	r.score = widget.NewLabel("")
	r.score.Wrapping = fyne.TextWrapWord
	r.score.SizeName = theme.SizeNameSubHeadingText
	r.score.TextStyle.Bold = true
	r.missed = widget.NewLabel("")
	r.missed.Wrapping = fyne.TextWrapWord
	mistakes := container.NewVBox(liftBold(i18n.L("lifting.common_mistakes_and_how_to")))
	var srcs []string
	seen := map[string]bool{}
	for _, m := range r.lib.Mistakes {
		t := widget.NewLabel(m.Text + "\n" + i18n.L("wizard.fix", i18n.Args{"Fix": m.Fix}))
		t.Wrapping = fyne.TextWrapWord
		mistakes.Add(liftBold(m.Title))
		mistakes.Add(t)
		for _, s := range m.Sources {
			if !seen[s] {
				seen[s] = true
				srcs = append(srcs, s)
			}
		}
	}
	src := widget.NewLabel(liftSources(r.lib, srcs))
	src.Wrapping = fyne.TextWrapWord
	src.SizeName = theme.SizeNameCaptionText
	mistakes.Add(src)
	r.summary = container.NewVScroll(container.NewVBox(r.score, r.missed, mistakes))

	r.body = container.NewStack()
	r.buttons = container.NewHBox(r.back, layout.NewSpacer(), r.calcBtn, r.next)
	r.content = container.NewBorder(r.heading, r.buttons, nil, nil, r.body)
	r.showTechnique(0)
}

// relayout lays out again what changed size: shown or hidden labels and
// relabelled buttons.
func (r *LiftRefresher) relayout() {
	r.questionBox.Refresh()
	r.buttons.Refresh()
	r.body.Refresh()
}

// begin starts the refresher once: picks the questions.
func (r *LiftRefresher) begin() {
	if r.begun {
		return
	}
	r.begun = true
	r.started = r.v.opt.Now()
	r.deck = quiz.NewDeck(r.v.loadQuiz(), r.v.opt.Now)
	ids := make([]string, len(r.lib.Quiz))
	byID := map[string]*content.Question{}
	for i, q := range r.lib.Quiz {
		ids[i] = q.ID
		byID[q.ID] = q
	}
	for _, id := range r.deck.Begin(ids, r.v.opt.Questions, r.v.opt.Seed) {
		r.questions = append(r.questions, byID[id])
		r.chosen = append(r.chosen, -1)
	}
}

// resume shows the refresher: starts it the first time, and runs the
// figure on the technique screen.
func (r *LiftRefresher) resume() {
	r.begin()
	if r.screen == LiftScreenTechnique && r.figure != nil && !r.running {
		r.running = true
		r.figure.Start()
	}
}

// pause stops the figure.
func (r *LiftRefresher) pause() {
	if r.figure != nil && r.running {
		r.running = false
		r.figure.Stop()
	}
}

// showTechnique shows technique step i and moves the figure there.
func (r *LiftRefresher) showTechnique(i int) {
	r.screen = LiftScreenTechnique
	r.body.Objects = []fyne.CanvasObject{r.technique}
	r.body.Refresh()
	r.back.Show()
	r.calcBtn.Hide()
	r.highlight(i)
	if r.figure == nil {
		return
	}
	if t, ok := r.stepTime(i); ok && r.figure.Step() != r.demoStep(i) {
		// A running figure keeps its own clock: restart it from t.
		if r.running {
			r.figure.Stop()
		}
		r.figure.SetTime(t)
		if r.running {
			r.figure.Start()
		}
	}
}

// demoStep is the demo exercise's step that shows technique step i, or -1.
func (r *LiftRefresher) demoStep(i int) int {
	if r.ex == nil || i < 0 || i >= len(r.steps) {
		return -1
	}
	for k, s := range r.ex.Steps {
		if s.Ref == r.steps[i].ID {
			return k
		}
	}
	return -1
}

// stepTime is when the demo's animation starts moving into technique step i.
func (r *LiftRefresher) stepTime(i int) (time.Duration, bool) {
	d := r.demoStep(i)
	if d < 0 {
		return 0, false
	}
	anim := r.ex.Animation()
	for k, key := range anim.Keys {
		if key.Step == d {
			return anim.KeyTime(k) - key.Move, true
		}
	}
	return 0, false
}

// onFigureStep follows the animation: the demo's step i shows the lifting
// step its ref names.
func (r *LiftRefresher) onFigureStep(i int) {
	if r.screen != LiftScreenTechnique || r.ex == nil || i < 0 || i >= len(r.ex.Steps) {
		return
	}
	if j, ok := r.stepOf[r.ex.Steps[i].Ref]; ok {
		r.highlight(j)
	}
}

// highlight marks technique step i as current and shows its text.
func (r *LiftRefresher) highlight(i int) {
	if i < 0 || i >= len(r.steps) {
		return
	}
	r.current = i
	for j, row := range r.stepRows {
		row.title.TextStyle.Bold = j == i
		row.title.Importance = widget.MediumImportance
		if j == i {
			row.title.Importance = widget.HighImportance
		}
		row.title.Refresh()
		row.detail.Hidden = j != i
	}
	r.stepList.Refresh()
	r.heading.SetText(i18n.L("lifting.step_of", i18n.Args{"Step": i + 1, "Steps": len(r.steps)}))
	r.back.Enable()
	if i == 0 {
		r.back.Disable()
	}
	r.next.SetText(i18n.L("lifting.next"))
	if i == len(r.steps)-1 {
		r.next.SetText(i18n.L("lifting.on_to_the_questions"))
	}
	r.relayout()
}

// OnNext goes forward: the next technique step, the first question, the
// next question once this one is answered, or the summary.
func (r *LiftRefresher) OnNext() {
	switch r.screen {
	case LiftScreenTechnique:
		if r.current+1 < len(r.steps) {
			r.showTechnique(r.current + 1)
			return
		}
		r.pause()
		r.begin()
		r.showQuestion(0)
	case LiftScreenQuestion:
		if !r.answered {
			r.OnAnswer()
			return
		}
		if r.q+1 < len(r.questions) {
			r.showQuestion(r.q + 1)
			return
		}
		r.showSummary()
	case LiftScreenSummary:
		r.v.OnClose()
	}
}

// OnBack goes back one technique step.
func (r *LiftRefresher) OnBack() {
	if r.screen == LiftScreenTechnique && r.current > 0 {
		r.showTechnique(r.current - 1)
	}
}

// OnOpenCalculator switches to the calculator.
func (r *LiftRefresher) OnOpenCalculator() { r.v.ShowCalculator() }

// showQuestion shows question i, unanswered.
func (r *LiftRefresher) showQuestion(i int) {
	if i >= len(r.questions) {
		r.showSummary()
		return
	}
	r.screen = LiftScreenQuestion
	r.q = i
	r.answered = false
	q := r.questions[i]
	r.heading.SetText(i18n.L("lifting.question_of", i18n.Args{"Question": i + 1, "Questions": len(r.questions)}))
	r.qText.SetText(q.Question)
	r.choices = NewLiftChoices(q.Choices, r.v.win.Canvas().Focus)
	r.choices.OnChanged = r.onChoice
	r.choices.OnSubmit = r.OnNext
	r.choiceSlot.Objects = []fyne.CanvasObject{r.choices.Object()}
	r.choiceSlot.Refresh()
	for _, l := range []*widget.Label{r.verdict, r.explanation, r.qSource} {
		l.SetText("")
		l.Hide()
	}
	r.keysHint.Show()
	r.body.Objects = []fyne.CanvasObject{r.question}
	r.body.Refresh()
	r.back.Hide()
	r.calcBtn.Hide()
	r.next.SetText(i18n.L("lifting.answer_enter"))
	r.next.Disable()
	r.relayout()
	if len(r.choices.Items) > 0 {
		r.v.win.Canvas().Focus(r.choices.Items[0])
	}
}

func (r *LiftRefresher) onChoice(i int) {
	if !r.answered && i >= 0 {
		r.next.Enable()
	}
}

// Choose picks choice i of the current question (before answering).
func (r *LiftRefresher) Choose(i int) {
	if r.screen == LiftScreenQuestion && !r.answered && r.choices != nil {
		r.choices.Select(i)
	}
}

// OnAnswer checks the chosen answer, shows the explanation and its source,
// records the answer in the journal and reschedules the question.
func (r *LiftRefresher) OnAnswer() {
	if r.screen != LiftScreenQuestion || r.answered || r.choices.Selected < 0 {
		return
	}
	q := r.questions[r.q]
	pick := r.choices.Selected
	r.answered = true
	r.chosen[r.q] = pick
	ok := pick == q.Answer
	r.choices.Disable()
	r.keysHint.Hide()
	outcome := OutcomeWrong
	if ok {
		outcome = OutcomeRight
		r.right++
		r.verdict.SetText(i18n.L("lifting.right"))
		r.verdict.Importance = widget.SuccessImportance
		r.choices.Mark(q.Answer, -1)
	} else {
		r.verdict.SetText(i18n.L("lifting.not_quite", i18n.Args{"Answer": q.Choices[q.Answer]}))
		r.verdict.Importance = widget.DangerImportance
		r.choices.Mark(q.Answer, pick)
	}
	r.explanation.SetText(q.Explanation)
	r.qSource.SetText(liftSources(r.lib, q.Sources))
	for _, l := range []*widget.Label{r.verdict, r.explanation, r.qSource} {
		l.Show()
		l.Refresh()
	}
	r.deck.Answer(q.ID, ok)
	r.v.saveQuiz(r.deck.State())
	r.v.record(journal.Record{Event: journal.EventQuiz, Outcome: outcome, Data: map[string]any{"question": q.ID, "choice": pick}})
	r.next.Enable()
	if r.q+1 < len(r.questions) {
		r.next.SetText(i18n.L("lifting.next_question_enter"))
	} else {
		r.next.SetText(i18n.L("lifting.see_how_you_did_enter"))
	}
	r.relayout()
	// Focus stays on the choice, where Enter goes on (a focused button
	// would take only Space).
}

// showSummary shows the score and the common mistakes, and records the
// refresher as completed.
func (r *LiftRefresher) showSummary() {
	if r.screen == LiftScreenSummary {
		return
	}
	r.screen = LiftScreenSummary
	r.heading.SetText(i18n.L("lifting.refresher_done"))
	r.score.SetText(i18n.L("lifting.score", i18n.Args{"Right": r.right, "Questions": len(r.questions)}))
	switch {
	case len(r.questions) == 0:
		r.missed.SetText(i18n.L("lifting.no_questions_this_time"))
	case r.right == len(r.questions):
		r.missed.SetText(i18n.L("lifting.well_done_questions_you_get"))
	default:
		r.missed.SetText(i18n.L("lifting.the_questions_you_missed_come"))
	}
	r.body.Objects = []fyne.CanvasObject{r.summary}
	r.body.Refresh()
	r.back.Hide()
	r.calcBtn.Show()
	r.next.SetText(i18n.L("lifting.done_enter"))
	r.next.Enable()
	r.relayout()
	r.v.record(journal.Record{Event: journal.EventCompleted, Seconds: r.v.opt.Now().Sub(r.started).Seconds(),
		Data: map[string]any{"right": r.right, "asked": len(r.questions)}})
	r.v.win.Canvas().Unfocus() // Enter reaches the window: Done
}

// OnKey: Right = Next, Left = Back, Enter = Answer / Next, 1–9 choose.
func (r *LiftRefresher) OnKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyRight, fyne.KeyPageDown:
		if r.screen != LiftScreenQuestion || r.answered {
			r.OnNext()
		}
	case fyne.KeyLeft, fyne.KeyPageUp:
		r.OnBack()
	case fyne.KeyReturn, fyne.KeyEnter:
		r.OnNext()
	case fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9:
		r.Choose(int(ev.Name[0] - '1'))
	}
}
