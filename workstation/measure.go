package workstation

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/limberapp/limber/msg"
)

// Body proportions as fractions of standing height H, from Drillis &
// Contini (1966) as given in Winter, Biomechanics and Motor Control of Human
// Movement (fig. 4.1): heights above the floor when standing, and segment
// lengths.
const (
	KneeFrac     = 0.285 // knee joint
	HipFrac      = 0.530 // hip joint (greater trochanter)
	ShoulderFrac = 0.818 // shoulder joint
	EyeFrac      = 0.936 // eyes
	UpperArmFrac = 0.186 // shoulder to elbow
)

// Limber's own allowances, needed to sit the standing proportions on a
// chair; they are estimates, and the UI says so.
const (
	// UnderThighFrac: the seat meets the thigh just behind the knee, about
	// this far below the knee joint.
	UnderThighFrac = 0.03
	// HipAboveSeatFrac: the hip joint sits about this far above the seat.
	HipAboveSeatFrac = 0.04
	// BuildTolerance: body proportions vary by about this share between
	// people of the same height.
	BuildTolerance = 0.04
	// ShoeMaxCm: shoes raise everything by 0 (barefoot) to about this.
	ShoeMaxCm = 3.0
	// ViewingCm is the viewing distance used for the screen centre.
	ViewingCm = 60.0
)

// Derived fractions of H.
const (
	SeatFrac           = KneeFrac - UnderThighFrac                                // floor to seat
	ElbowAboveSeatFrac = ShoulderFrac - HipFrac + HipAboveSeatFrac - UpperArmFrac // seat to elbow, upper arm hanging
	EyeAboveSeatFrac   = EyeFrac - HipFrac + HipAboveSeatFrac                     // seat to eyes
)

// ANSI/HFS 100-1988 ranges, in cm.
var (
	ANSISeat     = Range{Low: 16 * CmPerInch, High: 20.5 * CmPerInch} // seat height
	ANSIKeyboard = Range{Low: 58.5, High: 71}                         // keyboard height (23–28 in)
)

// CmPerInch converts inches to centimetres.
const CmPerInch = 2.54

// Height limits the helper accepts, in cm.
const (
	MinHeightCm = 120.0
	MaxHeightCm = 220.0
)

// Range is an estimate in cm: its likely span and a middle value.
type Range struct {
	Low, Mid, High float64
}

// estimate is frac·H ± BuildTolerance, plus 0–ShoeMaxCm for shoes.
func estimate(frac, h float64) Range {
	x := frac * h
	return Range{Low: x * (1 - BuildTolerance), Mid: x + ShoeMaxCm/2, High: x*(1+BuildTolerance) + ShoeMaxCm}
}

// Fit says how an estimate sits against a standard range.
type Fit string

// How an estimate compares with a standard range.
const (
	FitInside Fit = "inside"  // the whole estimate is inside the range
	FitBelow  Fit = "below"   // the middle value is below the range
	FitAbove  Fit = "above"   // the middle value is above the range
	FitEdge   Fit = "overlap" // the middle value is inside, but the span reaches past it
)

// Against compares r with a standard range std (only Low and High used).
func (r Range) Against(std Range) Fit {
	switch {
	case r.Mid < std.Low:
		return FitBelow
	case r.Mid > std.High:
		return FitAbove
	case r.Low >= std.Low && r.High <= std.High:
		return FitInside
	}
	return FitEdge
}

// Measurements are the target heights the helper estimates.
type Measurements struct {
	HeightCm float64
	// Seat: floor to the top of the seat, so thighs are level and feet flat.
	Seat Range
	// Keyboard: floor to where the fingers rest, at about seated elbow
	// height so forearms are level.
	Keyboard Range
	// Eye: floor to the eyes when sitting upright; the top of the screen
	// goes at or just below this.
	Eye Range
	// ScreenCentre: floor to the middle of the screen, 15–20° below the
	// eyes at ViewingCm.
	ScreenCentre Range
}

// Measure estimates target heights for a person heightCm tall.
func Measure(heightCm float64) (Measurements, error) {
	if math.IsNaN(heightCm) || heightCm < MinHeightCm || heightCm > MaxHeightCm {
		return Measurements{}, fmt.Errorf("height %.0f cm is outside what the helper can estimate (%.0f–%.0f cm, %.0f–%.0f in)",
			heightCm, MinHeightCm, MaxHeightCm, MinHeightCm/CmPerInch, MaxHeightCm/CmPerInch)
	}
	m := Measurements{HeightCm: heightCm}
	m.Seat = estimate(SeatFrac, heightCm)
	m.Keyboard = estimate(SeatFrac+ElbowAboveSeatFrac, heightCm)
	m.Eye = estimate(SeatFrac+EyeAboveSeatFrac, heightCm)
	lo, hi := ViewingCm*math.Tan(15*math.Pi/180), ViewingCm*math.Tan(20*math.Pi/180)
	m.ScreenCentre = Range{Low: m.Eye.Low - hi, Mid: m.Eye.Mid - (lo+hi)/2, High: m.Eye.High - lo}
	return m, nil
}

// Units of the height a person types.
const (
	UnitCm = "cm"
	UnitIn = "in"
)

