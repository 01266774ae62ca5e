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

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/prefs"
)

// SettingsChoice is one value a list setting may hold, with its label.
type SettingsChoice struct {
	Value, Label string
}

// settingsField is the editor of one setting: its control, a caption
// naming the key and its default, and the lines under it for an invalid
// value, a lock or an environment override.
type settingsField struct {
	key       prefs.Key
	entry     *setEntry   // duration, int, string and free lists
	check     *setCheck   // bool
	sel       *setSelect  // string with choices
	selValues []string    // the values of sel's options, in order
	checks    []*setCheck // list with choices
	values    []string    // the value of each of checks
	errText   *widget.Label
	lock      *widget.Label
	env       *widget.Label
	box       *fyne.Container
	grid      *fyne.Container // holds checks
	hooks     *settingsHooks
	notify    func()

	locked bool
	err    string // the value does not parse: the loader's message
	cross  string // the value does not fit with another (prefs.Check)
}

// settingsLabel is a key's label: the catalog's settings.key.<name>
// (TestEveryKeyHasALabel keeps one for every key), else its Doc.
func settingsLabel(k prefs.Key) string {
	if i18n.Has("settings.key." + k.Name) {
		return i18n.L("settings.key." + k.Name)
	}
	return capitalize(k.Doc)
}

// settingsWeekday names the day of an hours.<day> key.
func settingsWeekday(name string) (string, bool) {
	day, ok := strings.CutPrefix(name, "hours.")
	if !ok {
		return "", false
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(d.String(), day) {
			return i18n.Weekday(d), true
		}
	}
	return "", false
}

// choiceLabel names a list or choice value in words: a body area, a
// weekday, a language (in its own language) or Auto.
func choiceLabel(v string) string {
	for _, n := range i18n.Names {
		if n.Tag == v {
			return n.Name
		}
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(d.String(), v) {
			return i18n.Weekday(d)
		}
	}
	if i18n.Has("settings.choice." + v) {
		return i18n.L("settings.choice." + v)
	}
	return capitalize(v)
}

// settingsText writes a value of k the way it is typed into an entry:
// durations short ("20m"), lists comma separated.
func settingsText(k prefs.Key, v any) string {
	switch x := v.(type) {
	case time.Duration:
		return strings.Trim(k.Format(x), `"`)
	case []string:
		return strings.Join(x, ", ")
	case string:
		return x
	}
	return fmt.Sprint(v)
}

// settingsMessage is the loader's message for display next to the field:
// without the key (the field names it) and without the loader's "using
// the default" tail (nothing is replaced while editing).
func settingsMessage(key, msg string) string {
	msg = strings.TrimPrefix(msg, key+": ")
	if i := strings.Index(msg, "; using "); i >= 0 {
		msg = msg[:i]
	}
	return capitalize(msg)
}

// newSettingsField builds the editor of k. choices, when not nil, offers
// these values as check boxes for a list key that has none of its own.
func newSettingsField(k prefs.Key, h *settingsHooks, choices []SettingsChoice, changed func(*settingsField)) *settingsField {
	f := &settingsField{key: k, hooks: h}
	notify := func() { changed(f) }
	f.notify = notify
	f.errText = widget.NewLabel("")
	f.errText.Wrapping = fyne.TextWrapWord
	f.errText.Importance = widget.DangerImportance
	f.errText.Hide()
	f.lock = widget.NewLabel("")
	f.lock.Wrapping = fyne.TextWrapWord
	f.lock.Importance = widget.WarningImportance
	f.lock.Hide()
	f.env = widget.NewLabel("")
	f.env.Wrapping = fyne.TextWrapWord
	f.env.Importance = widget.LowImportance
	f.env.Hide()

	def := settingsText(k, k.Default)
	if def == "" {
		def = i18n.L("settings.default.none")
	}
	caption := widget.NewLabel(i18n.L("settings.default", i18n.Args{"Key": k.Name, "Default": def}))
	caption.Importance = widget.LowImportance
	caption.SizeName = theme.SizeNameCaptionText
	caption.Truncation = fyne.TextTruncateEllipsis

	var control fyne.CanvasObject
	if len(choices) == 0 {
		for _, c := range k.Choices() {
			choices = append(choices, SettingsChoice{Value: c, Label: choiceLabel(c)})
		}
	}
	switch {
	case k.Kind() == "bool":
		f.check = newSetCheck(settingsLabel(k), h, func(bool) { notify() })
		f.box = fieldBox(f.check, caption)
	case k.Kind() == "strings" && len(choices) > 0:
		f.grid = container.NewGridWrap(fyne.NewSize(0, 0))
		for _, c := range choices {
			f.addChoice(c)
		}
		label := settingsLabel(k)
		if k.Name == "exercises.disabled" {
			label = i18n.L("settings.exercises_disabled")
		}
		title := widget.NewLabel(label)
		title.Wrapping = fyne.TextWrapWord
		f.box = fieldBox(title, f.grid, caption)
	case k.Kind() == "string" && len(choices) > 0:
		var opts []string
		for _, c := range choices {
			opts = append(opts, c.Label)
			f.selValues = append(f.selValues, c.Value)
		}
		f.sel = newSetSelect(opts, h, func(string) { notify() })
		control = f.sel
	default:
		f.entry = newSetEntry(h)
		f.entry.PlaceHolder = k.Expect()
		f.entry.AlwaysShowValidationError = true
		f.entry.OnChanged = func(string) { notify() }
		control = f.entry
	}
	if f.box == nil {
		title := widget.NewLabel(settingsLabel(k))
		title.Wrapping = fyne.TextWrapWord
		if day, ok := settingsWeekday(k.Name); ok {
			// A compact row per day: the section's note explains them.
			title.SetText(day)
			title.Wrapping = fyne.TextWrapOff
			f.box = fieldBox(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(110, control.MinSize().Height), title), nil, control), caption)
		} else if k.Kind() == "strings" {
			f.box = fieldBox(title, control, caption)
		} else {
			narrow := container.NewGridWrap(fyne.NewSize(200, control.MinSize().Height), control)
			f.box = fieldBox(title, container.NewBorder(nil, nil, narrow, nil, caption))
		}
	}
	f.box.Add(f.errText)
	f.box.Add(f.lock)
	f.box.Add(f.env)
	return f
}

