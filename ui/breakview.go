package ui

import (
	"bufio"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/recovery"
	"github.com/limberapp/limber/schedule"
)

// Outcomes a break window reports.
const (
	OutcomeCompleted  = schedule.OutcomeCompleted
	OutcomeEndedEarly = schedule.OutcomeEndedEarly // Done before most of it was done
	OutcomePostponed  = "postponed"
	OutcomeSkipped    = "skipped"
	OutcomeClosed     = "closed"
)

// BreakOptions configure a break window.
type BreakOptions struct {
	Kind     string        // posture, mobility, rest
	Duration time.Duration // the whole break
	// Routine is the break's routine (recovery.PlanRoutine); when it has
	// no items, Exercise fills the whole break.
	Routine  recovery.Routine
	Exercise *content.Exercise
	// Walk is true when the break is a recovery plan's walking prompt.
	Walk bool
	// Caution is the general caution every break shows (nil: none).
	Caution       *content.Caution
	Sources       map[string]*content.Source
	Strict        bool // no Skip button
	PostponesLeft int
	Fullscreen    bool
	// Next picks another exercise for "Next exercise"; nil hides the button.
	Next func(current *content.Exercise) *content.Exercise
	// Report tells the agent how the break ended. An error (e.g. no
	// postpones left) is shown and the window stays open.
	Report func(outcome, exercise string, spent time.Duration) error
	// Cue is called at step changes, at each change of the routine's
	// exercise and at the end (sound setting).
	Cue func(end bool)
	// OnTick, if set, is called after each countdown update with the
	// time left (backdrops on other monitors, strict mode's watch).
	OnTick func(left time.Duration)
	// OnShow, if set, is called once the window is shown (placing it and
	// the backdrops on the monitors: see Spread).
	OnShow func()
	// Now is the clock (tests inject one).
	Now func() time.Time
	// KeyGuard is how long after the window appears keys are ignored, so
	// that someone typing does not end the break with Enter (default 1 s).
	KeyGuard time.Duration
	// Note, if set, is shown above the buttons (e.g. why the exercise is
	// not the usual choice).
	Note string
}

// defaultKeyGuard is BreakOptions.KeyGuard's default.
const defaultKeyGuard = time.Second

// BreakView is the break window: a routine of exercises (or a posture
// cue, or "walk away"), one at a time, each with its moving figure and
// numbered steps with the current one highlighted; "2 of 4 · Next: …"; a
// countdown ring for the whole break; the general caution; and Done /
// Postpone / Skip / Next exercise.
type BreakView struct {
	opt     BreakOptions
	win     fyne.Window
	started time.Time
	items   []recovery.RoutineItem
	ends    []time.Duration // when each item ends, from the start
	item    int             // the item shown
	ex      *content.Exercise
	step    int
	// stepsDone counts the current exercise's steps the figure has moved
	// past (all of them once its loop has come round); doneBefore the
	// steps of the routine's earlier items.
	stepsDone  int
	doneBefore int
	ended      bool
	closed     bool
	shown      bool
	// minimised is true while the shown window is unmapped (minimised):
	// then nothing in it is redrawn. unwatch ends the watching.
	minimised bool
	unwatch   func()
	// hook lets Prepare act inside Fyne's first Show; release, set once
	// the window was made hidden, gives it back for Show to map.
	hook    *createHook
	release func()

	title    *widget.Label
	progress *widget.Label
	lead     *widget.Label
	caution  *widget.Label
	figure   *Figure
	figSlot  *fyne.Container
	left     *fyne.Container // the figure's column, hidden for a cue
	steps    []*widget.Label
	stepBox  *fyne.Container
	ring     *Ring
	why      *widget.Label
	message  *widget.Label
	done     *widget.Button
	postpone *widget.Button
	skip     *widget.Button
	next     *widget.Button

	// The countdown's goroutine: stopTick ends it, tickDone is closed
	// when it has ended.
	stopTick chan struct{}
	tickDone chan struct{}
	stopOnce sync.Once
}

// kindName is a break kind's title in the current language.
func kindName(kind string) string {
	if i18n.Has("break." + kind + ".title") {
		return i18n.L("break." + kind + ".title")
	}
	return capitalize(kind)
}

