package ui

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/stats"
)

// Outcomes as the day chart stacks them, bottom up, with their theme
// colours: the three ways a break is taken, then the two it is not.
var chartOutcomes = []struct {
	Label string
	Color fyne.ThemeColorName
	Value func(stats.Day) int
}{
	{"Completed", theme.ColorNameSuccess, func(d stats.Day) int { return d.Completed }},
	{"Ended early", theme.ColorNameWarning, func(d stats.Day) int { return d.EndedEarly }},
	{"Natural", theme.ColorNamePrimary, func(d stats.Day) int { return d.Natural }},
	{"Skipped", theme.ColorNameError, func(d stats.Day) int { return d.Skipped }},
	{"Postponed", theme.ColorNamePlaceHolder, func(d stats.Day) int { return d.Postponed }},
}

func themeColor(n fyne.ThemeColorName) color.Color { return theme.Color(n) }

// chartRenderer redraws its objects from scratch at each layout: charts
// hold a few hundred objects at most.
type chartRenderer struct {
	min   fyne.Size
	draw  func(s fyne.Size) []fyne.CanvasObject
	objs  []fyne.CanvasObject
	size  fyne.Size
	owner fyne.Widget
}

func (r *chartRenderer) Destroy()                     {}
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *chartRenderer) MinSize() fyne.Size           { return r.min }
func (r *chartRenderer) Layout(s fyne.Size)           { r.size = s; r.objs = r.draw(s) }
func (r *chartRenderer) Refresh() {
	s := r.size
	if s.IsZero() {
		s = r.min
	}
	r.objs = r.draw(s)
	canvas.Refresh(r.owner)
}

func text(s string, c color.Color, size float32, align fyne.TextAlign) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = size
	t.Alignment = align
	return t
}

// place puts a text with its top-left, top-centre or top-right at p.
func place(t *canvas.Text, p fyne.Position) *canvas.Text {
	ms := t.MinSize()
	switch t.Alignment {
	case fyne.TextAlignCenter:
		p.X -= ms.Width / 2
	case fyne.TextAlignTrailing:
		p.X -= ms.Width
	}
	t.Move(p)
	t.Resize(ms)
	return t
}

func rect(c color.Color, x, y, w, h float32) *canvas.Rectangle {
	r := canvas.NewRectangle(c)
	r.Move(fyne.NewPos(x, y))
	r.Resize(fyne.NewSize(w, h))
	return r
}

func line(c color.Color, width float32, a, b fyne.Position) *canvas.Line {
	l := canvas.NewLine(c)
	l.StrokeWidth = width
	l.Position1, l.Position2 = a, b
	return l
}

// DayChart is a bar per day stacked by outcome, with a line for active
// time (hours, right axis) and a legend.
type DayChart struct {
	widget.BaseWidget
	days []stats.Day
}

// NewDayChart returns a chart of days (one slot each, in order).
func NewDayChart(days []stats.Day) *DayChart {
	c := &DayChart{days: days}
	c.ExtendBaseWidget(c)
	return c
}

// SetDays replaces the days and redraws.
func (c *DayChart) SetDays(days []stats.Day) { c.days = days; c.Refresh() }

// Day chart margins; the top one grows by a row for each legend row
// past the first (legendRows).
const (
	dcLeft, dcRight, dcTop, dcBottom = 36, 40, 34, 24
	dcLegendRow                      = 18
)

// legendItems are the legend's labels: the outcomes, then the line.
func legendItems() []string {
	out := make([]string, 0, len(chartOutcomes)+1)
	for _, o := range chartOutcomes {
		out = append(out, i18n.L("history.outcome."+strings.ReplaceAll(strings.ToLower(o.Label), " ", "_")))
	}
	return append(out, i18n.L("history.active_hours"))
}

// legendLayout places the legend's items in rows that fit width: each
// item's x and row.
func legendLayout(width float32) (xs []float32, rows []int) {
	small := theme.CaptionTextSize()
	x, row := float32(4), 0
	for _, l := range legendItems() {
		w := 17 + fyne.MeasureText(l, small, fyne.TextStyle{}).Width
		if x > 4 && x+w > width {
			x, row = 4, row+1
		}
		xs, rows = append(xs, x), append(rows, row)
		x += w + 10
	}
	return xs, rows
}

