package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/prefs"
)

// WelcomeOptions configure the first-run welcome.
type WelcomeOptions struct {
	Config prefs.Config // for the schedule line
	// Autostart is the switch's starting state ("on by default").
	Autostart bool
	// SetAutostart applies the switch when the person continues.
	SetAutostart func(on bool) error
	// OpenWizard starts the workstation wizard.
	OpenWizard func() error
	// MarkShown records that the welcome was shown, so it never shows
	// again; called however the window closes.
	MarkShown func() error
}

// WelcomeView is the first-run welcome: what Limber does, the schedule,
// start at login, and set up the desk now or later.
type WelcomeView struct {
	opt    WelcomeOptions
	win    fyne.Window
	closed bool

	schedule  *widget.Label
	autostart *widget.Check
	setup     *widget.Button
	later     *widget.Button
	message   *widget.Label
}

// WelcomeLines are the three lines saying what Limber does.
func WelcomeLines() []string {
	return []string{i18n.L("welcome.line1"), i18n.L("welcome.line2"), i18n.L("welcome.line3")}
}

// NewWelcomeView builds the welcome window; Show displays it.
func NewWelcomeView(a fyne.App, opt WelcomeOptions) *WelcomeView {
	v := &WelcomeView{opt: opt}
	v.win = a.NewWindow(i18n.L("welcome.title"))
	v.build()
	return v
}

// Window returns the view's window.
func (v *WelcomeView) Window() fyne.Window { return v.win }

func (v *WelcomeView) build() {
	title := widget.NewLabel(i18n.L("welcome.title"))
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameHeadingText
	lines := widget.NewLabel("• " + strings.Join(WelcomeLines(), "\n• "))
	v.schedule = widget.NewLabel(ScheduleLine(v.opt.Config))
	v.schedule.TextStyle.Bold = true
	v.autostart = widget.NewCheck(i18n.L("welcome.autostart"), nil)
	v.autostart.SetChecked(v.opt.Autostart)
	v.message = wrapped("")
	v.message.Importance = widget.WarningImportance
	v.message.Hide()
	v.later = widget.NewButton(i18n.L("welcome.later"), v.OnLater)
	v.setup = widget.NewButtonWithIcon(i18n.L("welcome.setup"), theme.NavigateNextIcon(), v.OnSetup)
	v.setup.IconPlacement = widget.ButtonIconTrailingText
	v.setup.Importance = widget.HighImportance
	body := container.NewVBox(
		title, lines, widget.NewSeparator(),
		v.schedule,
		muted(i18n.L("welcome.change_later")),
		v.autostart,
		widget.NewLabel(i18n.L("welcome.desk")),
		v.message,
	)
	buttons := container.NewHBox(layout.NewSpacer(), v.later, v.setup)
	v.win.Resize(fyne.NewSize(640, 430))
	v.win.SetContent(container.NewPadded(container.NewBorder(nil, buttons, nil, nil, body)))
	v.win.Canvas().SetOnTypedKey(v.OnKey)
	v.win.SetCloseIntercept(v.OnClose)
}

// Show displays the window centred and focused.
func (v *WelcomeView) Show() {
	v.win.CenterOnScreen()
	v.win.Show()
	v.win.RequestFocus()
}

// ScheduleLine describes the enabled breaks in one line: "Breaks: posture
// 30 s every 20 min · mobility 3 min every hour · rest 10 min every 2 h".
func ScheduleLine(c prefs.Config) string {
	var parts []string
	for _, k := range []string{"posture", "mobility", "rest"} {
		b, ok := c.Breaks[k]
		if !ok || !b.Enabled {
			continue
		}
		parts = append(parts, i18n.L("welcome.schedule.item", i18n.Args{"Kind": i18n.L("break." + k + ".word"), "Length": spanText(b.Duration), "Every": everyText(b.Every)}))
	}
	if len(parts) == 0 {
		return i18n.L("welcome.schedule.none")
	}
	return i18n.L("welcome.schedule", i18n.Args{"List": strings.Join(parts, " · ")})
}

// spanText writes a length: 30 s, 3 min, 1 min 30 s, 2 h.
func spanText(d time.Duration) string {
	d = d.Round(time.Second)
	h, m, s := int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second)
	var out []string
	if h > 0 {
		out = append(out, i18n.L("time.h", i18n.Args{"Hours": h}))
	}
	if m > 0 {
		out = append(out, i18n.L("time.min", i18n.Args{"Minutes": m}))
	}
	if s > 0 || len(out) == 0 {
		out = append(out, i18n.L("time.s", i18n.Args{"Seconds": s}))
	}
	return strings.Join(out, " ")
}

// everyText writes an interval: "hour" for one hour, else spanText.
func everyText(d time.Duration) string {
	if d == time.Hour {
		return i18n.L("time.every_hour")
	}
	return spanText(d)
}

// Autostart reports the switch.
func (v *WelcomeView) Autostart() bool { return v.autostart.Checked }

// finish applies the switch, opens the wizard if asked, and closes.
func (v *WelcomeView) finish(wizard bool) {
	if v.closed {
		return
	}
	if v.opt.SetAutostart != nil {
		if err := v.opt.SetAutostart(v.autostart.Checked); err != nil {
			msg := "welcome.autostart_on_failed"
			if !v.autostart.Checked {
				msg = "welcome.autostart_off_failed"
			}
			v.message.SetText(i18n.L(msg, i18n.Args{"Error": err.Error()}))
			v.message.Show()
			return
		}
	}
	if wizard && v.opt.OpenWizard != nil {
		if err := v.opt.OpenWizard(); err != nil {
			v.message.SetText(i18n.L("welcome.wizard_failed", i18n.Args{"Error": err.Error()}))
			v.message.Show()
			return
		}
	}
	v.OnClose()
}

// OnSetup applies the switch and opens the wizard.
func (v *WelcomeView) OnSetup() { v.finish(true) }

// OnLater applies the switch and closes.
func (v *WelcomeView) OnLater() { v.finish(false) }

// OnClose marks the welcome as shown and closes; the switch is applied
// only by the buttons.
func (v *WelcomeView) OnClose() {
	if v.closed {
		return
	}
	v.closed = true
	if v.opt.MarkShown != nil {
		_ = v.opt.MarkShown() // at worst the welcome shows once more
	}
	v.win.Close()
}

// OnKey maps Enter to "Set up my desk now" and Esc to "Later".
func (v *WelcomeView) OnKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		v.OnSetup()
	case fyne.KeyEscape:
		v.OnLater()
	}
}
