package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/i18n"
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
func howChoices() []string {
	return []string{i18n.L("recovery.lifting_something"), i18n.L("recovery.twisting_or_reaching"), i18n.L("recovery.during_exercise_or_sport"), i18n.L("recovery.a_sudden_movement"), i18n.L("recovery.after_a_long_spell_of"), i18n.L("recovery.not_sure")}
}

// NewRecoveryView builds the window; Show displays it.
func NewRecoveryView(a fyne.App, opt RecoveryOptions) *RecoveryView {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	v := &RecoveryView{opt: opt}
	v.win = a.NewWindow(i18n.L("recovery.back_strain_recovery_limber"))
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
	v.how = widget.NewSelectEntry(howChoices())
	v.how.SetPlaceHolder(i18n.L("recovery.pick_one_or_write_a"))
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
	v.back = widget.NewButton(i18n.L("recovery.back_esc"), v.OnBack)
	v.next = widget.NewButton(i18n.L("recovery.continue_enter"), v.OnNext)
	v.next.Importance = widget.HighImportance
	v.checkin = widget.NewButton(i18n.L("recovery.check_in_now"), v.OnCheckin)
	v.checkin.Hide()
	v.assessedDone = widget.NewButton(i18n.L("recovery.start_the_plan_s_exercises"), v.OnAssessed)
	v.assessedDone.Importance = widget.HighImportance
	v.assessedDone.Disable()
	v.assessed = widget.NewCheck(i18n.L("recovery.i_have_been_assessed_by"), func(on bool) {
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
	v.setBody(RecoveryStepEmergency, i18n.L("recovery.continue_enter"), false,
		recHeading(i18n.L("recovery.heading.safety"), theme.SizeNameHeadingText),
		recWrapped(i18n.L("recovery.back_pain_with_any_of"), false),
		v.emergency.box(),
		recWrapped(i18n.L("recovery.none_of_these_continue"), false),
	)
}

func (v *RecoveryView) showUrgentCare() {
	a, _ := recovery.ScreenFlags(v.opt.Library, v.emergency.yes())
	v.urgent.Set(a)
	v.setBody(RecoveryStepUrgentCare, i18n.L("recovery.close_enter"), true,
		v.urgent,
		recWrapped(i18n.L("recovery.no_exercise_plan_has_been"), false),
		recSourceLine(flagSources(a.Flags), v.opt.Library.Sources),
	)
	v.win.SetTitle(i18n.L("recovery.get_urgent_care_now_limber"))
}

func (v *RecoveryView) showSameDay() {
	v.win.SetTitle(i18n.L("recovery.back_strain_recovery_limber"))
	v.setBody(RecoveryStepSameDay, i18n.L("recovery.continue_enter"), true,
		recHeading(i18n.L("recovery.heading.same_day"), theme.SizeNameHeadingText),
		recWrapped(i18n.L("recovery.these_signs_need_medical_advice"), false),
		v.sameDay.box(),
	)
}

func (v *RecoveryView) showRoutine() {
	v.setBody(RecoveryStepRoutine, i18n.L("recovery.continue_enter"), true,
		recHeading(i18n.L("recovery.heading.routine"), theme.SizeNameHeadingText),
		recWrapped(i18n.L("recovery.a_doctor_or_physiotherapist_should"), false),
		v.routine.box(),
	)
}

func (v *RecoveryView) showIntake() {
	objs := []fyne.CanvasObject{recHeading(i18n.L("recovery.heading.intake"), theme.SizeNameHeadingText)}
	if ids := v.sameDay.yes(); len(ids) > 0 {
		a, _ := recovery.ScreenFlags(v.opt.Library, ids)
		v.urgent.Set(a)
		objs = append(objs, v.urgent)
	}
	today := v.opt.Now().Format(recovery.DateLayout)
	objs = append(objs,
		recHeading(i18n.L("recovery.heading.since"), theme.SizeNameSubHeadingText),
		container.NewHBox(container.NewGridWrap(fyne.NewSize(160, v.since.MinSize().Height), v.since), widget.NewLabel(i18n.L("recovery.since.hint", i18n.Args{"Today": today}))),
		recHeading(i18n.L("recovery.heading.how"), theme.SizeNameSubHeadingText),
		v.how,
		recHeading(i18n.L("recovery.heading.pain"), theme.SizeNameSubHeadingText),
		container.NewBorder(nil, nil, widget.NewLabel(i18n.L("recovery.0_none")), container.NewHBox(widget.NewLabel(i18n.L("recovery.10_worst")), v.painValue), v.pain),
	)
	v.setBody(RecoveryStepIntake, i18n.L("recovery.start_my_plan_enter"), true, objs...)
	v.win.Canvas().Focus(v.since)
}

// OnPain shows the slider's value.
func (v *RecoveryView) OnPain(f float64) {
	v.painValue.SetText(i18n.L("recovery.pain.now", i18n.Args{"Pain": int(f)}))
}

func (v *RecoveryView) showOverview() {
	now := v.opt.Now()
	p := v.plan
	st := p.PhaseState(now)
	ph := st.Phase
	if ph == nil {
		v.setBody(RecoveryStepOverview, i18n.L("recovery.close_enter"), false, recWrapped(i18n.L("recovery.the_content_library_has_no"), false))
		return
	}
	v.win.SetTitle(i18n.L("recovery.window.phase", i18n.Args{"Phase": ph.Title}))
	v.advice.Set(p.Advice(now))
	ad := p.Adapt(now)

	title := recHeading(i18n.L("recovery.day_phase", i18n.Args{"Day": p.Day(now), "Phase": ph.Title}), theme.SizeNameHeadingText)
	summary := recWrapped(ph.Summary, false)

	// Exercises, with the figure of the first one; none while the plan
	// waits for an assessment.
	left := container.NewVBox(recHeading(i18n.L("recovery.heading.exercises"), theme.SizeNameSubHeadingText))
	var first *content.Exercise
	var names []string
	exercises := ph.Exercises
	if ad.AwaitingAssessment {
		exercises = nil
		left.Add(recWrapped(i18n.L("recovery.on_hold_until_a_clinician"), true))
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
		left.Add(recWrapped(i18n.N("recovery.walk_every", int(ad.WalkEvery.Minutes())), true))
	}

	right := container.NewVBox(recHeading(i18n.L("recovery.heading.do"), theme.SizeNameSubHeadingText), recWrapped(recBullets(ph.Do), false),
		recHeading(i18n.L("recovery.heading.avoid"), theme.SizeNameSubHeadingText), recWrapped(recBullets(ph.Avoid), false))
	right.Add(recHeading(i18n.L("recovery.heading.thermal"), theme.SizeNameSubHeadingText))
	if len(ad.Thermal) == 0 {
		right.Add(recWrapped(i18n.L("recovery.no_ice_or_heat_in"), false))
	}
	for _, r := range ad.Thermal {
		right.Add(recWrapped(i18n.N("recovery.thermal_max", int(r.Max.Minutes()), i18n.Args{"Title": r.Title}), true))
		right.Add(recWrapped(recBullets(r.Rules), false))
	}
	right.Add(recSourceLine(ph.Sources, v.opt.Library.Sources))
	if ph.AdvanceWhen != "" {
		right.Add(recWrapped(i18n.L("recovery.next_step", i18n.Args{"When": ph.AdvanceWhen}), false))
	}

	cols := container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(280, left.MinSize().Height), left), nil, right)
	objs := []fyne.CanvasObject{title, v.advice}
	if wait := p.AwaitingAssessment(); len(wait) > 0 {
		objs = append(objs, v.holdBox(wait))
	}
	objs = append(objs, summary, cols, recSeekCareBox(v.opt.Library, v.opt.Library.Sources))
	v.setBody(RecoveryStepOverview, i18n.L("recovery.close_esc"), false, objs...)
	if v.opt.OnCheckin != nil {
		v.checkin.SetText(i18n.L("recovery.check_in_now_enter"))
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
		recHeading(i18n.L("recovery.heading.on_hold"), theme.SizeNameSubHeadingText),
		recWrapped(recBullets(why), false),
		recWrapped(i18n.L("recovery.limber_holds_the_plan_s"), false),
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
			v.showMessage(i18n.L("recovery.save_failed", i18n.Args{"Error": err.Error()}))
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
		v.win.SetTitle(i18n.L("recovery.back_strain_recovery_limber"))
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
			v.showMessage(i18n.L("recovery.save_failed", i18n.Args{"Error": err.Error()}))
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
	if i18n.Has("recovery.field." + fe.Field) {
		label = i18n.L("recovery.field." + fe.Field)
	}
	if label == "" {
		label = fe.Field
	}
	want, got := fe.Want, fe.Got
	if fe.WantText.Key != "" {
		want = i18n.Msg(fe.WantText)
	}
	if fe.GotText.Key != "" {
		got = i18n.Msg(fe.GotText)
	}
	msg := want
	if got != "" {
		msg = got + "; " + want
	}
	return label + ": " + strings.TrimSpace(msg) + "."
}
