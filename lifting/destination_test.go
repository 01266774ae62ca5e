package lifting

import (
	"strings"
	"testing"
)

// Above a column's highest frequency with a non-zero FM the lift is not
// acceptable at any weight: RWL 0, never a small interpolated value.
func TestFMBeyondAColumnIsZero(t *testing.T) {
	for _, band := range []DurationBand{Short, Moderate, Long} {
		for _, v := range []float64{30, 100} {
			col := fmTable[band].low
			if v >= VBestCm {
				col = fmTable[band].high
			}
			last := -1
			for i, x := range col {
				if x > 0 {
					last = i
				}
			}
			for f := fmFreqs[last] + 0.01; f < 20; f += 0.07 {
				if got := FM(f, band, v); got != 0 {
					t.Fatalf("FM(%v, %s, V %v) = %v above the column's last non-zero row %v", f, band, v, got, fmFreqs[last])
				}
				r, err := Compute(Lift{LoadKg: 1, HCm: 25, VCm: v, DCm: 25, Freq: f, Duration: band, Coupling: Good})
				if err != nil || r.RWLKg != 0 || !r.Unbounded {
					t.Fatalf("f %v %s V %v: RWL %v unbounded %v (%v)", f, band, v, r.RWLKg, r.Unbounded, err)
				}
			}
		}
	}
}

// The hands may not end above 175 cm: V + D ≤ 175 cm.
func TestVPlusDAbove175IsNotAcceptable(t *testing.T) {
	r, err := Compute(Lift{LoadKg: 5, HCm: 30, VCm: 120, DCm: 60, Freq: 1, Duration: Short, Coupling: Good})
	if err != nil {
		t.Fatal(err)
	}
	if r.RWLKg != 0 || !r.Unbounded || !strings.Contains(strings.Join(r.Notes, " "), "V + D") {
		t.Fatalf("V 120 + D 60: RWL %v notes %q", r.RWLKg, r.Notes)
	}
	if r, _ := Compute(Lift{LoadKg: 5, HCm: 30, VCm: 120, DCm: 55, Freq: 1, Duration: Short, Coupling: Good}); r.RWLKg == 0 {
		t.Fatal("V + D = 175 is within the limit")
	}
	// Lowering from 120 cm by 60 cm ends at 60 cm: within the limits.
	if r, err := Compute(Lift{LoadKg: 5, HCm: 30, VCm: 120, DCm: 60, Freq: 1, Duration: Short, Coupling: Good, Lowering: true}); err != nil || r.RWLKg == 0 {
		t.Fatalf("lowering 120 → 60: RWL %v (%v)", r.RWLKg, err)
	}
}

// A lift that needs significant control at the destination is assessed at
// both ends; the lower RWL governs (NIOSH Pub. 94-110).
func TestDestinationControl(t *testing.T) {
	origin := Lift{LoadKg: 10, HCm: 30, VCm: 70, DCm: 50, ADeg: 0, Freq: 1, Duration: Short, Coupling: Fair}
	o, err := Compute(origin)
	if err != nil {
		t.Fatal(err)
	}
	withDest := origin
	withDest.Dest = &Place{HCm: 50, VCm: 120, ADeg: 45}
	r, err := Compute(withDest)
	if err != nil {
		t.Fatal(err)
	}
	d := r.AtDestination
	if d == nil {
		t.Fatal("no destination result")
	}
	// By hand: at the destination HM 25/50, VM 1−0.003·45, DM 0.82+4.5/50,
	// AM 1−0.0032·45, FM (V ≥ 75) 0.94, CM fair at V ≥ 75: 1.
	want := 23 * (25.0 / 50) * (1 - 0.003*45) * (0.82 + 4.5/50) * (1 - 0.0032*45) * 0.94 * 1
	if !near(d.RWLKg, want, 1e-9) || !near(r.RWLKg, want, 1e-9) || r.Governs != "destination" {
		t.Fatalf("destination RWL %v (governs %q), want %v", d.RWLKg, r.Governs, want)
	}
	if !near(r.OriginRWLKg, o.RWLKg, 1e-12) || !near(r.LI, 10/want, 1e-9) {
		t.Fatalf("origin RWL %v (alone %v), LI %v", r.OriginRWLKg, o.RWLKg, r.LI)
	}
	if !strings.Contains(strings.Join(r.Notes, " "), "destination") {
		t.Errorf("notes do not say the destination governs: %q", r.Notes)
	}
	// D must match the two heights.
	bad := withDest
	bad.DCm = 20
	if _, err := Compute(bad); err == nil || !strings.Contains(err.Error(), "d:") {
		t.Fatalf("D 20 with V 70 → 120: %v", err)
	}
}

func TestDestinationConvertsUnits(t *testing.T) {
	us := Lift{LoadKg: 20, HCm: 12, VCm: 28, DCm: 20, Freq: 1, Duration: Short, Coupling: Good, Dest: &Place{HCm: 20, VCm: 48, ADeg: 30}}
	m := ToMetric(us, US)
	if m.Dest == us.Dest || !near(m.Dest.HCm, 20*CmPerInch, 1e-9) || !near(m.Dest.VCm, 48*CmPerInch, 1e-9) || m.Dest.ADeg != 30 {
		t.Fatalf("metric destination %+v (the caller's must not change: %+v)", m.Dest, us.Dest)
	}
	if back := FromMetric(m, US); !near(back.Dest.VCm, 48, 1e-9) {
		t.Fatalf("back to US: %+v", back.Dest)
	}
}
