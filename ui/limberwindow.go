package ui

import (
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/i18n"
)

// LimberNext is one upcoming break in the Limber window.
type LimberNext struct {
	Kind string        // posture, mobility, rest
	In   time.Duration // until it is due
}

// LimberStatus is the agent's state as the Limber window shows it.
type LimberStatus struct {
	State       string // running, paused, idle, in_break, outside_hours
	InBreak     string // the kind in progress, when State is in_break
	PausedUntil time.Time
	Next        []LimberNext
}

// LimberOptions connect the Limber window to the running agent.
type LimberOptions struct {
	// Status asks the agent for its state; an error means it is not
	// reachable (the window says so and disables its buttons).
	Status func() (LimberStatus, error)
	Break  func(kind string) error
	// Pause pauses breaks for d; 0 means until tomorrow.
	Pause    func(d time.Duration) error
	Resume   func() error
	Settings func() error
	// History opens the history window; nil: no button.
	History func() error
	// Quit quits the agent; the window closes after it.
	Quit func() error
	// Ticker starts the refresh ticks: a channel and a stop function.
	// nil: a one-second time.Ticker.
	Ticker func() (<-chan time.Time, func())
	// Now is the clock for the pause line; nil: time.Now.
	Now func() time.Time
	// Go runs a request to the agent off Fyne's goroutine; nil: a new
	// goroutine. (Fyne's test driver runs fyne.Do where it is called, so
	// tests run requests in line.)
	Go func(func())
}

// LimberView is the Limber window: what comes next, take a break now,
// pause or resume, settings and quit. With no tray icon (stock GNOME) it
// is how a person reaches Limber: the launcher and a second `limber` open
// it. It asks the agent for its state when shown, after each button, and
// once a second while shown; never while hidden.
type LimberView struct {
	opt    LimberOptions
	win    fyne.Window
	closed bool

	state   *widget.Label
	hist    *widget.Button
	grid    *fyne.Container // the next breaks, two columns
	next    []*widget.Label // kind names
	nextIn  []*widget.Label // "in 12 min"
	breaks  []*widget.Button
	pauses  []*widget.Button
	resume  *widget.Button
	set     *widget.Button
	quit    *widget.Button
	message *widget.Label

	mu       sync.Mutex
	stopTick func() // non-nil while ticking
	done     chan struct{}
	refresh  sync.Mutex // one Status call at a time
}

// LimberKinds are the break kinds the window lists, in order.
var LimberKinds = []string{"posture", "mobility", "rest"}

