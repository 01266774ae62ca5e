package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func TestSettingsControlsPassEscOn(t *testing.T) {
	test.NewTempApp(t)
	escapes := 0
	h := &settingsHooks{escape: func() { escapes++ }}
	check := newSetCheck("c", h, nil)
	sel := newSetSelect([]string{"a", "b"}, h, nil)
	btn := newSetButton("b", h, nil)
	entry := newSetEntry(h)
	for _, f := range []fyne.Focusable{check, sel, btn, entry} {
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}
	if escapes != 4 {
		t.Fatalf("Esc reached the window %d times of 4", escapes)
	}
	// Other keys keep their usual meaning.
	test.Type(entry, "ab")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if entry.Text != "a" {
		t.Fatalf("entry text %q", entry.Text)
	}
	check.TypedRune(' ')
	if !check.Checked {
		t.Fatal("space toggles the check")
	}
}

func TestSettingsEntryKeepsItsOwnShortcuts(t *testing.T) {
	a := test.NewTempApp(t)
	var got []string
	h := &settingsHooks{shortcut: func(s fyne.Shortcut) bool {
		if s.ShortcutName() == (&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}).ShortcutName() {
			got = append(got, "save")
			return true
		}
		return false
	}}
	e := newSetEntry(h)
	w := a.NewWindow("t")
	w.SetContent(e)
	defer w.Close()
	e.SetText("hello")
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	if e.SelectedText() != "hello" {
		t.Fatalf("select all: %q", e.SelectedText())
	}
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	if len(got) != 1 || e.Text != "hello" {
		t.Fatalf("Ctrl+S: %v, text %q", got, e.Text)
	}
}