// NewBreakView builds the window; Show displays it.
func NewBreakView(a fyne.App, opt BreakOptions) *BreakView {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.KeyGuard == 0 {
		opt.KeyGuard = defaultKeyGuard
	}
	v := &BreakView{opt: opt, items: opt.Routine.Items}
	if len(v.items) == 0 {
		v.items = []recovery.RoutineItem{{Exercise: opt.Exercise, Time: opt.Duration}}
	}
	var at time.Duration
	for _, it := range v.items {
		at += it.Time
		v.ends = append(v.ends, at)
	}
	v.win = a.NewWindow(kindName(opt.Kind))
	v.build()
	v.setItem(0)
	return v
}

// itemName is what an item is called in "Next: …".
func itemName(it recovery.RoutineItem) string {
	switch {
	case it.Exercise != nil:
		return it.Exercise.Name
	case it.Cue != nil:
		return it.Cue.Title
	}
	return i18n.L("breakview.walk_away")
}

// itemSteps is how many steps an item counts for the outcome: an
// exercise's steps, one for a cue or an instruction.
func itemSteps(it recovery.RoutineItem) int {
	if it.Exercise != nil && len(it.Exercise.Steps) > 0 {
		return len(it.Exercise.Steps)
	}
	return 1
}

// Item is the routine's item shown (0-based) and how many there are.
func (v *BreakView) Item() (int, int) { return v.item, len(v.items) }

// transition is how long before an item ends the window says what comes
// next.
const transition = 5 * time.Second

// walkAway is what a rest break asks.
func walkAway() string { return i18n.L("breakview.walk_away.text") }

// walkPrompt is what a recovery plan's walking prompt asks.
func walkPrompt() string { return i18n.L("breakview.walk_prompt") }

// setItem shows the routine's item i.
func (v *BreakView) setItem(i int) {
	v.item = i
	it := v.items[i]
	v.lead.Hide()
	if v.opt.Kind == content.KindRest || (it.Exercise == nil && it.Cue == nil) {
		v.lead.SetText(walkAway())
		if v.opt.Walk {
			v.lead.SetText(walkPrompt())
		}
		v.lead.Show()
	}
	v.setExercise(it.Exercise)
	if it.Exercise == nil { // a cue or an instruction: no figure, nothing to swap
		v.left.Hide()
		v.next.Disable()
	} else {
		v.left.Show()
		v.next.Enable()
	}
	if it.Exercise == nil {
		name := kindName(v.opt.Kind)
		if it.Cue != nil {
			v.title.SetText(name + " · " + it.Cue.Title)
			v.win.SetTitle(i18n.L("breakview.window_title.item", i18n.Args{"Break": name, "Item": it.Cue.Title}))
			l := widget.NewLabel(it.Cue.Text)
			l.Wrapping = fyne.TextWrapWord
			l.TextStyle.Bold = true
			l.Importance = widget.HighImportance
			v.steps = []*widget.Label{l}
			v.stepBox.Add(l)
			v.why.SetText(i18n.L("breakview.why", i18n.Args{"Why": it.Cue.Why, "Sources": v.sourceNames(it.Cue.Sources)}))
		} else {
			v.win.SetTitle(i18n.L("breakview.window_title", i18n.Args{"Break": name}))
		}
		v.relayout()
	}
	v.updateProgress(0)
}

// updateProgress writes "2 of 4 · Next: …", and in the last seconds of
// an item "Next in 4 s: …".
func (v *BreakView) updateProgress(elapsed time.Duration) {
	n := len(v.items)
	if n < 2 {
		v.progress.Hide()
		return
	}
	text := i18n.L("breakview.progress", i18n.Args{"Item": v.item + 1, "Items": n})
	v.progress.Importance = widget.MediumImportance
	switch left := v.ends[v.item] - elapsed; {
	case v.item == n-1:
		text += " · " + i18n.L("breakview.progress.last")
	case left <= transition && left > 0:
		text += " · " + i18n.L("breakview.progress.next_in", i18n.Args{"Seconds": int((left + time.Second - 1) / time.Second), "Name": itemName(v.items[v.item+1])})
		v.progress.Importance = widget.HighImportance
	default:
		text += " · " + i18n.L("breakview.progress.next", i18n.Args{"Name": itemName(v.items[v.item+1])})
	}
	if v.progress.Text != text || !v.progress.Visible() {
		v.progress.SetText(text)
		v.progress.Show()
	}
}

// ProgressText is the "2 of 4 · Next: …" line ("" when hidden).
func (v *BreakView) ProgressText() string {
	if !v.progress.Visible() {
		return ""
	}
	return v.progress.Text
}

// CautionText is the caution line shown.
func (v *BreakView) CautionText() string { return v.caution.Text }

