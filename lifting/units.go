package lifting

import (
	"fmt"

	"github.com/limberapp/limber/msg"
)

// Units is the unit system of user input and output.
type Units string

// The two unit systems.
const (
	Metric Units = "metric" // kg and cm
	US     Units = "us"     // pounds and inches
)

// Exact conversion factors.
const (
	CmPerInch = 2.54
	KgPerLb   = 0.45359237
)

// ToMetric converts a Lift given in units from to kg and cm. Angles,
// frequency, band and coupling are unchanged. Any units other than US are
// taken as metric already.
//
// The metric equation's limits are NIOSH's rounded conversions of the US
// ones (25 cm for 10 in, 63 cm for 25 in, 75 cm for 30 in, 175 cm for 70 in),
// so a US value exactly at a US limit can fall just beyond the metric one.
func ToMetric(l Lift, from Units) Lift {
	if from != US {
		return l
	}
	l.LoadKg *= KgPerLb
	l.HCm *= CmPerInch
	l.VCm *= CmPerInch
	l.DCm *= CmPerInch
	if l.Dest != nil {
		d := *l.Dest
		d.HCm *= CmPerInch
		d.VCm *= CmPerInch
		l.Dest = &d
	}
	return l
}

// FromMetric converts a metric Lift to units to: pounds and inches for US.
func FromMetric(l Lift, to Units) Lift {
	if to != US {
		return l
	}
	l.LoadKg /= KgPerLb
	l.HCm /= CmPerInch
	l.VCm /= CmPerInch
	l.DCm /= CmPerInch
	if l.Dest != nil {
		d := *l.Dest
		d.HCm /= CmPerInch
		d.VCm /= CmPerInch
		l.Dest = &d
	}
	return l
}

// KgTo converts a weight in kg to the weight unit of u.
func KgTo(kg float64, u Units) float64 {
	if u == US {
		return kg / KgPerLb
	}
	return kg
}

// CmTo converts a length in cm to the length unit of u.
func CmTo(cm float64, u Units) float64 {
	if u == US {
		return cm / CmPerInch
	}
	return cm
}

// WeightUnit is "kg" or "lb".
func (u Units) WeightUnit() string {
	if u == US {
		return "lb"
	}
	return "kg"
}

// LengthUnit is "cm" or "in".
func (u Units) LengthUnit() string {
	if u == US {
		return "in"
	}
	return "cm"
}

// USLimitNotes explains, for a lift entered in US units and converted with
// ToMetric, each value that is within the US equation's limit (25 in, 70 in)
// but beyond the metric one (63 cm, 175 cm), which Compute applies.
func USLimitNotes(metric Lift) []string { return msg.Englishes(USLimitNotesText(metric)) }

// USLimitNotesText is USLimitNotes as messages.
func USLimitNotesText(metric Lift) []msg.Text {
	var ns []msg.Text
	check := func(name string, cm, metricMax, usMaxIn float64) {
		if cm > metricMax && cm <= usMaxIn*CmPerInch+1e-9 {
			ns = append(ns, msg.L("lifting.note.us_limit", fmt.Sprintf("%s %s in (%s cm) is within the US limit of %s in but beyond the metric %s cm limit, which Limber applies",
				name, fmtNum(cm/CmPerInch), fmtNum(cm), fmtNum(usMaxIn), fmtNum(metricMax)),
				msg.Args{"Name": name, "In": msg.Short(cm / CmPerInch), "Cm": msg.Short(cm), "USMax": msg.Short(usMaxIn), "MetricMax": msg.Short(metricMax)}))
		}
	}
	check("H", metric.HCm, HMaxCm, 25)
	check("V", metric.VCm, VMaxCm, 70)
	check("D", metric.DCm, DMaxCm, 70)
	return ns
}
