package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/prefs"
)

// Autostarter switches "start Limber when I log in" (platform.Autostart).
type Autostarter interface {
	Enabled() (bool, error)
	Enable() error
	Disable() error
}

// SettingsOptions configure the settings window.
type SettingsOptions struct {
	// Path is the person's config file, read and written.
	Path string
	// Load is how the file is read: SystemFiles for the administrator's
	// layer (tests pass their own). NoEnv is always set: environment
	// overrides are never shown as the file's values nor saved.
	Load prefs.Options
	// Environ lists the environment the agent runs with, to note LIMBER_*
	// overrides next to the settings they replace; nil notes none.
	Environ []string
	// Exercises, when given, are offered as check boxes for
	// exercises.disabled (otherwise a comma-separated entry).
	Exercises []SettingsChoice
	// Autostart is the login switch; nil hides it.
	Autostart Autostarter
	// Save writes the file; nil means prefs.Save.
	Save func(path string, c prefs.Config) error
	// Reload tells a running agent to read the file again; nil does nothing.
	Reload func() error
	// Now is the clock for today's timeline; nil means time.Now.
	Now func() time.Time
}

func settingsKeysHint() string { return i18n.L("settings.keys_hint") }

// SettingsView is the settings window: one tab per group of settings,
// each setting with its control, the loader's message under an invalid
// value and "Locked: …" under a key the administrator locked; today's
// break timeline redrawn as break and hours settings change; Save (only
// while every value is valid) and Cancel.
type SettingsView struct {
	opt    SettingsOptions
	win    fyne.Window
	cfg    prefs.Config // the values being edited
	own    prefs.Config // the file alone, for locked keys on Save
	fields []*settingsField
	byName map[string]*settingsField
	hooks  *settingsHooks

	body      *fyne.Container
	tabs      *container.AppTabs
	scrolls   []*container.Scroll
	previews  []*settingsPreview
	problems  *widget.Label
	message   *widget.Label
	status    *widget.Label // the keys, or which fields keep Save disabled
	tabOf     map[*settingsField]string
	save      *setButton
	cancel    *setButton
	autostart *setCheck
	autoWas   bool

	shortcuts map[string]func()
	loading   bool
	closed    bool
}

// NewSettingsView reads the settings and builds the window; Show
// displays it.
func NewSettingsView(a fyne.App, opt SettingsOptions) *SettingsView {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Save == nil {
		opt.Save = prefs.Save
	}
	opt.Load.NoEnv = true
	v := &SettingsView{opt: opt, byName: map[string]*settingsField{}, tabOf: map[*settingsField]string{}}
	v.hooks = &settingsHooks{escape: v.OnCancel, shortcut: v.onShortcut, focused: v.scrollTo}
	v.win = a.NewWindow(i18n.L("settings.title"))
	cfg, probs := prefs.Load(opt.Path, opt.Load)
	v.cfg = cfg
	own := opt.Load
	own.SystemFiles = []string{}
	v.own, _ = prefs.Load(opt.Path, own)
	v.build(probs)
	v.fill()
	return v
}

// Window returns the view's window.
func (v *SettingsView) Window() fyne.Window { return v.win }

// Config returns a copy of the settings as edited so far.
func (v *SettingsView) Config() prefs.Config {
	c := v.cfg
	c.Breaks = map[string]prefs.Break{}
	for k, b := range v.cfg.Breaks {
		c.Breaks[k] = b
	}
	return c
}

