package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/recovery"
)

// Steps of the recovery window.
const (
	RecoveryStepEmergency  = "emergency"   // the emergency red-flag questions
	RecoveryStepUrgentCare = "urgent-care" // "Get urgent care now": no plan starts
	RecoveryStepSameDay    = "same-day"    // the same-day red-flag questions
	RecoveryStepRoutine    = "routine"     // signs worth a visit
	RecoveryStepIntake     = "intake"      // when, how, how bad
	RecoveryStepOverview   = "overview"    // today's phase
)

// RecoveryOptions configure the recovery window.
type RecoveryOptions struct {
	Library *content.Library
	// Plan, if active, opens the window on its overview.
	Plan *recovery.Plan
	Now  func() time.Time
	// Save stores a newly started plan; an error is shown and the intake
	// stays open. nil keeps the plan in memory.
	Save func(*recovery.Plan) error
	// Warning is shown at the top, e.g. that a corrupt plan file was kept
	// aside.
	Warning string
	// OnCheckin opens the daily check-in; nil hides its button.
	OnCheckin func()
}

// recFlagChecks is a list of yes/no red-flag questions: a tick box and the
// question beside it, which wraps and toggles the box when tapped.
type recFlagChecks struct {
	flags  []*content.RedFlag
	checks []*widget.Check
	labels []*recTapLabel
}

func newRecFlagChecks(flags []*content.RedFlag) *recFlagChecks {
	fc := &recFlagChecks{flags: flags}
	for _, f := range flags {
		c := widget.NewCheck("", nil)
		fc.checks = append(fc.checks, c)
		fc.labels = append(fc.labels, newRecTapLabel(f.Question, func() { c.SetChecked(!c.Checked) }))
	}
	return fc
}

// yes returns the ids of the flags ticked.
func (fc *recFlagChecks) yes() []string {
	var ids []string
	for i, c := range fc.checks {
		if c.Checked {
			ids = append(ids, fc.flags[i].ID)
		}
	}
	return ids
}

// box lays the questions out one per line.
func (fc *recFlagChecks) box() *fyne.Container {
	b := container.NewVBox()
	for i, c := range fc.checks {
		b.Add(container.NewBorder(nil, nil, container.NewVBox(c), nil, fc.labels[i]))
	}
	return b
}

// recTapLabel is a wrapping label that calls OnTapped when tapped.
type recTapLabel struct {
	widget.Label
	OnTapped func()
}

