package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestChoiceGroupKeysAndTaps(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	g := NewLiftChoices([]string{"one", "two", "three"}, w.Canvas().Focus)
	w.SetContent(g.Object())
	var changed []int
	submits := 0
	g.OnChanged = func(i int) { changed = append(changed, i) }
	g.OnSubmit = func() { submits++ }

	test.Tap(g.Items[1])
	if g.Selected != 1 || w.Canvas().Focused() != g.Items[1] {
		t.Fatalf("tap: selected %d focused %v", g.Selected, w.Canvas().Focused())
	}
	g.Items[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if w.Canvas().Focused() != g.Items[2] {
		t.Fatal("Down should focus the next choice")
	}
	g.Items[2].TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if w.Canvas().Focused() != g.Items[2] {
		t.Fatal("Down on the last choice should stay there")
	}
	g.Items[2].TypedRune(' ')
	if g.Selected != 2 {
		t.Fatal("Space should choose")
	}
	g.Items[2].TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if w.Canvas().Focused() != g.Items[1] {
		t.Fatal("Up should focus the previous choice")
	}
	g.Items[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if submits != 1 || g.Selected != 2 {
		t.Fatalf("Enter with a choice made submits and keeps it: %d %d", submits, g.Selected)
	}
	g.Disable()
	test.Tap(g.Items[0])
	g.Items[0].TypedRune(' ')
	if g.Selected != 2 || len(changed) != 2 {
		t.Fatalf("disabled group changed: %d %v", g.Selected, changed)
	}
	g.Mark(0, 2)
	if g.Items[0].mark != 1 || g.Items[2].mark != -1 || g.Items[1].mark != 0 {
		t.Fatal("Mark")
	}
}

func TestChoiceEnterWithoutChoiceChoosesTheFocused(t *testing.T) {
	test.NewTempApp(t)
	g := NewLiftChoices([]string{"a", "b"}, nil)
	n := 0
	g.OnSubmit = func() { n++ }
	g.Items[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if g.Selected != 1 || n != 1 {
		t.Fatalf("selected %d submits %d", g.Selected, n)
	}
}

func TestChoiceDigitChoosesAndFocuses(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	g := NewLiftChoices([]string{"a", "b", "c"}, w.Canvas().Focus)
	w.SetContent(g.Object())
	w.Canvas().Focus(g.Items[0])
	g.Items[0].TypedRune('3')
	if g.Selected != 2 || w.Canvas().Focused() != g.Items[2] {
		t.Fatalf("digit 3: selected %d focused %v", g.Selected, w.Canvas().Focused())
	}
	g.Items[2].TypedRune('7')
	if g.Selected != 2 {
		t.Fatal("a digit past the last choice changed the choice")
	}
}
