package lifting

import (
	"fmt"
	"math"

	"github.com/limberapp/limber/msg"
)

// Source: NIOSH Applications Manual for the Revised NIOSH Lifting Equation,
// DHHS (NIOSH) Publication No. 94-110 (revised 9/2021). All quantities here
// are metric; use ToMetric for US input.

// LoadConstantKg is the NIOSH load constant LC (51 lb in US units).
const LoadConstantKg = 23.0

// Limits of the metric equation, in cm and degrees.
const (
	HMinCm   = 25.0  // H closer than this gives HM 1
	HMaxCm   = 63.0  // H beyond this gives HM 0
	VBestCm  = 75.0  // knuckle height, where VM is 1
	VMaxCm   = 175.0 // V above this gives VM 0
	DMinCm   = 25.0  // D shorter than this gives DM 1
	DMaxCm   = 175.0 // D longer than this gives DM 0
	AMaxDeg  = 135.0 // A beyond this gives AM 0
	maxInput = 1e6   // larger numbers are rejected as unrealistic
)

// Coupling is the quality of the hand-to-load grip.
type Coupling string

// The three NIOSH coupling classes.
const (
	Good Coupling = "good"
	Fair Coupling = "fair"
	Poor Coupling = "poor"
)

// DurationBand is the NIOSH work-duration band of the lifting task.
type DurationBand string

// The three NIOSH duration bands.
const (
	Short    DurationBand = "1h" // up to 1 h, then recovery at least as long as the work
	Moderate DurationBand = "2h" // 1 to 2 h, then recovery of at least 0.3 times the work
	Long     DurationBand = "8h" // 2 to 8 h
)

// Lift describes one lifting task. In metric units the fields hold kg, cm,
// degrees and lifts per minute. A Lift in US units (see ToMetric) holds
// pounds and inches in the same fields.
type Lift struct {
	LoadKg   float64      // weight of the load
	HCm      float64      // hands from the midpoint between the ankles, at the origin
	VCm      float64      // hand height above the floor at the origin
	DCm      float64      // vertical travel between origin and destination
	ADeg     float64      // twist (asymmetry) angle
	Freq     float64      // lifts per minute, averaged over 15 minutes
	Duration DurationBand // work-duration band
	Coupling Coupling     // grip quality
	// Dest is where the load is put down, when placing it needs
	// significant control there (NIOSH: then assess the destination too;
	// the lower RWL governs). nil: control at the origin only. With Dest,
	// D must be the difference of the two hand heights.
	Dest *Place
	// Lowering: the load moves down by D (destination height V − D);
	// otherwise up (V + D, which must not exceed 175 cm).
	Lowering bool
}

// Place is the hands' position at the destination of a lift: H, V and A as
// at the origin (cm, cm, degrees).
type Place struct {
	HCm, VCm, ADeg float64
}

// Reading values of Result.Reading.
const (
	Acceptable = "acceptable" // LI 1 or below (1.0 is the nominal limit)
	Increased  = "increased"  // LI above 1, up to 3
	High       = "high"       // LI above 3, or the lift is not acceptable at any weight
)

// Result is the outcome of the equation for one Lift.
type Result struct {
	RWLKg float64 // recommended weight limit
	// LI is load / RWL. When RWL is 0 the index is unbounded: LI is then 0
	// and Unbounded is true (no Inf is ever returned).
	LI        float64
	Unbounded bool

	HM, VM, DM, AM, FM, CM float64

	Reading string   // Acceptable, Increased or High
	Notes   []string // why a multiplier is 0 or capped, and how F was read
	Advice  []Advice // single changes that raise the RWL, largest gain first

	// With Lift.Dest: the RWL at the origin (HM … CM above are the
	// origin's), the destination's multipliers and RWL, and which end
	// governs ("origin" or "destination"); RWLKg is the lower of the two.
	OriginRWLKg   float64
	AtDestination *Result
	Governs       string
}

// ReadingText is the reading in plain words.
func (r Result) ReadingText() string { return r.ReadingMsg().English }

