package lifting

import (
	"errors"
	"math"
	"strings"
	"testing"
)

var goodInput = Input{Load: "15", H: "40", V: "30", D: "50", A: "30", Freq: "1", Duration: "2h", Coupling: "fair"}

func TestParseInputMetric(t *testing.T) {
	l, err := ParseInput(goodInput)
	if err != nil {
		t.Fatal(err)
	}
	if l != worked {
		t.Errorf("ParseInput = %+v, want %+v", l, worked)
	}
	in := goodInput
	in.Load, in.Duration, in.Coupling, in.Units = " 15,0 ", " 2H", "FAIR", "Metric"
	if l, err := ParseInput(in); err != nil || l != worked {
		t.Errorf("lenient forms: %+v, %v", l, err)
	}
}

func TestParseInputUS(t *testing.T) {
	in := Input{Load: "22.046", H: "10", V: "30", D: "10", A: "0", Freq: "0.2", Duration: "1h", Coupling: "good", Units: "us"}
	l, err := ParseInput(in)
	if err != nil {
		t.Fatal(err)
	}
	if !near(l.LoadKg, 22.046*KgPerLb, 1e-12) || !near(l.HCm, 25.4, 1e-12) || !near(l.VCm, 76.2, 1e-12) || !near(l.DCm, 25.4, 1e-12) {
		t.Errorf("US input not converted: %+v", l)
	}
}

func TestParseInputErrorsNameTheField(t *testing.T) {
	tests := []struct {
		field string
		edit  func(*Input)
		want  string
	}{
		{"load", func(in *Input) { in.Load = "abc" }, `load: expected the load's weight in kg, a number 0 or more, got "abc"`},
		{"load", func(in *Input) { in.Load = "-3"; in.Units = "us" }, `load: expected the load's weight in lb`},
		{"load", func(in *Input) { in.Load = "" }, "load: expected the load's weight in kg, a number 0 or more; it is missing"},
		{"h", func(in *Input) { in.H = "NaN" }, `h: expected the horizontal distance of the hands in cm`},
		{"v", func(in *Input) { in.V = "inf" }, `v: expected`},
		{"d", func(in *Input) { in.D = "1e400" }, `d: expected`},
		{"a", func(in *Input) { in.A = "-1" }, `a: expected the twist angle in degrees`},
		{"freq", func(in *Input) { in.Freq = "often" }, `freq: expected lifts per minute`},
		{"duration", func(in *Input) { in.Duration = "3h" }, `duration: expected a work-duration band: 1h (up to 1 h), 2h (1 to 2 h) or 8h (2 to 8 h), got "3h"`},
		{"coupling", func(in *Input) { in.Coupling = "great" }, `coupling: expected a grip quality: good, fair or poor, got "great"`},
		{"units", func(in *Input) { in.Units = "imperial" }, `units: expected metric or us, got "imperial"`},
	}
	for _, tt := range tests {
		in := goodInput
		tt.edit(&in)
		_, err := ParseInput(in)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("%s: want a FieldError for it, got %v", tt.field, err)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: message %q, want %q", tt.field, err, tt.want)
		}
	}
}

func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// FuzzParseInput: parsing then computing never panics, and a result without
// an error is always finite and consistent.
func FuzzParseInput(f *testing.F) {
	f.Add("15", "40", "30", "50", "30", "1", "2h", "fair", "metric")
	f.Add("51", "10", "30", "10", "0", "0.2", "1h", "good", "us")
	f.Add("-1", "70", "180", "200", "150", "20", "8h", "poor", "")
	f.Add("1e308", "1e-308", "0x1p-1074", "NaN", "Inf", "12.9999999999", "8H", "POOR", "US")
	f.Add("1,5", " ", "", "abc", "1_0", "+Inf", "2h ", "fair", "metric")
	f.Fuzz(func(t *testing.T, load, h, v, d, a, freq, dur, coup, units string) {
		l, err := ParseInput(Input{Load: load, H: h, V: v, D: d, A: a, Freq: freq, Duration: dur, Coupling: coup, Units: units})
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field == "" {
				t.Fatalf("error %v is not a FieldError naming a field", err)
			}
			return
		}
		r, err := Compute(l)
		if err != nil {
			return
		}
		if !finite(r.RWLKg, r.LI, r.HM, r.VM, r.DM, r.AM, r.FM, r.CM) {
			t.Fatalf("non-finite result %+v for %+v", r, l)
		}
		if r.RWLKg < 0 || r.RWLKg > LoadConstantKg || r.LI < 0 {
			t.Fatalf("out of range result %+v", r)
		}
		if r.Unbounded != (r.RWLKg == 0) {
			t.Fatalf("Unbounded %v with RWL %v", r.Unbounded, r.RWLKg)
		}
		switch r.Reading {
		case Acceptable, Increased, High:
		default:
			t.Fatalf("reading %q", r.Reading)
		}
		for _, adv := range r.Advice {
			if !finite(adv.RWLGainKg) || adv.RWLGainKg <= 0 || adv.Change == "" {
				t.Fatalf("bad advice %+v", adv)
			}
		}
	})
}
