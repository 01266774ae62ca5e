package lifting

import (
	"math"
	"testing"
)

func TestToMetricKnownValues(t *testing.T) {
	us := Lift{LoadKg: 51, HCm: 10, VCm: 30, DCm: 70, ADeg: 45, Freq: 3, Duration: Long, Coupling: Fair}
	m := ToMetric(us, US)
	want := Lift{LoadKg: 51 * 0.45359237, HCm: 25.4, VCm: 76.2, DCm: 177.8, ADeg: 45, Freq: 3, Duration: Long, Coupling: Fair}
	if !near(m.LoadKg, want.LoadKg, 1e-12) || !near(m.HCm, want.HCm, 1e-12) || !near(m.VCm, want.VCm, 1e-12) ||
		!near(m.DCm, want.DCm, 1e-12) || m.ADeg != 45 || m.Freq != 3 || m.Duration != Long || m.Coupling != Fair {
		t.Errorf("ToMetric = %+v, want %+v", m, want)
	}
	if !near(m.LoadKg, 23.13321087, 1e-8) {
		t.Errorf("51 lb = %v kg", m.LoadKg)
	}
	if got := ToMetric(us, Metric); got != us {
		t.Errorf("metric to metric changed the lift: %+v", got)
	}
}

func TestUnitRoundTrips(t *testing.T) {
	lifts := []Lift{
		worked,
		{LoadKg: 0, HCm: 0, VCm: 0, DCm: 0},
		{LoadKg: 123.456, HCm: 63, VCm: 175, DCm: 175, ADeg: 135, Freq: 15, Duration: Short, Coupling: Poor},
		{LoadKg: 1e-3, HCm: 1e5, VCm: 0.1, DCm: 33.3},
	}
	for _, l := range lifts {
		for _, u := range []Units{US, Metric} {
			back := ToMetric(FromMetric(l, u), u)
			there := FromMetric(ToMetric(l, u), u)
			for _, p := range [][2]Lift{{back, l}, {there, l}} {
				got, want := p[0], p[1]
				for _, f := range [][2]float64{{got.LoadKg, want.LoadKg}, {got.HCm, want.HCm}, {got.VCm, want.VCm}, {got.DCm, want.DCm}} {
					if math.Abs(f[0]-f[1]) > 1e-12*math.Max(1, math.Abs(f[1])) {
						t.Errorf("%s round trip: %+v, want %+v", u, got, want)
					}
				}
				if got.ADeg != want.ADeg || got.Freq != want.Freq || got.Duration != want.Duration || got.Coupling != want.Coupling {
					t.Errorf("%s round trip changed non-length fields: %+v", u, got)
				}
			}
		}
	}
	if !near(KgTo(KgPerLb, US), 1, 1e-15) || KgTo(5, Metric) != 5 || !near(CmTo(2.54, US), 1, 1e-15) || CmTo(7, Metric) != 7 {
		t.Error("KgTo/CmTo")
	}
	if US.WeightUnit() != "lb" || US.LengthUnit() != "in" || Metric.WeightUnit() != "kg" || Metric.LengthUnit() != "cm" {
		t.Error("unit names")
	}
}

// The US equation with US constants (LC 51 lb, HM 10/H, VM 1 − 0.0075|V − 30|,
// DM 0.82 + 1.8/D) agrees with the metric one after conversion, within the
// rounding NIOSH made when it converted the constants.
func TestUSAndMetricEquationsAgree(t *testing.T) {
	us := Lift{LoadKg: 30, HCm: 15, VCm: 20, DCm: 30, ADeg: 30, Freq: 1, Duration: Moderate, Coupling: Good}
	usRWLlb := 51 * (10 / us.HCm) * (1 - 0.0075*math.Abs(us.VCm-30)) * (0.82 + 1.8/us.DCm) * (1 - 0.0032*us.ADeg) * 0.88 * 1
	r, err := Compute(ToMetric(us, US))
	if err != nil {
		t.Fatal(err)
	}
	got := KgTo(r.RWLKg, US)
	if math.Abs(got-usRWLlb)/usRWLlb > 0.02 {
		t.Errorf("metric RWL %.3f lb vs US equation %.3f lb", got, usRWLlb)
	}
}

func TestUSLimitNotes(t *testing.T) {
	l := ToMetric(Lift{HCm: 25, VCm: 70, DCm: 69.9}, US) // 63.5, 177.8, 177.546 cm
	ns := USLimitNotes(l)
	if len(ns) != 3 || ns[0] != "H 25 in (63.5 cm) is within the US limit of 25 in but beyond the metric 63 cm limit, which Limber applies" {
		t.Errorf("notes %q", ns)
	}
	if ns := USLimitNotes(ToMetric(Lift{HCm: 24.8, VCm: 68.8, DCm: 71}, US)); len(ns) != 0 {
		t.Errorf("no notes expected, got %q", ns)
	}
}