// fieldBox stacks a field's lines tightly (labels carry their own inset),
// so the gap between settings is larger than the gaps inside one.
func fieldBox(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewCustomPaddedVBoxLayout(0), objs...)
}

// addChoice adds one check box for a list value; the grid's cells fit
// the widest.
func (f *settingsField) addChoice(c SettingsChoice) {
	label := c.Label
	if label == "" {
		label = c.Value
	}
	ch := newSetCheck(label, f.hooks, func(bool) { f.notify() })
	f.checks = append(f.checks, ch)
	f.values = append(f.values, c.Value)
	var cell fyne.Size
	for _, c := range f.checks {
		cell = cell.Max(c.MinSize())
	}
	f.grid.Layout = layout.NewGridWrapLayout(cell)
	f.grid.Add(ch)
}

// Raw is the field's value as the person entered it, for prefs.Key.Set.
func (f *settingsField) Raw() any {
	switch {
	case f.check != nil:
		return f.check.Checked
	case f.checks != nil:
		out := []string{}
		for i, c := range f.checks {
			if c.Checked {
				out = append(out, f.values[i])
			}
		}
		return out
	case f.sel != nil:
		if i := f.sel.SelectedIndex(); i >= 0 && i < len(f.selValues) {
			return f.selValues[i]
		}
		return f.sel.Selected
	}
	return f.entry.Text
}

// Show puts v (a value of the key) into the control. Values a check list
// does not offer get a check box of their own, so nothing is dropped.
func (f *settingsField) Show(v any) {
	switch {
	case f.check != nil:
		f.check.SetChecked(v.(bool))
	case f.checks != nil:
		list, _ := v.([]string)
		for _, x := range list {
			if !containsString(f.values, x) {
				f.addChoice(SettingsChoice{Value: x})
				if f.locked {
					f.checks[len(f.checks)-1].Disable()
				}
			}
		}
		for i, c := range f.checks {
			c.SetChecked(containsString(list, f.values[i]))
		}
	case f.sel != nil:
		if i := indexOf(f.selValues, v.(string)); i >= 0 {
			f.sel.SetSelectedIndex(i)
		} else {
			f.sel.SetSelected(v.(string))
		}
	default:
		f.entry.SetText(settingsText(f.key, v))
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Lock disables the control and says why.
func (f *settingsField) Lock(reason string) {
	f.locked = true
	switch {
	case f.check != nil:
		f.check.Disable()
	case f.sel != nil:
		f.sel.Disable()
	case f.entry != nil:
		f.entry.Disable()
	}
	for _, c := range f.checks {
		c.Disable()
	}
	f.lock.SetText(i18n.L("settings.locked_because", i18n.Args{"Reason": reason}))
	f.lock.Show()
}

// Disabled reports whether the control is disabled.
func (f *settingsField) Disabled() bool {
	switch {
	case f.check != nil:
		return f.check.Disabled()
	case f.sel != nil:
		return f.sel.Disabled()
	case f.entry != nil:
		return f.entry.Disabled()
	}
	for _, c := range f.checks {
		if !c.Disabled() {
			return false
		}
	}
	return true
}

// NoteEnv says that an environment variable overrides the key.
func (f *settingsField) NoteEnv(name, value string) {
	f.env.SetText(i18n.L("settings.env_override", i18n.Args{"Name": name, "Value": value}))
	f.env.Show()
}

// Message is the line shown under the control ("" when the value is fine).
func (f *settingsField) Message() string {
	if f.err != "" {
		return f.err
	}
	return f.cross
}

// showMessage updates the error line; changed reports whether its height
// may have changed, so the tab needs laying out again.
func (f *settingsField) showMessage() (changed bool) {
	m := f.Message()
	was, wasText := f.errText.Visible(), f.errText.Text
	if was == (m != "") && wasText == m {
		return false
	}
	if f.entry != nil { // the entry's red border and icon
		if m == "" {
			f.entry.SetValidationError(nil)
		} else {
			f.entry.SetValidationError(errors.New(m))
		}
	}
	if m == "" {
		f.errText.Hide()
		return was
	}
	f.errText.SetText(m)
	f.errText.Show()
	return true
}

// Has reports whether o is one of the field's controls.
func (f *settingsField) Has(o fyne.CanvasObject) bool {
	if o == nil {
		return false
	}
	if (f.check != nil && o == f.check) || (f.entry != nil && o == f.entry) || (f.sel != nil && o == f.sel) {
		return true
	}
	for _, c := range f.checks {
		if o == c {
			return true
		}
	}
	return false
}

// Focusable is the first control of the field that takes the keyboard.
func (f *settingsField) Focusable() fyne.Focusable {
	switch {
	case f.check != nil:
		return f.check
	case f.sel != nil:
		return f.sel
	case f.entry != nil:
		return f.entry
	case len(f.checks) > 0:
		return f.checks[0]
	}
	return nil
}
