package lifting

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestHM(t *testing.T) {
	exact := []struct{ h, want float64 }{
		{0, 1}, {10, 1}, {24.9, 1}, {25, 1}, // closer than 25 cm is capped at 1
		{50, 0.5}, {40, 0.625}, {62.5, 0.4}, {63, 25.0 / 63},
		{63.01, 0}, {70, 0}, {1000, 0}, // beyond 63 cm
	}
	for _, tt := range exact {
		if got := HM(tt.h); !near(got, tt.want, 1e-12) {
			t.Errorf("HM(%v) = %v, want %v", tt.h, got, tt.want)
		}
	}
	// The manual's metric HM table, two decimals.
	table := map[float64]float64{25: 1.00, 28: .89, 30: .83, 32: .78, 34: .74, 36: .69, 38: .66, 40: .63,
		42: .60, 44: .57, 46: .54, 48: .52, 50: .50, 52: .48, 54: .46, 56: .45, 58: .43, 60: .42, 63: .40}
	for h, want := range table {
		if got := HM(h); !near(got, want, 0.005+1e-9) {
			t.Errorf("HM(%v) = %.4f, table %v", h, got, want)
		}
	}
}

func TestVM(t *testing.T) {
	exact := []struct{ v, want float64 }{
		{75, 1}, {0, 0.775}, {30, 0.865}, {125, 0.85}, {175, 0.7},
		{175.01, 0}, {200, 0},
	}
	for _, tt := range exact {
		if got := VM(tt.v); !near(got, tt.want, 1e-12) {
			t.Errorf("VM(%v) = %v, want %v", tt.v, got, tt.want)
		}
	}
	table := map[float64]float64{0: .78, 10: .81, 20: .84, 30: .87, 40: .90, 50: .93, 60: .96, 70: .99,
		80: .99, 90: .96, 100: .93, 110: .90, 120: .87, 130: .84, 140: .81, 150: .78, 160: .75, 170: .72, 175: .70}
	for v, want := range table {
		if got := VM(v); !near(got, want, 0.005+1e-9) {
			t.Errorf("VM(%v) = %.4f, table %v", v, got, want)
		}
	}
}

func TestDM(t *testing.T) {
	exact := []struct{ d, want float64 }{
		{0, 1}, {10, 1}, {25, 1}, {50, 0.91}, {90, 0.87}, {150, 0.85}, {175, 0.82 + 4.5/175},
		{175.01, 0}, {300, 0},
	}
	for _, tt := range exact {
		if got := DM(tt.d); !near(got, tt.want, 1e-12) {
			t.Errorf("DM(%v) = %v, want %v", tt.d, got, tt.want)
		}
	}
	table := map[float64]float64{25: 1.00, 40: .93, 55: .90, 70: .88, 85: .87, 100: .87, 115: .86,
		130: .85, 145: .85, 160: .85, 175: .85}
	for d, want := range table {
		if got := DM(d); !near(got, want, 0.005+1e-9) {
			t.Errorf("DM(%v) = %.4f, table %v", d, got, want)
		}
	}
}

func TestAM(t *testing.T) {
	exact := []struct{ a, want float64 }{
		{0, 1}, {30, 0.904}, {90, 0.712}, {135, 0.568}, {135.01, 0}, {180, 0},
	}
	for _, tt := range exact {
		if got := AM(tt.a); !near(got, tt.want, 1e-12) {
			t.Errorf("AM(%v) = %v, want %v", tt.a, got, tt.want)
		}
	}
	table := map[float64]float64{0: 1, 15: .95, 30: .90, 45: .86, 60: .81, 75: .76, 90: .71, 105: .66, 120: .62, 135: .57}
	for a, want := range table {
		if got := AM(a); !near(got, want, 0.005+1e-9) {
			t.Errorf("AM(%v) = %.4f, table %v", a, got, want)
		}
	}
}

func TestCMTable(t *testing.T) {
	tests := []struct {
		c    Coupling
		v    float64
		want float64
	}{
		{Good, 30, 1.00}, {Good, 75, 1.00}, {Good, 150, 1.00},
		{Fair, 0, 0.95}, {Fair, 74.9, 0.95}, {Fair, 75, 1.00}, {Fair, 150, 1.00},
		{Poor, 30, 0.90}, {Poor, 75, 0.90}, {Poor, 150, 0.90},
		{"excellent", 30, 0},
	}
	for _, tt := range tests {
		if got := CM(tt.c, tt.v); got != tt.want {
			t.Errorf("CM(%s, V %v) = %v, want %v", tt.c, tt.v, got, tt.want)
		}
	}
}

