package cmd

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/limberapp/limber/i18n"
)

// runLiftingCalc runs `lifting calc args…` on a fresh command tree.
func runLiftingCalc(t *testing.T, args ...string) (string, error) {
	t.Helper()
	c := newLiftingCmd()
	c.SilenceUsage, c.SilenceErrors = true, true
	var out bytes.Buffer
	c.SetOut(&out)
	c.SetErr(&out)
	c.SetArgs(append([]string{"calc"}, args...))
	err := c.Execute()
	return out.String(), err
}

// The worked example of lifting/niosh_test.go: RWL 8.551455913 kg, LI 1.754.
var liftingWorkedArgs = []string{"--load", "15", "--h", "40", "--v", "30", "--d", "50", "--a", "30",
	"--freq", "1", "--duration", "2h", "--coupling", "fair"}

type liftingOut struct {
	Units       string             `json:"units"`
	RWLKg       float64            `json:"rwl_kg"`
	RWLLb       *float64           `json:"rwl_lb"`
	LI          *float64           `json:"li"`
	Unbounded   bool               `json:"li_unbounded"`
	Reading     string             `json:"reading"`
	Multipliers map[string]float64 `json:"multipliers"`
	Notes       []string           `json:"notes"`
	Advice      []struct {
		Change    string  `json:"change"`
		RWLGainKg float64 `json:"rwl_gain_kg"`
	} `json:"advice"`
	HSE *struct {
		Zones     []string `json:"zones_passed"`
		Estimated bool     `json:"zone_estimated"`
		Extended  bool     `json:"extended"`
		Results   []struct {
			Sex          string   `json:"sex"`
			Zone         string   `json:"zone"`
			BaseKg       float64  `json:"base_kg"`
			AfterKg      float64  `json:"after_kg"`
			Reductions   []string `json:"reductions"`
			WithinFilter bool     `json:"within_filter"`
		} `json:"results"`
	} `json:"hse"`
	Sources []string `json:"sources"`
}

func decodeLifting(t *testing.T, s string) liftingOut {
	t.Helper()
	var o liftingOut
	if err := json.Unmarshal([]byte(s), &o); err != nil {
		t.Fatalf("bad JSON %v:\n%s", err, s)
	}
	return o
}

func TestLiftingCalcJSON(t *testing.T) {
	s, err := runLiftingCalc(t, append(liftingWorkedArgs, "--json")...)
	if err != nil {
		t.Fatal(err)
	}
	o := decodeLifting(t, s)
	if o.RWLKg != 8.551 || o.LI == nil || *o.LI != 1.754 || o.Unbounded || o.Reading != "increased" || o.Units != "metric" {
		t.Errorf("rwl %v li %v reading %q units %q", o.RWLKg, o.LI, o.Reading, o.Units)
	}
	want := map[string]float64{"hm": 0.625, "vm": 0.865, "dm": 0.91, "am": 0.904, "fm": 0.88, "cm": 0.95}
	for k, v := range want {
		if got, ok := o.Multipliers[k]; !ok || got != v {
			t.Errorf("multiplier %s = %v, want %v", k, got, v)
		}
	}
	if o.Notes == nil || len(o.Notes) != 0 {
		t.Errorf("notes %q, want an empty list", o.Notes)
	}
	if len(o.Advice) == 0 || !strings.Contains(o.Advice[0].Change, "bring the load 15 cm closer") || o.Advice[0].RWLGainKg != 5.131 {
		t.Errorf("advice %+v", o.Advice)
	}
	for i := 1; i < len(o.Advice); i++ {
		if o.Advice[i].RWLGainKg > o.Advice[i-1].RWLGainKg {
			t.Errorf("advice not sorted by gain: %+v", o.Advice)
		}
	}
	if o.RWLLb != nil {
		t.Error("rwl_lb given in metric mode")
	}
	// V 30 → 80 cm passes knuckle-midshin and elbow-knuckle; the smaller guideline
	// (men 20 kg, women 13 kg, close) less 30% for 1 lift a minute.
	h := o.HSE
	if h == nil || !h.Estimated || h.Extended || strings.Join(h.Zones, ",") != "elbow-knuckle,knuckle-midshin" || len(h.Results) != 2 {
		t.Fatalf("hse %+v", h)
	}
	men, women := h.Results[0], h.Results[1]
	if men.Sex != "men" || men.Zone != "knuckle-midshin" || men.BaseKg != 20 || math.Abs(men.AfterKg-14) > 1e-9 || men.WithinFilter || len(men.Reductions) != 1 {
		t.Errorf("men %+v", men)
	}
	if women.Sex != "women" || women.BaseKg != 13 || math.Abs(women.AfterKg-9.1) > 1e-9 || women.WithinFilter {
		t.Errorf("women %+v", women)
	}
	if len(o.Sources) < 2 {
		t.Errorf("sources %q", o.Sources)
	}
}