// relayout lays the content out again once widths are known, so wrapped
// step texts get their real heights.
func (v *BreakView) relayout() {
	for i := 0; i < 2; i++ {
		v.stepBox.Refresh()
		v.win.Content().Refresh()
	}
}

// Window returns the view's window.
func (v *BreakView) Window() fyne.Window { return v.win }

func (v *BreakView) build() {
	v.title = widget.NewLabel("")
	v.title.TextStyle.Bold = true
	v.title.SizeName = "headingText"
	v.title.Wrapping = fyne.TextWrapWord
	v.progress = widget.NewLabel("")
	v.progress.TextStyle.Bold = true
	v.progress.Wrapping = fyne.TextWrapWord
	v.progress.Hide()
	v.lead = widget.NewLabel("")
	v.lead.Wrapping = fyne.TextWrapWord
	v.lead.TextStyle.Bold = true
	v.lead.Hide()
	v.caution = widget.NewLabel("")
	v.caution.Wrapping = fyne.TextWrapWord
	v.caution.SizeName = theme.SizeNameCaptionText
	v.caution.Hide()
	if c := v.opt.Caution; c != nil {
		v.caution.SetText("⚠ " + c.Text + " (" + strings.Join(v.sourceList(c.Sources), "; ") + ")")
		v.caution.Show()
	}
	v.figSlot = container.NewStack()
	v.stepBox = container.NewVBox()
	v.ring = NewRing(v.opt.Duration)
	v.why = widget.NewLabel("")
	v.why.Wrapping = fyne.TextWrapWord
	v.message = widget.NewLabel("")
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Importance = widget.WarningImportance
	v.message.Hide()
	if v.opt.Note != "" {
		v.message.SetText(v.opt.Note)
		v.message.Importance = widget.MediumImportance
		v.message.Show()
	}

	v.done = widget.NewButton(i18n.L("breakview.done"), v.OnDone)
	v.done.Importance = widget.HighImportance
	v.postpone = widget.NewButton(v.postponeLabel(), v.OnPostpone)
	if v.opt.PostponesLeft <= 0 {
		v.postpone.Disable()
	}
	v.skip = widget.NewButton(i18n.L("breakview.skip"), v.OnSkip)
	v.next = widget.NewButton(i18n.L("breakview.next_exercise"), v.OnNext)
	buttons := container.NewHBox(layout.NewSpacer(), v.next, v.postpone)
	if !v.opt.Strict {
		buttons.Add(v.skip)
	}
	buttons.Add(v.done)
	if v.opt.Next == nil {
		v.next.Hide()
	}

	// The ring sits beside the title, so that the window fits a small
	// screen at 200 % (960×540 logical): figure and steps share the rest.
	ring := container.NewGridWrap(fyne.NewSize(96, 96), v.ring)
	v.left = container.NewVBox(container.NewGridWrap(fyne.NewSize(280, 280), v.figSlot))
	left := v.left
	right := container.NewVScroll(container.NewVBox(v.lead, v.stepBox, widget.NewSeparator(), v.why))
	body := container.NewBorder(nil, nil, left, nil, right)
	top := container.NewBorder(nil, nil, nil, ring, container.NewVBox(v.title, v.progress))
	v.hook = newCreateHook()
	v.win.SetContent(container.NewPadded(v.hook, container.NewBorder(top, container.NewVBox(v.caution, v.message, buttons), nil, nil, body)))
	v.win.Resize(fyne.NewSize(820, 560))
	v.win.SetFullScreen(v.opt.Fullscreen)
	v.win.Canvas().SetOnTypedKey(v.OnKey)
	v.win.SetCloseIntercept(v.OnClose)
	// However the window goes (closed, destroyed), nothing keeps running.
	v.win.SetOnClosed(func() {
		v.closed = true
		v.stop()
	})
}

func (v *BreakView) postponeLabel() string {
	return i18n.L("breakview.postpone", i18n.Args{"Left": max(v.opt.PostponesLeft, 0)})
}

// SetPostponesLeft updates the postpones left (the agent's count); none
// left disables Postpone.
func (v *BreakView) SetPostponesLeft(n int) {
	v.opt.PostponesLeft = n
	v.postpone.SetText(v.postponeLabel())
	if n <= 0 || v.ended {
		v.postpone.Disable()
	} else {
		v.postpone.Enable()
	}
}