// top is the plot's top edge for a chart of width w.
func (c *DayChart) top(w float32) float32 {
	_, rows := legendLayout(w)
	return dcTop + dcLegendRow*float32(rows[len(rows)-1])
}

// BarRect is where the chart draws day i's bar of size s: its left
// edge, width, and the height of one break.
func (c *DayChart) BarRect(i int, s fyne.Size) (x, w, unit float32) {
	n := max(1, len(c.days))
	plotW := s.Width - dcLeft - dcRight
	slot := plotW / float32(n)
	gap := float32(math.Min(float64(slot)*0.25, 4))
	peak := c.peak()
	return dcLeft + slot*float32(i) + gap/2, slot - gap, (s.Height - c.top(s.Width) - dcBottom) / float32(peak)
}

// peak is the y axis's top: the most breaks on a day, rounded up to 10
// (to 5 up to 10), so that half of it is a whole number.
func (c *DayChart) peak() int {
	m := 0
	for _, d := range c.days {
		n := 0
		for _, o := range chartOutcomes {
			n += o.Value(d)
		}
		m = max(m, n)
	}
	if m <= 10 {
		return max(4, (m+1)/2*2)
	}
	return (m + 9) / 10 * 10
}

func (c *DayChart) activePeak() float64 {
	m := 0.0
	for _, d := range c.days {
		m = math.Max(m, d.ActiveSeconds/3600)
	}
	return math.Max(1, math.Ceil(m))
}

func (c *DayChart) MinSize() fyne.Size { return fyne.NewSize(360, 220) }

func (c *DayChart) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{min: c.MinSize(), draw: c.draw, owner: c}
}

func (c *DayChart) draw(s fyne.Size) []fyne.CanvasObject {
	fg := themeColor(theme.ColorNameForeground)
	grid := themeColor(theme.ColorNameSeparator)
	small := theme.CaptionTextSize()
	var objs []fyne.CanvasObject
	x0, x1 := float32(dcLeft), s.Width-dcRight
	y0, y1 := c.top(s.Width), s.Height-dcBottom
	// Legend.
	xs, rows := legendLayout(s.Width)
	for i, l := range legendItems() {
		ly := float32(rows[i]) * dcLegendRow
		if i < len(chartOutcomes) {
			objs = append(objs, rect(themeColor(chartOutcomes[i].Color), xs[i], ly+6, 10, 10))
		} else {
			objs = append(objs, line(fg, 2, fyne.NewPos(xs[i], ly+11), fyne.NewPos(xs[i]+12, ly+11)))
		}
		objs = append(objs, place(text(l, fg, small, fyne.TextAlignLeading), fyne.NewPos(xs[i]+15, ly+2)))
	}
	lineW := float32(2)
	if len(c.days) > 62 {
		lineW = 1
	}

	peak := c.peak()
	for _, v := range []int{0, peak / 2, peak} {
		y := y1 - (y1-y0)*float32(v)/float32(peak)
		objs = append(objs, line(grid, 1, fyne.NewPos(x0, y), fyne.NewPos(x1, y)))
		objs = append(objs, place(text(fmt.Sprint(v), fg, small, fyne.TextAlignTrailing), fyne.NewPos(x0-4, y-small*0.7)))
	}
	ap := c.activePeak()
	for _, v := range []float64{0, ap} {
		y := y1 - (y1-y0)*float32(v/ap)
		objs = append(objs, place(text(fmt.Sprintf("%gh", v), fg, small, fyne.TextAlignLeading), fyne.NewPos(x1+4, y-small*0.7)))
	}
	if len(c.days) == 0 {
		return append(objs, place(text(i18n.L("history.chart.no_breaks"), fg, theme.TextSize(), fyne.TextAlignCenter), fyne.NewPos((x0+x1)/2, (y0+y1)/2)))
	}
	var prev *fyne.Position
	every := max(1, len(c.days)/12)
	for i, d := range c.days {
		x, w, unit := c.BarRect(i, s)
		y := y1
		for _, o := range chartOutcomes {
			if n := o.Value(d); n > 0 {
				h := unit * float32(n)
				objs = append(objs, rect(themeColor(o.Color), x, y-h, max(w, 1), h))
				y -= h
			}
		}
		if d.ActiveSeconds > 0 {
			p := fyne.NewPos(x+w/2, y1-(y1-y0)*float32(d.ActiveSeconds/3600/ap))
			if prev != nil {
				objs = append(objs, line(fg, lineW, *prev, p))
			}
			prev = &p
		} else {
			prev = nil
		}
		if t, err := time.Parse(time.DateOnly, d.Date); err == nil {
			lbl := ""
			switch {
			case len(c.days) > 62 && t.Day() == 1:
				lbl = i18n.MonthShort(t.Month())
			case len(c.days) <= 7:
				lbl = i18n.WeekdayShort(t.Weekday()) + " " + strconv.Itoa(t.Day())
			case len(c.days) <= 62 && i%every == 0:
				lbl = fmt.Sprint(t.Day())
			}
			if lbl != "" {
				objs = append(objs, place(text(lbl, fg, small, fyne.TextAlignCenter), fyne.NewPos(x+w/2, y1+3)))
			}
		}
	}
	objs = append(objs, line(fg, 1.5, fyne.NewPos(x0, y1), fyne.NewPos(x1, y1)))
	return objs
}