func TestLiftingCalcUSUnits(t *testing.T) {
	// 10 in = 25.4 cm: HM 25/25.4; 30 in = 76.2 cm: VM 1 − 0.003·1.2 and fair CM 1;
	// 9 in = 22.86 cm: DM 1.
	s, err := runLiftingCalc(t, "--units", "us", "--load", "22.046", "--h", "10", "--v", "30", "--d", "9",
		"--a", "0", "--freq", "0.2", "--duration", "1h", "--coupling", "fair", "--json", "--sex", "women", "--zone", "elbow-knuckle")
	if err != nil {
		t.Fatal(err)
	}
	o := decodeLifting(t, s)
	if o.Units != "us" || o.Multipliers["hm"] != 0.9843 || o.Multipliers["vm"] != 0.9964 || o.Multipliers["cm"] != 1 || o.Multipliers["dm"] != 1 {
		t.Errorf("units %q multipliers %v", o.Units, o.Multipliers)
	}
	rwl := 23 * 25 / 25.4 * (1 - 0.003*1.2)
	if math.Abs(o.RWLKg-rwl) > 0.0005 || o.RWLLb == nil || math.Abs(*o.RWLLb-rwl/0.45359237) > 0.0005 {
		t.Errorf("rwl %v kg %v lb, want %v kg", o.RWLKg, o.RWLLb, rwl)
	}
	if o.HSE == nil || o.HSE.Estimated || len(o.HSE.Results) != 1 || o.HSE.Results[0].Sex != "women" || o.HSE.Results[0].BaseKg != 16 {
		t.Errorf("hse %+v", o.HSE)
	}
	// Text mode speaks inches and pounds.
	s, err = runLiftingCalc(t, "--units", "us", "--load", "22", "--h", "25", "--v", "30", "--d", "10",
		"--a", "0", "--freq", "0.2", "--duration", "1h", "--coupling", "good")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"25 in", " lb (", "within the US limit of 25 in but beyond the metric 63 cm limit",
		"H 25 in (63.5 cm) is beyond the 63 cm limit"} {
		if !strings.Contains(s, want) {
			t.Errorf("US text lacks %q:\n%s", want, s)
		}
	}
}

func TestLiftingCalcOutOfRangeExplains(t *testing.T) {
	args := append([]string{}, liftingWorkedArgs...)
	args[3] = "70" // --h
	s, err := runLiftingCalc(t, append(args, "--json")...)
	if err != nil {
		t.Fatal(err)
	}
	o := decodeLifting(t, s)
	if o.RWLKg != 0 || o.LI != nil || !o.Unbounded || o.Reading != "high" || o.Multipliers["hm"] != 0 {
		t.Errorf("rwl %v li %v unbounded %v reading %q", o.RWLKg, o.LI, o.Unbounded, o.Reading)
	}
	if !strings.Contains(strings.Join(o.Notes, "\n"), "H 70 cm is beyond the 63 cm limit: the lift is not acceptable at any weight") {
		t.Errorf("notes %q", o.Notes)
	}
	if !strings.Contains(s, `"li": null`) {
		t.Errorf("li should be null:\n%s", s)
	}
}

func TestLiftingCalcText(t *testing.T) {
	s, err := runLiftingCalc(t, liftingWorkedArgs...)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"HM 0.63", "VM 0.87", "FM 0.88", "CM 0.95", "8.55 kg", "Lifting index 1.75",
		"Reading: increased risk", "bring the load 15 cm closer (H 40 → 25 cm): RWL +5.13 kg",
		"HSE risk filter", "knuckle to mid-lower-leg height", "Guidance, not a diagnosis", "NIOSH Applications Manual"} {
		if !strings.Contains(s, want) {
			t.Errorf("text lacks %q:\n%s", want, s)
		}
	}
}