func (v *SettingsView) build(probs []prefs.Problem) {
	v.problems = widget.NewLabel("")
	v.problems.Wrapping = fyne.TextWrapWord
	v.problems.Importance = widget.WarningImportance
	if len(probs) > 0 {
		lines := []string{i18n.L("settings.problems")}
		const shown = 4 // the rest would push the settings off the window
		for i, p := range probs {
			if i == shown {
				lines = append(lines, "• "+i18n.N("settings.problems.more", len(probs)-shown))
				break
			}
			lines = append(lines, "• "+p.Say(i18n.Msg))
		}
		v.problems.SetText(strings.Join(lines, "\n"))
	} else {
		v.problems.Hide()
	}

	v.tabs = container.NewAppTabs()
	for _, g := range settingsGroups(prefs.Keys) {
		v.tabs.Append(container.NewTabItem(groupTitle(g.Title), v.buildGroup(g)))
	}

	v.message = widget.NewLabel("")
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Importance = widget.DangerImportance
	v.message.Hide()
	// One line left of the buttons: the keys, or while a value is invalid
	// what to fix. Its height never changes, so nothing jumps.
	v.status = widget.NewLabel(settingsKeysHint())
	v.status.Importance = widget.LowImportance
	v.status.Truncation = fyne.TextTruncateEllipsis
	v.save = newSetButton(i18n.L("settings.save"), v.hooks, v.OnSave)
	v.save.Importance = widget.HighImportance
	v.cancel = newSetButton(i18n.L("settings.cancel"), v.hooks, v.OnCancel)
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(v.cancel, v.save), v.status)
	bottom := container.NewVBox(v.message, buttons)
	top := container.NewVBox(v.problems)
	v.body = container.NewBorder(top, bottom, nil, nil, v.tabs)
	v.win.SetContent(container.NewThemeOverride(container.NewPadded(v.body), &contrastTheme{}))
	v.win.Resize(fyne.NewSize(760, 640))
	v.win.SetCloseIntercept(v.OnCancel)
	v.win.Canvas().SetOnTypedKey(v.OnKey)

	v.shortcuts = map[string]func(){}
	add := func(k fyne.KeyName, m fyne.KeyModifier, fn func()) {
		s := &desktop.CustomShortcut{KeyName: k, Modifier: m}
		v.shortcuts[s.ShortcutName()] = fn
		v.win.Canvas().AddShortcut(s, func(fyne.Shortcut) { fn() })
	}
	add(fyne.KeyS, fyne.KeyModifierShortcutDefault, v.OnSave)
	add(fyne.KeyTab, fyne.KeyModifierControl, v.OnNextTab)
	add(fyne.KeyTab, fyne.KeyModifierControl|fyne.KeyModifierShift, v.OnPrevTab)
	add(fyne.KeyPageDown, fyne.KeyModifierControl, v.OnNextTab)
	add(fyne.KeyPageUp, fyne.KeyModifierControl, v.OnPrevTab)
}

// buildGroup lays out one tab: its sections in a vertical scroll, the
// timeline on top of Breaks and of Schedule and hours.
func (v *SettingsView) buildGroup(g settingsGroup) fyne.CanvasObject {
	box := container.New(layout.NewCustomPaddedVBoxLayout(3 * theme.Padding()))
	if g.Title == groupBreaks || g.Title == groupSchedule {
		p := newSettingsPreview()
		v.previews = append(v.previews, p)
		box.Add(p.box)
	}
	switch g.Title {
	case groupStartup:
		box.Add(v.buildStartup())
	case groupAdvanced:
		box.Add(v.buildAdvanced())
	}
	for i, s := range g.Sections {
		if i > 0 || len(box.Objects) > 0 {
			box.Add(widget.NewSeparator())
		}
		head := fieldBox(settingsHeading(s.Title))
		if s.Note != "" {
			n := widget.NewLabel(s.Note)
			n.Wrapping = fyne.TextWrapWord
			head.Add(n)
		}
		box.Add(head)
		for _, k := range s.Keys {
			var choices []SettingsChoice
			if k.Name == "exercises.disabled" {
				choices = v.opt.Exercises
			}
			f := newSettingsField(k, v.hooks, choices, v.onFieldChanged)
			v.fields = append(v.fields, f)
			v.byName[k.Name] = f
			v.tabOf[f] = g.Title
			box.Add(f.box)
		}
	}
	scroll := container.NewVScroll(container.NewPadded(box))
	v.scrolls = append(v.scrolls, scroll)
	// Each tab gets the override itself: the window's does not reach the
	// tabs that are not showing when it is applied.
	return container.NewThemeOverride(scroll, &contrastTheme{})
}

func settingsHeading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.SizeName = "subHeadingText"
	return l
}

// buildStartup is the login switch, applied on Save.
func (v *SettingsView) buildStartup() fyne.CanvasObject {
	box := container.NewVBox(settingsHeading(i18n.L("settings.login")))
	v.autostart = newSetCheck(i18n.L("settings.login.start"), v.hooks, nil)
	note := widget.NewLabel(i18n.L("settings.login.note"))
	note.Importance = widget.LowImportance
	note.Wrapping = fyne.TextWrapWord
	box.Add(v.autostart)
	box.Add(note)
	if v.opt.Autostart == nil {
		v.autostart.Disable()
		note.SetText(i18n.L("settings.login.fixed"))
		return box
	}
	on, err := v.opt.Autostart.Enabled()
	if err != nil {
		v.autostart.Disable()
		note.SetText(i18n.L("settings.login.unavailable", i18n.Args{"Error": err.Error()}))
		return box
	}
	v.autoWas = on
	v.autostart.SetChecked(on)
	return box
}