func newRecTapLabel(text string, tapped func()) *recTapLabel {
	l := &recTapLabel{OnTapped: tapped}
	l.Text = text
	l.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

// Tapped toggles the question's box.
func (l *recTapLabel) Tapped(*fyne.PointEvent) {
	if l.OnTapped != nil {
		l.OnTapped()
	}
}

// RecoveryView is the back-strain recovery window: red-flag screening
// (emergency signs first), the intake, then the plan for today's phase.
type RecoveryView struct {
	opt  RecoveryOptions
	win  fyne.Window
	step string
	plan *recovery.Plan

	emergency *recFlagChecks
	sameDay   *recFlagChecks
	routine   *recFlagChecks

	since     *widget.Entry
	how       *widget.SelectEntry
	pain      *widget.Slider
	painValue *widget.Label
	urgent    *AdviceBox // the screening's advice: the urgent-care screen, or same-day signs above the intake
	advice    *AdviceBox // the plan's advice on the overview
	figure    *Figure

	// The hold for an assessment (history flags that ask for one before a
	// self-care plan): the person ticks assessed, then starts the plan.
	assessed     *widget.Check
	assessedDone *widget.Button

	body    *fyne.Container
	scroll  *container.Scroll
	message *widget.Label
	back    *widget.Button
	next    *widget.Button
	checkin *widget.Button
	buttons *fyne.Container
}

// howChoices are offered for "How did it happen?" (free text is fine too).
var howChoices = []string{"Lifting something", "Twisting or reaching", "During exercise or sport", "A sudden movement", "After a long spell of sitting", "Not sure"}

// NewRecoveryView builds the window; Show displays it.
func NewRecoveryView(a fyne.App, opt RecoveryOptions) *RecoveryView {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	v := &RecoveryView{opt: opt}
	v.win = a.NewWindow("Back-strain recovery — Limber")
	lib := opt.Library
	v.emergency = newRecFlagChecks(recovery.FlagsAt(lib, "emergency"))
	v.sameDay = newRecFlagChecks(recovery.FlagsAt(lib, "same-day"))
	var routine []*content.RedFlag
	for _, f := range recovery.FlagsAt(lib, "routine") {
		if f.ID != "flag-worsening" && f.ID != "flag-no-improvement" { // the plan's review asks these over time
			routine = append(routine, f)
		}
	}
	v.routine = newRecFlagChecks(routine)

	v.since = widget.NewEntry()
	v.since.SetText(opt.Now().Format(recovery.DateLayout))
	v.since.SetPlaceHolder("YYYY-MM-DD")
	v.since.OnSubmitted = func(string) { v.OnNext() }
	v.how = widget.NewSelectEntry(howChoices)
	v.how.SetPlaceHolder("Pick one or write a few words")
	v.how.OnSubmitted = func(string) { v.OnNext() }
	v.pain = widget.NewSlider(0, 10)
	v.pain.Step = 1
	v.painValue = widget.NewLabel("")
	v.pain.OnChanged = v.OnPain
	v.pain.SetValue(5)
	v.urgent = NewAdviceBox(recovery.Advice{})
	v.advice = NewAdviceBox(recovery.Advice{})

	v.message = widget.NewLabel("")
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Importance = widget.DangerImportance
	v.message.Hide()
	v.back = widget.NewButton("Back (Esc)", v.OnBack)
	v.next = widget.NewButton("Continue (Enter)", v.OnNext)
	v.next.Importance = widget.HighImportance
	v.checkin = widget.NewButton("Check in now", v.OnCheckin)
	v.checkin.Hide()
	v.assessedDone = widget.NewButton("Start the plan's exercises", v.OnAssessed)
	v.assessedDone.Importance = widget.HighImportance
	v.assessedDone.Disable()
	v.assessed = widget.NewCheck("I have been assessed by a clinician, and they are happy for me to follow this plan", func(on bool) {
		if on {
			v.assessedDone.Enable()
		} else {
			v.assessedDone.Disable()
		}
	})

	v.body = container.NewVBox()
	v.scroll = container.NewVScroll(v.body)
	top := container.NewVBox()
	if opt.Warning != "" {
		w := recWrapped(opt.Warning, false)
		w.Importance = widget.WarningImportance
		top.Add(w)
	}
	v.buttons = container.NewHBox(v.back, layout.NewSpacer(), v.checkin, v.next)
	buttons := v.buttons
	v.win.SetContent(container.NewPadded(container.NewBorder(top, container.NewVBox(v.message, buttons), nil, nil, v.scroll)))
	v.win.Resize(fyne.NewSize(900, 720))
	v.win.Canvas().SetOnTypedKey(v.OnKey)
	v.win.SetCloseIntercept(v.OnClose)

	if opt.Plan.Active() {
		v.plan = opt.Plan
		v.showOverview()
	} else {
		v.showEmergencyQuestions()
	}
	return v
}

// Window returns the view's window.
func (v *RecoveryView) Window() fyne.Window { return v.win }

// Step is the step shown.
func (v *RecoveryView) Step() string { return v.step }

// Plan is the plan started (or opened), or nil.
func (v *RecoveryView) Plan() *recovery.Plan { return v.plan }

// Show displays the window centred and focused.
func (v *RecoveryView) Show() {
	v.win.CenterOnScreen()
	v.win.Show()
	v.win.RequestFocus()
}

// setBody replaces the scrolled content and the buttons' labels.
func (v *RecoveryView) setBody(step, next string, back bool, objs ...fyne.CanvasObject) {
	v.step = step
	v.win.Canvas().Unfocus() // a focused field of the last step must not take Enter
	v.body.RemoveAll()
	for _, o := range objs {
		v.body.Add(o)
	}
	v.scroll.ScrollToTop()
	v.next.SetText(next)
	if back {
		v.back.Show()
	} else {
		v.back.Hide()
	}
	v.hideMessage()
	v.body.Refresh()
	v.buttons.Refresh()
}

func (v *RecoveryView) showEmergencyQuestions() {
	v.setBody(RecoveryStepEmergency, "Continue (Enter)", false,
		recHeading("Before you start: safety questions", theme.SizeNameHeadingText),
		recWrapped("Back pain with any of these signs needs urgent care, not an exercise plan. Tick each one that is true for you now.", false),
		v.emergency.box(),
		recWrapped("None of these? Continue.", false),
	)
}

func (v *RecoveryView) showUrgentCare() {
	a, _ := recovery.ScreenFlags(v.opt.Library, v.emergency.yes())
	v.urgent.Set(a)
	v.setBody(RecoveryStepUrgentCare, "Close (Enter)", true,
		v.urgent,
		recWrapped("No exercise plan has been started. Limber's plan is for simple muscle strains; these signs need a clinician first.", false),
		recSourceLine(flagSources(a.Flags), v.opt.Library.Sources),
	)
	v.win.SetTitle("Get urgent care now — Limber")
}

func (v *RecoveryView) showSameDay() {
	v.win.SetTitle("Back-strain recovery — Limber")
	v.setBody(RecoveryStepSameDay, "Continue (Enter)", true,
		recHeading("Do any of these apply?", theme.SizeNameHeadingText),
		recWrapped("These signs need medical advice today. Tick each one that is true for you.", false),
		v.sameDay.box(),
	)
}

func (v *RecoveryView) showRoutine() {
	v.setBody(RecoveryStepRoutine, "Continue (Enter)", true,
		recHeading("A few more questions", theme.SizeNameHeadingText),
		recWrapped("A doctor or physiotherapist should know about these. Past spine problems or osteoporosis put the plan's exercises on hold until a clinician has assessed you; the others don't stop the plan. Tick each one that is true for you.", false),
		v.routine.box(),
	)
}

func (v *RecoveryView) showIntake() {
	objs := []fyne.CanvasObject{recHeading("About your strain", theme.SizeNameHeadingText)}
	if ids := v.sameDay.yes(); len(ids) > 0 {
		a, _ := recovery.ScreenFlags(v.opt.Library, ids)
		v.urgent.Set(a)
		objs = append(objs, v.urgent)
	}
	today := v.opt.Now().Format(recovery.DateLayout)
	objs = append(objs,
		recHeading("When did it start?", theme.SizeNameSubHeadingText),
		container.NewHBox(container.NewGridWrap(fyne.NewSize(160, v.since.MinSize().Height), v.since), widget.NewLabel("YYYY-MM-DD; today is "+today)),
		recHeading("How did it happen?", theme.SizeNameSubHeadingText),
		v.how,
		recHeading("How bad is it now?", theme.SizeNameSubHeadingText),
		container.NewBorder(nil, nil, widget.NewLabel("0 none"), container.NewHBox(widget.NewLabel("10 worst"), v.painValue), v.pain),
	)
	v.setBody(RecoveryStepIntake, "Start my plan (Enter)", true, objs...)
	v.win.Canvas().Focus(v.since)
}

// OnPain shows the slider's value.
func (v *RecoveryView) OnPain(f float64) {
	v.painValue.SetText(fmt.Sprintf("· now %d / 10", int(f)))
}

func (v *RecoveryView) showOverview() {
	now := v.opt.Now()
	p := v.plan
	st := p.PhaseState(now)
	ph := st.Phase
	if ph == nil {
		v.setBody(RecoveryStepOverview, "Close (Enter)", false, recWrapped("The content library has no recovery phases.", false))
		return
	}
	v.win.SetTitle("Back-strain recovery: " + ph.Title + " — Limber")
	v.advice.Set(p.Advice(now))
	ad := p.Adapt(now)

	title := recHeading(fmt.Sprintf("Day %d · %s", p.Day(now), ph.Title), theme.SizeNameHeadingText)
	summary := recWrapped(ph.Summary, false)

	// Exercises, with the figure of the first one; none while the plan
	// waits for an assessment.
	left := container.NewVBox(recHeading("Exercises for this phase", theme.SizeNameSubHeadingText))
	var first *content.Exercise
	var names []string
	exercises := ph.Exercises
	if ad.AwaitingAssessment {
		exercises = nil
		left.Add(recWrapped("On hold until a clinician has assessed you.", true))
	}
	for _, id := range exercises {
		if ex, ok := v.opt.Library.Exercise(id); ok {
			if first == nil {
				first = ex
			}
			names = append(names, ex.Name)
		}
	}
	if v.figure != nil {
		v.figure.Stop()
		v.figure = nil
	}
	if first != nil {
		v.figure = NewFigure(first)
		left.Add(container.NewCenter(container.NewGridWrap(fyne.NewSize(220, 220), v.figure)))
		caption := widget.NewLabel(first.Name)
		caption.Alignment = fyne.TextAlignCenter
		caption.TextStyle.Italic = true
		left.Add(caption)
	}
	if len(names) > 0 {
		left.Add(recWrapped(recBullets(names), false))
	}
	if ad.WalkEvery > 0 {
		left.Add(recWrapped(fmt.Sprintf("Limber prompts a short walk every %d minutes.", int(ad.WalkEvery.Minutes())), true))
	}

	right := container.NewVBox(recHeading("Do", theme.SizeNameSubHeadingText), recWrapped(recBullets(ph.Do), false),
		recHeading("Avoid", theme.SizeNameSubHeadingText), recWrapped(recBullets(ph.Avoid), false))
	right.Add(recHeading("Ice and heat", theme.SizeNameSubHeadingText))
	if len(ad.Thermal) == 0 {
		right.Add(recWrapped("No ice or heat in this phase.", false))
	}
	for _, r := range ad.Thermal {
		right.Add(recWrapped(fmt.Sprintf("%s: up to %d minutes at a time.", r.Title, int(r.Max.Minutes())), true))
		right.Add(recWrapped(recBullets(r.Rules), false))
	}
	right.Add(recSourceLine(ph.Sources, v.opt.Library.Sources))
	if ph.AdvanceWhen != "" {
		right.Add(recWrapped("Next step: "+ph.AdvanceWhen, false))
	}

	cols := container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(280, left.MinSize().Height), left), nil, right)
	objs := []fyne.CanvasObject{title, v.advice}
	if wait := p.AwaitingAssessment(); len(wait) > 0 {
		objs = append(objs, v.holdBox(wait))
	}
	objs = append(objs, summary, cols, recSeekCareBox(v.opt.Library, v.opt.Library.Sources))
	v.setBody(RecoveryStepOverview, "Close (Esc)", false, objs...)
	if v.opt.OnCheckin != nil {
		v.checkin.SetText("Check in now (Enter)")
		v.checkin.Importance = widget.HighImportance
		v.checkin.Show()
		v.next.Importance = widget.MediumImportance
		v.next.Refresh()
		v.buttons.Refresh()
	}
	if v.figure != nil {
		v.figure.Start()
	}
}

