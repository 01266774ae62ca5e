package ui

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Ring is the countdown ring of a break: a track, an arc for the time
// left, and the time left written in the middle.
type Ring struct {
	widget.BaseWidget
	Total time.Duration
	Left  time.Duration
}

// NewRing returns a full ring for a break of total length.
func NewRing(total time.Duration) *Ring {
	r := &Ring{Total: total, Left: total}
	r.ExtendBaseWidget(r)
	return r
}

// SetLeft updates the time left and redraws.
func (r *Ring) SetLeft(d time.Duration) {
	if d < 0 {
		d = 0
	}
	r.Left = d
	r.Refresh()
}

// Text is what the ring shows in its middle, e.g. "2:05".
func (r *Ring) Text() string {
	s := int((r.Left + time.Second - 1) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// CreateRenderer implements fyne.Widget.
func (r *Ring) CreateRenderer() fyne.WidgetRenderer {
	track := canvas.NewArc(0, 360, 0.82, color.Transparent)
	arc := canvas.NewArc(0, 360, 0.82, color.Transparent)
	text := canvas.NewText("", color.Transparent)
	text.TextStyle.Bold = true
	text.Alignment = fyne.TextAlignCenter
	rr := &ringRenderer{r: r, track: track, arc: arc, text: text}
	rr.Refresh()
	return rr
}

type ringRenderer struct {
	r     *Ring
	track *canvas.Arc
	arc   *canvas.Arc
	text  *canvas.Text
}

func (rr *ringRenderer) Layout(size fyne.Size) {
	d := fyne.Min(size.Width, size.Height)
	sz := fyne.NewSize(d, d)
	pos := fyne.NewPos((size.Width-d)/2, (size.Height-d)/2)
	for _, a := range []*canvas.Arc{rr.track, rr.arc} {
		a.Resize(sz)
		a.Move(pos)
	}
	rr.text.TextSize = d / 5
	ts := fyne.MeasureText(rr.text.Text, rr.text.TextSize, rr.text.TextStyle)
	rr.text.Resize(fyne.NewSize(size.Width, ts.Height))
	rr.text.Move(fyne.NewPos(0, (size.Height-ts.Height)/2))
}

func (rr *ringRenderer) MinSize() fyne.Size { return fyne.NewSize(96, 96) }

func (rr *ringRenderer) Refresh() {
	th := rr.r.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	rr.track.FillColor = th.Color(theme.ColorNameInputBorder, v)
	rr.arc.FillColor = th.Color(theme.ColorNamePrimary, v)
	frac := float32(1)
	if rr.r.Total > 0 {
		frac = float32(rr.r.Left) / float32(rr.r.Total)
	}
	rr.arc.StartAngle = 0
	rr.arc.EndAngle = 360 * frac
	rr.text.Text = rr.r.Text()
	rr.text.Color = th.Color(theme.ColorNameForeground, v)
	rr.Layout(rr.r.Size())
	rr.track.Refresh()
	rr.arc.Refresh()
	rr.text.Refresh()
}

func (rr *ringRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{rr.track, rr.arc, rr.text}
}

func (rr *ringRenderer) Destroy() {}