// NewLimberView builds the window; Show displays it.
func NewLimberView(a fyne.App, opt LimberOptions) *LimberView {
	if opt.Ticker == nil {
		opt.Ticker = func() (<-chan time.Time, func()) {
			t := time.NewTicker(time.Second)
			return t.C, t.Stop
		}
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	v := &LimberView{opt: opt}
	v.win = a.NewWindow("Limber")
	v.build()
	return v
}

// Window returns the view's window.
func (v *LimberView) Window() fyne.Window { return v.win }

func (v *LimberView) build() {
	title := widget.NewLabel("Limber")
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameHeadingText
	v.state = widget.NewLabel(i18n.L("limber.asking"))
	v.state.TextStyle.Bold = true

	heading := widget.NewLabel(i18n.L("limber.next_breaks"))
	heading.TextStyle.Bold = true
	grid := container.New(layout.NewFormLayout())
	v.grid = grid
	for range LimberKinds {
		name, in := widget.NewLabel(""), widget.NewLabel("")
		v.next, v.nextIn = append(v.next, name), append(v.nextIn, in)
		grid.Add(name)
		grid.Add(in)
	}

	take := widget.NewLabel(i18n.L("tray.take"))
	take.TextStyle.Bold = true
	var breakRow []fyne.CanvasObject
	for _, k := range LimberKinds {
		k := k
		b := widget.NewButton(kindShort(k), func() { v.act(func() error { return v.opt.Break(k) }) })
		v.breaks = append(v.breaks, b)
		breakRow = append(breakRow, b)
	}
	pause := widget.NewLabel(i18n.L("limber.pause"))
	pause.TextStyle.Bold = true
	var pauseRow []fyne.CanvasObject
	for _, p := range []struct {
		label string
		d     time.Duration
	}{{i18n.L("tray.pause.30m"), 30 * time.Minute}, {i18n.L("tray.pause.1h"), time.Hour}, {i18n.L("tray.pause.tomorrow"), 0}} {
		d := p.d
		b := widget.NewButton(p.label, func() { v.act(func() error { return v.opt.Pause(d) }) })
		v.pauses = append(v.pauses, b)
		pauseRow = append(pauseRow, b)
	}
	v.resume = widget.NewButtonWithIcon(i18n.L("tray.resume"), theme.MediaPlayIcon(), func() { v.act(v.opt.Resume) })
	v.resume.Importance = widget.HighImportance
	v.resume.Hide()
	pauseRow = append(pauseRow, v.resume)

	v.message = wrapped("")
	v.message.Importance = widget.WarningImportance
	v.message.Hide()
	v.set = widget.NewButtonWithIcon(i18n.L("tray.settings"), theme.SettingsIcon(), func() { v.act(v.opt.Settings) })
	v.quit = widget.NewButtonWithIcon(i18n.L("limber.quit"), theme.LogoutIcon(), v.OnQuit)
	left := container.NewHBox(v.set)
	if v.opt.History != nil {
		v.hist = widget.NewButtonWithIcon(i18n.L("tray.history"), theme.HistoryIcon(), func() { v.act(v.opt.History) })
		left.Add(v.hist)
	}

	body := container.NewVBox(
		title, v.state, widget.NewSeparator(),
		heading, grid, widget.NewSeparator(),
		take, container.NewHBox(breakRow...),
		pause, container.NewHBox(pauseRow...),
		v.message,
	)
	bottom := container.NewVBox(widget.NewSeparator(), container.NewHBox(left, layout.NewSpacer(), v.quit))
	v.win.SetContent(container.NewPadded(container.NewBorder(nil, bottom, nil, nil, body)))
	v.win.Resize(fyne.NewSize(460, v.win.Content().MinSize().Height))
	v.win.Canvas().SetOnTypedKey(v.OnKey)
	v.win.SetCloseIntercept(v.OnClose)
}

// Show displays the window, asks the agent once, and refreshes once a
// second from then on while it is shown.
func (v *LimberView) Show() {
	v.win.CenterOnScreen()
	v.win.Show()
	v.win.RequestFocus()
	v.Refresh()
	v.startTicking()
}

// Raise brings the window forward (another Limber window was asked for)
// and refreshes it.
func (v *LimberView) Raise() {
	if v.closed {
		return
	}
	v.win.Show()
	v.win.RequestFocus()
	v.spawn(v.Refresh)
	v.startTicking()
}

// Hide hides the window; refreshes stop until it is shown again.
func (v *LimberView) Hide() {
	v.stopTicking()
	v.win.Hide()
}

// Ticking says whether the once-a-second refresh runs.
func (v *LimberView) Ticking() bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.stopTick != nil
}

func (v *LimberView) startTicking() {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.stopTick != nil || v.closed {
		return
	}
	ch, stop := v.opt.Ticker()
	done := make(chan struct{})
	v.stopTick, v.done = stop, done
	go func() {
		for {
			select {
			case <-done:
				return
			case <-ch:
				select {
				case <-done: // hidden meanwhile: a tick that raced the stop
					return
				default:
				}
				// A slow answer makes ticks wait, never pile up.
				v.Refresh()
			}
		}
	}()
}

func (v *LimberView) stopTicking() {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.stopTick == nil {
		return
	}
	v.stopTick()
	close(v.done)
	v.stopTick, v.done = nil, nil
}

// Refresh asks the agent for its state and shows it. It may run on any
// goroutine; the widgets change on Fyne's.
func (v *LimberView) Refresh() {
	v.refresh.Lock()
	st, err := v.opt.Status()
	v.refresh.Unlock()
	fyne.Do(func() { v.show(st, err) })
}

// show puts st (or the error) on screen.
func (v *LimberView) show(st LimberStatus, err error) {
	if v.closed {
		return
	}
	if err != nil {
		v.state.SetText(i18n.L("limber.not_running"))
		for i := range v.next {
			v.next[i].SetText("")
			v.nextIn[i].SetText("")
		}
		v.enable(false, false)
		return
	}
	v.state.SetText(LimberStateLine(st, v.opt.Now()))
	for i := range v.next {
		if i < len(st.Next) {
			v.next[i].SetText(kindName(st.Next[i].Kind))
			in := DueText(st.Next[i].In)
			if st.State == "paused" {
				in = i18n.L("limber.once_resumed", i18n.Args{"When": in}) // active time does not count while paused
			}
			v.nextIn[i].SetText(in)
		} else {
			v.next[i].SetText("")
			v.nextIn[i].SetText("")
		}
	}
	if len(st.Next) == 0 {
		v.next[0].SetText(i18n.L("limber.none"))
		v.nextIn[0].SetText(map[bool]string{true: i18n.L("limber.while_paused"), false: i18n.L("limber.all_off")}[st.State == "paused"])
	}
	v.grid.Refresh() // the columns follow the new texts
	v.enable(true, st.State == "paused")
}