// setExercise shows ex: title, figure, steps, why.
func (v *BreakView) setExercise(ex *content.Exercise) {
	if v.figure != nil {
		v.figure.Stop()
	}
	v.ex = ex
	v.step = -1
	v.stepsDone = 0
	name := kindName(v.opt.Kind)
	v.stepBox.RemoveAll()
	v.steps = nil
	v.figSlot.RemoveAll()
	if ex == nil {
		v.title.SetText(name)
		v.why.SetText("")
		return
	}
	v.title.SetText(name + " · " + ex.Name)
	v.win.SetTitle(i18n.L("breakview.window_title.item", i18n.Args{"Break": name, "Item": ex.Name}))
	for i := range ex.Steps {
		l := widget.NewLabel(i18n.L("breakview.step", i18n.Args{"Number": i + 1, "Text": ex.Steps[i].Text, "Timing": i18n.Msg(ex.StepTimingText(i))}))
		l.Wrapping = fyne.TextWrapWord
		v.steps = append(v.steps, l)
		v.stepBox.Add(l)
	}
	v.figure = NewFigure(ex)
	v.figure.OnStep = v.onFigureStep
	v.figSlot.Add(v.figure)
	v.why.SetText(i18n.L("breakview.why", i18n.Args{"Why": ex.Why, "Sources": v.sourceNames(ex.Sources)}) + exerciseCautions(ex))
	v.highlight(0)
	if v.shown { // a hidden window does not animate
		v.figure.Start()
	}
	v.relayout()
}

// sourceNames is "Source: …" or "Sources: …" with the publishers' names.
func (v *BreakView) sourceNames(ids []string) string {
	return i18n.N("breakview.sources", len(ids), i18n.Args{"List": strings.Join(v.sourceList(ids), "; ")})
}

// sourceList is the publishers' names of sources ids (the id where a
// source has none).
func (v *BreakView) sourceList(ids []string) []string {
	var names []string
	for _, id := range ids {
		if s, ok := v.opt.Sources[id]; ok && s.Publisher != "" {
			names = append(names, s.Publisher)
		} else {
			names = append(names, id)
		}
	}
	return names
}

// onFigureStep follows the animation's current step.
func (v *BreakView) onFigureStep(i int) {
	if i != v.step && v.opt.Cue != nil && v.step >= 0 {
		v.opt.Cue(false)
	}
	switch {
	case v.step >= 0 && i < v.step: // the loop came round: every step done
		v.stepsDone = len(v.steps)
	case i > v.stepsDone:
		v.stepsDone = i
	}
	v.highlight(i)
}

// highlight marks step i as the current one.
func (v *BreakView) highlight(i int) {
	if i == v.step || i < 0 || i >= len(v.steps) {
		return
	}
	v.step = i
	for j, l := range v.steps {
		l.TextStyle.Bold = j == i
		if j == i {
			l.Importance = widget.HighImportance
		} else {
			l.Importance = widget.MediumImportance
		}
		l.Refresh()
	}
}

// CurrentStep is the highlighted step (0-based).
func (v *BreakView) CurrentStep() int { return v.step }

// Prepare readies a pre-started window for Show without showing
// anything: on X11 it makes the native window, its GL context and a first
// frame (every text rasterised) now, where no one sees them, so that Show
// has only the map and a frame from cached textures left (see
// createHidden). Call it on Fyne's goroutine once the app runs. It
// reports false where it could not (no X11, full screen, shown or
// closed already): then Show makes the window as usual.
func (v *BreakView) Prepare() bool {
	if v.shown || v.closed || v.release != nil || v.win.FullScreen() {
		return false
	}
	v.win.CenterOnScreen()
	rel, ok := createHidden(v.win, v.hook)
	if !ok {
		return false
	}
	v.release = rel
	v.keepTextures()
	return true
}

// keepTextures redraws a prepared window, where no one sees it, every
// 30 s until it is shown: Fyne frees a text texture not drawn for a
// minute, and a pre-started window can wait longer than that.
func (v *BreakView) keepTextures() {
	time.AfterFunc(30*time.Second, func() {
		fyne.Do(func() {
			if v.shown || v.closed || v.release == nil {
				return
			}
			v.win.Canvas().Refresh(v.hook) // marks the canvas dirty: a redraw, nothing freed
			v.keepTextures()
		})
	})
}

