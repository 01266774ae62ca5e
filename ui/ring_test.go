package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestRingTextRoundsUp(t *testing.T) {
	test.NewTempApp(t)
	r := NewRing(3 * time.Minute)
	if r.Text() != "3:00" {
		t.Fatal(r.Text())
	}
	r.SetLeft(125*time.Second - time.Millisecond)
	if r.Text() != "2:05" {
		t.Fatal(r.Text())
	}
	r.SetLeft(-time.Second)
	if r.Text() != "0:00" || r.Left != 0 {
		t.Fatal(r.Text())
	}
}

func TestRingRendersArcForTimeLeft(t *testing.T) {
	test.NewTempApp(t)
	r := NewRing(time.Minute)
	r.SetLeft(15 * time.Second)
	w := test.NewWindow(r)
	defer w.Close()
	w.Resize(fyne.NewSize(120, 120))
	rr := test.WidgetRenderer(r).(*ringRenderer)
	if rr.arc.EndAngle != 90 {
		t.Fatalf("a quarter left should draw a quarter arc, got %v°", rr.arc.EndAngle)
	}
	test.AssertImageMatches(t, "ring_quarter.png", w.Canvas().Capture())
}
