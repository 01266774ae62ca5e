package ui

import (
	"image/color"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
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
	r := test.TempWidgetRenderer(t, f).(*figureRenderer)
	if objs := r.Objects(); len(objs) != 1 || objs[0] != r.raster {
		t.Fatalf("the figure is %d objects, want one image", len(objs))
	}
	// Drawn at 300×200 pixels: the stage is the centred 200×200 square.
	img := r.render(300, 200)
	primary := theme.Color(theme.ColorNamePrimary)
	var drawn, body int
	for y := 0; y < 200; y++ {
		for x := 0; x < 300; x++ {
			c := img.At(x, y)
			if _, _, _, a := c.RGBA(); a == 0 {
				continue
			}
			drawn++
			if x < 49 || x > 251 {
				t.Fatalf("pixel (%d,%d) drawn outside the centred 200×200 square", x, y)
			}
			if colorsEqual(c, primary) {
				body++
			}
		}
	}
	// Body parts use the theme's primary colour.
	if drawn < 2000 || body < 1000 {
		t.Errorf("%d pixels drawn, %d in the theme's primary colour: the figure is not drawn", drawn, body)
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

// A figure redraws only when what it shows changes: moving through a held
// pose costs nothing, and every change of pose is drawn. Random moments
// of every exercise's loop, in order, as a running clock gives them.
func TestFigureRedrawsOnlyWhenThePoseChanges(t *testing.T) {
	test.NewTempApp(t)
	seed := time.Now().UnixNano()
	if s := os.Getenv("LIMBER_FIGURE_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0))
	lib, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range lib.Exercises {
		f := NewFigure(e)
		w := test.NewTempWindow(t, f)
		w.Resize(fyne.NewSize(220, 220))
		stage := content.NewStage(e)
		a := stage.Anim
		var d time.Duration
		last := stage.At(0)
		for i := 0; i < 200; i++ {
			// Frames 40–120 ms apart, and now and then a frame inside
			// a held pose.
			d += time.Duration(40+rng.IntN(80)) * time.Millisecond
			if rng.IntN(4) == 0 {
				k := rng.IntN(len(a.Keys))
				if a.Keys[k].Hold > 0 {
					d = a.KeyTime(k) + time.Duration(rng.Int64N(int64(a.Keys[k].Hold)))
				}
			}
			shapes := stage.At(d)
			before := f.redraws
			f.SetTime(d)
			changed := !slices.Equal(shapes, last)
			if drew := f.redraws != before; drew != changed {
				t.Fatalf("seed %d (LIMBER_FIGURE_SEED): %s at %v: pose changed %v but redrawn %v", seed, e.ID, d, changed, drew)
			}
			last = shapes
		}
	}
}

// The figure's clock: a frame shows the loop time the wall clock has
// reached since Start, and SetRate changes the rate without stopping it.
func TestFigureClockFrames(t *testing.T) {
	test.NewTempApp(t)
	e := figureExercise(t, "shoulder-rolls")
	f := NewFigure(e)
	w := test.NewTempWindow(t, f)
	w.Resize(fyne.NewSize(200, 200))
	if f.Rate() != FigureRate {
		t.Fatalf("rate %d, want %d", f.Rate(), FigureRate)
	}
	f.SetTime(300 * time.Millisecond)
	f.Start()
	defer f.Stop()
	f.frame(f.runAt.Add(1200 * time.Millisecond))
	if f.Time() != 1500*time.Millisecond {
		t.Fatalf("after 1.2 s from 0.3 s the figure shows %v", f.Time())
	}
	f.SetRate(12)
	if !f.Running() || f.Rate() != 12 {
		t.Fatalf("SetRate(12): running %v at %d fps", f.Running(), f.Rate())
	}
	f.SetRate(0)
	if f.Rate() != 1 {
		t.Errorf("SetRate(0) gives %d fps, want at least 1", f.Rate())
	}
	f.Stop()
	f.SetRate(15)
	if f.Running() {
		t.Error("SetRate started a stopped figure")
	}
}

// stillFor never promises a held pose that changes: over the time it
// gives from a random moment, the shapes and the step stay the same; and
// it finds the holds (a moment inside a key's hold is still).
func TestFigureStillForHoldsTrue(t *testing.T) {
	seed := time.Now().UnixNano()
	if s := os.Getenv("LIMBER_FIGURE_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0))
	lib, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range lib.Exercises {
		stage := content.NewStage(e)
		a := stage.Anim
		for i := 0; i < 100; i++ {
			d := time.Duration(rng.Int64N(int64(a.Duration())))
			if rng.IntN(2) == 0 { // inside a hold
				k := rng.IntN(len(a.Keys))
				if a.Keys[k].Hold <= 0 {
					continue
				}
				d = a.KeyTime(k) + time.Duration(rng.Int64N(int64(a.Keys[k].Hold)))
				if stillFor(a, d) <= 0 {
					t.Fatalf("seed %d (LIMBER_FIGURE_SEED): %s at %v holds key %d but is not still", seed, e.ID, d, k)
				}
			}
			still := stillFor(a, d)
			if still <= 0 {
				continue
			}
			want, step := stage.At(d), a.StepAt(d)
			for _, u := range []time.Duration{still / 3, still / 2, still - time.Nanosecond} {
				if !slices.Equal(stage.At(d+u), want) || a.StepAt(d+u) != step {
					t.Fatalf("seed %d (LIMBER_FIGURE_SEED): %s at %v: still for %v, but changed %v later", seed, e.ID, d, still, u)
				}
			}
		}
	}
}
