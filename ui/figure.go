package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/content"
)

// figureMinSize is the smallest size a figure is drawn at: every exercise's
// motion is designed to read at this size.
const figureMinSize = 200

// Figure is an exercise's animated figure: the content library's pose model
// drawn with lines and circles in the theme's colours, looping through the
// exercise's keyframes while started and visible.
type Figure struct {
	widget.BaseWidget

	// OnStep, if set, is called with the step (0-based) the animation
	// shows whenever that changes.
	OnStep func(i int)

	stage   *content.Stage
	whole   content.Animation // the exercise's whole loop
	t       time.Duration
	step    int
	anim    *fyne.Animation
	started bool // Start was called and Stop was not
}

// NewFigure returns a stopped figure showing ex at its first moment.
func NewFigure(ex *content.Exercise) *Figure {
	f := &Figure{stage: content.NewStage(ex)}
	f.whole = f.stage.Anim
	f.step = f.stage.Anim.StepAt(0)
	f.ExtendBaseWidget(f)
	return f
}

// Start loops the animation (while the figure is visible).
func (f *Figure) Start() {
	f.started = true
	f.run()
}

// Stop halts the animation where it is.
func (f *Figure) Stop() {
	f.started = false
	f.halt()
}

// Running reports whether the animation is playing.
func (f *Figure) Running() bool { return f.anim != nil }

func (f *Figure) run() {
	if f.anim != nil || !f.Visible() {
		return
	}
	loop := f.stage.Anim.Duration()
	if loop <= 0 {
		return
	}
	start := f.t
	f.anim = fyne.NewAnimation(loop, func(p float32) {
		f.SetTime(start + time.Duration(float64(p)*float64(loop)))
	})
	f.anim.Curve = fyne.AnimationLinear
	f.anim.RepeatCount = fyne.AnimationRepeatForever
	f.anim.Start()
}

func (f *Figure) halt() {
	if f.anim != nil {
		f.anim.Stop()
		f.anim = nil
	}
}

// Hide hides the figure and pauses its animation.
func (f *Figure) Hide() {
	f.halt()
	f.BaseWidget.Hide()
}

// Show shows the figure and resumes its animation if it was started.
func (f *Figure) Show() {
	f.BaseWidget.Show()
	if f.started {
		f.run()
	}
}

// SetTime shows the moment d of the loop (for tests and for keeping the
// figure in step with a break) and reports a change of step to OnStep.
func (f *Figure) SetTime(d time.Duration) {
	if loop := f.stage.Anim.Duration(); loop > 0 {
		d %= loop
	}
	f.t = d
	step := f.stage.Anim.StepAt(d)
	changed := step != f.step
	f.step = step
	f.Refresh()
	if changed && f.OnStep != nil {
		f.OnStep(step)
	}
}

// Time is the moment of the loop shown.
func (f *Figure) Time() time.Duration { return f.t }

// Step is the step (0-based) shown.
func (f *Figure) Step() int { return f.step }

// ShowStep loops only step i's keyframes; a negative i loops the whole
// exercise again.
func (f *Figure) ShowStep(i int) {
	running := f.anim != nil
	f.halt()
	if i < 0 {
		f.stage.Anim = f.whole
	} else if a := f.whole.ForStep(i); len(a.Keys) > 0 {
		f.stage.Anim = a
	}
	f.t = 0
	f.step = f.stage.Anim.StepAt(0)
	f.Refresh()
	if running {
		f.run()
	}
}

// MinSize is 200×200.
func (f *Figure) MinSize() fyne.Size {
	f.ExtendBaseWidget(f)
	return fyne.NewSize(figureMinSize, figureMinSize)
}

// CreateRenderer implements fyne.Widget.
func (f *Figure) CreateRenderer() fyne.WidgetRenderer {
	f.ExtendBaseWidget(f)
	return &figureRenderer{f: f}
}

