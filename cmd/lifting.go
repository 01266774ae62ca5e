package cmd

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/lifting"
	"github.com/limberapp/limber/msg"
)

func init() {
	rootCmd.AddCommand(newLiftingCmd())
}

// liftingSources are cited under every result.
var liftingSources = []string{
	"NIOSH Applications Manual for the Revised NIOSH Lifting Equation, Pub. 94-110 (revised 9/2021)",
	"HSE, Manual handling at work: a brief guide (INDG143), lifting and lowering risk filter",
}

// newLiftingCmd builds `limber lifting` and its subcommands. Each call makes
// fresh flag storage, so tests can run it repeatedly.
func newLiftingCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "lifting",
		Short: "Check a planned lift with the NIOSH lifting equation and the HSE filter",
		Args:  cobra.NoArgs,
	}
	c.AddCommand(newLiftingCalcCmd())
	return c
}

// liftingCalc holds the flags of `limber lifting calc`.
type liftingCalc struct {
	in       lifting.Input
	json     bool
	sex      string
	zone     string
	lowering bool
}

func newLiftingCalcCmd() *cobra.Command {
	o := &liftingCalc{}
	c := &cobra.Command{
		Use:   "calc --load KG --h CM --v CM --d CM --a DEG --freq LIFTS_PER_MIN --duration 1h|2h|8h --coupling good|fair|poor",
		Short: "Compute the recommended weight limit and lifting index of a lift",
		Long: `Compute the NIOSH Revised Lifting Equation for one two-handed lift:
the recommended weight limit (RWL), the lifting index (LI = load / RWL), each
multiplier, a plain reading (LI 1 or below: acceptable for most workers; above
1 to 3: increased risk; above 3: redesign the task), why any multiplier is 0 or
capped, and the single changes that would raise the RWL most.

Lengths are in cm and the load in kg; with --units us they are inches and
pounds. The HSE lifting and lowering risk filter is shown alongside, for the
hand zones the lift passes through (estimated from --v and --d for an adult
about 170 cm tall unless --zone is given).

This is guidance, not a diagnosis. The equation covers smooth, two-handed
lifts while standing.`,
		Example: `  limber lifting calc --load 15 --h 40 --v 30 --d 50 --a 30 --freq 1 --duration 2h --coupling fair
  limber lifting calc --load 33 --h 16 --v 12 --d 20 --a 0 --freq 0.2 --duration 8h --coupling good --units us --json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return &exitError{code: 2, err: fmt.Errorf("lifting calc takes flags only, not %q; see limber lifting calc --help", args[0])}
			}
			return nil
		},
		RunE: o.run,
	}
	f := c.Flags()
	f.StringVar(&o.in.Load, "load", "", "weight of the load: kg (lb with --units us)")
	f.StringVar(&o.in.H, "h", "", "horizontal distance of the hands from the midpoint between the ankles: cm (in)")
	f.StringVar(&o.in.V, "v", "", "height of the hands above the floor at the start: cm (in)")
	f.StringVar(&o.in.D, "d", "", "vertical travel of the hands: cm (in)")
	f.StringVar(&o.in.A, "a", "", "twist (asymmetry) angle: degrees, 0 for none")
	f.StringVar(&o.in.Freq, "freq", "", "lifts per minute, averaged over 15 minutes (below 0.2 counts as 0.2)")
	f.StringVar(&o.in.Duration, "duration", "", "work-duration band: 1h (up to 1 h), 2h (1 to 2 h) or 8h (2 to 8 h)")
	f.StringVar(&o.in.Coupling, "coupling", "", "grip: good (handles), fair or poor")
	f.StringVar(&o.in.Units, "units", "metric", "units of --load, --h, --v and --d: metric (kg, cm) or us (lb, in)")
	f.BoolVar(&o.json, "json", false, "print the result as JSON")
	f.StringVar(&o.sex, "sex", "", "HSE filter column: men or women (default: both)")
	f.StringVar(&o.zone, "zone", "", "HSE hand zone: above-shoulder, shoulder-elbow, elbow-knuckle, knuckle-midshin or below-midshin (default: estimated)")
	f.BoolVar(&o.lowering, "lowering", false, "the load moves down by --d (default: up)")
	c.SetFlagErrorFunc(liftingFlagError)
	return c
}

// liftingFlagError turns a flag-parsing error into a usage error (exit 2).
func liftingFlagError(_ *cobra.Command, err error) error {
	return &exitError{code: 2, err: fmt.Errorf("%w; see limber lifting calc --help", err)}
}

// liftingValueError reports a bad value of a flag, exit 2.
func liftingValueError(err error) error {
	var fe *lifting.FieldError
	if errors.As(err, &fe) {
		return &exitError{code: 2, err: fmt.Errorf("--%s", fe.Error())}
	}
	return &exitError{code: 2, err: err}
}

func (o *liftingCalc) run(cmd *cobra.Command, _ []string) error {
	units, err := lifting.ParseUnits(o.in.Units)
	if err != nil {
		return liftingValueError(err)
	}
	l, err := lifting.ParseInput(o.in)
	if err != nil {
		return liftingValueError(err)
	}
	l.Lowering = o.lowering
	res, err := lifting.Compute(l)
	if err != nil {
		return liftingValueError(err)
	}
	hse, err := o.filter(l)
	if err != nil {
		return liftingValueError(err)
	}
	out := liftingReport{units: units, lift: l, res: res, hse: hse}
	if units == lifting.US {
		out.extraNotes = lifting.USLimitNotesText(l)
	}
	if o.json {
		return out.writeJSON(cmd.OutOrStdout())
	}
	return out.writeText(cmd.OutOrStdout())
}

// hseReport is the HSE filter for the lift's limiting zone, per sex.
type hseReport struct {
	Zones     []lifting.Zone `json:"zones_passed"`
	Estimated bool           `json:"zone_estimated"`
	Extended  bool           `json:"extended"`
	Results   []hseSex       `json:"results"`
}

type hseSex struct {
	Sex          lifting.Sex  `json:"sex"`
	Zone         lifting.Zone `json:"zone"`
	BaseKg       float64      `json:"base_kg"`
	AfterKg      float64      `json:"after_kg"`
	Reductions   []string     `json:"reductions"`
	reductions   []msg.Text
	WithinFilter bool `json:"within_filter"`
}

// filter applies the HSE filter to the zones the hands pass through.
func (o *liftingCalc) filter(l lifting.Lift) (*hseReport, error) {
	sexes := []lifting.Sex{lifting.Men, lifting.Women}
	if strings.TrimSpace(o.sex) != "" {
		s, err := lifting.ParseSex(o.sex)
		if err != nil {
			return nil, err
		}
		sexes = []lifting.Sex{s}
	}
	rep := &hseReport{Extended: lifting.Extended(l.HCm)}
	if strings.TrimSpace(o.zone) != "" {
		z, err := lifting.ParseZone(o.zone)
		if err != nil {
			return nil, err
		}
		rep.Zones = []lifting.Zone{z}
	} else {
		end := l.VCm + l.DCm
		if o.lowering {
			end = math.Max(0, l.VCm-l.DCm)
		}
		rep.Zones = lifting.ZonesBetween(l.VCm, end)
		rep.Estimated = true
	}
	for _, s := range sexes {
		z := lifting.LimitingZone(rep.Zones, s, rep.Extended)
		fr, err := lifting.Filter(lifting.FilterInput{Zone: z, Sex: s, Extended: rep.Extended, LoadKg: l.LoadKg, LiftsPerMin: l.Freq, TwistDeg: l.ADeg})
		if err != nil {
			return nil, err
		}
		rep.Results = append(rep.Results, hseSex{Sex: s, Zone: z, BaseKg: fr.BaseKg, AfterKg: fr.AfterKg, Reductions: fr.Reductions, reductions: fr.ReductionTexts, WithinFilter: fr.WithinFilter})
	}
	return rep, nil
}

// liftingReport renders one calculation.
type liftingReport struct {
	units      lifting.Units
	lift       lifting.Lift // metric
	res        lifting.Result
	hse        *hseReport
	extraNotes []msg.Text
}

func (r liftingReport) notes() []msg.Text {
	return append(lifting.NotesText(r.lift, r.res, r.units), r.extraNotes...)
}

// liftRound rounds x to n decimals.
func liftRound(x float64, n int) float64 {
	p := math.Pow(10, float64(n))
	// The nudge makes decimal halves such as 0.865 round up, as in the
	// published tables, despite their binary representation.
	return math.Round(x*p+1e-9) / p
}

type liftingJSON struct {
	Units       string             `json:"units"`
	Input       map[string]any     `json:"input"`
	RWLKg       float64            `json:"rwl_kg"`
	RWLLb       *float64           `json:"rwl_lb,omitempty"`
	LI          *float64           `json:"li"` // null when the RWL is 0
	Unbounded   bool               `json:"li_unbounded"`
	Reading     string             `json:"reading"`
	ReadingText string             `json:"reading_text"`
	Multipliers map[string]float64 `json:"multipliers"`
	Notes       []string           `json:"notes"`
	Advice      []adviceJSON       `json:"advice"`
	HSE         *hseReport         `json:"hse,omitempty"`
	Sources     []string           `json:"sources"`
}

type adviceJSON struct {
	Change    string  `json:"change"`
	Factor    string  `json:"factor"`
	RWLGainKg float64 `json:"rwl_gain_kg"`
}

func (r liftingReport) writeJSON(w io.Writer) error {
	u := lifting.FromMetric(r.lift, r.units)
	j := liftingJSON{
		Units: string(r.units),
		Input: map[string]any{
			"load": liftRound(u.LoadKg, 3), "h": liftRound(u.HCm, 3), "v": liftRound(u.VCm, 3), "d": liftRound(u.DCm, 3),
			"a": u.ADeg, "freq": u.Freq, "duration": u.Duration, "coupling": u.Coupling,
		},
		RWLKg:       liftRound(r.res.RWLKg, 3),
		Unbounded:   r.res.Unbounded,
		Reading:     r.res.Reading,
		ReadingText: r.res.ReadingText(),
		Multipliers: map[string]float64{
			"hm": liftRound(r.res.HM, 4), "vm": liftRound(r.res.VM, 4), "dm": liftRound(r.res.DM, 4),
			"am": liftRound(r.res.AM, 4), "fm": liftRound(r.res.FM, 4), "cm": liftRound(r.res.CM, 4),
		},
		Notes:   msg.Englishes(r.notes()),
		Advice:  []adviceJSON{},
		HSE:     r.hse,
		Sources: liftingSources,
	}
	if j.Notes == nil {
		j.Notes = []string{}
	}
	if !r.res.Unbounded {
		li := liftRound(r.res.LI, 3)
		j.LI = &li
	}
	if r.units == lifting.US {
		lb := liftRound(lifting.KgTo(r.res.RWLKg, lifting.US), 3)
		j.RWLLb = &lb
	}
	for _, a := range r.res.Advice {
		j.Advice = append(j.Advice, adviceJSON{Change: a.Describe(r.units), Factor: string(a.Factor), RWLGainKg: liftRound(a.RWLGainKg, 3)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(j)
}

// weight formats kg in the report's units (and kg too for US).
func (r liftingReport) weight(kg float64) string {
	if r.units == lifting.US {
		return liftNum(lifting.KgTo(kg, lifting.US)) + " lb (" + liftNum(kg) + " kg)"
	}
	return liftNum(kg) + " kg"
}

// liftNum formats x with at most two decimals.
func liftNum(x float64) string { return i18n.Point(strconv.FormatFloat(liftRound(x, 2), 'f', -1, 64)) }

// liftMult writes a multiplier with two decimals, the language's way.
func liftMult(x float64) string { return i18n.Decimal(liftRound(x, 2), 2) }

func (r liftingReport) length(cm float64) string {
	return liftNum(lifting.CmTo(cm, r.units)) + " " + r.units.LengthUnit()
}

func (r liftingReport) writeText(w io.Writer) error {
	l, res := r.lift, r.res
	fmt.Fprintln(w, i18n.L("cli.lifting.title"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  "+i18n.L("cli.lifting.columns"))
	fmt.Fprintf(tw, "  %s\t%s\tHM %s\n", i18n.L("cli.lifting.h"), r.length(l.HCm), liftMult(res.HM))
	fmt.Fprintf(tw, "  %s\t%s\tVM %s\n", i18n.L("cli.lifting.v"), r.length(l.VCm), liftMult(res.VM))
	fmt.Fprintf(tw, "  %s\t%s\tDM %s\n", i18n.L("cli.lifting.d"), r.length(l.DCm), liftMult(res.DM))
	fmt.Fprintf(tw, "  %s\t%s°\tAM %s\n", i18n.L("cli.lifting.a"), liftNum(l.ADeg), liftMult(res.AM))
	fmt.Fprintf(tw, "  %s\t%s\tFM %s\n", i18n.L("cli.lifting.f"), i18n.L("cli.lifting.f.value", i18n.Args{"Freq": liftNum(l.Freq), "Duration": i18n.Msg(l.Duration.WordsText())}), liftMult(res.FM))
	fmt.Fprintf(tw, "  %s\t%s\tCM %s\n", i18n.L("cli.lifting.c"), l.Coupling, liftMult(res.CM))
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\n"+i18n.L("cli.lifting.load_rwl", i18n.Args{"Load": r.weight(l.LoadKg), "RWL": r.weight(res.RWLKg)}))
	if res.Unbounded {
		fmt.Fprintln(w, i18n.L("cli.lifting.li.none"))
	} else {
		fmt.Fprintln(w, i18n.L("cli.lifting.li", i18n.Args{"LI": i18n.Decimal(res.LI, 2)}))
	}
	fmt.Fprintln(w, i18n.L("cli.lifting.reading", i18n.Args{"Reading": i18n.Msg(res.ReadingMsg())}))
	if ns := i18n.Msgs(r.notes()); len(ns) > 0 {
		fmt.Fprintln(w, "\n"+i18n.L("cli.lifting.notes"))
		for _, n := range ns {
			fmt.Fprintf(w, "  - %s\n", n)
		}
	}
	if len(res.Advice) > 0 {
		fmt.Fprintln(w, "\n"+i18n.L("cli.lifting.advice"))
		for _, a := range res.Advice {
			fmt.Fprintf(w, "  - %s: RWL +%s\n", i18n.Msg(a.DescribeText(r.units)), r.weight(a.RWLGainKg))
		}
	}
	if r.hse != nil {
		r.writeHSE(w)
	}
	fmt.Fprintln(w, "\n"+i18n.L("cli.lifting.guidance"))
	fmt.Fprintln(w, i18n.L("recovery.sources"))
	for _, s := range liftingSources {
		fmt.Fprintf(w, "  - %s\n", s)
	}
	return nil
}

func (r liftingReport) writeHSE(w io.Writer) {
	h := r.hse
	reach := i18n.L("cli.lifting.hse.close")
	if h.Extended {
		reach = i18n.L("cli.lifting.hse.extended")
	}
	fmt.Fprintln(w, "\n"+i18n.L("cli.lifting.hse", i18n.Args{"Reach": reach}))
	for _, s := range h.Results {
		verdict := i18n.L("cli.lifting.hse.within")
		if !s.WithinFilter {
			verdict = i18n.L("cli.lifting.hse.over")
		}
		sex := string(s.Sex)
		if i18n.Has("cli.lifting.sex." + sex) {
			sex = i18n.L("cli.lifting.sex." + sex)
		}
		fmt.Fprintf(w, "  %-6s %s\n", sex, i18n.L("cli.lifting.hse.row", i18n.Args{"Zone": i18n.Msg(s.Zone.WordsText()), "Base": r.weight(s.BaseKg), "After": r.weight(s.AfterKg), "Verdict": verdict}))
	}
	if len(h.Results) > 0 {
		for _, red := range i18n.Msgs(h.Results[0].reductions) {
			fmt.Fprintf(w, "  - %s\n", red)
		}
	}
	if h.Estimated {
		names := make([]string, len(h.Zones))
		for i, z := range h.Zones {
			names[i] = string(z)
		}
		fmt.Fprintln(w, "  "+i18n.L("cli.lifting.hse.estimated", i18n.Args{"Zones": strings.Join(names, ", ")}))
	}
	fmt.Fprintln(w, "  "+i18n.L("cli.lifting.hse.screen"))
}
