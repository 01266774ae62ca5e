package lifting

import "math"

// fmFreqs are the lifts-per-minute rows of the NIOSH frequency-multiplier
// table (Pub. 94-110, Table 5). Above the last row FM is 0 in every column.
var fmFreqs = []float64{0.2, 0.5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}

// fmCol is one duration band of the table: FM for V below 75 cm and for V
// from 75 cm, one value per row of fmFreqs.
type fmCol struct{ low, high []float64 }

// fmTable is the published table, value for value.
var fmTable = map[DurationBand]fmCol{
	Short: {
		low:  []float64{1.00, 0.97, 0.94, 0.91, 0.88, 0.84, 0.80, 0.75, 0.70, 0.60, 0.52, 0.45, 0.41, 0.37, 0, 0, 0},
		high: []float64{1.00, 0.97, 0.94, 0.91, 0.88, 0.84, 0.80, 0.75, 0.70, 0.60, 0.52, 0.45, 0.41, 0.37, 0.34, 0.31, 0.28},
	},
	Moderate: {
		low:  []float64{0.95, 0.92, 0.88, 0.84, 0.79, 0.72, 0.60, 0.50, 0.42, 0.35, 0.30, 0.26, 0, 0, 0, 0, 0},
		high: []float64{0.95, 0.92, 0.88, 0.84, 0.79, 0.72, 0.60, 0.50, 0.42, 0.35, 0.30, 0.26, 0.23, 0.21, 0, 0, 0},
	},
	Long: {
		low:  []float64{0.85, 0.81, 0.75, 0.65, 0.55, 0.45, 0.35, 0.27, 0.22, 0.18, 0, 0, 0, 0, 0, 0, 0},
		high: []float64{0.85, 0.81, 0.75, 0.65, 0.55, 0.45, 0.35, 0.27, 0.22, 0.18, 0.15, 0.13, 0, 0, 0, 0, 0},
	},
}

// FM is the frequency multiplier for freq lifts per minute (averaged over
// 15 minutes) in the given duration band, at origin hand height vCm.
//
// At the listed frequencies it returns the published value exactly. Below
// 0.2 lifts/min the 0.2 row is used, as NIOSH directs. A 0 in the table
// marks a frequency beyond what the column allows: above the column's last
// non-zero row FM is 0 (and so is the RWL), never a small interpolated
// value; above 15 lifts/min FM is 0 everywhere. Between two non-zero rows
// this function interpolates linearly, so that FM falls smoothly instead of
// jumping. An unknown band or a NaN freq gives 0.
func FM(freq float64, band DurationBand, vCm float64) float64 {
	col, ok := fmTable[band]
	if !ok || math.IsNaN(freq) {
		return 0
	}
	vals := col.low
	if vCm >= VBestCm {
		vals = col.high
	}
	lo, hi, exact := fmRows(freq)
	switch {
	case exact:
		return vals[lo]
	case hi >= len(fmFreqs) || vals[hi] == 0:
		return 0 // beyond the column's highest allowed frequency
	}
	t := (freq - fmFreqs[lo]) / (fmFreqs[hi] - fmFreqs[lo])
	return vals[lo] + t*(vals[hi]-vals[lo])
}

// fmRows finds the table rows around freq. exact reports that freq is at a
// listed row (or below the first, which reads as the first); then lo is that
// row. Otherwise freq lies between rows lo and hi, and hi == len(fmFreqs)
// means freq is above the last row.
func fmRows(freq float64) (lo, hi int, exact bool) {
	if freq <= fmFreqs[0] {
		return 0, 0, true
	}
	for i, f := range fmFreqs {
		if freq == f {
			return i, i, true
		}
		if freq < f {
			return i - 1, i, false
		}
	}
	return len(fmFreqs) - 1, len(fmFreqs), false
}