// Worked example, by hand:
// 15 kg, H 40 cm, V 30 cm, D 50 cm, A 30°, 1 lift/min for 1–2 h, fair grip.
//
//	HM = 25/40             = 0.625
//	VM = 1 − 0.003·|30−75| = 0.865
//	DM = 0.82 + 4.5/50     = 0.91
//	AM = 1 − 0.0032·30     = 0.904
//	FM (1/min, 1–2 h, V<75)= 0.88
//	CM (fair, V<75)        = 0.95
//	RWL = 23 × 0.625 × 0.865 × 0.91 × 0.904 × 0.88 × 0.95
//	    = 14.375 × 0.865 = 12.434375; × 0.91 = 11.31528125; × 0.904 = 10.22901425;
//	      × 0.88 = 9.00153254; × 0.95 = 8.551455913 kg
//	LI  = 15 / 8.551455913 = 1.754 → increased risk
//
// Bringing the load to H 25 makes HM 1: RWL = 8.551455913 / 0.625 = 13.68233 kg,
// a gain of 5.13087 kg, the largest single gain.
var worked = Lift{LoadKg: 15, HCm: 40, VCm: 30, DCm: 50, ADeg: 30, Freq: 1, Duration: Moderate, Coupling: Fair}

func TestComputeWorkedExample(t *testing.T) {
	r, err := Compute(worked)
	if err != nil {
		t.Fatal(err)
	}
	mults := []struct {
		name      string
		got, want float64
	}{{"HM", r.HM, 0.625}, {"VM", r.VM, 0.865}, {"DM", r.DM, 0.91}, {"AM", r.AM, 0.904}, {"FM", r.FM, 0.88}, {"CM", r.CM, 0.95}}
	for _, m := range mults {
		if !near(m.got, m.want, 1e-12) {
			t.Errorf("%s = %v, want %v", m.name, m.got, m.want)
		}
	}
	if !near(r.RWLKg, 8.551455913, 1e-8) {
		t.Errorf("RWL = %v, want 8.551455913", r.RWLKg)
	}
	if !near(r.LI, 1.754087275, 1e-8) {
		t.Errorf("LI = %v, want 1.754087275", r.LI)
	}
	if r.Reading != Increased || r.Unbounded {
		t.Errorf("reading %q unbounded %v, want increased", r.Reading, r.Unbounded)
	}
	if len(r.Notes) != 0 {
		t.Errorf("unexpected notes: %q", r.Notes)
	}
	if len(r.Advice) == 0 || r.Advice[0].Factor != FactorH || !near(r.Advice[0].RWLGainKg, 5.1308735478, 1e-8) {
		t.Fatalf("first advice = %+v, want H with gain 5.13087", r.Advice)
	}
	if !strings.Contains(r.Advice[0].Change, "bring the load 15 cm closer") {
		t.Errorf("advice text %q", r.Advice[0].Change)
	}
}

func TestComputeIdealLiftGivesLoadConstant(t *testing.T) {
	r, err := Compute(Lift{LoadKg: 23, HCm: 25, VCm: 75, DCm: 25, Freq: 0.2, Duration: Short, Coupling: Good})
	if err != nil {
		t.Fatal(err)
	}
	// LI = 1.0 is the nominal limit: acceptable; "increased" starts above 1.
	if r.RWLKg != 23 || r.LI != 1 || r.Reading != Acceptable {
		t.Errorf("RWL %v LI %v reading %s, want 23, 1, acceptable (nominal)", r.RWLKg, r.LI, r.Reading)
	}
	if len(r.Advice) != 0 {
		t.Errorf("ideal lift got advice %+v", r.Advice)
	}
}

func TestComputeReadings(t *testing.T) {
	base := Lift{HCm: 25, VCm: 75, DCm: 25, Freq: 0.2, Duration: Short, Coupling: Good} // RWL 23
	tests := []struct {
		load float64
		want string
	}{{0, Acceptable}, {22.9, Acceptable}, {23, Acceptable}, {23.1, Increased}, {69, Increased}, {69.1, High}}
	for _, tt := range tests {
		l := base
		l.LoadKg = tt.load
		r, err := Compute(l)
		if err != nil {
			t.Fatal(err)
		}
		if r.Reading != tt.want {
			t.Errorf("load %v: reading %s (LI %v), want %s", tt.load, r.Reading, r.LI, tt.want)
		}
		if r.ReadingText() == "" {
			t.Error("empty reading text")
		}
	}
}