// holdBox says the plan is on hold for an assessment, why, and lets the
// person confirm they have been assessed.
func (v *RecoveryView) holdBox(wait []*content.RedFlag) fyne.CanvasObject {
	var why []string
	for _, f := range wait {
		why = append(why, f.Title+": "+f.Text)
	}
	v.assessed.SetChecked(false)
	v.assessedDone.Disable()
	return container.NewVBox(
		recHeading("Your plan is on hold until you have been assessed", theme.SizeNameSubHeadingText),
		recWrapped(recBullets(why), false),
		recWrapped("Limber holds the plan's exercises and does not move it on until then. Keep up gentle everyday movement. Once a doctor or physiotherapist has assessed you, confirm it here.", false),
		v.assessed,
		container.NewHBox(v.assessedDone),
		recSourceLine(flagSources(wait), v.opt.Library.Sources),
	)
}

// OnAssessed records that the person has been assessed, saves the plan and
// shows the overview with the exercises.
func (v *RecoveryView) OnAssessed() {
	if v.plan == nil || !v.assessed.Checked {
		return
	}
	now := v.opt.Now()
	prev := v.plan.Assessed
	if err := v.plan.ConfirmAssessed(now); err != nil {
		v.showMessage(err.Error())
		return
	}
	if v.opt.Save != nil {
		if err := v.opt.Save(v.plan); err != nil {
			v.plan.Assessed = prev
			v.showMessage("Could not save the plan: " + err.Error())
			return
		}
	}
	v.showOverview()
}