// Heatmap shows breaks taken by weekday (rows, Monday first) and hour of
// day (columns); a cell's strength is its count against the busiest.
type Heatmap struct {
	widget.BaseWidget
	cells [7][24]int
}

// NewHeatmap returns a heatmap of cells.
func NewHeatmap(cells [7][24]int) *Heatmap {
	h := &Heatmap{cells: cells}
	h.ExtendBaseWidget(h)
	return h
}

// SetCells replaces the counts and redraws.
func (h *Heatmap) SetCells(cells [7][24]int) { h.cells = cells; h.Refresh() }

const hmLeft, hmTop, hmBottom = 40, 6, 22

// CellAlpha is how strongly a cell is drawn, 0 (none) to 255 (busiest).
func (h *Heatmap) CellAlpha(wd, hr int) uint8 {
	peak := 0
	for _, row := range h.cells {
		for _, n := range row {
			peak = max(peak, n)
		}
	}
	if peak == 0 || h.cells[wd][hr] == 0 {
		return 0
	}
	return uint8(40 + 215*h.cells[wd][hr]/peak)
}

func (h *Heatmap) MinSize() fyne.Size { return fyne.NewSize(360, 180) }

func (h *Heatmap) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{min: h.MinSize(), draw: h.draw, owner: h}
}

func (h *Heatmap) draw(s fyne.Size) []fyne.CanvasObject {
	fg := themeColor(theme.ColorNameForeground)
	grid := themeColor(theme.ColorNameInputBackground)
	r, g, b, _ := themeColor(theme.ColorNamePrimary).RGBA()
	small := theme.CaptionTextSize()
	cw := (s.Width - hmLeft - 4) / 24
	ch := (s.Height - hmTop - hmBottom) / 7
	var objs []fyne.CanvasObject
	for wd, name := range []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"} {
		y := hmTop + ch*float32(wd)
		objs = append(objs, place(text(name, fg, small, fyne.TextAlignTrailing), fyne.NewPos(hmLeft-6, y+ch/2-small*0.7)))
		for hr := 0; hr < 24; hr++ {
			x := hmLeft + cw*float32(hr)
			objs = append(objs, rect(grid, x+1, y+1, cw-2, ch-2))
			if a := h.CellAlpha(wd, hr); a > 0 {
				c := color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
				objs = append(objs, rect(c, x+1, y+1, cw-2, ch-2))
			}
		}
	}
	for hr := 0; hr <= 24; hr += 6 {
		objs = append(objs, place(text(fmt.Sprintf("%02d", hr), fg, small, fyne.TextAlignCenter), fyne.NewPos(hmLeft+cw*float32(hr), hmTop+ch*7+3)))
	}
	return objs
}

// BarList is labelled horizontal bars: the body areas exercised.
type BarList struct {
	widget.BaseWidget
	items []stats.AreaCount
}

// NewBarList returns bars for items.
func NewBarList(items []stats.AreaCount) *BarList {
	l := &BarList{items: items}
	l.ExtendBaseWidget(l)
	return l
}

// SetItems replaces the bars and redraws.
func (l *BarList) SetItems(items []stats.AreaCount) { l.items = items; l.Refresh() }

func (l *BarList) MinSize() fyne.Size {
	return fyne.NewSize(300, float32(len(l.items))*(theme.TextSize()+10)+4)
}

func (l *BarList) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{min: l.MinSize(), draw: l.draw, owner: l}
}