func TestComputeZeroMultipliersExplainWhy(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Lift)
		note   string
	}{
		{"H", func(l *Lift) { l.HCm = 70 }, "H 70 cm is beyond the 63 cm limit: the lift is not acceptable at any weight"},
		{"V", func(l *Lift) { l.VCm = 180 }, "V 180 cm is above the 175 cm limit"},
		{"D", func(l *Lift) { l.DCm = 180 }, "D 180 cm is beyond the 175 cm limit"},
		{"A", func(l *Lift) { l.ADeg = 150 }, "A 150° is beyond the 135° limit"},
		{"F", func(l *Lift) { l.Freq = 10; l.Duration = Long }, "10 lifts/min is beyond the frequency table for 2 to 8 h of work with V below 75 cm"},
		{"F>15", func(l *Lift) { l.Freq = 20 }, "20 lifts/min is beyond the frequency table"},
	}
	for _, tt := range tests {
		l := worked
		tt.change(&l)
		r, err := Compute(l)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if r.RWLKg != 0 || !r.Unbounded || r.LI != 0 || r.Reading != High {
			t.Errorf("%s: RWL %v unbounded %v LI %v reading %s", tt.name, r.RWLKg, r.Unbounded, r.LI, r.Reading)
		}
		if !strings.Contains(strings.Join(r.Notes, "\n"), tt.note) {
			t.Errorf("%s: notes %q lack %q", tt.name, r.Notes, tt.note)
		}
		if !strings.Contains(r.ReadingText(), "any weight") {
			t.Errorf("%s: reading text %q", tt.name, r.ReadingText())
		}
	}
}

func TestComputeCapNotes(t *testing.T) {
	l := worked
	l.HCm, l.DCm, l.Freq = 20, 10, 0.1
	r, err := Compute(l)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(r.Notes, "\n")
	for _, want := range []string{"HM is capped at 1", "DM is capped at 1", "0.2 lifts/min is used"} {
		if !strings.Contains(all, want) {
			t.Errorf("notes %q lack %q", r.Notes, want)
		}
	}
	l = worked
	l.Freq = 2.5
	r, _ = Compute(l)
	if !strings.Contains(strings.Join(r.Notes, "\n"), "between the table rows 2 and 3") {
		t.Errorf("interpolation note missing: %q", r.Notes)
	}
}

func TestComputeRejectsInvalidInput(t *testing.T) {
	tests := []struct {
		field  string
		change func(*Lift)
	}{
		{"load", func(l *Lift) { l.LoadKg = -1 }},
		{"load", func(l *Lift) { l.LoadKg = math.NaN() }},
		{"h", func(l *Lift) { l.HCm = math.Inf(1) }},
		{"v", func(l *Lift) { l.VCm = -5 }},
		{"d", func(l *Lift) { l.DCm = math.NaN() }},
		{"a", func(l *Lift) { l.ADeg = -10 }},
		{"freq", func(l *Lift) { l.Freq = -0.5 }},
		{"freq", func(l *Lift) { l.Freq = 2e6 }},
		{"duration", func(l *Lift) { l.Duration = "4h" }},
		{"coupling", func(l *Lift) { l.Coupling = "" }},
	}
	for _, tt := range tests {
		l := worked
		tt.change(&l)
		_, err := Compute(l)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("want a FieldError for %s, got %v", tt.field, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), tt.field+": expected ") {
			t.Errorf("message %q should name %s and what was expected", err, tt.field)
		}
	}
}

func TestNotesInUSUnits(t *testing.T) {
	l := ToMetric(Lift{LoadKg: 20, HCm: 30, VCm: 72, DCm: 8, ADeg: 0, Freq: 1, Duration: Short, Coupling: Good}, US)
	r, err := Compute(l)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(Notes(l, r, US), "\n")
	for _, want := range []string{"H 30 in (76.2 cm) is beyond the 63 cm limit", "V 72 in (182.9 cm) is above the 175 cm limit", "D 8 in (20.3 cm) is shorter than 25 cm"} {
		if !strings.Contains(all, want) {
			t.Errorf("US notes %q lack %q", all, want)
		}
	}
	if got := strings.Join(Notes(l, r, Metric), "\n"); got != strings.Join(r.Notes, "\n") {
		t.Errorf("Compute notes %q differ from Notes(Metric) %q", r.Notes, got)
	}
}
