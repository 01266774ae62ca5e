package lifting

import (
	"errors"
	"strings"
	"testing"
)

func TestGuidelineTable(t *testing.T) {
	// HSE INDG143 filter, kg: {men close, men extended, women close, women extended}.
	want := map[Zone][4]float64{
		AboveShoulder:  {10, 5, 7, 3},
		ShoulderElbow:  {20, 10, 13, 7},
		ElbowKnuckle:   {25, 15, 16, 10},
		KnuckleMidshin: {20, 10, 13, 7},
		BelowMidshin:   {10, 5, 7, 3},
	}
	for z, w := range want {
		got := [4]float64{Guideline(z, Men, false), Guideline(z, Men, true), Guideline(z, Women, false), Guideline(z, Women, true)}
		if got != w {
			t.Errorf("%s: %v, want %v", z, got, w)
		}
	}
	if Guideline("knee", Men, false) != 0 || Guideline(ElbowKnuckle, "other", false) != 0 {
		t.Error("unknown zone or sex should give 0")
	}
	if len(Zones) != 5 {
		t.Errorf("%d zones", len(Zones))
	}
}

func TestFrequencyReduction(t *testing.T) {
	tests := []struct{ f, want float64 }{
		{0, 0}, {0.2, 0}, {0.5, 0}, // up to about 30 an hour
		{0.51, 0.3}, {1, 0.3}, {2, 0.3}, // once or twice a minute
		{2.01, 0.5}, {3, 0.5}, {5, 0.5}, {8, 0.5}, // five to eight, and the gap before it
		{8.01, 0.8}, {12, 0.8}, {13, 0.8}, {30, 0.8}, // above twelve, and the gap before it
	}
	for _, tt := range tests {
		if got := FrequencyReduction(tt.f); got != tt.want {
			t.Errorf("FrequencyReduction(%v) = %v, want %v", tt.f, got, tt.want)
		}
	}
}

func TestTwistReduction(t *testing.T) {
	tests := []struct{ a, want float64 }{{0, 0}, {44.9, 0}, {45, 0.1}, {60, 0.1}, {89.9, 0.1}, {90, 0.2}, {135, 0.2}}
	for _, tt := range tests {
		if got := TwistReduction(tt.a); got != tt.want {
			t.Errorf("TwistReduction(%v) = %v, want %v", tt.a, got, tt.want)
		}
	}
}

func TestFilter(t *testing.T) {
	tests := []struct {
		in         FilterInput
		base, post float64
		within     bool
		reductions int
	}{
		{FilterInput{Zone: ElbowKnuckle, Sex: Men, LoadKg: 25}, 25, 25, true, 0},
		{FilterInput{Zone: ElbowKnuckle, Sex: Men, LoadKg: 25.1}, 25, 25, false, 0},
		{FilterInput{Zone: ElbowKnuckle, Sex: Women, Extended: true, LoadKg: 5, LiftsPerMin: 1}, 10, 7, true, 1},
		{FilterInput{Zone: KnuckleMidshin, Sex: Men, LoadKg: 10, LiftsPerMin: 6}, 20, 10, true, 1},
		{FilterInput{Zone: KnuckleMidshin, Sex: Men, LoadKg: 10, LiftsPerMin: 15}, 20, 4, false, 1},
		{FilterInput{Zone: ShoulderElbow, Sex: Men, LoadKg: 10, TwistDeg: 60}, 20, 18, true, 1},
		{FilterInput{Zone: ShoulderElbow, Sex: Women, LoadKg: 10.5, TwistDeg: 90}, 13, 10.4, false, 1},
		// 30% for frequency and 10% for twisting multiply: 25 × 0.7 × 0.9.
		{FilterInput{Zone: ElbowKnuckle, Sex: Men, LoadKg: 15, LiftsPerMin: 2, TwistDeg: 45}, 25, 15.75, true, 2},
	}
	for _, tt := range tests {
		r, err := Filter(tt.in)
		if err != nil {
			t.Fatalf("%+v: %v", tt.in, err)
		}
		if r.BaseKg != tt.base || !near(r.AfterKg, tt.post, 1e-12) || r.WithinFilter != tt.within || len(r.Reductions) != tt.reductions {
			t.Errorf("Filter(%+v) = %+v, want base %v after %v within %v, %d reductions", tt.in, r, tt.base, tt.post, tt.within, tt.reductions)
		}
	}
	r, _ := Filter(FilterInput{Zone: ElbowKnuckle, Sex: Men, LiftsPerMin: 1.5, TwistDeg: 100})
	all := strings.Join(r.Reductions, "\n")
	for _, want := range []string{"30% less for 1.5 lifts a minute", "20% less for a 100° twist"} {
		if !strings.Contains(all, want) {
			t.Errorf("reductions %q lack %q", r.Reductions, want)
		}
	}
}