// ReadingMsg is ReadingText as a message.
func (r Result) ReadingMsg() msg.Text {
	switch {
	case r.Unbounded:
		return msg.L("lifting.reading.text.unbounded", "not acceptable at any weight: redesign the task")
	case r.Reading == Acceptable:
		return msg.L("lifting.reading.text.acceptable", "acceptable for most healthy workers (LI 1 or below; 1.0 is the nominal limit)")
	case r.Reading == Increased:
		return msg.L("lifting.reading.text.increased", "increased risk for some workers (LI above 1, up to 3): make changes")
	default:
		return msg.L("lifting.reading.text.high", "high risk (LI above 3): redesign the task")
	}
}

// FieldError reports an invalid input field. Field is the input's short name
// ("load", "h", "v", "d", "a", "freq", "duration", "coupling", "units"),
// the same as the CLI flag.
type FieldError struct {
	Field string
	Want  string // what was expected
	Got   string // what was given; empty when missing
	// WantText is Want as a message; empty: Want as is.
	WantText msg.Text
}

// Text is the error as a message.
func (e *FieldError) Text() msg.Text {
	want := e.WantText
	if want.Key == "" {
		want = msg.Plain(e.Want)
	}
	if e.Got == "" {
		return msg.L("lifting.error.missing", e.Error(), msg.Args{"Field": e.Field, "Want": want})
	}
	return msg.L("lifting.error.got", e.Error(), msg.Args{"Field": e.Field, "Want": want, "Got": e.Got})
}

func (e *FieldError) Error() string {
	if e.Got == "" {
		return fmt.Sprintf("%s: expected %s; it is missing", e.Field, e.Want)
	}
	return fmt.Sprintf("%s: expected %s, got %s", e.Field, e.Want, e.Got)
}

// HM is the horizontal multiplier 25/H.
func HM(hCm float64) float64 {
	switch {
	case hCm > HMaxCm:
		return 0
	case hCm <= HMinCm:
		return 1
	}
	return HMinCm / hCm
}

// VM is the vertical multiplier 1 − 0.003·|V − 75|.
func VM(vCm float64) float64 {
	if vCm > VMaxCm {
		return 0
	}
	return 1 - 0.003*math.Abs(vCm-VBestCm)
}

// DM is the distance multiplier 0.82 + 4.5/D.
func DM(dCm float64) float64 {
	switch {
	case dCm > DMaxCm:
		return 0
	case dCm <= DMinCm:
		return 1
	}
	return 0.82 + 4.5/dCm
}

// AM is the asymmetry multiplier 1 − 0.0032·A.
func AM(aDeg float64) float64 {
	if aDeg > AMaxDeg {
		return 0
	}
	return 1 - 0.0032*aDeg
}

// CM is the coupling multiplier: good 1.00; fair 0.95 below V 75 cm and 1.00
// from 75 cm; poor 0.90. An unknown coupling gives 0.
func CM(c Coupling, vCm float64) float64 {
	switch c {
	case Good:
		return 1
	case Fair:
		if vCm < VBestCm {
			return 0.95
		}
		return 1
	case Poor:
		return 0.90
	}
	return 0
}

// Compute applies the equation. It returns an error only for invalid input:
// a negative, NaN, infinite or absurdly large number, or an unknown duration
// band or coupling. Out-of-range factors are not errors: their multiplier is
// 0 and a note says why.
func Compute(l Lift) (Result, error) {
	if err := validate(l); err != nil {
		return Result{}, err
	}
	r := compute(l)
	if math.IsNaN(r.LI) || math.IsInf(r.LI, 0) {
		return Result{}, &FieldError{Field: "load", Want: "a smaller load", Got: fmtNum(l.LoadKg), WantText: msg.L("lifting.want.smaller_load", "a smaller load")}
	}
	r.Notes = Notes(l, r, Metric)
	r.Advice = advise(l, r.RWLKg)
	return r, nil
}

