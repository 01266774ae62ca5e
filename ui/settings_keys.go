package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// settingsHooks carry the window's keys into focused widgets. Fyne gives
// a focused widget every key and shortcut and never passes them on to the
// window, so without these Esc and Ctrl+S would do nothing while an entry
// or a check box has the focus. The hooks also let the window scroll the
// focused widget into view.
type settingsHooks struct {
	escape   func()
	shortcut func(fyne.Shortcut) bool // true when the window handled it
	focused  func(fyne.CanvasObject)
}

func (h *settingsHooks) key(ev *fyne.KeyEvent) bool {
	if ev.Name == fyne.KeyEscape && h != nil && h.escape != nil {
		h.escape()
		return true
	}
	return false
}

func (h *settingsHooks) short(s fyne.Shortcut) bool {
	return h != nil && h.shortcut != nil && h.shortcut(s)
}

func (h *settingsHooks) focus(o fyne.CanvasObject) {
	if h != nil && h.focused != nil {
		h.focused(o)
	}
}

// setEntry is an Entry that passes Esc and the window's shortcuts on.
type setEntry struct {
	widget.Entry
	hooks *settingsHooks
}

func newSetEntry(h *settingsHooks) *setEntry {
	e := &setEntry{hooks: h}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *setEntry) TypedKey(ev *fyne.KeyEvent) {
	if !e.hooks.key(ev) {
		e.Entry.TypedKey(ev)
	}
}

// TypedShortcut implements fyne.Shortcutable.
func (e *setEntry) TypedShortcut(s fyne.Shortcut) {
	if !e.hooks.short(s) {
		e.Entry.TypedShortcut(s)
	}
}

// FocusGained implements fyne.Focusable.
func (e *setEntry) FocusGained() {
	e.Entry.FocusGained()
	e.hooks.focus(e)
}

// setCheck is a Check that passes Esc on.
type setCheck struct {
	widget.Check
	hooks *settingsHooks
}

func newSetCheck(text string, h *settingsHooks, changed func(bool)) *setCheck {
	c := &setCheck{hooks: h}
	c.Text = text
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey implements fyne.Focusable.
func (c *setCheck) TypedKey(ev *fyne.KeyEvent) {
	if !c.hooks.key(ev) {
		c.Check.TypedKey(ev)
	}
}

// FocusGained implements fyne.Focusable.
func (c *setCheck) FocusGained() {
	c.Check.FocusGained()
	c.hooks.focus(c)
}

// setSelect is a Select that passes Esc on.
type setSelect struct {
	widget.Select
	hooks *settingsHooks
}

func newSetSelect(options []string, h *settingsHooks, changed func(string)) *setSelect {
	s := &setSelect{hooks: h}
	s.Options = options
	s.OnChanged = changed
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey implements fyne.Focusable.
func (s *setSelect) TypedKey(ev *fyne.KeyEvent) {
	if !s.hooks.key(ev) {
		s.Select.TypedKey(ev)
	}
}

// FocusGained implements fyne.Focusable.
func (s *setSelect) FocusGained() {
	s.Select.FocusGained()
	s.hooks.focus(s)
}

// setButton is a Button that passes Esc on.
type setButton struct {
	widget.Button
	hooks *settingsHooks
}

func newSetButton(text string, h *settingsHooks, tapped func()) *setButton {
	b := &setButton{hooks: h}
	b.Text = text
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey implements fyne.Focusable.
func (b *setButton) TypedKey(ev *fyne.KeyEvent) {
	if !b.hooks.key(ev) {
		b.Button.TypedKey(ev)
	}
}

// FocusGained implements fyne.Focusable.
func (b *setButton) FocusGained() {
	b.Button.FocusGained()
	b.hooks.focus(b)
}