// flagSources collects the sources of flags, once each.
func flagSources(flags []*content.RedFlag) []string {
	var ids []string
	seen := map[string]bool{}
	for _, f := range flags {
		for _, s := range f.Sources {
			if !seen[s] {
				seen[s] = true
				ids = append(ids, s)
			}
		}
	}
	return ids
}

// OnNext goes on from the step shown.
func (v *RecoveryView) OnNext() {
	switch v.step {
	case RecoveryStepEmergency:
		if len(v.emergency.yes()) > 0 {
			v.showUrgentCare()
		} else {
			v.showSameDay()
		}
	case RecoveryStepUrgentCare:
		v.win.Close()
	case RecoveryStepSameDay:
		v.showRoutine()
	case RecoveryStepRoutine:
		v.showIntake()
	case RecoveryStepIntake:
		v.OnStart()
	case RecoveryStepOverview:
		v.OnClose()
	}
}

// OnBack goes back a step; on the first step and the overview it closes.
func (v *RecoveryView) OnBack() {
	switch v.step {
	case RecoveryStepUrgentCare, RecoveryStepSameDay:
		v.win.SetTitle("Back-strain recovery — Limber")
		v.showEmergencyQuestions()
	case RecoveryStepRoutine:
		v.showSameDay()
	case RecoveryStepIntake:
		v.showRoutine()
	default:
		v.OnClose()
	}
}

