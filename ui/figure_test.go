package ui

import (
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/limberapp/limber/content"
)

func figureExercise(t *testing.T, id string) *content.Exercise {
	t.Helper()
	lib, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	e, ok := lib.Exercise(id)
	if !ok {
		t.Fatalf("no exercise %s", id)
	}
	return e
}

// Golden renders of a few figures at fixed moments: a seated side view
// mid-stretch, a front view, and a floor exercise.
func TestFigureGolden(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []struct {
		id, file string
		key      int // show the moment this key is reached
	}{
		{"chin-to-chest", "figure_chin_to_chest.png", 1},
		{"wall-slides", "figure_wall_slides.png", 1},
		{"cat-cow", "figure_cat_cow.png", 1},
	} {
		e := figureExercise(t, c.id)
		f := NewFigure(e)
		w := test.NewTempWindow(t, f)
		w.SetPadded(false)
		w.Resize(fyne.NewSize(200, 200))
		f.SetTime(e.Animation().KeyTime(c.key))
		test.AssertImageMatches(t, c.file, w.Canvas().Capture())
	}
}

func TestFigureDrawsInsideItsSize(t *testing.T) {
	test.NewTempApp(t)
	f := NewFigure(figureExercise(t, "overhead-reach"))
	if ms := f.MinSize(); ms.Width < 200 || ms.Height < 200 {
		t.Fatalf("MinSize %v, want at least 200×200", ms)
	}
	w := test.NewTempWindow(t, f)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(300, 200))
	r := test.TempWidgetRenderer(t, f)
	size := f.Size()
	var lines, circles int
	for _, o := range r.Objects() {
		switch o := o.(type) {
		case *canvas.Line:
			lines++
			for _, p := range []fyne.Position{o.Position1, o.Position2} {
				if p.X < 49 || p.X > 251 || p.Y < -1 || p.Y > size.Height+1 {
					t.Errorf("line end %v outside the centred 200×200 square", p)
				}
			}
		case *canvas.Circle:
			circles++
		}
	}
	if lines < 20 || circles < 40 {
		t.Errorf("%d lines and %d circles: the figure is not drawn", lines, circles)
	}
	// Body parts use the theme's primary colour.
	found := false
	for _, o := range r.Objects() {
		if l, ok := o.(*canvas.Line); ok && colorsEqual(l.StrokeColor, theme.Color(theme.ColorNamePrimary)) {
			found = true
		}
	}
	if !found {
		t.Error("no line in the theme's primary colour")
	}
}

func colorsEqual(a, b color.Color) bool {
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	return ar == br && ag == bg && ab == bb && aa == ba
}

func TestFigureOnStepAndTime(t *testing.T) {
	test.NewTempApp(t)
	e := figureExercise(t, "side-neck-stretch")
	f := NewFigure(e)
	test.NewTempWindow(t, f)
	var steps []int
	f.OnStep = func(i int) { steps = append(steps, i) }
	a := e.Animation()
	for i := range a.Keys {
		f.SetTime(a.KeyTime(i))
	}
	f.SetTime(a.KeyTime(0)) // loops back to step 1
	want := []int{1, 2, 0}
	if len(steps) != len(want) {
		t.Fatalf("OnStep calls %v, want %v", steps, want)
	}
	for i := range want {
		if steps[i] != want[i] {
			t.Fatalf("OnStep calls %v, want %v", steps, want)
		}
	}
	f.SetTime(a.Duration() + a.KeyTime(1))
	if f.Time() != a.KeyTime(1) || f.Step() != a.Keys[1].Step {
		t.Errorf("time %v step %d after wrapping", f.Time(), f.Step())
	}
	// ShowStep loops one step's keys only.
	f.ShowStep(2)
	for _, d := range []time.Duration{0, 500 * time.Millisecond, 2 * time.Second} {
		f.SetTime(d)
		if f.Step() != 2 {
			t.Fatalf("ShowStep(2) shows step %d at %v", f.Step(), d)
		}
	}
	f.ShowStep(-1)
	f.SetTime(0)
	if f.Step() != a.StepAt(0) {
		t.Error("ShowStep(-1) does not restore the whole loop")
	}
}

func TestFigureStartStopHide(t *testing.T) {
	test.NewTempApp(t)
	f := NewFigure(figureExercise(t, "shoulder-shrug"))
	w := test.NewTempWindow(t, f)
	w.Resize(fyne.NewSize(200, 200))
	if f.Running() {
		t.Fatal("a new figure must not animate")
	}
	f.Start()
	if !f.Running() {
		t.Fatal("Start did not animate")
	}
	f.Hide()
	if f.Running() {
		t.Error("a hidden figure still animates")
	}
	f.Show()
	if !f.Running() {
		t.Error("showing a started figure did not resume it")
	}
	f.Stop()
	if f.Running() {
		t.Error("Stop did not stop")
	}
	f.Hide()
	f.Show()
	if f.Running() {
		t.Error("showing a stopped figure started it")
	}
	// Stopped while hidden: Start waits until shown.
	f.Hide()
	f.Start()
	if f.Running() {
		t.Error("started while hidden")
	}
	f.Show()
	if !f.Running() {
		t.Error("not resumed on show")
	}
	f.Stop()
}
