package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/recovery"
)

// RecoveryKind is the journal kind of recovery check-ins.
const RecoveryKind = "recovery"

// recCheckinRoutine are the routine red flags the daily check-in asks
// about; the others are history (asked at the intake) or the plan's own
// review over time.
var recCheckinRoutine = []string{"flag-leg-pain", "flag-leg-tingling", "flag-coordination"}

// The answers of the trend question and what Checkin.Function stores.
var recTrend = map[string]string{"better": "better", "about the same": "same", "worse": "worse"}

// recChoices are a question's choices (what is stored) and the labels the
// window shows for them (Labels[i] names Choices[i]).
type recChoices struct{ choices, labels []string }

// newRecChoices reads q's choices and its labels (the choices themselves
// where the library gives no label).
func newRecChoices(q *content.Checkin) recChoices {
	c := recChoices{choices: q.Choices, labels: make([]string, len(q.Choices))}
	for i, ch := range q.Choices {
		c.labels[i] = ch
		if i < len(q.Labels) && q.Labels[i] != "" {
			c.labels[i] = q.Labels[i]
		}
	}
	return c
}

// choice is the choice a label shows ("" for none).
func (c recChoices) choice(label string) string {
	for i, l := range c.labels {
		if l == label {
			return c.choices[i]
		}
	}
	return ""
}

// label is a choice's label ("" for none).
func (c recChoices) label(choice string) string {
	for i, ch := range c.choices {
		if ch == choice {
			return c.labels[i]
		}
	}
	return ""
}

// CheckinOptions configure the check-in window.
type CheckinOptions struct {
	Library *content.Library
	Plan    *recovery.Plan // an active plan
	Now     func() time.Time
	// Save stores the plan after a check-in; nil keeps it in memory.
	Save func(*recovery.Plan) error
	// Journal records the check-in; nil records nothing.
	Journal func(journal.Record) error
	Warning string
}

// CheckinView is the daily check-in: pain, trend, function, sleep, walking,
// sharp pain and the red-flag questions; then the advice at its level and a
// chart of pain over the check-ins.
type CheckinView struct {
	opt CheckinOptions
	win fyne.Window

	pain      *widget.Slider
	painValue *widget.Label
	trend     *widget.RadioGroup
	limits    *widget.RadioGroup
	sleep     *widget.RadioGroup
	walking   *widget.RadioGroup
	sharp     *widget.RadioGroup
	// trendC, limitsC and yesNoC name each group's choices (stored) by
	// the labels it shows.
	trendC, limitsC, yesNoC recChoices
	flags                   *recFlagChecks

	advice  *AdviceBox
	chart   *PainChart
	phase   *widget.Label
	status  *widget.Label
	message *widget.Label
	save    *widget.Button
	close   *widget.Button
	buttons *fyne.Container
	right   *fyne.Container // advice, chart, phase
}

// recRightWidth is the width of the check-in's advice and chart column.
const recRightWidth = 420

// recFixedWidth lays its objects out at a fixed width and the full height.
type recFixedWidth float32

func (w recFixedWidth) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(float32(w), s.Height))
	}
}

func (w recFixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(w), h)
}

