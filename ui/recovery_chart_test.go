package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// chartDots returns the centres of the chart's dots as drawn.
func chartDots(c *PainChart) []fyne.Position {
	var out []fyne.Position
	for _, o := range test.WidgetRenderer(c).Objects() {
		if d, ok := o.(*canvas.Circle); ok {
			out = append(out, fyne.NewPos((d.Position1.X+d.Position2.X)/2, (d.Position1.Y+d.Position2.Y)/2))
		}
	}
	return out
}

func TestPainChartPointsMatchTheCheckins(t *testing.T) {
	f := newTestCheckin(t, time.Date(2026, 2, 20, 0, 0, 0, 0, time.UTC), 7, 7, 6, 6, 5, 4, 4, 3)
	c := f.v.chart
	size := c.Size()
	dots := chartDots(c)
	if len(dots) != 7 {
		t.Fatalf("%d dots for 7 check-ins", len(dots))
	}
	plotH := size.Height - chartTop - chartBottom
	plotW := size.Width - chartLeft - chartRight
	for i, ci := range f.plan.Checkins {
		day := f.plan.Day(ci.Date)
		wantX := chartLeft + plotW*float32(day-1)/7 // days 1–7: the axis spans at least a week, 1 to 8
		wantY := chartTop + plotH*float32(10-ci.Pain)/10
		if d := dots[i]; abs32(d.X-wantX) > 0.5 || abs32(d.Y-wantY) > 0.5 {
			t.Errorf("check-in %d (day %d, pain %d) drawn at %v, want (%.1f, %.1f)", i, day, ci.Pain, d, wantX, wantY)
		}
	}
	// Higher pain is drawn higher up.
	if dots[0].Y >= dots[6].Y {
		t.Errorf("pain 7 at y=%v should be above pain 3 at y=%v", dots[0].Y, dots[6].Y)
	}
	// Today's check-in adds a dot, and the axis stretches to day 13.
	f.v.pain.SetValue(2)
	test.Tap(f.v.save)
	dots = chartDots(c)
	if len(dots) != 8 || abs32(dots[7].X-(chartLeft+plotW)) > 0.5 || abs32(dots[7].Y-(chartTop+plotH*0.8)) > 0.5 {
		t.Fatalf("after today's check-in: %v", dots)
	}
	labels := map[string]bool{}
	for _, o := range test.WidgetRenderer(c).Objects() {
		if tx, ok := o.(*canvas.Text); ok {
			labels[tx.Text] = true
		}
	}
	for _, want := range []string{"0", "5", "10", "1", "13", "Pain (0–10)", "Days since the strain"} {
		if !labels[want] {
			t.Errorf("axis label %q missing", want)
		}
	}
}

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

func TestPainChartWithoutCheckinsSaysSo(t *testing.T) {
	test.NewTempApp(t)
	c := NewPainChart(nil)
	w := test.NewWindow(c)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 240))
	found := false
	for _, o := range test.WidgetRenderer(c).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Text == "No check-ins yet" {
			found = true
		}
		if _, ok := o.(*canvas.Circle); ok {
			t.Fatal("a dot without check-ins")
		}
	}
	if !found {
		t.Fatal("no \"No check-ins yet\"")
	}
	c.SetPoints([]PainPoint{{Day: 2, Pain: 4}})
	if len(chartDots(c)) != 1 || c.Points()[0].Pain != 4 {
		t.Fatal("SetPoints")
	}
}