// compute is the bare equation, without notes or advice: at the origin,
// and at the destination when the lift needs control there.
func compute(l Lift) Result {
	r := computeAt(l)
	r.OriginRWLKg = r.RWLKg
	if !l.Lowering && l.VCm+l.DCm > VMaxCm && l.Dest == nil {
		// The hands would end above 175 cm (V + D ≤ 175 cm).
		r.RWLKg = 0
	}
	if l.Dest != nil {
		at := l
		at.HCm, at.VCm, at.ADeg, at.Dest = l.Dest.HCm, l.Dest.VCm, l.Dest.ADeg, nil
		d := computeAt(at)
		r.AtDestination = &d
		r.Governs = "origin"
		if d.RWLKg < r.RWLKg {
			r.RWLKg, r.Governs = d.RWLKg, "destination"
		}
	}
	return read(r, l.LoadKg)
}

// computeAt is the equation at one end of the lift.
func computeAt(l Lift) Result {
	r := Result{
		HM: HM(l.HCm),
		VM: VM(l.VCm),
		DM: DM(l.DCm),
		AM: AM(l.ADeg),
		FM: FM(l.Freq, l.Duration, l.VCm),
		CM: CM(l.Coupling, l.VCm),
	}
	r.RWLKg = LoadConstantKg * r.HM * r.VM * r.DM * r.AM * r.FM * r.CM
	return read(r, l.LoadKg)
}

// read sets LI and the reading from r.RWLKg. LI = 1.0 is the nominal limit:
// acceptable; increased risk starts above it.
func read(r Result, load float64) Result {
	r.LI, r.Unbounded = 0, false
	if r.RWLKg <= 0 {
		r.RWLKg = 0
		r.Unbounded = true
		r.Reading = High
		return r
	}
	r.LI = load / r.RWLKg
	switch {
	case r.LI <= 1:
		r.Reading = Acceptable
	case r.LI <= 3:
		r.Reading = Increased
	default:
		r.Reading = High
	}
	return r
}

// validate checks a metric Lift.
func validate(l Lift) error {
	nums := []struct {
		field string
		want  msg.Text
		v     float64
	}{
		{"load", msg.L("lifting.want.load", "a weight in kg, 0 or more (below 1000000)"), l.LoadKg},
		{"h", msg.L("lifting.want.h", "a horizontal distance in cm, 0 or more (below 1000000)"), l.HCm},
		{"v", msg.L("lifting.want.v", "a hand height in cm, 0 or more (below 1000000)"), l.VCm},
		{"d", msg.L("lifting.want.d", "a vertical travel in cm, 0 or more (below 1000000)"), l.DCm},
		{"a", msg.L("lifting.want.a", "a twist angle in degrees, 0 or more (below 1000000)"), l.ADeg},
		{"freq", msg.L("lifting.want.freq", "lifts per minute, 0 or more (below 1000000)"), l.Freq},
	}
	for _, n := range nums {
		if math.IsNaN(n.v) || math.IsInf(n.v, 0) || n.v < 0 || n.v > maxInput {
			return &FieldError{Field: n.field, Want: n.want.English, WantText: n.want, Got: fmtNum(n.v)}
		}
	}
	if _, ok := fmTable[l.Duration]; !ok {
		return &FieldError{Field: "duration", Want: "one of 1h, 2h, 8h", Got: fmt.Sprintf("%q", string(l.Duration))}
	}
	if CM(l.Coupling, 0) == 0 {
		return &FieldError{Field: "coupling", Want: "one of good, fair, poor", Got: fmt.Sprintf("%q", string(l.Coupling))}
	}
	if d := l.Dest; d != nil {
		for _, n := range []struct {
			field string
			want  msg.Text
			v     float64
		}{
			{"dest-h", msg.L("lifting.want.dest_h", "a horizontal distance in cm at the destination, 0 or more (below 1000000)"), d.HCm},
			{"dest-v", msg.L("lifting.want.dest_v", "a hand height in cm at the destination, 0 or more (below 1000000)"), d.VCm},
			{"dest-a", msg.L("lifting.want.dest_a", "a twist angle in degrees at the destination, 0 or more (below 1000000)"), d.ADeg},
		} {
			if math.IsNaN(n.v) || math.IsInf(n.v, 0) || n.v < 0 || n.v > maxInput {
				return &FieldError{Field: n.field, Want: n.want.English, WantText: n.want, Got: fmtNum(n.v)}
			}
		}
		if want := math.Abs(d.VCm - l.VCm); math.Abs(l.DCm-want) > 0.5 {
			w := fmt.Sprintf("the vertical travel between origin (V %s cm) and destination (V %s cm): %s cm", fmtNum(l.VCm), fmtNum(d.VCm), fmtNum(want))
			return &FieldError{Field: "d", Want: w, Got: fmtNum(l.DCm),
				WantText: msg.L("lifting.want.d_between", w, msg.Args{"Origin": msg.Short(l.VCm), "Dest": msg.Short(d.VCm), "Want": msg.Short(want)})}
		}
	}
	return nil
}