// buildAdvanced says where the file is and offers the defaults back.
func (v *SettingsView) buildAdvanced() fyne.CanvasObject {
	where := widget.NewLabel(i18n.L("settings.file.where", i18n.Args{"Path": v.opt.Path}))
	where.Wrapping = fyne.TextWrapBreak
	about := widget.NewLabel(i18n.L("settings.file.about"))
	about.Wrapping = fyne.TextWrapWord
	reset := newSetButton(i18n.L("settings.reset"), v.hooks, v.OnReset)
	resetNote := widget.NewLabel(i18n.L("settings.reset.note"))
	resetNote.Wrapping = fyne.TextWrapWord
	resetNote.Importance = widget.LowImportance
	box := container.NewVBox(settingsHeading(i18n.L("settings.file")), where, about,
		container.NewHBox(reset), resetNote)
	if len(v.cfg.Locked) > 0 {
		var names []string
		for _, k := range prefs.Keys {
			if _, ok := v.cfg.Locked[k.Name]; ok {
				names = append(names, k.Name)
			}
		}
		locked := widget.NewLabel(i18n.L("settings.locked.list", i18n.Args{"Keys": strings.Join(names, ", ")}))
		locked.Wrapping = fyne.TextWrapWord
		box.Add(settingsHeading(i18n.L("settings.locked")))
		box.Add(locked)
	}
	return box
}

// fill shows the loaded values, the locks and the environment notes.
func (v *SettingsView) fill() {
	v.loading = true
	for _, f := range v.fields {
		f.Show(f.key.Get(&v.cfg))
		if why, ok := v.cfg.Locked[f.key.Name]; ok {
			f.Lock(why)
		}
	}
	for _, kv := range v.opt.Environ {
		name, val, _ := strings.Cut(kv, "=")
		for _, f := range v.fields {
			if prefs.EnvName(f.key.Name) == name && !f.locked {
				f.NoteEnv(name, val)
			}
		}
	}
	v.loading = false
	v.revalidate()
}

// onFieldChanged stores an edited value, or the loader's message when it
// does not parse.
func (v *SettingsView) onFieldChanged(f *settingsField) {
	if v.loading || f.locked {
		return
	}
	f.err = ""
	if err := f.key.Set(&v.cfg, f.Raw()); err != nil {
		f.err = capitalize(i18n.Msg(prefs.FieldText(err)))
	}
	v.revalidate()
}

// revalidate runs the cross-key checks, updates every message, Save and
// the timeline.
func (v *SettingsView) revalidate() {
	for _, f := range v.fields {
		f.cross = ""
	}
	for _, p := range prefs.Check(v.cfg) {
		if f, ok := v.byName[p.Key]; ok && f.cross == "" {
			f.cross = settingsMessage(p.Key, p.Msg)
			if p.Short.Key != "" {
				f.cross = capitalize(i18n.Msg(p.Short))
			}
		}
	}
	changed := false
	for _, f := range v.fields {
		if f.showMessage() {
			changed = true
		}
	}
	if changed {
		v.relayout()
	}
	if bad := v.invalid(); len(bad) == 0 {
		v.save.Enable()
		v.status.Importance = widget.LowImportance
		v.status.SetText(settingsKeysHint())
	} else {
		v.save.Disable()
		v.status.Importance = widget.DangerImportance
		v.status.SetText(i18n.L("settings.fix", i18n.Args{"Keys": strings.Join(bad, ", ")}))
	}
	plan := planDay(v.cfg.Schedule(), v.opt.Now())
	for _, p := range v.previews {
		p.Update(plan)
	}
}

// relayout lays the tabs out again after lines under fields appeared,
// disappeared or changed: Fyne does not resize a container when a child's
// minimum size changes.
func (v *SettingsView) relayout() {
	for _, s := range v.scrolls {
		s.Content.Refresh()
		s.Refresh()
	}
}

// Valid reports whether every field holds a value the file accepts.
func (v *SettingsView) Valid() bool { return len(v.invalid()) == 0 }

// invalid names the fields with a message, with the tab they are on.
func (v *SettingsView) invalid() []string {
	var out []string
	for _, f := range v.fields {
		if f.Message() != "" {
			out = append(out, f.key.Name+" ("+groupTitle(v.tabOf[f])+")")
		}
	}
	return out
}

// field returns the editor of a dotted key (nil when it has none).
func (v *SettingsView) field(name string) *settingsField { return v.byName[name] }

// Show displays the window centred and focused.
func (v *SettingsView) Show() {
	v.win.CenterOnScreen()
	v.win.Show()
	v.win.RequestFocus()
}