// OnStart starts the plan from the answers.
func (v *RecoveryView) OnStart() {
	now := v.opt.Now()
	since, err := recovery.ParseDate("since", v.since.Text, now.Location())
	if err != nil {
		v.showMessage(recFieldMessage(err))
		return
	}
	flags := append(append(v.emergency.yes(), v.sameDay.yes()...), v.routine.yes()...)
	p, _, err := recovery.Start(since, now, recovery.Intake{How: v.how.Text, Pain: int(v.pain.Value), Flags: flags, Library: v.opt.Library})
	if errors.Is(err, recovery.ErrEmergency) {
		v.showUrgentCare()
		return
	}
	if err != nil {
		v.showMessage(recFieldMessage(err))
		return
	}
	if v.opt.Save != nil {
		if err := v.opt.Save(p); err != nil {
			v.showMessage("Could not save the plan: " + err.Error())
			return
		}
	}
	v.plan = p
	v.showOverview()
}

// OnCheckin opens the daily check-in.
func (v *RecoveryView) OnCheckin() {
	if v.opt.OnCheckin != nil {
		v.opt.OnCheckin()
	}
}

// OnKey: Enter goes on (on the overview: checks in, if it can), Esc goes
// back (or closes).
func (v *RecoveryView) OnKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if v.step == RecoveryStepOverview && v.opt.OnCheckin != nil {
			v.OnCheckin()
			return
		}
		v.OnNext()
	case fyne.KeyEscape:
		v.OnBack()
	}
}

// OnClose stops the figure and closes.
func (v *RecoveryView) OnClose() {
	if v.figure != nil {
		v.figure.Stop()
	}
	v.win.Close()
}

func (v *RecoveryView) showMessage(s string) {
	v.message.SetText(s)
	v.message.Show()
}

func (v *RecoveryView) hideMessage() {
	v.message.SetText("")
	v.message.Hide()
}

// recFieldLabels name the intake's fields in the window's words.
var recFieldLabels = map[string]string{
	"since": "When did it start", "pain": "How bad is it", "how": "How did it happen",
	"date": "Date", "flag": "Red-flag question", "function": "Compared with yesterday", "sleep": "Sleep", "answer": "Answer",
}

// recFieldMessage words a *recovery.FieldError for the window.
func recFieldMessage(err error) string {
	var fe *recovery.FieldError
	if !errors.As(err, &fe) {
		return err.Error()
	}
	label := recFieldLabels[fe.Field]
	if label == "" {
		label = fe.Field
	}
	msg := fe.Want
	if fe.Got != "" {
		msg = fe.Got + "; " + fe.Want
	}
	return label + ": " + strings.TrimSpace(msg) + "."
}
