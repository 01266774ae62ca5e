package lifting

import (
	"strings"
	"testing"
)

func TestAdviceEachChangeRecomputes(t *testing.T) {
	l := Lift{LoadKg: 20, HCm: 50, VCm: 20, DCm: 100, ADeg: 90, Freq: 4, Duration: Long, Coupling: Poor}
	r, err := Compute(l)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[Factor]bool{}
	for i, a := range r.Advice {
		seen[a.Factor] = true
		changed := a.apply(l)
		want := compute(changed).RWLKg - r.RWLKg
		if !near(a.RWLGainKg, want, 1e-9) || a.RWLGainKg <= 0 {
			t.Errorf("%s: gain %v, want %v > 0", a.Factor, a.RWLGainKg, want)
		}
		if i > 0 && a.RWLGainKg > r.Advice[i-1].RWLGainKg {
			t.Errorf("advice not sorted: %v after %v", a.RWLGainKg, r.Advice[i-1].RWLGainKg)
		}
		if a.Change == "" || a.Change != a.Describe(Metric) {
			t.Errorf("%s: change text %q", a.Factor, a.Change)
		}
	}
	for _, f := range []Factor{FactorH, FactorV, FactorD, FactorA, FactorFreq, FactorDuration, FactorCoupling} {
		if !seen[f] {
			t.Errorf("no advice for %s in %+v", f, r.Advice)
		}
	}
}

func TestAdviceSkipsChangesThatDoNotHelp(t *testing.T) {
	// H beyond 63 cm zeroes the RWL: only bringing the load closer helps.
	l := Lift{LoadKg: 10, HCm: 70, VCm: 30, DCm: 50, ADeg: 30, Freq: 1, Duration: Moderate, Coupling: Fair}
	r, err := Compute(l)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Advice) != 1 || r.Advice[0].Factor != FactorH {
		t.Fatalf("advice %+v, want only H", r.Advice)
	}
	if got := r.Advice[0].Change; !strings.Contains(got, "45 cm closer (H 70 → 25 cm)") {
		t.Errorf("text %q", got)
	}
}

func TestAdviceTexts(t *testing.T) {
	tests := []struct {
		a    Advice
		u    Units
		want string
	}{
		{Advice{Factor: FactorH, From: 40, To: 25}, Metric, "bring the load 15 cm closer (H 40 → 25 cm)"},
		{Advice{Factor: FactorH, From: 50.8, To: 25}, US, "bring the load 10.2 in closer (H 20 → 9.8 in)"},
		{Advice{Factor: FactorV, From: 30, To: 75}, Metric, "raise the start of the lift by 45 cm"},
		{Advice{Factor: FactorV, From: 150, To: 75}, Metric, "lower the start of the lift by 75 cm"},
		{Advice{Factor: FactorD, From: 100, To: 25}, Metric, "shorten the vertical travel by 75 cm (D 100 → 25 cm)"},
		{Advice{Factor: FactorA, From: 90}, Metric, "remove the twist: turn with the feet (A 90° → 0°)"},
		{Advice{Factor: FactorFreq, From: 4, To: 2}, Metric, "lift less often: 2 lifts a minute instead of 4"},
		{Advice{Factor: FactorFreq, From: 2, To: 1}, Metric, "lift less often: 1 lift a minute instead of 2"},
		{Advice{Factor: FactorDuration, FromBand: Long, ToBand: Moderate}, Metric, "spells of up to 2 h"},
		{Advice{Factor: FactorDuration, FromBand: Moderate, ToBand: Short}, Metric, "spells of up to 1 h"},
		{Advice{Factor: FactorCoupling, FromGrip: Poor, ToGrip: Good}, Metric, "coupling poor → good"},
	}
	for _, tt := range tests {
		if got := tt.a.Describe(tt.u); !strings.Contains(got, tt.want) {
			t.Errorf("Describe(%+v, %s) = %q, want %q", tt.a, tt.u, got, tt.want)
		}
	}
}
