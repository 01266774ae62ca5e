package ui

import (
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/schedule"
)

// Geometry of the timeline, in Fyne units (scaled by FYNE_SCALE).
const (
	tlMarkArea = 28 // room above the bar for the tallest mark
	tlBarH     = 10
	tlGap      = 4
	tlMarkW    = 3
)

// tlMarkHeight (standing on the bar's bottom edge) makes the kinds differ by height as well as colour, so the
// timeline reads without colour vision.
var tlMarkHeight = map[schedule.Kind]float32{schedule.Posture: 18, schedule.Mobility: 28, schedule.Rest: 38}

// isDarkTheme judges the app's theme by its background.
func isDarkTheme() bool {
	a := fyne.CurrentApp()
	if a == nil {
		return isDarkBackground(theme.DefaultTheme(), theme.VariantLight)
	}
	return isDarkBackground(a.Settings().Theme(), a.Settings().ThemeVariant())
}

func isDarkBackground(th fyne.Theme, v fyne.ThemeVariant) bool {
	r, g, b, _ := th.Color(theme.ColorNameBackground, v).RGBA()
	return (299*r+587*g+114*b)/1000 < 0x8000
}

// tlKindColor is a kind's mark colour, chosen to stand out on the light
// and on the dark background.
func tlKindColor(k schedule.Kind) color.Color {
	dark := isDarkTheme()
	switch k {
	case schedule.Posture:
		if dark {
			return color.NRGBA{R: 0x64, G: 0xb5, B: 0xf6, A: 0xff}
		}
		return color.NRGBA{R: 0x15, G: 0x65, B: 0xc0, A: 0xff}
	case schedule.Mobility:
		if dark {
			return color.NRGBA{R: 0x81, G: 0xc7, B: 0x84, A: 0xff}
		}
		return color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
	default:
		if dark {
			return color.NRGBA{R: 0xff, G: 0xb7, B: 0x4d, A: 0xff}
		}
		return color.NRGBA{R: 0xc4, G: 0x4d, B: 0x00, A: 0xff}
	}
}

// settingsTimeline draws a dayPlan: the working spans as bars on an hour
// axis and each planned break as an upright mark.
type settingsTimeline struct {
	widget.BaseWidget
	plan dayPlan
}

func newSettingsTimeline() *settingsTimeline {
	t := &settingsTimeline{}
	t.ExtendBaseWidget(t)
	return t
}

// SetPlan shows p.
func (t *settingsTimeline) SetPlan(p dayPlan) {
	t.plan = p
	t.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (t *settingsTimeline) CreateRenderer() fyne.WidgetRenderer {
	r := &timelineRenderer{t: t}
	r.rebuild()
	return r
}

type timelineRenderer struct {
	t       *settingsTimeline
	axis    *canvas.Rectangle
	spans   []*canvas.Rectangle
	marks   []*canvas.Rectangle
	ticks   []*canvas.Rectangle
	labels  []*canvas.Text
	hours   []time.Duration
	objects []fyne.CanvasObject
}

func tlTextSize() float32 { return theme.Size(theme.SizeNameCaptionText) }

// rebuild makes the canvas objects for the current plan and theme.
func (r *timelineRenderer) rebuild() {
	p := r.t.plan
	fg := theme.Color(theme.ColorNameForeground)
	fr, fgG, fb, _ := fg.RGBA()
	faint := color.NRGBA{R: uint8(fr >> 8), G: uint8(fgG >> 8), B: uint8(fb >> 8), A: 0x50}
	r.axis = canvas.NewRectangle(theme.Color(theme.ColorNamePlaceHolder))
	r.spans = r.spans[:0]
	for range p.Spans {
		s := canvas.NewRectangle(faint)
		s.CornerRadius = tlBarH / 2
		r.spans = append(r.spans, s)
	}
	r.marks = r.marks[:0]
	for _, m := range p.Marks {
		r.marks = append(r.marks, canvas.NewRectangle(tlKindColor(m.Kind)))
	}
	from, to := p.Range()
	step := time.Hour
	if to-from > 12*time.Hour {
		step = 2 * time.Hour
	}
	r.hours, r.ticks, r.labels = r.hours[:0], r.ticks[:0], r.labels[:0]
	for h := from; h <= to; h += step {
		r.hours = append(r.hours, h)
		r.ticks = append(r.ticks, canvas.NewRectangle(theme.Color(theme.ColorNamePlaceHolder)))
		l := canvas.NewText(planClock(h), fg)
		l.TextSize = tlTextSize()
		l.Alignment = fyne.TextAlignCenter
		r.labels = append(r.labels, l)
	}
	r.objects = []fyne.CanvasObject{r.axis}
	for _, s := range r.spans {
		r.objects = append(r.objects, s)
	}
	for _, tk := range r.ticks {
		r.objects = append(r.objects, tk)
	}
	for _, m := range r.marks {
		r.objects = append(r.objects, m)
	}
	for _, l := range r.labels {
		r.objects = append(r.objects, l)
	}
}

func (r *timelineRenderer) labelSize() fyne.Size {
	return fyne.MeasureText("00:00", tlTextSize(), fyne.TextStyle{})
}

func (r *timelineRenderer) Layout(size fyne.Size) {
	p := r.t.plan
	from, to := p.Range()
	pad := r.labelSize().Width/2 + 2
	w := size.Width - 2*pad
	x := func(d time.Duration) float32 {
		return pad + w*float32(d-from)/float32(to-from)
	}
	barY := float32(tlMarkArea)
	r.axis.Move(fyne.NewPos(pad, barY+tlBarH/2-0.5))
	r.axis.Resize(fyne.NewSize(w, 1))
	for i, s := range p.Spans {
		r.spans[i].Move(fyne.NewPos(x(s.From), barY))
		r.spans[i].Resize(fyne.NewSize(x(s.To)-x(s.From), tlBarH))
	}
	for i, m := range p.Marks {
		h := tlMarkHeight[m.Kind]
		r.marks[i].Move(fyne.NewPos(x(m.At)-tlMarkW/2, barY+tlBarH-h))
		r.marks[i].Resize(fyne.NewSize(tlMarkW, h))
	}
	ls := r.labelSize()
	for i, h := range r.hours {
		r.ticks[i].Move(fyne.NewPos(x(h)-0.5, barY+tlBarH))
		r.ticks[i].Resize(fyne.NewSize(1, tlGap))
		r.labels[i].Move(fyne.NewPos(x(h)-ls.Width/2, barY+tlBarH+tlGap))
		r.labels[i].Resize(ls)
	}
}

func (r *timelineRenderer) MinSize() fyne.Size {
	ls := r.labelSize()
	n := float32(len(r.hours))
	return fyne.NewSize(max(n*(ls.Width+6), 240), tlMarkArea+tlBarH+tlGap+ls.Height)
}

func (r *timelineRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.t.Size())
	canvas.Refresh(r.t)
}

