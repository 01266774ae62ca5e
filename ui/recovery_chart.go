package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/i18n"
)

// PainPoint is one check-in on the pain chart.
type PainPoint struct {
	Day  int // days since the strain
	Pain int // 0–10
}

// PainChart draws the check-ins' pain (0–10, up) against the days since the
// strain (right), with axis labels: a line through the check-ins and a
// dot on each.
type PainChart struct {
	widget.BaseWidget
	points []PainPoint
}

// Chart margins: room for the y labels on the left and the x labels and
// axis title below.
const (
	chartLeft   = 44
	chartRight  = 12
	chartTop    = 26
	chartBottom = 40
	chartDot    = 8
)

// NewPainChart returns a chart of points (in day order).
func NewPainChart(points []PainPoint) *PainChart {
	c := &PainChart{points: points}
	c.ExtendBaseWidget(c)
	return c
}

// SetPoints replaces the points and redraws.
func (c *PainChart) SetPoints(points []PainPoint) {
	c.points = points
	c.Refresh()
}

// Points returns the chart's points.
func (c *PainChart) Points() []PainPoint { return c.points }

// dayRange is the days the x axis spans: from the first check-in's day to
// the last, at least a week.
func (c *PainChart) dayRange() (int, int) {
	if len(c.points) == 0 {
		return 0, 7
	}
	lo, hi := c.points[0].Day, c.points[0].Day
	for _, p := range c.points {
		lo, hi = min(lo, p.Day), max(hi, p.Day)
	}
	if hi-lo < 7 {
		hi = lo + 7
	}
	return lo, hi
}

// PointAt is where a check-in is drawn in a chart of size s.
func (c *PainChart) PointAt(p PainPoint, s fyne.Size) fyne.Position {
	lo, hi := c.dayRange()
	w := s.Width - chartLeft - chartRight
	h := s.Height - chartTop - chartBottom
	x := chartLeft + w*float32(p.Day-lo)/float32(hi-lo)
	y := chartTop + h*float32(10-p.Pain)/10
	return fyne.NewPos(x, y)
}

func (c *PainChart) MinSize() fyne.Size { return fyne.NewSize(280, 180) }

func (c *PainChart) CreateRenderer() fyne.WidgetRenderer {
	r := &painChartRenderer{c: c}
	r.rebuild()
	return r
}

type painChartRenderer struct {
	c       *PainChart
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (r *painChartRenderer) Destroy()                     {}
func (r *painChartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *painChartRenderer) MinSize() fyne.Size           { return r.c.MinSize() }

func (r *painChartRenderer) Layout(s fyne.Size) {
	r.size = s
	r.rebuild()
}

func (r *painChartRenderer) Refresh() {
	r.rebuild()
	canvas.Refresh(r.c)
}

// rebuild draws the chart for the current size and points.
func (r *painChartRenderer) rebuild() {
	s := r.size
	if s.IsZero() {
		s = r.c.MinSize()
	}
	fg := theme.Color(theme.ColorNameForeground)
	grid := theme.Color(theme.ColorNameSeparator)
	ink := theme.Color(theme.ColorNamePrimary)
	small := theme.CaptionTextSize()
	x0, x1 := float32(chartLeft), s.Width-chartRight
	y0, y1 := float32(chartTop), s.Height-chartBottom
	var objs []fyne.CanvasObject

	title := canvas.NewText(i18n.L("recovery.pain_0_10"), fg)
	title.TextSize = small
	title.Move(fyne.NewPos(4, 2))
	objs = append(objs, title)

	for _, v := range []int{0, 5, 10} {
		y := r.c.PointAt(PainPoint{Pain: v}, s).Y
		line := canvas.NewLine(grid)
		line.StrokeWidth = 1
		line.Position1, line.Position2 = fyne.NewPos(x0, y), fyne.NewPos(x1, y)
		lbl := canvas.NewText(fmt.Sprint(v), fg)
		lbl.TextSize = small
		lbl.Alignment = fyne.TextAlignTrailing
		ls := lbl.MinSize()
		lbl.Move(fyne.NewPos(x0-6-ls.Width, y-ls.Height/2))
		lbl.Resize(ls)
		objs = append(objs, line, lbl)
	}
	axis := func(a, b fyne.Position) {
		l := canvas.NewLine(fg)
		l.StrokeWidth = 1.5
		l.Position1, l.Position2 = a, b
		objs = append(objs, l)
	}
	axis(fyne.NewPos(x0, y0), fyne.NewPos(x0, y1))
	axis(fyne.NewPos(x0, y1), fyne.NewPos(x1, y1))

	lo, hi := r.c.dayRange()
	step := max(1, (hi-lo+6)/7)
	for d := lo; d <= hi; d += step {
		x := r.c.PointAt(PainPoint{Day: d}, s).X
		lbl := canvas.NewText(fmt.Sprint(d), fg)
		lbl.TextSize = small
		ls := lbl.MinSize()
		lbl.Move(fyne.NewPos(x-ls.Width/2, y1+4))
		lbl.Resize(ls)
		objs = append(objs, lbl)
	}
	xt := canvas.NewText(i18n.L("recovery.days_since_the_strain"), fg)
	xt.TextSize = small
	xs := xt.MinSize()
	xt.Move(fyne.NewPos((x0+x1-xs.Width)/2, y1+4+xs.Height))
	objs = append(objs, xt)

	var prev *fyne.Position
	for _, p := range r.c.points {
		pos := r.c.PointAt(p, s)
		if prev != nil {
			seg := canvas.NewLine(ink)
			seg.StrokeWidth = 2
			seg.Position1, seg.Position2 = *prev, pos
			objs = append(objs, seg)
		}
		prev = &pos
	}
	for _, p := range r.c.points {
		pos := r.c.PointAt(p, s)
		dot := canvas.NewCircle(ink)
		dot.StrokeColor = color.White
		dot.StrokeWidth = 1
		dot.Position1 = fyne.NewPos(pos.X-chartDot/2, pos.Y-chartDot/2)
		dot.Position2 = fyne.NewPos(pos.X+chartDot/2, pos.Y+chartDot/2)
		objs = append(objs, dot)
	}
	if len(r.c.points) == 0 {
		empty := canvas.NewText(i18n.L("recovery.no_check_ins_yet"), fg)
		empty.TextSize = small
		es := empty.MinSize()
		empty.Move(fyne.NewPos((x0+x1-es.Width)/2, y0+(y1-y0)/4-es.Height/2))
		objs = append(objs, empty)
	}
	r.objects = objs
}