const notAcceptable = "the lift is not acceptable at any weight"

// notAcceptableText is notAcceptable as a message.
var notAcceptableText = msg.L("lifting.note.not_acceptable", notAcceptable)

// Notes explains, for a metric Lift and its Result, capped and zero
// multipliers and how the frequency was read. With u US, the lift's lengths
// are given in inches first (the metric limits are the ones applied).
// Compute fills Result.Notes with the metric wording.
func Notes(l Lift, r Result, u Units) []string { return msg.Englishes(NotesText(l, r, u)) }

// NotesText is Notes as messages.
func NotesText(l Lift, r Result, u Units) []msg.Text {
	length := func(cm float64) msg.Text {
		if u == US {
			return msg.L("lifting.note.length_us", fmtNum(cm/CmPerInch)+" in ("+fmtNum(cm)+" cm)", msg.Args{"In": msg.Short(cm / CmPerInch), "Cm": msg.Short(cm)})
		}
		return msg.L("lifting.note.length_cm", fmtNum(cm)+" cm", msg.Args{"Cm": msg.Short(cm)})
	}
	na := notAcceptableText
	var ns []msg.Text
	switch {
	case l.HCm > HMaxCm:
		ns = append(ns, msg.L("lifting.note.h_beyond", fmt.Sprintf("H %s is beyond the 63 cm limit: %s", length(l.HCm), notAcceptable), msg.Args{"H": length(l.HCm), "Verdict": na}))
	case l.HCm < HMinCm:
		ns = append(ns, msg.L("lifting.note.h_close", fmt.Sprintf("H %s is closer than 25 cm, about as close as the body allows: HM is capped at 1", length(l.HCm)), msg.Args{"H": length(l.HCm)}))
	}
	if l.VCm > VMaxCm {
		ns = append(ns, msg.L("lifting.note.v_above", fmt.Sprintf("V %s is above the 175 cm limit: %s", length(l.VCm), notAcceptable), msg.Args{"V": length(l.VCm), "Verdict": na}))
	} else if l.Dest == nil && !l.Lowering && l.VCm+l.DCm > VMaxCm {
		ns = append(ns, msg.L("lifting.note.vd_above", fmt.Sprintf("V + D = %s is above the 175 cm limit (the hands would end above 175 cm): %s", length(l.VCm+l.DCm), notAcceptable), msg.Args{"VD": length(l.VCm + l.DCm), "Verdict": na}))
	}
	switch {
	case l.DCm > DMaxCm:
		ns = append(ns, msg.L("lifting.note.d_beyond", fmt.Sprintf("D %s is beyond the 175 cm limit: %s", length(l.DCm), notAcceptable), msg.Args{"D": length(l.DCm), "Verdict": na}))
	case l.DCm < DMinCm:
		ns = append(ns, msg.L("lifting.note.d_short", fmt.Sprintf("D %s is shorter than 25 cm: DM is capped at 1", length(l.DCm)), msg.Args{"D": length(l.DCm)}))
	}
	if l.ADeg > AMaxDeg {
		ns = append(ns, msg.L("lifting.note.a_beyond", fmt.Sprintf("A %s° is beyond the 135° limit: %s", fmtNum(l.ADeg), notAcceptable), msg.Args{"A": msg.Short(l.ADeg), "Verdict": na}))
	}
	lo, hi, exact := fmRows(l.Freq)
	switch {
	case l.Freq < fmFreqs[0]:
		ns = append(ns, msg.L("lifting.note.freq_below", fmt.Sprintf("%s lifts/min is below the table's first row: 0.2 lifts/min is used, as NIOSH directs", fmtNum(l.Freq)), msg.Args{"Freq": msg.Short(l.Freq)}))
	case !exact && hi < len(fmFreqs) && r.FM > 0:
		ns = append(ns, msg.L("lifting.note.freq_between", fmt.Sprintf("%s lifts/min lies between the table rows %s and %s: FM is interpolated linearly",
			fmtNum(l.Freq), fmtNum(fmFreqs[lo]), fmtNum(fmFreqs[hi])), msg.Args{"Freq": msg.Short(l.Freq), "Lo": msg.Short(fmFreqs[lo]), "Hi": msg.Short(fmFreqs[hi])}))
	}
	if r.AtDestination != nil {
		d := r.AtDestination
		english := fmt.Sprintf("the lift needs control at the destination, so it is assessed at both ends: RWL %s kg at the origin, %s kg at the destination; the %s governs",
			fmtNum(r.OriginRWLKg), fmtNum(d.RWLKg), r.Governs)
		if r.Governs == "destination" {
			ns = append(ns, msg.L("lifting.note.both_ends.destination", english, msg.Args{"Origin": msg.Short(r.OriginRWLKg), "Dest": msg.Short(d.RWLKg)}))
		} else {
			ns = append(ns, msg.L("lifting.note.both_ends.origin", english, msg.Args{"Origin": msg.Short(r.OriginRWLKg), "Dest": msg.Short(d.RWLKg)}))
		}
		if l.Dest.VCm > VMaxCm {
			ns = append(ns, msg.L("lifting.note.dest_v_above", fmt.Sprintf("the destination V %s is above the 175 cm limit: %s", length(l.Dest.VCm), notAcceptable), msg.Args{"V": length(l.Dest.VCm), "Verdict": na}))
		}
		if l.Dest.HCm > HMaxCm {
			ns = append(ns, msg.L("lifting.note.dest_h_beyond", fmt.Sprintf("the destination H %s is beyond the 63 cm limit: %s", length(l.Dest.HCm), notAcceptable), msg.Args{"H": length(l.Dest.HCm), "Verdict": na}))
		}
		if l.Dest.ADeg > AMaxDeg {
			ns = append(ns, msg.L("lifting.note.dest_a_beyond", fmt.Sprintf("the destination A %s° is beyond the 135° limit: %s", fmtNum(l.Dest.ADeg), notAcceptable), msg.Args{"A": msg.Short(l.Dest.ADeg), "Verdict": na}))
		}
	}
	if r.FM == 0 {
		band := "V below 75 cm"
		bandText := msg.L("lifting.note.v_below_75", band)
		if l.VCm >= VBestCm {
			band = "V from 75 cm"
			bandText = msg.L("lifting.note.v_from_75", band)
		}
		ns = append(ns, msg.L("lifting.note.fm_beyond", fmt.Sprintf("%s lifts/min is beyond the frequency table for %s of work with %s: %s",
			fmtNum(l.Freq), l.Duration.Words(), band, notAcceptable), msg.Args{"Freq": msg.Short(l.Freq), "Duration": l.Duration.WordsText(), "Band": bandText, "Verdict": na}))
	}
	return ns
}

// Words describes the band in plain words.
func (b DurationBand) Words() string { return b.WordsText().English }

// WordsText is Words as a message.
func (b DurationBand) WordsText() msg.Text {
	switch b {
	case Short:
		return msg.L("lifting.duration_words.short", "up to 1 h")
	case Moderate:
		return msg.L("lifting.duration_words.moderate", "1 to 2 h")
	case Long:
		return msg.L("lifting.duration_words.long", "2 to 8 h")
	}
	return msg.Plain(string(b))
}

// fmtNum formats a number with at most one decimal and no trailing zeros.
func fmtNum(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) >= 1e9 {
		return fmt.Sprintf("%g", x)
	}
	s := fmt.Sprintf("%.1f", x)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	if s == "-0" {
		s = "0"
	}
	return s
}