// OnSave writes the file (atomically, through opt.Save), applies the
// login switch, tells the agent and closes. Nothing is written while a
// value is invalid. Locked keys are written as comments holding the
// person's own value: a live value would be reported at every start and
// reload, and uncommenting the line brings it back once the lock is lifted.
func (v *SettingsView) OnSave() {
	if v.closed || !v.Valid() {
		return
	}
	out := v.Config()
	for name := range v.cfg.Locked {
		if k, ok := prefs.Lookup(name); ok {
			if err := k.Set(&out, k.Get(&v.own)); err != nil {
				v.fail(i18n.L("settings.keep_own", i18n.Args{"Key": name, "Error": err.Error()}))
				return
			}
		}
	}
	out.Locked = v.cfg.Locked // prefs.Marshal comments these out
	if err := v.opt.Save(v.opt.Path, out); err != nil {
		v.fail(i18n.L("settings.save_failed", i18n.Args{"Path": v.opt.Path, "Error": err.Error()}))
		return
	}
	if v.opt.Autostart != nil && !v.autostart.Disabled() && v.autostart.Checked != v.autoWas {
		var err error
		if v.autostart.Checked {
			err = v.opt.Autostart.Enable()
		} else {
			err = v.opt.Autostart.Disable()
		}
		if err != nil {
			v.fail(i18n.L("settings.saved_login_failed", i18n.Args{"Error": err.Error()}))
			return
		}
		v.autoWas = v.autostart.Checked
	}
	if v.opt.Reload != nil {
		if err := v.opt.Reload(); err != nil {
			v.fail(i18n.L("settings.saved_reload_failed", i18n.Args{"Error": err.Error()}))
			v.cancel.SetText(i18n.L("settings.close"))
			return
		}
	}
	v.close()
}

func (v *SettingsView) fail(msg string) {
	v.message.SetText(msg)
	v.message.Show()
	v.body.Refresh()
}

// OnCancel closes without writing.
func (v *SettingsView) OnCancel() { v.close() }

func (v *SettingsView) close() {
	if v.closed {
		return
	}
	v.closed = true
	v.win.Close()
}

// OnReset puts every unlocked setting back to its default (not saved).
func (v *SettingsView) OnReset() {
	def := prefs.Defaults()
	for _, f := range v.fields {
		if f.locked {
			continue
		}
		f.Show(f.key.Get(&def))
	}
}

// OnNextTab and OnPrevTab switch groups from the keyboard and put the
// focus on the new tab's first control.
func (v *SettingsView) OnNextTab() { v.selectTab(v.tabs.SelectedIndex() + 1) }

// OnPrevTab shows the previous group.
func (v *SettingsView) OnPrevTab() { v.selectTab(v.tabs.SelectedIndex() - 1) }

func (v *SettingsView) selectTab(i int) {
	n := len(v.tabs.Items)
	i = (i%n + n) % n
	v.tabs.SelectIndex(i)
	v.scrolls[i].ScrollToTop()
	if f := firstFocusable(v.tabs.Items[i].Content); f != nil {
		v.win.Canvas().Focus(f)
	} else {
		v.win.Canvas().Unfocus()
	}
}

// firstFocusable finds the first enabled control under o.
func firstFocusable(o fyne.CanvasObject) fyne.Focusable {
	switch x := o.(type) {
	case *container.Scroll:
		return firstFocusable(x.Content)
	case *fyne.Container:
		for _, c := range x.Objects {
			if f := firstFocusable(c); f != nil {
				return f
			}
		}
	case *container.ThemeOverride:
		return firstFocusable(x.Content)
	case fyne.Focusable:
		if d, ok := o.(fyne.Disableable); ok && d.Disabled() {
			return nil
		}
		if o.Visible() {
			return x
		}
	}
	return nil
}

// OnKey handles keys when no control has the focus: Esc cancels.
func (v *SettingsView) OnKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		v.OnCancel()
	}
}

// onShortcut runs a window shortcut typed while an entry has the focus.
func (v *SettingsView) onShortcut(s fyne.Shortcut) bool {
	if fn, ok := v.shortcuts[s.ShortcutName()]; ok {
		fn()
		return true
	}
	return false
}

// scrollTo brings a control that took the focus into view.
func (v *SettingsView) scrollTo(o fyne.CanvasObject) {
	i := v.tabs.SelectedIndex()
	if i < 0 || i >= len(v.scrolls) {
		return
	}
	s := v.scrolls[i]
	// Bring the whole setting (its title and the lines under it) into
	// view when it fits, not only the control.
	for _, f := range v.fields {
		if f.Has(o) && f.box.Size().Height < s.Size().Height {
			o = f.box
			break
		}
	}
	d := fyne.CurrentApp().Driver()
	rel := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y
	const margin = 8
	off := s.Offset
	switch {
	case rel < margin:
		off.Y += rel - margin
	case rel+o.Size().Height+margin > s.Size().Height:
		off.Y += rel + o.Size().Height + margin - s.Size().Height
	default:
		return
	}
	s.ScrollToOffset(fyne.NewPos(off.X, max(off.Y, 0)))
}
