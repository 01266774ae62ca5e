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
// left, and the time left written in the middle. It changes what it
// shows once a second, text and arc together: SetLeft redraws only when
// the seconds shown change.
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

// SetLeft updates the time left, redrawing if the seconds shown change.
func (r *Ring) SetLeft(d time.Duration) {
	if d < 0 {
		d = 0
	}
	before := r.shown()
	r.Left = d
	if r.shown() != before {
		r.Refresh()
	}
}

// shown is the whole seconds shown: the time left rounded up.
func (r *Ring) shown() int { return int((r.Left + time.Second - 1) / time.Second) }

// Text is what the ring shows in its middle, e.g. "2:05".
func (r *Ring) Text() string {
	s := r.shown()
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// fraction is the part of the ring the arc covers: the seconds shown of
// the whole break's.
func (r *Ring) fraction() float32 {
	total := int((r.Total + time.Second - 1) / time.Second)
	if total <= 0 {
		return 1
	}
	return min(float32(r.shown())/float32(total), 1)
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
	r       *Ring
	track   *canvas.Arc
	arc     *canvas.Arc
	text    *canvas.Text
	redraws int
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
	rr.redraws++
	th := rr.r.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	rr.track.FillColor = th.Color(theme.ColorNameInputBorder, v)
	rr.arc.FillColor = th.Color(theme.ColorNamePrimary, v)
	rr.arc.StartAngle = 0
	rr.arc.EndAngle = 360 * rr.r.fraction()
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
