package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/lifting"
)

// zoneTopsCm are the upper edges of the HSE hand zones in the diagram, in
// cm above the floor, top to bottom, for a figure about 170 cm tall (the
// same estimates as lifting.ZoneAt); the diagram spans 0 to zoneSpanCm.
var zoneTopsCm = []float32{zoneSpanCm, 139, 107, 75, 28}

const (
	zoneSpanCm    = 185
	zoneMinHeight = 320
)

// zoneNames are the diagram's short labels, in lifting.Zones order.
var zoneNames = []string{"Above shoulder", "Shoulder to elbow", "Elbow to knuckle", "Knuckle to mid-lower-leg", "Below mid-lower-leg"}

// ZoneDiagram is the HSE filter's body-zone diagram: a standing figure
// beside five stacked hand-height bands, each with its guideline weights
// for men and women (load close / arms extended). The zones the hands pass
// through are tinted and the zone that sets the guideline is highlighted.
// Tapping a band chooses it.
type ZoneDiagram struct {
	widget.BaseWidget
	Passed []lifting.Zone
	Chosen lifting.Zone
	// OnTapped is called with the zone tapped.
	OnTapped func(lifting.Zone)
}

// NewZoneDiagram returns a diagram with no zone chosen.
func NewZoneDiagram() *ZoneDiagram {
	d := &ZoneDiagram{}
	d.ExtendBaseWidget(d)
	return d
}

// Set tints the zones passed and highlights the chosen one.
func (d *ZoneDiagram) Set(passed []lifting.Zone, chosen lifting.Zone) {
	d.Passed, d.Chosen = passed, chosen
	d.Refresh()
}

// Tapped chooses the band under the pointer.
func (d *ZoneDiagram) Tapped(ev *fyne.PointEvent) {
	if d.OnTapped == nil {
		return
	}
	h := d.Size().Height
	for i := range lifting.Zones {
		top, bottom := zoneY(i, h)
		if ev.Position.Y >= top && ev.Position.Y < bottom {
			d.OnTapped(lifting.Zones[i])
			return
		}
	}
}

// zoneY is the top and bottom of band i in a diagram h high.
func zoneY(i int, h float32) (top, bottom float32) {
	y := func(cm float32) float32 { return (zoneSpanCm - cm) / zoneSpanCm * h }
	top = y(zoneTopsCm[i])
	bottom = h
	if i+1 < len(zoneTopsCm) {
		bottom = y(zoneTopsCm[i+1])
	}
	return top, bottom
}

// ZoneValues is the text of a band's guideline weights.
func ZoneValues(z lifting.Zone) string {
	g := func(s lifting.Sex) string {
		return fmt.Sprintf("%s / %s", liftKg(lifting.Guideline(z, s, false)), liftKg(lifting.Guideline(z, s, true)))
	}
	return i18n.L("lifting.zone.values", i18n.Args{"Men": g(lifting.Men), "Women": g(lifting.Women)})
}

func liftKg(x float64) string { return liftShow(x, 1) }

// CreateRenderer implements fyne.Widget.
func (d *ZoneDiagram) CreateRenderer() fyne.WidgetRenderer {
	r := &liftZoneRenderer{d: d, head: canvas.NewCircle(color.Transparent)}
	for range lifting.Zones {
		r.bands = append(r.bands, canvas.NewRectangle(color.Transparent))
		name := canvas.NewText("", color.Transparent)
		vals := canvas.NewText("", color.Transparent)
		r.names = append(r.names, name)
		r.values = append(r.values, vals)
	}
	for range 12 {
		r.lines = append(r.lines, canvas.NewLine(color.Transparent))
	}
	r.Refresh()
	return r
}

type liftZoneRenderer struct {
	d      *ZoneDiagram
	bands  []*canvas.Rectangle
	names  []*canvas.Text
	values []*canvas.Text
	head   *canvas.Circle
	lines  []*canvas.Line
}

// zoneFigureCm is the width of the figure's column, in cm at the
// diagram's scale.
const zoneFigureCm = 60