func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *timelineRenderer) Destroy()                     {}

// settingsPreview is the timeline with its legend and a sentence saying
// the same in words.
type settingsPreview struct {
	timeline *settingsTimeline
	legend   map[schedule.Kind]*widget.Label
	summary  *widget.Label
	box      *fyne.Container
}

// kindSwatch is a legend mark: a kind's colour and height, recoloured
// when the theme changes between light and dark.
type kindSwatch struct {
	widget.BaseWidget
	kind schedule.Kind
}

func newKindSwatch(k schedule.Kind) *kindSwatch {
	s := &kindSwatch{kind: k}
	s.ExtendBaseWidget(s)
	return s
}

// CreateRenderer implements fyne.Widget.
func (s *kindSwatch) CreateRenderer() fyne.WidgetRenderer {
	r := canvas.NewRectangle(tlKindColor(s.kind))
	return &swatchRenderer{s: s, rect: r}
}

type swatchRenderer struct {
	s    *kindSwatch
	rect *canvas.Rectangle
}

func (r *swatchRenderer) Layout(size fyne.Size) {
	ms := r.MinSize()
	r.rect.Resize(ms)
	r.rect.Move(fyne.NewPos((size.Width-ms.Width)/2, (size.Height-ms.Height)/2))
}
func (r *swatchRenderer) MinSize() fyne.Size {
	return fyne.NewSize(tlMarkW+2, tlMarkHeight[r.s.kind]*0.6)
}
func (r *swatchRenderer) Refresh() {
	r.rect.FillColor = tlKindColor(r.s.kind)
	r.rect.Refresh()
}
func (r *swatchRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.rect} }
func (r *swatchRenderer) Destroy()                     {}

func newSettingsPreview() *settingsPreview {
	p := &settingsPreview{timeline: newSettingsTimeline(), legend: map[schedule.Kind]*widget.Label{}}
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	legend := container.NewHBox()
	for _, k := range schedule.Kinds {
		l := widget.NewLabel(kindShort(string(k)))
		p.legend[k] = l
		legend.Add(container.NewHBox(newKindSwatch(k), l))
	}
	title := widget.NewLabelWithStyle(i18n.L("plan.today"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.box = container.NewVBox(container.NewBorder(nil, nil, title, legend), p.timeline, p.summary)
	return p
}

// Update shows plan.
func (p *settingsPreview) Update(plan dayPlan) {
	p.timeline.SetPlan(plan)
	c := plan.Counts()
	for _, k := range schedule.Kinds {
		p.legend[k].SetText(kindShort(string(k)) + " " + strconv.Itoa(c[k]))
	}
	p.summary.SetText(plan.Summary())
	p.box.Refresh() // the legend's labels may have grown
}