// Show displays the window centred, focused, and starts the figure and
// the countdown; until then a (pre-started) window does neither.
func (v *BreakView) Show() {
	if v.shown || v.closed {
		return
	}
	v.shown = true
	v.started = v.opt.Now()
	prepared := v.release != nil
	if prepared {
		v.release()
		v.release = nil
	}
	v.win.CenterOnScreen()
	v.win.Show()
	if !prepared {
		// A prepared window was laid out at this size already; refreshing
		// its labels would only throw away the textures of its first
		// frame.
		v.relayout()
	}
	v.win.RequestFocus()
	v.unwatch = watchMapped(v.win, v.setMapped)
	if v.figure != nil && !v.ended {
		v.figure.Start()
	}
	// What starting up left behind (the library read, fonts, the first
	// layout) is garbage now: hand it back once the window is up, off
	// the path to its first frame.
	time.AfterFunc(time.Second, debug.FreeOSMemory)
	v.stopTick, v.tickDone = make(chan struct{}), make(chan struct{})
	go func(stop, done chan struct{}) {
		defer close(done)
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				fyne.Do(v.Tick)
			case <-stop:
				return
			}
		}
	}(v.stopTick, v.tickDone)
	if v.opt.OnShow != nil {
		v.opt.OnShow()
	}
}

// ticking reports whether the countdown's goroutine was started and not
// told to stop.
func (v *BreakView) ticking() bool {
	if v.stopTick == nil {
		return false
	}
	select {
	case <-v.stopTick:
		return false
	default:
		return true
	}
}

// setMapped follows the window being minimised (unmapped) and back:
// while it is, the figure stops and the ring is not redrawn.
func (v *BreakView) setMapped(mapped bool) {
	if v.closed || !v.shown || mapped != v.minimised {
		return
	}
	v.minimised = !mapped
	if !mapped {
		if v.figure != nil {
			v.figure.Stop()
		}
		return
	}
	if v.figure != nil && !v.ended {
		v.figure.Start()
	}
	v.Tick()
}

// stop ends the countdown, the figure and the watching of the window.
func (v *BreakView) stop() {
	if v.stopTick != nil {
		v.stopOnce.Do(func() { close(v.stopTick) })
	}
	if v.unwatch != nil {
		v.unwatch()
		v.unwatch = nil
	}
	if v.figure != nil {
		v.figure.Stop()
	}
}

// Dismiss closes the window without reporting an outcome: the break
// ended elsewhere, or the agent is gone.
func (v *BreakView) Dismiss() {
	if v.closed {
		return
	}
	v.closed = true
	v.stop()
	v.win.Close()
}

// withdraw ends the window for Control: everything stops and the window
// hides; quit then ends the process. It does not close the native window
// first: GLFW can still deliver a pending cursor event to a window Fyne
// has just destroyed, which crashes the process (seen under load).
func (v *BreakView) withdraw() {
	if v.closed {
		return
	}
	v.closed = true
	v.stop()
	v.win.Hide()
}

// Control reads the agent's commands, one a line, until EOF or "close":
//
//	show          show the (hidden) window
//	close         the break ended elsewhere: close without reporting
//	postpones N   N postpones left (0 disables Postpone)
//
// Unknown lines are noted on log and ignored. EOF (the agent is gone or
// has discarded the view) and "close" dismiss the window and call quit.
// Commands run on Fyne's goroutine.
func (v *BreakView) Control(r io.Reader, log io.Writer, quit func()) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		word, arg, _ := strings.Cut(line, " ")
		switch word {
		case "show":
			fyne.DoAndWait(v.Show)
			continue
		case "close":
			fyne.DoAndWait(v.withdraw)
			quit()
			return
		case "postpones":
			if n, err := strconv.Atoi(strings.TrimSpace(arg)); err == nil && n >= 0 {
				fyne.DoAndWait(func() { v.SetPostponesLeft(n) })
				continue
			}
		case "":
			continue
		}
		fmt.Fprintf(log, "limber: break window: ignoring the command %q (expected show, close or postpones N)\n", line)
	}
	fyne.DoAndWait(v.withdraw)
	quit()
}

// Tick updates the countdown (the ring, while the window is mapped); at
// zero it offers completion.
func (v *BreakView) Tick() {
	elapsed := v.opt.Now().Sub(v.started)
	left := v.opt.Duration - elapsed
	if !v.minimised {
		v.ring.SetLeft(left)
	}
	if !v.ended {
		i := v.item
		for i < len(v.items)-1 && elapsed >= v.ends[i] {
			i++
		}
		if i != v.item {
			for j := v.item; j < i; j++ {
				v.doneBefore += itemSteps(v.items[j])
			}
			v.setItem(i)
			if v.opt.Cue != nil {
				v.opt.Cue(false)
			}
		}
		v.updateProgress(elapsed)
	}
	if v.opt.OnTick != nil {
		defer v.opt.OnTick(left)
	}
	if left <= 0 && !v.ended {
		v.ended = true
		if v.figure != nil {
			v.figure.Stop()
		}
		v.message.Importance = widget.SuccessImportance
		v.message.SetText(i18n.L("breakview.complete"))
		v.message.Show()
		v.done.SetText(i18n.L("breakview.finish"))
		v.postpone.Disable()
		v.skip.Disable()
		if v.opt.Cue != nil {
			v.opt.Cue(true)
		}
	}
}