func (r *liftZoneRenderer) Layout(size fyne.Size) {
	h := size.Height
	pad := float32(6)
	s := h / zoneSpanCm
	figW := zoneFigureCm * s
	for i := range r.bands {
		top, bottom := zoneY(i, h)
		r.bands[i].Move(fyne.NewPos(0, top))
		r.bands[i].Resize(fyne.NewSize(size.Width, bottom-top-1))
		ns := r.names[i].MinSize()
		vs := r.values[i].MinSize()
		y := top + (bottom-top-ns.Height-vs.Height)/2
		r.names[i].Move(fyne.NewPos(figW+pad, y))
		r.names[i].Resize(ns)
		r.values[i].Move(fyne.NewPos(figW+pad, y+ns.Height))
		r.values[i].Resize(vs)
	}
	// A standing figure, front view, drawn to the same scale as the bands:
	// elbows at 107 cm, knuckles at 75 cm, knees at 48 cm.
	px := func(xcm, ycm float32) fyne.Position {
		return fyne.NewPos(figW/2+xcm*s, (zoneSpanCm-ycm)*s)
	}
	r.head.Move(px(-10, 172))
	r.head.Resize(fyne.NewSize(20*s, 22*s))
	segs := [][4]float32{
		{0, 150, 0, 146},     // neck
		{-19, 144, 19, 144},  // shoulders
		{0, 146, 0, 92},      // trunk
		{-12, 92, 12, 92},    // hips
		{-19, 144, -23, 107}, // upper arms
		{19, 144, 23, 107},
		{-23, 107, -23, 75}, // forearms
		{23, 107, 23, 75},
		{-10, 92, -11, 48}, // thighs
		{10, 92, 11, 48},
		{-11, 48, -12, 2}, // shins
		{11, 48, 12, 2},
	}
	for i, sg := range segs {
		r.lines[i].Position1 = px(sg[0], sg[1])
		r.lines[i].Position2 = px(sg[2], sg[3])
	}
}

func (r *liftZoneRenderer) MinSize() fyne.Size {
	w := float32(0)
	for i := range r.names {
		w = max(w, r.names[i].MinSize().Width, r.values[i].MinSize().Width)
	}
	return fyne.NewSize(zoneFigureCm*zoneMinHeight/zoneSpanCm+12+w, zoneMinHeight)
}

func (r *liftZoneRenderer) Refresh() {
	th := r.d.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	primary := th.Color(theme.ColorNamePrimary, v)
	passed := map[lifting.Zone]bool{}
	for _, z := range r.d.Passed {
		passed[z] = true
	}
	for i, z := range lifting.Zones {
		switch {
		case z == r.d.Chosen:
			r.bands[i].FillColor = liftAlpha(primary, 0x70)
			r.bands[i].StrokeColor = primary
			r.bands[i].StrokeWidth = 2
		case passed[z]:
			r.bands[i].FillColor = liftAlpha(primary, 0x28)
			r.bands[i].StrokeWidth = 0
		default:
			r.bands[i].FillColor = th.Color(theme.ColorNameInputBackground, v)
			r.bands[i].StrokeWidth = 0
		}
		r.names[i].Text = zoneNames[i]
		r.names[i].TextStyle.Bold = z == r.d.Chosen
		r.names[i].Color = fg
		r.names[i].TextSize = th.Size(theme.SizeNameText)
		r.values[i].Text = ZoneValues(z)
		r.values[i].Color = fg
		r.values[i].TextSize = th.Size(theme.SizeNameCaptionText)
		r.values[i].TextStyle.Bold = z == r.d.Chosen
	}
	r.head.StrokeColor = fg
	r.head.StrokeWidth = 2
	for _, l := range r.lines {
		l.StrokeColor = fg
		l.StrokeWidth = 2
	}
	r.Layout(r.d.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func liftAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

func (r *liftZoneRenderer) Objects() []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, b := range r.bands {
		objs = append(objs, b)
	}
	for i := range r.names {
		objs = append(objs, r.names[i], r.values[i])
	}
	objs = append(objs, r.head)
	for _, l := range r.lines {
		objs = append(objs, l)
	}
	return objs
}

func (r *liftZoneRenderer) Destroy() {}
