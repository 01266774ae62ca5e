package lifting

import (
	"fmt"
	"math"
	"strings"

	"github.com/limberapp/limber/msg"
)

// Source: HSE, Manual handling at work: a brief guide (INDG143), lifting and
// lowering risk filter. The guideline weights are a filter, not safe limits:
// they assume an easy two-handed grip and a stable posture; a task over the
// filter needs a fuller assessment.

// Zone is the band of hand height in the HSE filter diagram.
type Zone string

// The five hand zones, top to bottom.
const (
	AboveShoulder  Zone = "above-shoulder"
	ShoulderElbow  Zone = "shoulder-elbow"
	ElbowKnuckle   Zone = "elbow-knuckle"
	KnuckleMidshin Zone = "knuckle-midshin"
	BelowMidshin   Zone = "below-midshin"
)

// Zones lists the zones top to bottom.
var Zones = []Zone{AboveShoulder, ShoulderElbow, ElbowKnuckle, KnuckleMidshin, BelowMidshin}

// Words names the zone in plain words.
func (z Zone) Words() string { return z.WordsText().English }

// WordsText is Words as a message.
func (z Zone) WordsText() msg.Text {
	switch z {
	case AboveShoulder:
		return msg.L("lifting.zone.above_shoulder", "above shoulder height")
	case ShoulderElbow:
		return msg.L("lifting.zone.shoulder_elbow", "shoulder to elbow height")
	case ElbowKnuckle:
		return msg.L("lifting.zone.elbow_knuckle", "elbow to knuckle height")
	case KnuckleMidshin:
		return msg.L("lifting.zone.knuckle_midshin", "knuckle to mid-lower-leg height")
	case BelowMidshin:
		return msg.L("lifting.zone.below_midshin", "below mid-lower-leg height")
	}
	return msg.Plain(string(z))
}

// Sex selects the men's or women's guideline weights.
type Sex string

// The two columns of the filter.
const (
	Men   Sex = "men"
	Women Sex = "women"
)

// guidelines holds kg for {close to the body, arms extended}.
var guidelines = map[Sex]map[Zone][2]float64{
	Men: {
		AboveShoulder:  {10, 5},
		ShoulderElbow:  {20, 10},
		ElbowKnuckle:   {25, 15},
		KnuckleMidshin: {20, 10},
		BelowMidshin:   {10, 5},
	},
	Women: {
		AboveShoulder:  {7, 3},
		ShoulderElbow:  {13, 7},
		ElbowKnuckle:   {16, 10},
		KnuckleMidshin: {13, 7},
		BelowMidshin:   {7, 3},
	},
}

// Guideline is the HSE filter weight in kg for the hand zone, sex and reach
// (extended: arms extended rather than the load close to the body). It is 0
// for an unknown zone or sex.
func Guideline(z Zone, s Sex, extended bool) float64 {
	g, ok := guidelines[s][z]
	if !ok {
		return 0
	}
	if extended {
		return g[1]
	}
	return g[0]
}

// ParseZone reads a zone name (as in the Zone constants, any case).
func ParseZone(s string) (Zone, error) {
	z := Zone(strings.ToLower(strings.TrimSpace(s)))
	for _, k := range Zones {
		if z == k {
			return z, nil
		}
	}
	return "", &FieldError{Field: "zone", Want: "one of above-shoulder, shoulder-elbow, elbow-knuckle, knuckle-midshin, below-midshin", Got: quoteOrEmpty(s)}
}

// ParseSex reads men or women (any case).
func ParseSex(s string) (Sex, error) {
	switch x := Sex(strings.ToLower(strings.TrimSpace(s))); x {
	case Men, Women:
		return x, nil
	}
	return "", &FieldError{Field: "sex", Want: "men or women", Got: quoteOrEmpty(s)}
}

// FrequencyReduction is the fraction the HSE filter takes off the guideline
// weight for liftsPerMin repetitions a minute. HSE publishes: none up to
// about 30 an hour (0.5 a minute), 30% at one or two a minute, 50% at five to
// eight, 80% above about twelve. Between those bands this uses the stricter
// (next) band, because the filter is a screen: over 0.5 and up to 2 a minute
// 30%, over 2 and up to 8 50%, over 8 80%.
func FrequencyReduction(liftsPerMin float64) float64 {
	switch {
	case liftsPerMin <= 0.5:
		return 0
	case liftsPerMin <= 2:
		return 0.3
	case liftsPerMin <= 8:
		return 0.5
	}
	return 0.8
}

// TwistReduction is the fraction taken off for twisting: 10% from a 45° twist,
// 20% from 90°.
func TwistReduction(deg float64) float64 {
	switch {
	case deg >= 90:
		return 0.2
	case deg >= 45:
		return 0.1
	}
	return 0
}

// FilterInput is a lift checked against the HSE filter.
type FilterInput struct {
	Zone        Zone
	Sex         Sex
	Extended    bool    // arms extended rather than the load close to the body
	LoadKg      float64 // weight of the load
	LiftsPerMin float64
	TwistDeg    float64
}

// FilterResult is the guideline weight before and after the reductions.
type FilterResult struct {
	BaseKg     float64  // guideline for the zone, sex and reach
	AfterKg    float64  // after the frequency and twisting reductions
	Reductions []string // each reduction applied, in plain words
	// ReductionTexts are Reductions as messages.
	ReductionTexts []msg.Text
	WithinFilter   bool // the load is at or below AfterKg
}

