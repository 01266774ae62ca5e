package lifting

import (
	"math"
	"testing"
)

// publishedFM is NIOSH Pub. 94-110 Table 5, transcribed row by row:
// lifts/min, then ≤1 h (V<75, V≥75), 1–2 h (V<75, V≥75), 2–8 h (V<75, V≥75).
var publishedFM = [][7]float64{
	{0.2, 1.00, 1.00, 0.95, 0.95, 0.85, 0.85},
	{0.5, 0.97, 0.97, 0.92, 0.92, 0.81, 0.81},
	{1, 0.94, 0.94, 0.88, 0.88, 0.75, 0.75},
	{2, 0.91, 0.91, 0.84, 0.84, 0.65, 0.65},
	{3, 0.88, 0.88, 0.79, 0.79, 0.55, 0.55},
	{4, 0.84, 0.84, 0.72, 0.72, 0.45, 0.45},
	{5, 0.80, 0.80, 0.60, 0.60, 0.35, 0.35},
	{6, 0.75, 0.75, 0.50, 0.50, 0.27, 0.27},
	{7, 0.70, 0.70, 0.42, 0.42, 0.22, 0.22},
	{8, 0.60, 0.60, 0.35, 0.35, 0.18, 0.18},
	{9, 0.52, 0.52, 0.30, 0.30, 0.00, 0.15},
	{10, 0.45, 0.45, 0.26, 0.26, 0.00, 0.13},
	{11, 0.41, 0.41, 0.00, 0.23, 0.00, 0.00},
	{12, 0.37, 0.37, 0.00, 0.21, 0.00, 0.00},
	{13, 0.00, 0.34, 0.00, 0.00, 0.00, 0.00},
	{14, 0.00, 0.31, 0.00, 0.00, 0.00, 0.00},
	{15, 0.00, 0.28, 0.00, 0.00, 0.00, 0.00},
}

func TestFMPublishedTable(t *testing.T) {
	bands := []DurationBand{Short, Moderate, Long}
	// Heights on each side of the 75 cm split, including the split itself.
	lowVs := []float64{0, 30, 74.9}
	highVs := []float64{75, 120, 175}
	n := 0
	for _, row := range publishedFM {
		for bi, band := range bands {
			for _, v := range lowVs {
				if got, want := FM(row[0], band, v), row[1+2*bi]; got != want {
					t.Errorf("FM(%v, %s, V %v) = %v, want %v", row[0], band, v, got, want)
				}
				n++
			}
			for _, v := range highVs {
				if got, want := FM(row[0], band, v), row[2+2*bi]; got != want {
					t.Errorf("FM(%v, %s, V %v) = %v, want %v", row[0], band, v, got, want)
				}
				n++
			}
		}
	}
	if n != 17*3*6 {
		t.Fatalf("checked %d cells", n)
	}
}

func TestFMBelowFirstRowUsesPointTwo(t *testing.T) {
	for _, f := range []float64{0, 0.05, 0.1999} {
		for bi, band := range []DurationBand{Short, Moderate, Long} {
			if got, want := FM(f, band, 30), publishedFM[0][1+2*bi]; got != want {
				t.Errorf("FM(%v, %s) = %v, want the 0.2 row %v", f, band, got, want)
			}
		}
	}
}

func TestFMAboveFifteenIsZero(t *testing.T) {
	for _, f := range []float64{15.01, 16, 100, 1e6} {
		for _, band := range []DurationBand{Short, Moderate, Long} {
			for _, v := range []float64{30, 100} {
				if got := FM(f, band, v); got != 0 {
					t.Errorf("FM(%v, %s, V %v) = %v, want 0", f, band, v, got)
				}
			}
		}
	}
}

func TestFMInterpolatesBetweenRows(t *testing.T) {
	tests := []struct {
		f    float64
		band DurationBand
		v    float64
		want float64
	}{
		{1.5, Short, 30, (0.94 + 0.91) / 2},
		{0.35, Long, 100, (0.85 + 0.81) / 2},
		{2.25, Moderate, 30, 0.84 + 0.25*(0.79-0.84)},
		{8.5, Long, 30, 0},        // above the column's last non-zero row (8): 0
		{8.5, Long, 100, 0.165},   // 0.18 → 0.15
		{12.5, Short, 30, 0},      // 0.37 at 12, 0 at 13: beyond the column, 0
		{10.5, Moderate, 30, 0},   // 0.26 at 10, 0 at 11
		{14.5, Short, 100, 0.295}, // 0.31 → 0.28
	}
	for _, tt := range tests {
		if got := FM(tt.f, tt.band, tt.v); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("FM(%v, %s, V %v) = %v, want %v", tt.f, tt.band, tt.v, got, tt.want)
		}
	}
	// Monotone: more lifts never raise FM.
	for _, band := range []DurationBand{Short, Moderate, Long} {
		for _, v := range []float64{30, 100} {
			prev := 2.0
			for f := 0.0; f <= 16; f += 0.01 {
				got := FM(f, band, v)
				if got > prev+1e-12 {
					t.Fatalf("FM rises at %v lifts/min (%s, V %v): %v > %v", f, band, v, got, prev)
				}
				prev = got
			}
		}
	}
}

func TestFMUnknownBandAndNaN(t *testing.T) {
	if got := FM(1, "3h", 30); got != 0 {
		t.Errorf("unknown band: FM = %v, want 0", got)
	}
	if got := FM(math.NaN(), Short, 30); got != 0 {
		t.Errorf("NaN freq: FM = %v, want 0", got)
	}
}