// NewCheckinView builds the window; Show displays it.
func NewCheckinView(a fyne.App, opt CheckinOptions) *CheckinView {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	v := &CheckinView{opt: opt}
	v.win = a.NewWindow(i18n.L("recovery.recovery_check_in_limber"))
	lib := opt.Library
	question := func(id string) *content.Checkin {
		for _, q := range lib.Checkins {
			if q.ID == id {
				return q
			}
		}
		return &content.Checkin{ID: id, Question: id}
	}
	v.yesNoC = recChoices{choices: []string{"yes", "no"}, labels: []string{i18n.L("checkin.yes"), i18n.L("checkin.no")}}
	yesNo := func() *widget.RadioGroup {
		r := widget.NewRadioGroup(v.yesNoC.labels, nil)
		r.Horizontal = true
		return r
	}

	v.pain = widget.NewSlider(0, 10)
	v.pain.Step = 1
	v.painValue = widget.NewLabel("")
	v.pain.OnChanged = v.OnPain
	v.pain.SetValue(float64(max(opt.Plan.Baseline(), 0)))
	v.trendC, v.limitsC = newRecChoices(question("trend")), newRecChoices(question("function"))
	v.trend = widget.NewRadioGroup(v.trendC.labels, nil)
	v.trend.Horizontal = true
	v.limits = widget.NewRadioGroup(v.limitsC.labels, nil)
	v.sleep, v.walking, v.sharp = yesNo(), yesNo(), yesNo()

	var flags []*content.RedFlag
	for _, f := range append(recovery.FlagsAt(lib, "emergency"), recovery.FlagsAt(lib, "same-day")...) {
		if !f.HoldUntilAssessed { // history: asked once, at the intake
			flags = append(flags, f)
		}
	}
	for _, id := range recCheckinRoutine {
		for _, f := range lib.RedFlags {
			if f.ID == id {
				flags = append(flags, f)
			}
		}
	}
	v.flags = newRecFlagChecks(flags)

	q := func(id string) *widget.Label { return recWrapped(question(id).Question, true) }
	form := container.NewVBox(
		recHeading(i18n.L("checkin.heading"), theme.SizeNameHeadingText),
		q("pain"),
		container.NewBorder(nil, nil, widget.NewLabel("0"), container.NewHBox(widget.NewLabel("10"), v.painValue), v.pain),
		q("trend"), v.trend,
		q("function"), v.limits,
		q("sleep"), v.sleep,
		q("walking"), v.walking,
		q("sharp-pain"), v.sharp,
		recHeading(i18n.L("checkin.flags"), theme.SizeNameSubHeadingText),
		recWrapped(i18n.L("recovery.tick_each_one_that_is"), false),
		v.flags.box(),
	)

	v.advice = NewAdviceBox(opt.Plan.Advice(opt.Now()))
	v.chart = NewPainChart(nil)
	v.phase = recWrapped("", false)
	v.status = recWrapped("", false)
	v.message = recWrapped("", false)
	v.message.Importance = widget.DangerImportance
	v.message.Hide()
	v.save = widget.NewButton(i18n.L("recovery.save_check_in_enter"), v.OnSave)
	v.save.Importance = widget.HighImportance
	v.close = widget.NewButton(i18n.L("recovery.close_esc"), v.OnClose)

	v.right = container.NewVBox(v.advice, recHeading(i18n.L("checkin.history"), theme.SizeNameSubHeadingText),
		container.NewGridWrap(fyne.NewSize(recRightWidth-20, 240), v.chart), v.phase, v.status)
	body := container.NewBorder(nil, nil, nil, container.New(recFixedWidth(recRightWidth), container.NewVScroll(v.right)), container.NewVScroll(form))
	top := container.NewVBox()
	if opt.Warning != "" {
		w := recWrapped(opt.Warning, false)
		w.Importance = widget.WarningImportance
		top.Add(w)
	}
	v.buttons = container.NewHBox(layout.NewSpacer(), v.close, v.save)
	v.win.SetContent(container.NewPadded(container.NewBorder(top, container.NewVBox(v.message, v.buttons), nil, nil, body)))
	v.win.Resize(fyne.NewSize(1040, 760))
	v.win.Canvas().SetOnTypedKey(v.OnKey)

	if c := opt.Plan.CheckinOn(time.Time{}, opt.Now()); c != nil {
		v.fill(c)
		v.save.SetText(i18n.L("recovery.update_today_s_check_in"))
	}
	v.refresh()
	return v
}

// Window returns the view's window.
func (v *CheckinView) Window() fyne.Window { return v.win }

// Show displays the window centred and focused.
func (v *CheckinView) Show() {
	v.win.CenterOnScreen()
	v.win.Show()
	v.win.RequestFocus()
}

// OnPain shows the slider's value.
func (v *CheckinView) OnPain(f float64) {
	v.painValue.SetText(i18n.L("checkin.pain", i18n.Args{"Pain": int(f)}))
}