// ParseHeight reads a height typed in unit (cm or in) and returns it in
// cm. Inches may be written as feet and inches: 5'9, 5' 9", 5ft 9.
func ParseHeight(text, unit string) (float64, error) {
	t := strings.TrimSpace(strings.ReplaceAll(text, ",", "."))
	if t == "" {
		return 0, fmt.Errorf("height: enter your height in %s", unitWord(unit))
	}
	switch unit {
	case UnitCm:
		t = strings.TrimSpace(strings.TrimSuffix(t, "cm"))
		v, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return 0, fmt.Errorf("height: %q is not a number of centimetres (for example 172)", text)
		}
		return v, checkHeight(v, text, unit)
	case UnitIn:
		v, err := parseInches(t)
		if err != nil {
			return 0, fmt.Errorf("height: %q is not a height in inches (for example 68, or 5'8)", text)
		}
		return v * CmPerInch, checkHeight(v*CmPerInch, text, unit)
	}
	return 0, fmt.Errorf("height unit %q: expected cm or in", unit)
}

func unitWord(unit string) string {
	if unit == UnitIn {
		return "inches"
	}
	return "centimetres"
}

func checkHeight(cm float64, text, unit string) error {
	if cm < MinHeightCm || cm > MaxHeightCm || math.IsNaN(cm) {
		return fmt.Errorf("height: %s %s is outside %.0f–%.0f cm (%.0f–%.0f in)", strings.TrimSpace(text), unit,
			MinHeightCm, MaxHeightCm, MinHeightCm/CmPerInch, MaxHeightCm/CmPerInch)
	}
	return nil
}

// parseInches reads 68, 68in, 5'8, 5' 8", 5ft 8in.
func parseInches(t string) (float64, error) {
	t = strings.ToLower(t)
	for _, r := range []string{"ft", "feet", "′"} {
		t = strings.ReplaceAll(t, r, "'")
	}
	for _, r := range []string{"inches", "in", "″", `"`, "''"} {
		t = strings.ReplaceAll(t, r, "")
	}
	if ft, in, ok := strings.Cut(t, "'"); ok {
		f, err := strconv.ParseFloat(strings.TrimSpace(ft), 64)
		if err != nil {
			return 0, err
		}
		i := 0.0
		if s := strings.TrimSpace(in); s != "" {
			if i, err = strconv.ParseFloat(s, 64); err != nil {
				return 0, err
			}
		}
		if i < 0 || i >= 12 || f < 0 {
			return 0, fmt.Errorf("bad feet and inches")
		}
		return f*12 + i, nil
	}
	return strconv.ParseFloat(strings.TrimSpace(t), 64)
}

// FormatCm writes a length as "46 cm (18 in)".
func FormatCm(cm float64) string {
	return fmt.Sprintf("%.0f cm (%.0f in)", cm, cm/CmPerInch)
}

// FormatRange writes an estimate as "46 cm (43–49 cm) · 18 in (17–19 in)".
func FormatRange(r Range) string {
	return fmt.Sprintf("%.0f cm (%.0f–%.0f) · %.1f in (%.1f–%.1f)", r.Mid, r.Low, r.High, r.Mid/CmPerInch, r.Low/CmPerInch, r.High/CmPerInch)
}

// MeasureSource names where the proportions come from.
const MeasureSource = "Body proportions of Drillis & Contini (1966), as given in D. A. Winter, Biomechanics and Motor Control of Human Movement (fig. 4.1)"

// MeasureMethod explains the estimate in plain words.
func MeasureMethod() string { return MeasureMethodText().English }

// MeasureMethodText is MeasureMethod as a message.
func MeasureMethodText() msg.Text {
	english := fmt.Sprintf("Estimated from your height with the body proportions of Drillis & Contini (1966), as given in Winter, "+
		"Biomechanics and Motor Control of Human Movement: knee %.3f × height, hip %.3f, shoulder %.3f, eyes %.3f, upper arm %.3f. "+
		"Limber adds its own allowances to sit these on a chair: the seat meets the thigh about %.2f × height below the knee joint, "+
		"and the hip joint sits about %.2f × height above the seat. Ranges allow ±%.0f%% for body build and 0–%.0f cm for shoes. "+
		"People differ: use these as a starting point and adjust until the checks feel right.",
		KneeFrac, HipFrac, ShoulderFrac, EyeFrac, UpperArmFrac, UnderThighFrac, HipAboveSeatFrac, BuildTolerance*100, ShoeMaxCm)
	return msg.L("workstation.measure_method", english, msg.Args{
		"Knee": msg.Dec(KneeFrac, 3), "Hip": msg.Dec(HipFrac, 3), "Shoulder": msg.Dec(ShoulderFrac, 3), "Eye": msg.Dec(EyeFrac, 3),
		"UpperArm": msg.Dec(UpperArmFrac, 3), "UnderThigh": msg.Dec(UnderThighFrac, 2), "HipAboveSeat": msg.Dec(HipAboveSeatFrac, 2),
		"Build": msg.Dec(BuildTolerance*100, 0), "Shoe": msg.Dec(ShoeMaxCm, 0),
	})
}