func TestFilterErrors(t *testing.T) {
	tests := []struct {
		field string
		in    FilterInput
	}{
		{"zone", FilterInput{Zone: "head", Sex: Men}},
		{"sex", FilterInput{Zone: ElbowKnuckle, Sex: "x"}},
		{"load", FilterInput{Zone: ElbowKnuckle, Sex: Men, LoadKg: -1}},
		{"freq", FilterInput{Zone: ElbowKnuckle, Sex: Men, LiftsPerMin: -1}},
		{"a", FilterInput{Zone: ElbowKnuckle, Sex: Men, TwistDeg: -1}},
	}
	for _, tt := range tests {
		_, err := Filter(tt.in)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("want FieldError for %s, got %v", tt.field, err)
		}
	}
}

func TestZones(t *testing.T) {
	at := []struct {
		v    float64
		want Zone
	}{{0, BelowMidshin}, {27.9, BelowMidshin}, {28, KnuckleMidshin}, {74.9, KnuckleMidshin}, {75, ElbowKnuckle},
		{106, ElbowKnuckle}, {107, ShoulderElbow}, {139, AboveShoulder}, {200, AboveShoulder}}
	for _, tt := range at {
		if got := ZoneAt(tt.v); got != tt.want {
			t.Errorf("ZoneAt(%v) = %s, want %s", tt.v, got, tt.want)
		}
	}
	got := ZonesBetween(30, 110)
	want := []Zone{ShoulderElbow, ElbowKnuckle, KnuckleMidshin}
	if strings.Join(zs(got), ",") != strings.Join(zs(want), ",") {
		t.Errorf("ZonesBetween(30, 110) = %v, want %v", got, want)
	}
	if g := ZonesBetween(110, 30); strings.Join(zs(g), ",") != strings.Join(zs(want), ",") {
		t.Errorf("order of arguments matters: %v", g)
	}
	if g := ZonesBetween(80, 90); len(g) != 1 || g[0] != ElbowKnuckle {
		t.Errorf("ZonesBetween(80, 90) = %v", g)
	}
	// Passing through several zones: the smallest guideline wins.
	if z := LimitingZone([]Zone{ShoulderElbow, ElbowKnuckle, KnuckleMidshin}, Women, false); z != ShoulderElbow {
		t.Errorf("LimitingZone = %s, want shoulder-elbow (13 kg, first of the ties)", z)
	}
	if z := LimitingZone([]Zone{ElbowKnuckle, BelowMidshin}, Men, true); z != BelowMidshin {
		t.Errorf("LimitingZone = %s, want below-midshin", z)
	}
	if Extended(43.9) || !Extended(44) {
		t.Error("Extended threshold")
	}
	for _, z := range Zones {
		if p, err := ParseZone(strings.ToUpper(string(z))); err != nil || p != z {
			t.Errorf("ParseZone(%s) = %s, %v", z, p, err)
		}
		if z.Words() == string(z) {
			t.Errorf("no words for %s", z)
		}
	}
	if s, err := ParseSex(" Women "); err != nil || s != Women {
		t.Errorf("ParseSex = %s, %v", s, err)
	}
}

func zs(z []Zone) []string {
	out := make([]string, len(z))
	for i := range z {
		out[i] = string(z[i])
	}
	return out
}