func (l *BarList) draw(s fyne.Size) []fyne.CanvasObject {
	fg := themeColor(theme.ColorNameForeground)
	ink := themeColor(theme.ColorNamePrimary)
	warn := themeColor(theme.ColorNameWarning)
	ts := theme.TextSize()
	row := ts + 10
	peak := 1
	for _, it := range l.items {
		peak = max(peak, it.Count)
	}
	const labelW = 90
	var objs []fyne.CanvasObject
	for i, it := range l.items {
		y := float32(i) * row
		objs = append(objs, place(text(areaWord(it.Area), fg, ts, fyne.TextAlignLeading), fyne.NewPos(0, y+2)))
		maxW := s.Width - labelW - 70
		w := maxW * float32(it.Count) / float32(peak)
		if it.Count == 0 {
			objs = append(objs, place(text(i18n.L("history.chart.none_this_week"), warn, ts, fyne.TextAlignLeading), fyne.NewPos(labelW, y+2)))
			continue
		}
		objs = append(objs, rect(ink, labelW, y+4, max(w, 2), row-8))
		objs = append(objs, place(text(fmt.Sprint(it.Count), fg, ts, fyne.TextAlignLeading), fyne.NewPos(labelW+w+6, y+2)))
	}
	return objs
}

// LineChart draws a series of points against time with a fixed y range,
// a dot on each.
type LineChart struct {
	widget.BaseWidget
	title  string
	top    float64
	points []stats.Point
}

// NewLineChart returns a chart titled title with values from 0 to top.
func NewLineChart(title string, top float64, points []stats.Point) *LineChart {
	c := &LineChart{title: title, top: top, points: points}
	c.ExtendBaseWidget(c)
	return c
}

// SetPoints replaces the points and redraws.
func (c *LineChart) SetPoints(points []stats.Point) { c.points = points; c.Refresh() }

func (c *LineChart) MinSize() fyne.Size { return fyne.NewSize(300, 150) }

func (c *LineChart) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{min: c.MinSize(), draw: c.draw, owner: c}
}

func (c *LineChart) draw(s fyne.Size) []fyne.CanvasObject {
	fg := themeColor(theme.ColorNameForeground)
	grid := themeColor(theme.ColorNameSeparator)
	ink := themeColor(theme.ColorNamePrimary)
	small := theme.CaptionTextSize()
	x0, x1, y0, y1 := float32(36), s.Width-12, float32(22), s.Height-22
	objs := []fyne.CanvasObject{place(text(c.title, fg, small, fyne.TextAlignLeading), fyne.NewPos(4, 2))}
	for _, v := range []float64{0, c.top / 2, c.top} {
		y := y1 - (y1-y0)*float32(v/c.top)
		objs = append(objs, line(grid, 1, fyne.NewPos(x0, y), fyne.NewPos(x1, y)))
		objs = append(objs, place(text(fmt.Sprintf("%g", v), fg, small, fyne.TextAlignTrailing), fyne.NewPos(x0-4, y-small*0.7)))
	}
	if len(c.points) == 0 {
		return append(objs, place(text(i18n.L("history.chart.none_yet"), fg, theme.TextSize(), fyne.TextAlignCenter), fyne.NewPos((x0+x1)/2, (y0+y1)/2-8)))
	}
	first, last := c.points[0].Time, c.points[len(c.points)-1].Time
	span := last.Sub(first)
	if span <= 0 {
		span = time.Hour
	}
	var prev *fyne.Position
	for _, p := range c.points {
		x := x0 + (x1-x0)*float32(p.Time.Sub(first))/float32(span)
		if len(c.points) == 1 {
			x = (x0 + x1) / 2
		}
		pos := fyne.NewPos(x, y1-(y1-y0)*float32(math.Min(p.Value, c.top)/c.top))
		if prev != nil {
			objs = append(objs, line(ink, 2, *prev, pos))
		}
		dot := canvas.NewCircle(ink)
		dot.Move(pos.SubtractXY(4, 4))
		dot.Resize(fyne.NewSize(8, 8))
		objs = append(objs, dot)
		prev = &pos
	}
	objs = append(objs, place(text(i18n.Date(first), fg, small, fyne.TextAlignLeading), fyne.NewPos(x0, y1+3)))
	if len(c.points) > 1 {
		objs = append(objs, place(text(i18n.Date(last), fg, small, fyne.TextAlignTrailing), fyne.NewPos(x1, y1+3)))
	}
	return objs
}