// enable sets the buttons for a reachable agent (paused or not).
func (v *LimberView) enable(up, paused bool) {
	for _, b := range v.breaks {
		setEnabled(b, up)
	}
	for _, b := range v.pauses {
		setEnabled(b, up && !paused)
	}
	if up && paused {
		v.resume.Show()
	} else {
		v.resume.Hide()
	}
	setEnabled(v.set, up)
	if v.hist != nil {
		setEnabled(v.hist, up)
	}
	setEnabled(v.quit, up)
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// act runs one request to the agent off Fyne's goroutine, then shows its
// error, if any, and the new state.
func (v *LimberView) act(f func() error) {
	v.spawn(func() {
		err := f()
		fyne.Do(func() {
			if v.closed {
				return
			}
			if err != nil {
				v.message.SetText(err.Error())
				v.message.Show()
			} else {
				v.message.Hide()
			}
		})
		v.Refresh()
	})
}

// spawn runs f through opt.Go, or on a new goroutine.
func (v *LimberView) spawn(f func()) {
	if v.opt.Go != nil {
		v.opt.Go(f)
		return
	}
	go f()
}

// Message is the error line's text, "" when hidden.
func (v *LimberView) Message() string {
	if !v.message.Visible() {
		return ""
	}
	return v.message.Text
}

// StateLine is the status line's text.
func (v *LimberView) StateLine() string { return v.state.Text }

// NextLines are the "next breaks" rows as "Posture break: in 12 min".
func (v *LimberView) NextLines() []string {
	var out []string
	for i := range v.next {
		if v.next[i].Text != "" {
			out = append(out, v.next[i].Text+": "+v.nextIn[i].Text)
		}
	}
	return out
}

// Button finds a button by its label.
func (v *LimberView) Button(label string) *widget.Button {
	all := append(append(append([]*widget.Button{}, v.breaks...), v.pauses...), v.resume, v.set, v.quit)
	for _, b := range all {
		if b.Text == label {
			return b
		}
	}
	return nil
}

// OnQuit quits the agent and closes the window.
func (v *LimberView) OnQuit() {
	v.spawn(func() {
		err := v.opt.Quit()
		fyne.Do(func() {
			if err != nil {
				v.message.SetText(err.Error())
				v.message.Show()
				return
			}
			v.close()
		})
	})
}

// OnClose closes the window; Limber keeps running.
func (v *LimberView) OnClose() { v.close() }

func (v *LimberView) close() {
	if v.closed {
		return
	}
	v.stopTicking()
	v.mu.Lock()
	v.closed = true
	v.mu.Unlock()
	v.win.Close()
}

// OnKey: Esc closes the window.
func (v *LimberView) OnKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		v.OnClose()
	}
}

// LimberStateLine is the window's status line.
func LimberStateLine(st LimberStatus, now time.Time) string {
	switch st.State {
	case "paused":
		if st.PausedUntil.IsZero() {
			return i18n.L("status.paused")
		}
		until := st.PausedUntil.Local()
		if y, m, d := until.Date(); y == now.Year() && m == now.Month() && d == now.Day() {
			return i18n.L("status.paused_until", i18n.Args{"Time": until.Format("15:04")})
		}
		return i18n.L("status.paused_until", i18n.Args{"Time": i18n.WeekdayShort(until.Weekday()) + " " + until.Format("15:04")})
	case "in_break":
		return i18n.L("status.in_progress", i18n.Args{"Break": kindName(st.InBreak)})
	case "idle":
		return i18n.L("limber.state.idle")
	case "outside_hours":
		return i18n.L("limber.state.outside_hours")
	case "running":
		return i18n.L("limber.state.running")
	}
	return strings.ReplaceAll(st.State, "_", " ")
}

// DueText says when a break is due: "in 12 min", "in 1 h 5 min", "now".
func DueText(d time.Duration) string {
	switch {
	case d <= 0:
		return i18n.L("time.now")
	case d < time.Minute:
		return i18n.L("time.in_under_a_minute")
	}
	m := int((d + time.Minute - 1) / time.Minute) // whole minutes, rounded up
	if m < 60 {
		return i18n.L("time.in_min", i18n.Args{"Minutes": m})
	}
	if m%60 == 0 {
		return i18n.L("time.in_h", i18n.Args{"Hours": m / 60})
	}
	return i18n.L("time.in_h_min", i18n.Args{"Hours": m / 60, "Minutes": m % 60})
}

// kindShort is a break kind's short name ("Posture") in the current
// language.
func kindShort(kind string) string {
	if i18n.Has("break." + kind + ".short") {
		return i18n.L("break." + kind + ".short")
	}
	return capitalize(kind)
}