// Filter applies the HSE risk filter. The two reductions combine by
// multiplication (30% and 10% leave 0.7 × 0.9 = 63%). Errors name the field.
func Filter(in FilterInput) (FilterResult, error) {
	if _, err := ParseZone(string(in.Zone)); err != nil {
		return FilterResult{}, err
	}
	if _, err := ParseSex(string(in.Sex)); err != nil {
		return FilterResult{}, err
	}
	for _, n := range []struct {
		field string
		v     float64
	}{{"load", in.LoadKg}, {"freq", in.LiftsPerMin}, {"a", in.TwistDeg}} {
		if math.IsNaN(n.v) || math.IsInf(n.v, 0) || n.v < 0 || n.v > maxInput {
			return FilterResult{}, &FieldError{Field: n.field, Want: "a number 0 or more", Got: fmtNum(n.v)}
		}
	}
	r := FilterResult{BaseKg: Guideline(in.Zone, in.Sex, in.Extended)}
	r.AfterKg = r.BaseKg
	if f := FrequencyReduction(in.LiftsPerMin); f > 0 {
		r.AfterKg *= 1 - f
		r.ReductionTexts = append(r.ReductionTexts, msg.L("lifting.hse.freq_reduction", fmt.Sprintf("%.0f%% less for %s a minute (%s)",
			f*100, liftsWords(in.LiftsPerMin), freqBandWords(f)), msg.Args{"Percent": msg.Dec(f*100, 0), "Lifts": liftsText(in.LiftsPerMin), "Band": freqBandText(f)}))
	}
	if t := TwistReduction(in.TwistDeg); t > 0 {
		r.AfterKg *= 1 - t
		from := "45°"
		if t == 0.2 {
			from = "90°"
		}
		r.ReductionTexts = append(r.ReductionTexts, msg.L("lifting.hse.twist_reduction", fmt.Sprintf("%.0f%% less for a %s° twist (HSE: from %s)",
			t*100, fmtNum(in.TwistDeg), from), msg.Args{"Percent": msg.Dec(t*100, 0), "Twist": msg.Short(in.TwistDeg), "From": from}))
	}
	r.Reductions = msg.Englishes(r.ReductionTexts)
	r.WithinFilter = in.LoadKg <= r.AfterKg
	return r, nil
}

func freqBandWords(f float64) string { return freqBandText(f).English }

func freqBandText(f float64) msg.Text {
	switch f {
	case 0.3:
		return msg.L("lifting.hse.band_30", "HSE: 30% at one or two a minute; used from just over 30 an hour")
	case 0.5:
		return msg.L("lifting.hse.band_50", "HSE: 50% at five to eight a minute; used from just over two a minute")
	}
	return msg.L("lifting.hse.band_80", "HSE: 80% above about twelve a minute; used from just over eight a minute")
}

// Typical hand-zone boundaries, in cm above the floor, for an adult about
// 170 cm tall. These are estimates, not HSE figures: knuckle height is the
// 75 cm NIOSH takes as the best lifting height; elbow and shoulder heights
// are 0.630 and 0.818 of stature and mid-lower-leg is halfway between ankle
// (0.039) and knee (0.285), from the Drillis–Contini body proportions.
const (
	midshinCm  = 28
	knuckleCm  = 75
	elbowCm    = 107
	shoulderCm = 139
)

// ZoneAt estimates the zone of a hand height for an adult about 170 cm tall.
// A height on a boundary belongs to the zone above it.
func ZoneAt(vCm float64) Zone {
	switch {
	case vCm >= shoulderCm:
		return AboveShoulder
	case vCm >= elbowCm:
		return ShoulderElbow
	case vCm >= knuckleCm:
		return ElbowKnuckle
	case vCm >= midshinCm:
		return KnuckleMidshin
	}
	return BelowMidshin
}

// ZonesBetween lists, top to bottom, the estimated zones the hands pass
// through between two heights.
func ZonesBetween(aCm, bCm float64) []Zone {
	top, bottom := ZoneAt(math.Max(aCm, bCm)), ZoneAt(math.Min(aCm, bCm))
	var out []Zone
	in := false
	for _, z := range Zones {
		if z == top {
			in = true
		}
		if in {
			out = append(out, z)
		}
		if z == bottom {
			break
		}
	}
	return out
}

// LimitingZone is the zone with the smallest guideline among zones, as HSE
// directs when the hands pass through several. Ties go to the first listed.
func LimitingZone(zones []Zone, s Sex, extended bool) Zone {
	var best Zone
	for _, z := range zones {
		if best == "" || Guideline(z, s, extended) < Guideline(best, s, extended) {
			best = z
		}
	}
	return best
}

// ExtendedReachCm is the horizontal distance from which the filter's "arms
// extended" column is used: halfway between NIOSH's closest (25 cm) and
// farthest (63 cm) hand positions. An estimate, not an HSE figure.
const ExtendedReachCm = 44

// Extended reports whether a horizontal hand distance counts as arms extended.
func Extended(hCm float64) bool { return hCm >= ExtendedReachCm }