func TestLiftingCalcBadInput(t *testing.T) {
	with := func(flag, value string) []string {
		args := append([]string{}, liftingWorkedArgs...)
		for i := 0; i < len(args); i += 2 {
			if args[i] == flag {
				args[i+1] = value
				return args
			}
		}
		return append(args, flag, value)
	}
	without := func(flag string) []string {
		var args []string
		for i := 0; i < len(liftingWorkedArgs); i += 2 {
			if liftingWorkedArgs[i] != flag {
				args = append(args, liftingWorkedArgs[i], liftingWorkedArgs[i+1])
			}
		}
		return args
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"non-number", with("--load", "heavy"), `--load: expected the load's weight in kg, a number 0 or more, got "heavy"`},
		{"negative load", with("--load", "-5"), `--load: expected`},
		{"negative in lb", append(with("--load", "-5"), "--units", "us"), `--load: expected the load's weight in lb`},
		{"NaN", with("--h", "NaN"), `--h: expected the horizontal distance of the hands in cm`},
		{"missing h", without("--h"), `--h: expected the horizontal distance of the hands in cm, a number 0 or more; it is missing`},
		{"missing freq", without("--freq"), `--freq: expected lifts per minute`},
		{"band", with("--duration", "3h"), `--duration: expected a work-duration band: 1h (up to 1 h), 2h (1 to 2 h) or 8h (2 to 8 h), got "3h"`},
		{"coupling", with("--coupling", "great"), `--coupling: expected a grip quality: good, fair or poor, got "great"`},
		{"units", with("--units", "imperial"), `--units: expected metric or us, got "imperial"`},
		{"sex", with("--sex", "x"), `--sex: expected men or women`},
		{"zone", with("--zone", "head"), `--zone: expected one of above-shoulder`},
		{"unknown flag", with("--weight", "3"), `unknown flag: --weight`},
		{"bad bool", append(liftingWorkedArgs, "--json=maybe"), `--json`},
		{"positional", append(liftingWorkedArgs, "extra"), `takes flags only`},
	}
	for _, tt := range tests {
		_, err := runLiftingCalc(t, tt.args...)
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != 2 {
			t.Errorf("%s: want exit 2, got %v", tt.name, err)
			continue
		}
		if exitCode(err) != 2 {
			t.Errorf("%s: exitCode %d", tt.name, exitCode(err))
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: message %q, want %q", tt.name, err, tt.want)
		}
	}
}

func TestLiftingCalcRegisteredAndHelp(t *testing.T) {
	c, _, err := rootCmd.Find([]string{"lifting", "calc"})
	if err != nil || c.Name() != "calc" || c.Parent().Name() != "lifting" {
		t.Fatalf("limber lifting calc not registered: %v %v", c, err)
	}
	s, err := runLiftingCalc(t, "--help")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"--load string", "kg (lb with --units us)", "--h string", "cm (in)", "--a string", "degrees",
		"--freq string", "lifts per minute", "--duration string", "1h (up to 1 h), 2h (1 to 2 h) or 8h (2 to 8 h)",
		"--coupling string", "good (handles), fair or poor", "--units string", "--json", "not a diagnosis"} {
		if !strings.Contains(s, want) {
			t.Errorf("help lacks %q:\n%s", want, s)
		}
	}
}

func TestLiftingCalcLoweringZones(t *testing.T) {
	s, err := runLiftingCalc(t, "--load", "5", "--h", "50", "--v", "100", "--d", "80", "--a", "0", "--freq", "0.1",
		"--duration", "1h", "--coupling", "good", "--lowering", "--sex", "men", "--json")
	if err != nil {
		t.Fatal(err)
	}
	h := decodeLifting(t, s).HSE
	// 100 cm down to 20 cm, arms extended (H 50): the smallest guideline is below mid-lower-leg, 5 kg.
	if h == nil || strings.Join(h.Zones, ",") != "elbow-knuckle,knuckle-midshin,below-midshin" || !h.Extended ||
		len(h.Results) != 1 || h.Results[0].Zone != "below-midshin" || h.Results[0].BaseKg != 5 || !h.Results[0].WithinFilter {
		t.Errorf("hse %+v", h)
	}
}

// TestLiftingCalcTextGerman: in German (a test catalog) the report writes
// decimal commas, and the German messages it has.
func TestLiftingCalcTextGerman(t *testing.T) {
	defer i18n.WithLanguage("de", map[string]string{"cli.lifting.li": "Hebeindex {{.LI}}"})()
	s, err := runLiftingCalc(t, liftingWorkedArgs...)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"HM 0,63", "CM 0,95", "8,55 kg", "Hebeindex 1,75", "RWL +5,13 kg"} {
		if !strings.Contains(s, want) {
			t.Errorf("text lacks %q:\n%s", want, s)
		}
	}
}