// Ended reports whether the countdown has reached zero.
func (v *BreakView) Ended() bool { return v.ended }

func (v *BreakView) spent() time.Duration {
	if v.started.IsZero() {
		return 0
	}
	return v.opt.Now().Sub(v.started)
}

// finish reports the outcome and closes the window, or shows why not.
func (v *BreakView) finish(outcome string) {
	if v.closed {
		return
	}
	id := "" // the exercise shown, or the last one before a cue, or the routine's first
	for i := v.item; i >= 0 && id == ""; i-- {
		if e := v.items[i].Exercise; e != nil {
			id = e.ID
		}
	}
	for i := v.item + 1; i < len(v.items) && id == ""; i++ {
		if e := v.items[i].Exercise; e != nil {
			id = e.ID
		}
	}
	if v.opt.Report != nil {
		if err := v.opt.Report(outcome, id, v.spent()); err != nil && outcome != OutcomeClosed {
			v.message.Importance = widget.WarningImportance
			v.message.SetText(capitalize(err.Error()) + ".")
			v.message.Show()
			return
		}
	}
	v.closed = true
	v.stop()
	v.win.Close()
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// OnDone ends the break: completed if the person did most of it (see
// schedule.BreakOutcome), else ended early.
func (v *BreakView) OnDone() {
	if v.ended {
		v.finish(OutcomeCompleted)
		return
	}
	done, all := v.StepsDone()
	v.finish(schedule.BreakOutcome(v.spent(), v.opt.Duration, done, all))
}

// StepsDone is how many of the routine's steps are done, and how many it
// has: every step of the items before the one shown, and the current
// exercise's steps the figure has moved past.
func (v *BreakView) StepsDone() (done, all int) {
	for _, it := range v.items {
		all += itemSteps(it)
	}
	done = v.doneBefore
	if v.ex != nil {
		done += v.stepsDone
	}
	return done, all
}

// OnPostpone postpones the break.
func (v *BreakView) OnPostpone() {
	if v.postpone.Disabled() {
		return
	}
	v.finish(OutcomePostponed)
}

// OnSkip skips the break (never in strict mode).
func (v *BreakView) OnSkip() {
	if v.opt.Strict || v.skip.Disabled() {
		return
	}
	v.finish(OutcomeSkipped)
}

// OnNext shows another exercise.
func (v *BreakView) OnNext() {
	if v.opt.Next == nil {
		return
	}
	if v.ex == nil {
		return // a cue or an instruction: nothing to swap
	}
	if ex := v.opt.Next(v.ex); ex != nil {
		v.items[v.item].Exercise = ex
		v.setExercise(ex)
		v.updateProgress(v.spent())
	}
}

// OnClose handles the window's close button. In strict mode with no
// postpones left it does not end the break before the countdown does
// (the engine would count a close as a postpone).
func (v *BreakView) OnClose() {
	if v.opt.Strict && !v.ended && v.opt.PostponesLeft <= 0 {
		v.message.Importance = widget.WarningImportance
		v.message.SetText(i18n.L("breakview.strict"))
		v.message.Show()
		return
	}
	v.finish(OutcomeClosed)
}

// OnKey maps the keyboard: Enter = Done, Esc = Postpone, N = next. Keys
// do nothing before the window is shown, nor for KeyGuard after.
func (v *BreakView) OnKey(ev *fyne.KeyEvent) {
	if v.started.IsZero() || v.opt.Now().Sub(v.started) < v.opt.KeyGuard {
		return
	}
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		v.OnDone()
	case fyne.KeyEscape:
		v.OnPostpone()
	case fyne.KeyN:
		v.OnNext()
	}
}

// exerciseCautions is the exercise's own cautions (osteoporosis,
// pregnancy, back pain…), shown under why it helps.
func exerciseCautions(ex *content.Exercise) string {
	if len(ex.Cautions) == 0 {
		return ""
	}
	return "\n\n⚠ " + strings.Join(ex.Cautions, "\n⚠ ")
}
