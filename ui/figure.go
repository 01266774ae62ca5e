package ui

import (
	"image"
	"image/color"
	"math"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/math/f32"
	"golang.org/x/image/vector"

	"github.com/limberapp/limber/content"
)

// figureMinSize is the smallest size a figure is drawn at: every exercise's
// motion is designed to read at this size.
const figureMinSize = 200

// Figure is an exercise's animated figure: the content library's pose model
// drawn with lines and circles in the theme's colours, looping through the
// exercise's keyframes while started and visible. It is driven by its own
// clock at Rate frames a second (FigureRate unless SetRate changes it) and
// redraws only when the pose it shows changes: a held pose costs no
// redraw at all.
type Figure struct {
	widget.BaseWidget

	// OnStep, if set, is called with the step (0-based) the animation
	// shows whenever that changes.
	OnStep func(i int)

	stage   *content.Stage
	whole   content.Animation // the exercise's whole loop
	t       time.Duration
	step    int
	shapes  []content.Shape // the pose drawn (at t)
	clock   *frameClock
	started bool // Start was called and Stop was not
	// While the clock runs, loop time runFrom was shown at runAt.
	runFrom time.Duration
	runAt   time.Time
	redraws int // times the shapes were laid out again
}

// NewFigure returns a stopped figure showing ex at its first moment.
func NewFigure(ex *content.Exercise) *Figure {
	f := &Figure{stage: content.NewStage(ex)}
	f.whole = f.stage.Anim
	f.step = f.stage.Anim.StepAt(0)
	f.shapes = f.stage.At(0)
	f.clock = newFrameClock(FigureRate, f.frame)
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
func (f *Figure) Running() bool { return f.clock.Running() }

// SetRate sets the frames a second the figure moves at.
func (f *Figure) SetRate(fps int) { f.clock.SetRate(fps) }

// Rate is the frames a second the figure moves at.
func (f *Figure) Rate() int { return f.clock.Rate() }

func (f *Figure) run() {
	if f.clock.Running() || !f.Visible() || f.stage.Anim.Duration() <= 0 {
		return
	}
	f.runFrom, f.runAt = f.t, time.Now()
	f.clock.Start()
}

func (f *Figure) halt() { f.clock.Stop() }

// frame shows the moment of the loop the clock has reached at now and
// returns how long that pose will be held.
func (f *Figure) frame(now time.Time) time.Duration {
	f.SetTime(f.runFrom + now.Sub(f.runAt))
	return stillFor(f.stage.Anim, f.t)
}

// stillFor is how long from loop time t the pose of a stays as it is: the
// rest of a key's hold, or of a move eased "hold" (the pose jumps at its
// end); 0 while it moves.
func stillFor(a content.Animation, t time.Duration) time.Duration {
	loop := a.Duration()
	if loop <= 0 {
		return 0
	}
	t %= loop
	for i, k := range a.Keys {
		reached := a.KeyTime(i)
		start, end := reached-k.Move, reached+k.Hold
		switch {
		case t < start || t >= end:
			continue
		case t >= reached || k.Move <= 0:
			return end - t
		case k.Ease == content.EaseHold:
			return reached - t
		}
		return 0
	}
	return 0
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
// The figure is redrawn only if its pose differs from the one shown.
func (f *Figure) SetTime(d time.Duration) {
	if loop := f.stage.Anim.Duration(); loop > 0 {
		d %= loop
	}
	f.t = d
	step := f.stage.Anim.StepAt(d)
	changed := step != f.step
	f.step = step
	if shapes := f.stage.At(d); !slices.Equal(shapes, f.shapes) {
		f.shapes = shapes
		f.Refresh()
	}
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
	running := f.clock.Running()
	f.halt()
	if i < 0 {
		f.stage.Anim = f.whole
	} else if a := f.whole.ForStep(i); len(a.Keys) > 0 {
		f.stage.Anim = a
	}
	f.t = 0
	f.step = f.stage.Anim.StepAt(0)
	f.shapes = f.stage.At(0)
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
	r := &figureRenderer{f: f}
	r.raster = canvas.NewRaster(r.render)
	return r
}

// figureRenderer draws the stage's shapes into one image: a frame is one
// texture for the GL painter, where the shapes as canvas objects would be
// some seventy draw calls (each line, each round end, each circle), and
// with software rendering those cost several milliseconds a frame.
type figureRenderer struct {
	f      *Figure
	raster *canvas.Raster
	z      vector.Rasterizer
	img    *image.RGBA // reused from frame to frame: the painter copies it
}

func (r *figureRenderer) Destroy() { r.f.halt() }

func (r *figureRenderer) Layout(s fyne.Size) { r.raster.Resize(s) }

func (r *figureRenderer) MinSize() fyne.Size { return r.f.MinSize() }

func (r *figureRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.raster} }

func (r *figureRenderer) Refresh() {
	r.f.redraws++
	r.raster.Refresh()
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

// render draws the shapes shown into a w×h pixel image: the 0–1 square
// of the stage centred in it, as large as fits. Each shape is rasterized
// over its own bounds only.
func (r *figureRenderer) render(w, h int) image.Image {
	if r.img == nil || r.img.Rect.Dx() != w || r.img.Rect.Dy() != h {
		r.img = image.NewRGBA(image.Rect(0, 0, max(w, 0), max(h, 0)))
	} else {
		clear(r.img.Pix)
	}
	img := r.img
	if w <= 0 || h <= 0 {
		return img
	}
	scale := float32(min(w, h))
	ox, oy := (float32(w)-scale)/2, (float32(h)-scale)/2
	pos := func(p content.Point) f32.Vec2 {
		return f32.Vec2{ox + float32(p.X)*scale, oy + float32(p.Y)*scale}
	}
	pal := r.palette()
	// fill draws path in col over the pixels from lo to hi (grown by
	// pad); path adds its points less the origin it is given.
	fill := func(col color.Color, lo, hi f32.Vec2, pad float32, path func(z *vector.Rasterizer, o f32.Vec2)) {
		b := image.Rect(int(math.Floor(float64(lo[0]-pad))), int(math.Floor(float64(lo[1]-pad))),
			int(math.Ceil(float64(hi[0]+pad)))+1, int(math.Ceil(float64(hi[1]+pad)))+1).Intersect(img.Rect)
		if b.Empty() {
			return
		}
		r.z.Reset(b.Dx(), b.Dy())
		path(&r.z, f32.Vec2{float32(b.Min.X), float32(b.Min.Y)})
		r.z.Draw(img, b, image.NewUniform(col), image.Point{})
	}
	for _, s := range r.f.shapes {
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
			half := max(float32(s.W)*scale/2, 0.5)
			round := s.Role != content.RoleFloor // round ends
			lo := f32.Vec2{min(a[0], b[0]), min(a[1], b[1])}
			hi := f32.Vec2{max(a[0], b[0]), max(a[1], b[1])}
			fill(col, lo, hi, half, func(z *vector.Rasterizer, o f32.Vec2) { addStroke(z, sub(a, o), sub(b, o), half, round) })
		case content.ShapeCircle:
			c, rad := pos(s.A), float32(s.R)*scale
			fill(col, c, c, rad, func(z *vector.Rasterizer, o f32.Vec2) { addCircle(z, sub(c, o), rad) })
		case content.ShapeRect:
			a, b := pos(s.A), pos(s.B)
			fill(pal.propFill, a, b, 0, func(z *vector.Rasterizer, o f32.Vec2) { addRect(z, sub(a, o), sub(b, o)) })
			fill(pal.propLine, a, b, 0, func(z *vector.Rasterizer, o f32.Vec2) {
				addRect(z, sub(a, o), sub(b, o))
				// the inside, the other way round: a 1 px frame is left
				addRect(z, sub(f32.Vec2{b[0] - 1, a[1] + 1}, o), sub(f32.Vec2{a[0] + 1, b[1] - 1}, o))
			})
		}
	}
	return img
}

func sub(a, b f32.Vec2) f32.Vec2 { return f32.Vec2{a[0] - b[0], a[1] - b[1]} }

// kappa places the control points of a cubic Bézier quarter circle.
const kappa = 0.5522848

// addCircle adds a circle of radius rad around c.
func addCircle(z *vector.Rasterizer, c f32.Vec2, rad float32) {
	k := rad * kappa
	s := float32(1)
	z.MoveTo(c[0]+rad, c[1])
	z.CubeTo(c[0]+rad, c[1]+s*k, c[0]+k, c[1]+s*rad, c[0], c[1]+s*rad)
	z.CubeTo(c[0]-k, c[1]+s*rad, c[0]-rad, c[1]+s*k, c[0]-rad, c[1])
	z.CubeTo(c[0]-rad, c[1]-s*k, c[0]-k, c[1]-s*rad, c[0], c[1]-s*rad)
	z.CubeTo(c[0]+k, c[1]-s*rad, c[0]+rad, c[1]-s*k, c[0]+rad, c[1])
	z.ClosePath()
}

// addStroke adds the line from a to b, half wide on each side, with round
// ends or square-cut ones.
func addStroke(z *vector.Rasterizer, a, b f32.Vec2, half float32, round bool) {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l := float32(math.Hypot(float64(dx), float64(dy)))
	if l < 1e-3 {
		if round {
			addCircle(z, a, half)
		}
		return
	}
	nx, ny := -dy/l*half, dx/l*half // the normal, half long
	tx, ty := dx/l*half, dy/l*half  // along the line, half long
	k := float32(kappa)
	z.MoveTo(a[0]+nx, a[1]+ny)
	z.LineTo(b[0]+nx, b[1]+ny)
	if round { // a half circle round b
		z.CubeTo(b[0]+nx+k*tx, b[1]+ny+k*ty, b[0]+tx+k*nx, b[1]+ty+k*ny, b[0]+tx, b[1]+ty)
		z.CubeTo(b[0]+tx-k*nx, b[1]+ty-k*ny, b[0]-nx+k*tx, b[1]-ny+k*ty, b[0]-nx, b[1]-ny)
	} else {
		z.LineTo(b[0]-nx, b[1]-ny)
	}
	z.LineTo(a[0]-nx, a[1]-ny)
	if round { // and round a
		z.CubeTo(a[0]-nx-k*tx, a[1]-ny-k*ty, a[0]-tx-k*nx, a[1]-ty-k*ny, a[0]-tx, a[1]-ty)
		z.CubeTo(a[0]-tx+k*nx, a[1]-ty+k*ny, a[0]+nx-k*tx, a[1]+ny-k*ty, a[0]+nx, a[1]+ny)
	}
	z.ClosePath()
}

// addRect adds the rectangle with corners a and b.
func addRect(z *vector.Rasterizer, a, b f32.Vec2) {
	z.MoveTo(a[0], a[1])
	z.LineTo(b[0], a[1])
	z.LineTo(b[0], b[1])
	z.LineTo(a[0], b[1])
	z.ClosePath()
}