// fill shows an earlier check-in's answers.
func (v *CheckinView) fill(c *recovery.Checkin) {
	v.pain.SetValue(float64(c.Pain))
	for choice, val := range recTrend {
		if val == c.Function {
			v.trend.SetSelected(v.trendC.label(choice))
		}
	}
	v.limits.SetSelected(v.limitsC.label(c.Answers["function"]))
	switch c.Sleep {
	case "poor":
		v.sleep.SetSelected(v.yesNoC.label("yes"))
	case "good":
		v.sleep.SetSelected(v.yesNoC.label("no"))
	}
	v.walking.SetSelected(v.yesNoC.label(c.Answers["walking"]))
	v.sharp.SetSelected(v.yesNoC.label(c.Answers["sharp-pain"]))
	for i, f := range v.flags.flags {
		for _, id := range c.Flags {
			if id == f.ID {
				v.flags.checks[i].SetChecked(true)
			}
		}
	}
}

// Checkin is the check-in the form describes.
func (v *CheckinView) Checkin() recovery.Checkin {
	c := recovery.Checkin{Pain: int(v.pain.Value), Function: recTrend[v.trendC.choice(v.trend.Selected)], Flags: v.flags.yes(), Answers: map[string]string{}}
	switch v.yesNoC.choice(v.sleep.Selected) { // "Did back pain wake you …?"
	case "yes":
		c.Sleep = "poor"
	case "no":
		c.Sleep = "good"
	}
	for id, r := range map[string]struct {
		g *widget.RadioGroup
		c recChoices
	}{"function": {v.limits, v.limitsC}, "walking": {v.walking, v.yesNoC}, "sharp-pain": {v.sharp, v.yesNoC}} {
		if r.g.Selected != "" {
			c.Answers[id] = r.c.choice(r.g.Selected)
		}
	}
	return c
}

// OnSave records the check-in, saves the plan, journals it and shows the
// advice.
func (v *CheckinView) OnSave() {
	now := v.opt.Now()
	p := v.opt.Plan
	c := v.Checkin()
	adv, err := p.CheckIn(c, now)
	if err != nil {
		v.showMessage(recFieldMessage(err))
		return
	}
	v.hideMessage()
	if v.opt.Save != nil {
		if err := v.opt.Save(p); err != nil {
			v.showMessage(i18n.L("checkin.save_failed", i18n.Args{"Error": err.Error()}))
		}
	}
	if v.opt.Journal != nil {
		if saved := p.CheckinOn(time.Time{}, now); saved != nil {
			err := v.opt.Journal(journal.Record{Time: now, Event: journal.EventCheckin, Kind: RecoveryKind,
				Data: saved.JournalData(p.Phase, adv.Level, p.Day(now))})
			if err != nil {
				v.showMessage(i18n.L("checkin.journal_failed", i18n.Args{"Error": err.Error()}))
			}
		}
	}
	v.advice.Set(adv)
	v.right.Refresh() // the advice may have grown
	v.status.SetText(i18n.L("checkin.saved", i18n.Args{"Pain": c.Pain}))
	v.save.SetText(i18n.L("recovery.update_today_s_check_in"))
	v.buttons.Refresh()
	v.refresh()
}

// refresh redraws the chart and the phase line.
func (v *CheckinView) refresh() {
	now := v.opt.Now()
	p := v.opt.Plan
	v.chart.SetPoints(RecoveryPoints(p))
	if ph := p.CurrentPhase(now); ph != nil {
		text := i18n.L("checkin.day", i18n.Args{"Day": p.Day(now), "Phase": ph.Title})
		if p.PhaseState(now).ScaledBack {
			text += " " + i18n.L("checkin.stepped_back")
		}
		v.phase.SetText(text)
	}
}

// RecoveryPoints are a plan's check-ins as chart points.
func RecoveryPoints(p *recovery.Plan) []PainPoint {
	var pts []PainPoint
	for _, c := range p.Checkins {
		pts = append(pts, PainPoint{Day: p.Day(c.Date), Pain: c.Pain})
	}
	return pts
}

// OnKey: Enter saves, Esc closes.
func (v *CheckinView) OnKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		v.OnSave()
	case fyne.KeyEscape:
		v.OnClose()
	}
}

// OnClose closes the window.
func (v *CheckinView) OnClose() { v.win.Close() }

func (v *CheckinView) showMessage(s string) {
	v.message.SetText(s)
	v.message.Show()
}

func (v *CheckinView) hideMessage() {
	v.message.SetText("")
	v.message.Hide()
}