// figureRenderer turns the stage's shapes into canvas objects, reusing
// them from frame to frame.
type figureRenderer struct {
	f       *Figure
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (r *figureRenderer) Destroy() { r.f.halt() }

func (r *figureRenderer) Layout(s fyne.Size) {
	r.size = s
	r.draw()
}

func (r *figureRenderer) MinSize() fyne.Size { return r.f.MinSize() }

func (r *figureRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *figureRenderer) Refresh() {
	r.draw()
	canvas.Refresh(r.f)
}

// palette is the figure's colours from the current theme.
type palette struct {
	body, far, face, propFill, propLine, floor color.Color
}

func (r *figureRenderer) palette() palette {
	c := func(n fyne.ThemeColorName) color.Color { return theme.ColorForWidget(n, r.f) }
	bg := c(theme.ColorNameBackground)
	primary := c(theme.ColorNamePrimary)
	return palette{
		body:     primary,
		far:      blend(primary, bg, 0.5),
		face:     bg,
		propFill: blend(c(theme.ColorNameDisabled), bg, 0.8),
		propLine: c(theme.ColorNameDisabled),
		floor:    c(theme.ColorNameDisabled),
	}
}

// blend mixes a with b: f = 0 gives a, 1 gives b.
func blend(a, b color.Color, f float64) color.Color {
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	mix := func(x, y uint32) uint8 { return uint8((float64(x)*(1-f) + float64(y)*f) / 257) }
	return color.NRGBA{mix(ar, br), mix(ag, bg), mix(ab, bb), mix(aa, ba)}
}

// reuse returns the object at index i if it has the wanted type, or puts a
// new one there.
func reuse[T fyne.CanvasObject](r *figureRenderer, i int, mk func() T) T {
	if i < len(r.objects) {
		if o, ok := r.objects[i].(T); ok {
			return o
		}
		o := mk()
		r.objects[i] = o
		return o
	}
	o := mk()
	r.objects = append(r.objects, o)
	return o
}

func (r *figureRenderer) draw() {
	size := r.size
	if size.Width <= 0 || size.Height <= 0 {
		size = r.f.Size()
	}
	scale := fyne.Min(size.Width, size.Height)
	ox, oy := (size.Width-scale)/2, (size.Height-scale)/2
	pos := func(p content.Point) fyne.Position {
		return fyne.NewPos(ox+float32(p.X)*scale, oy+float32(p.Y)*scale)
	}
	pal := r.palette()
	n := 0
	circle := func(c fyne.Position, radius float32, col color.Color) {
		o := reuse(r, n, func() *canvas.Circle { return &canvas.Circle{} })
		n++
		o.FillColor, o.StrokeWidth = col, 0
		o.Move(fyne.NewPos(c.X-radius, c.Y-radius))
		o.Resize(fyne.NewSquareSize(2 * radius))
	}
	for _, s := range r.f.stage.At(r.f.t) {
		col := pal.body
		switch s.Role {
		case content.RoleFar:
			col = pal.far
		case content.RoleFace, content.RoleOutline:
			col = pal.face
		case content.RoleFloor:
			col = pal.floor
		case content.RoleGhost:
			continue
		}
		switch s.Kind {
		case content.ShapeLine:
			a, b := pos(s.A), pos(s.B)
			w := float32(s.W) * scale
			o := reuse(r, n, func() *canvas.Line { return &canvas.Line{} })
			n++
			o.StrokeColor, o.StrokeWidth = col, w
			o.Position1, o.Position2 = a, b
			if s.Role != content.RoleFloor { // round ends
				circle(a, w/2, col)
				circle(b, w/2, col)
			}
		case content.ShapeCircle:
			circle(pos(s.A), float32(s.R)*scale, col)
		case content.ShapeRect:
			o := reuse(r, n, func() *canvas.Rectangle { return &canvas.Rectangle{} })
			n++
			o.FillColor, o.StrokeColor, o.StrokeWidth = pal.propFill, pal.propLine, 1
			a, b := pos(s.A), pos(s.B)
			o.Move(a)
			o.Resize(fyne.NewSize(b.X-a.X, b.Y-a.Y))
		}
	}
	r.objects = r.objects[:n]
	for _, o := range r.objects {
		o.Refresh()
	}
}
