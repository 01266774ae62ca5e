package lifting

import (
	"fmt"
	"sort"

	"github.com/limberapp/limber/msg"
)

// Factor names a changeable part of a lift in Advice.
type Factor string

// The factors Advice can change.
const (
	FactorH        Factor = "h"
	FactorV        Factor = "v"
	FactorD        Factor = "d"
	FactorA        Factor = "a"
	FactorFreq     Factor = "freq"
	FactorDuration Factor = "duration"
	FactorCoupling Factor = "coupling"
)

// Advice is one single change to a lift and how much it raises the RWL.
type Advice struct {
	Change    string  // in plain words, metric units, e.g. "bring the load 15 cm closer (H 40 → 25 cm)"
	RWLGainKg float64 // new RWL minus current RWL

	Factor   Factor // what changes
	From, To float64
	// FromBand/ToBand and FromGrip/ToGrip are set for duration and coupling changes.
	FromBand, ToBand DurationBand
	FromGrip, ToGrip Coupling
}

// minGainKg is the smallest RWL gain worth listing.
const minGainKg = 0.005

// advise tries each single change and keeps those that raise the RWL,
// largest gain first.
func advise(l Lift, rwl float64) []Advice {
	var cands []Advice
	if l.HCm > HMinCm {
		cands = append(cands, Advice{Factor: FactorH, From: l.HCm, To: HMinCm})
	}
	if l.VCm != VBestCm {
		cands = append(cands, Advice{Factor: FactorV, From: l.VCm, To: VBestCm})
	}
	if l.DCm > DMinCm {
		cands = append(cands, Advice{Factor: FactorD, From: l.DCm, To: DMinCm})
	}
	if l.ADeg > 0 {
		cands = append(cands, Advice{Factor: FactorA, From: l.ADeg, To: 0})
	}
	if l.Freq > fmFreqs[0] {
		to := l.Freq / 2
		if to < fmFreqs[0] {
			to = fmFreqs[0]
		}
		cands = append(cands, Advice{Factor: FactorFreq, From: l.Freq, To: to})
	}
	switch l.Duration {
	case Long:
		cands = append(cands, Advice{Factor: FactorDuration, FromBand: Long, ToBand: Moderate})
	case Moderate:
		cands = append(cands, Advice{Factor: FactorDuration, FromBand: Moderate, ToBand: Short})
	}
	if l.Coupling != Good {
		cands = append(cands, Advice{Factor: FactorCoupling, FromGrip: l.Coupling, ToGrip: Good})
	}

	var out []Advice
	for _, a := range cands {
		gain := compute(a.apply(l)).RWLKg - rwl
		if gain < minGainKg {
			continue
		}
		a.RWLGainKg = gain
		a.Change = a.Describe(Metric)
		out = append(out, a)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].RWLGainKg > out[j].RWLGainKg })
	return out
}

// apply returns l with the change made.
func (a Advice) apply(l Lift) Lift {
	switch a.Factor {
	case FactorH:
		l.HCm = a.To
	case FactorV:
		l.VCm = a.To
	case FactorD:
		l.DCm = a.To
	case FactorA:
		l.ADeg = a.To
	case FactorFreq:
		l.Freq = a.To
	case FactorDuration:
		l.Duration = a.ToBand
	case FactorCoupling:
		l.Coupling = a.ToGrip
	}
	return l
}

// Describe words the change with lengths in the units u (From and To are
// always kept in cm).
func (a Advice) Describe(u Units) string { return a.DescribeText(u).English }

// DescribeText is Describe as a message.
func (a Advice) DescribeText(u Units) msg.Text {
	lu := u.LengthUnit()
	from, to := fmtNum(CmTo(a.From, u)), fmtNum(CmTo(a.To, u))
	by := fmtNum(CmTo(a.From-a.To, u))
	nFrom, nTo, nBy := msg.Short(CmTo(a.From, u)), msg.Short(CmTo(a.To, u)), msg.Short(CmTo(a.From-a.To, u))
	switch a.Factor {
	case FactorH:
		return msg.L("lifting.advice.h", fmt.Sprintf("bring the load %s %s closer (H %s → %s %s)", by, lu, from, to, lu), msg.Args{"By": nBy, "Unit": lu, "From": nFrom, "To": nTo})
	case FactorV:
		if a.To > a.From {
			by = fmtNum(CmTo(a.To-a.From, u))
			return msg.L("lifting.advice.v_raise", fmt.Sprintf("raise the start of the lift by %s %s, to about knuckle height (V %s → %s %s)", by, lu, from, to, lu), msg.Args{"By": msg.Short(CmTo(a.To-a.From, u)), "Unit": lu, "From": nFrom, "To": nTo})
		}
		return msg.L("lifting.advice.v_lower", fmt.Sprintf("lower the start of the lift by %s %s, to about knuckle height (V %s → %s %s)", by, lu, from, to, lu), msg.Args{"By": nBy, "Unit": lu, "From": nFrom, "To": nTo})
	case FactorD:
		return msg.L("lifting.advice.d", fmt.Sprintf("shorten the vertical travel by %s %s (D %s → %s %s)", by, lu, from, to, lu), msg.Args{"By": nBy, "Unit": lu, "From": nFrom, "To": nTo})
	case FactorA:
		return msg.L("lifting.advice.a", fmt.Sprintf("remove the twist: turn with the feet (A %s° → 0°)", fmtNum(a.From)), msg.Args{"From": msg.Short(a.From)})
	case FactorFreq:
		return msg.L("lifting.advice.freq", fmt.Sprintf("lift less often: %s a minute instead of %s", liftsWords(a.To), fmtNum(a.From)), msg.Args{"Lifts": liftsText(a.To), "From": msg.Short(a.From)})
	case FactorDuration:
		if a.ToBand == Short {
			return msg.L("lifting.advice.duration_short", "work in spells of up to 1 h, each followed by recovery at least as long")
		}
		return msg.L("lifting.advice.duration_moderate", "work in spells of up to 2 h, each followed by recovery of at least 0.3 times the work time")
	case FactorCoupling:
		return msg.L("lifting.advice.coupling", fmt.Sprintf("get a better grip: handles or hand-hold cut-outs (coupling %s → good)", a.FromGrip), msg.Args{"From": gripText(a.FromGrip)})
	}
	return msg.Plain(string(a.Factor))
}

// gripText names a coupling as a message.
func gripText(c Coupling) msg.Text {
	switch c {
	case Fair:
		return msg.L("lifting.advice.coupling_fair", "fair")
	case Poor:
		return msg.L("lifting.advice.coupling_poor", "poor")
	}
	return msg.Plain(string(c))
}

// liftsText is liftsWords as a message.
func liftsText(n float64) msg.Text {
	if fmtNum(n) == "1" {
		return msg.L("lifting.lifts.one", "1 lift")
	}
	return msg.L("lifting.lifts.other", fmtNum(n)+" lifts", msg.Args{"N": msg.Short(n)})
}

// liftsWords is "1 lift" or "n lifts".
func liftsWords(n float64) string {
	if fmtNum(n) == "1" {
		return "1 lift"
	}
	return fmtNum(n) + " lifts"
}
