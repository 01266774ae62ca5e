package workstation

import (
	"math"
	"strings"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 0.01 }

func TestMeasureFractions(t *testing.T) {
	// Seat: knee 0.285 − 0.03 under the thigh = 0.255 H.
	// Elbow above seat: shoulder 0.818 − hip 0.530 + 0.04 − upper arm 0.186 = 0.142 H.
	// Eyes above seat: 0.936 − 0.530 + 0.04 = 0.446 H.
	if !near(SeatFrac, 0.255) || !near(ElbowAboveSeatFrac, 0.142) || !near(EyeAboveSeatFrac, 0.446) {
		t.Fatalf("fractions %v %v %v", SeatFrac, ElbowAboveSeatFrac, EyeAboveSeatFrac)
	}
}

func TestMeasure175(t *testing.T) {
	m, err := Measure(175)
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, r Range, frac float64) {
		x := frac * 175
		want := Range{Low: x * 0.96, Mid: x + 1.5, High: x*1.04 + 3}
		if !near(r.Low, want.Low) || !near(r.Mid, want.Mid) || !near(r.High, want.High) {
			t.Errorf("%s = %+v, want %+v", name, r, want)
		}
	}
	check("seat", m.Seat, 0.255)         // 44.6 cm barefoot
	check("keyboard", m.Keyboard, 0.397) // 69.5 cm
	check("eye", m.Eye, 0.701)           // 122.7 cm
	if !near(m.Seat.Mid, 46.125) || !near(m.Keyboard.Mid, 70.975) || !near(m.Eye.Mid, 124.175) {
		t.Errorf("mids %v %v %v", m.Seat.Mid, m.Keyboard.Mid, m.Eye.Mid)
	}
	// Screen centre 15–20° below the eyes at 60 cm: 16.1–21.8 cm lower.
	if !near(m.Eye.Mid-m.ScreenCentre.Mid, 60*(math.Tan(15*math.Pi/180)+math.Tan(20*math.Pi/180))/2) ||
		!near(m.Eye.Low-m.ScreenCentre.Low, 21.838) || !near(m.Eye.High-m.ScreenCentre.High, 16.077) {
		t.Errorf("screen centre %+v vs eye %+v", m.ScreenCentre, m.Eye)
	}
	if m.Seat.Against(ANSISeat) != FitInside {
		t.Errorf("175 cm seat %+v vs ANSI %+v: %s", m.Seat, ANSISeat, m.Seat.Against(ANSISeat))
	}
}

func TestMeasureScalesWithHeight(t *testing.T) {
	short, _ := Measure(150)
	tall, _ := Measure(200)
	if short.Seat.Mid >= tall.Seat.Mid || short.Keyboard.Mid >= tall.Keyboard.Mid || short.Eye.Mid >= tall.Eye.Mid {
		t.Error("estimates do not grow with height")
	}
	if tall.Keyboard.Against(ANSIKeyboard) != FitAbove {
		t.Errorf("200 cm keyboard %+v should be above ANSI", tall.Keyboard)
	}
	for _, m := range []Measurements{short, tall} {
		for _, r := range []Range{m.Seat, m.Keyboard, m.Eye, m.ScreenCentre} {
			if !(r.Low < r.Mid && r.Mid < r.High) {
				t.Errorf("range out of order: %+v", r)
			}
		}
	}
}

func TestMeasureRejectsOutOfRange(t *testing.T) {
	for _, h := range []float64{0, 100, 250, math.NaN()} {
		if _, err := Measure(h); err == nil {
			t.Errorf("Measure(%v) accepted", h)
		}
	}
}

func TestANSIRanges(t *testing.T) {
	if !near(ANSISeat.Low, 40.64) || !near(ANSISeat.High, 52.07) {
		t.Errorf("ANSI seat %+v", ANSISeat)
	}
	if ANSIKeyboard.Low != 58.5 || ANSIKeyboard.High != 71 {
		t.Errorf("ANSI keyboard %+v", ANSIKeyboard)
	}
}

func TestAgainst(t *testing.T) {
	std := Range{Low: 40, High: 50}
	cases := []struct {
		r    Range
		want Fit
	}{
		{Range{41, 45, 49}, FitInside},
		{Range{38, 42, 46}, FitEdge},
		{Range{30, 35, 41}, FitBelow},
		{Range{49, 52, 55}, FitAbove},
	}
	for _, c := range cases {
		if got := c.r.Against(std); got != c.want {
			t.Errorf("%+v: %s, want %s", c.r, got, c.want)
		}
	}
}

func TestParseHeight(t *testing.T) {
	cases := []struct {
		text, unit string
		cm         float64
	}{
		{"175", UnitCm, 175},
		{" 172.5 cm", UnitCm, 172.5},
		{"172,5", UnitCm, 172.5},
		{"69", UnitIn, 69 * 2.54},
		{"5'9", UnitIn, 69 * 2.54},
		{`5' 9"`, UnitIn, 69 * 2.54},
		{"5ft 9in", UnitIn, 69 * 2.54},
		{"6'", UnitIn, 72 * 2.54},
	}
	for _, c := range cases {
		got, err := ParseHeight(c.text, c.unit)
		if err != nil || !near(got, c.cm) {
			t.Errorf("ParseHeight(%q, %s) = %v, %v; want %v", c.text, c.unit, got, err, c.cm)
		}
	}
	bad := []struct{ text, unit, want string }{
		{"", UnitCm, "enter your height"},
		{"tall", UnitCm, "not a number of centimetres"},
		{"69", UnitCm, "outside 120–220 cm"},
		{"175", UnitIn, "outside"},
		{"5'13", UnitIn, "not a height in inches"},
		{"170", "mm", `unit "mm"`},
	}
	for _, c := range bad {
		_, err := ParseHeight(c.text, c.unit)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseHeight(%q, %s) error %v, want it to say %q", c.text, c.unit, err, c.want)
		}
	}
}

func TestFormatRange(t *testing.T) {
	got := FormatRange(Range{Low: 43, Mid: 46, High: 49.4})
	if got != "46 cm (43–49) · 18.1 in (16.9–19.4)" {
		t.Errorf("FormatRange = %q", got)
	}
	if FormatCm(175) != "175 cm (69 in)" {
		t.Error(FormatCm(175))
	}
}

func TestMeasureMethodNamesSource(t *testing.T) {
	m := MeasureMethod()
	for _, s := range []string{"Drillis & Contini (1966)", "Winter", "0.285", "0.936", "±4%", "0–3 cm"} {
		if !strings.Contains(m, s) {
			t.Errorf("method text lacks %q: %s", s, m)
		}
	}
}
