package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limberapp/limber/lifting"
)

func TestZoneValuesAreHSEs(t *testing.T) {
	cases := map[lifting.Zone]string{
		lifting.AboveShoulder:  "men 10 / 5 · women 7 / 3 kg",
		lifting.ElbowKnuckle:   "men 25 / 15 · women 16 / 10 kg",
		lifting.KnuckleMidshin: "men 20 / 10 · women 13 / 7 kg",
	}
	for z, want := range cases {
		if got := ZoneValues(z); got != want {
			t.Errorf("%s: %q, want %q", z, got, want)
		}
	}
}

// Tapping a band chooses its zone; the bands stack top to bottom with the
// boundaries at the figure's shoulder (139 cm), elbow (107 cm), knuckle
// (75 cm) and mid-lower-leg (28 cm).
func TestZoneDiagramTap(t *testing.T) {
	test.NewTempApp(t)
	d := NewZoneDiagram()
	d.Resize(fyne.NewSize(300, 370))
	var got []lifting.Zone
	d.OnTapped = func(z lifting.Zone) { got = append(got, z) }
	px := func(cm float32) float32 { return (zoneSpanCm - cm) / zoneSpanCm * 370 }
	for _, cm := range []float32{160, 120, 90, 50, 10} {
		d.Tapped(&fyne.PointEvent{Position: fyne.NewPos(150, px(cm))})
	}
	for i, z := range lifting.Zones {
		if i >= len(got) || got[i] != z {
			t.Fatalf("taps gave %v, want %v", got, lifting.Zones)
		}
		// The band boundaries agree with the estimate used for the filter.
		mid := []float64{160, 120, 90, 50, 10}[i]
		if lifting.ZoneAt(mid) != z {
			t.Fatalf("%v cm is %s in the filter but %s in the diagram", mid, lifting.ZoneAt(mid), z)
		}
	}
	d.Set([]lifting.Zone{lifting.ElbowKnuckle, lifting.KnuckleMidshin}, lifting.KnuckleMidshin)
	if d.Chosen != lifting.KnuckleMidshin || len(d.Passed) != 2 {
		t.Fatal("Set did not keep the zones")
	}
	if d.MinSize().Height < zoneMinHeight {
		t.Fatalf("min size %v", d.MinSize())
	}
}
