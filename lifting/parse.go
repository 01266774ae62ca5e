package lifting

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Input is a lift as typed by a person (CLI flags or form fields), in the
// units named by Units ("metric" when empty).
type Input struct {
	Load, H, V, D, A, Freq string
	Duration, Coupling     string
	Units                  string
}

// ParseUnits reads "metric" or "us" (any case, surrounding space ignored).
func ParseUnits(s string) (Units, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", string(Metric):
		return Metric, nil
	case string(US):
		return US, nil
	}
	return "", &FieldError{Field: "units", Want: "metric or us", Got: strconv.Quote(s)}
}

// ParseDuration reads a duration band: 1h, 2h or 8h.
func ParseDuration(s string) (DurationBand, error) {
	b := DurationBand(strings.ToLower(strings.TrimSpace(s)))
	if _, ok := fmTable[b]; ok {
		return b, nil
	}
	return "", &FieldError{Field: "duration", Want: "a work-duration band: 1h (up to 1 h), 2h (1 to 2 h) or 8h (2 to 8 h)", Got: quoteOrEmpty(s)}
}

// ParseCoupling reads a coupling class: good, fair or poor.
func ParseCoupling(s string) (Coupling, error) {
	c := Coupling(strings.ToLower(strings.TrimSpace(s)))
	if CM(c, 0) != 0 {
		return c, nil
	}
	return "", &FieldError{Field: "coupling", Want: "a grip quality: good, fair or poor", Got: quoteOrEmpty(s)}
}

// ParseInput checks and reads in and returns the lift in metric units, ready
// for Compute. Errors are *FieldError values naming the field and, in the
// input's own units, what was expected.
func ParseInput(in Input) (Lift, error) {
	u, err := ParseUnits(in.Units)
	if err != nil {
		return Lift{}, err
	}
	w, ln := u.WeightUnit(), u.LengthUnit()
	var l Lift
	nums := []struct {
		field, s, want string
		dst            *float64
	}{
		{"load", in.Load, "the load's weight in " + w + ", a number 0 or more", &l.LoadKg},
		{"h", in.H, "the horizontal distance of the hands in " + ln + ", a number 0 or more", &l.HCm},
		{"v", in.V, "the hand height at the start in " + ln + ", a number 0 or more", &l.VCm},
		{"d", in.D, "the vertical travel in " + ln + ", a number 0 or more", &l.DCm},
		{"a", in.A, "the twist angle in degrees, a number 0 or more", &l.ADeg},
		{"freq", in.Freq, "lifts per minute, a number 0 or more", &l.Freq},
	}
	for _, n := range nums {
		v, err := parseNum(n.s)
		if err != nil || v < 0 || v > maxInput {
			return Lift{}, &FieldError{Field: n.field, Want: n.want, Got: quoteOrEmpty(n.s)}
		}
		*n.dst = v
	}
	if l.Duration, err = ParseDuration(in.Duration); err != nil {
		return Lift{}, err
	}
	if l.Coupling, err = ParseCoupling(in.Coupling); err != nil {
		return Lift{}, err
	}
	l = ToMetric(l, u)
	return l, validate(l)
}

// parseNum reads a finite decimal number; a decimal comma is accepted.
func parseNum(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("missing")
	}
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("not finite")
	}
	return v, nil
}

// quoteOrEmpty quotes s, or returns "" for a blank s so FieldError says the
// value is missing.
func quoteOrEmpty(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return strconv.Quote(s)
}
