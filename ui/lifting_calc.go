package ui

import (
	"errors"
	"image/color"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/lifting"
)

// Choices of the calculator's selects, in the order shown.
var (
	unitChoices     = []string{"Metric", "US"}
	unitValues      = []lifting.Units{lifting.Metric, lifting.US}
	durationChoices = []string{"Up to 1 h", "1 to 2 h", "2 to 8 h"}
	durationValues  = []lifting.DurationBand{lifting.Short, lifting.Moderate, lifting.Long}
	couplingChoices = []string{"Good", "Fair", "Poor"}
	couplingValues  = []lifting.Coupling{lifting.Good, lifting.Fair, lifting.Poor}
	zoneEstimated   = "Estimated from V and D"
)

// localizeLiftChoices puts the selects' choices and the zone names into
// the current language; build calls it, after the view chose its language.
func localizeLiftChoices() {
	unitChoices = []string{i18n.L("lifting.units.metric"), i18n.L("lifting.units.us")}
	durationChoices = []string{i18n.L("lifting.duration.short"), i18n.L("lifting.duration.moderate"), i18n.L("lifting.duration.long")}
	couplingChoices = []string{i18n.L("lifting.coupling.good"), i18n.L("lifting.coupling.fair"), i18n.L("lifting.coupling.poor")}
	zoneEstimated = i18n.L("lifting.zone.estimated")
	for i := range zoneNames {
		zoneNames[i] = i18n.L("lifting.zone." + strconv.Itoa(i+1))
	}
}

// calcExample is the lift the calculator opens with: NIOSH's equation
// worked by hand for a 15 kg box (RWL 8.55 kg, LI 1.75).
var calcExample = lifting.Input{Load: "15", H: "40", V: "30", D: "50", A: "30", Freq: "1", Duration: "2h", Coupling: "fair"}

// liftField is one numeric input with its unit and its error line.
type liftField struct {
	key   string // lifting.FieldError.Field
	entry *widget.Entry
	unit  *widget.Label
	err   *widget.Label
}

// LiftCalc is the lifting calculator: the NIOSH Revised Lifting Equation
// and, alongside, the HSE risk filter, recomputed on every change.
type LiftCalc struct {
	units    lifting.Units
	updating bool

	fields   map[string]*liftField
	order    []string
	unitsIn  *widget.RadioGroup
	duration *widget.Select
	coupling *widget.Select
	zone     *widget.Select
	lowering *widget.Check

	status     *widget.Label
	results    *fyne.Container
	rwl        *widget.Label
	li         *widget.Label
	badge      *canvas.Rectangle
	badgeText  *canvas.Text
	reading    *widget.Label
	mults      map[string]*widget.Label
	multNames  map[string]*widget.Label
	notesHead  *widget.Label
	notes      *widget.Label
	adviceHead *widget.Label
	advice     *widget.Label

	diagram   *ZoneDiagram
	hseBox    *fyne.Container
	hseZones  *widget.Label
	hseBase   *widget.Label
	hseReduce *widget.Label
	hseAfter  *widget.Label

	// Last computed values (for tests and the summary).
	lift   lifting.Lift
	result lifting.Result
	valid  bool

	content fyne.CanvasObject
}

// NewLiftCalc builds the calculator in units u, filled with the example.
func NewLiftCalc(u lifting.Units) *LiftCalc {
	if u != lifting.US {
		u = lifting.Metric
	}
	c := &LiftCalc{units: u, fields: map[string]*liftField{}, updating: true}
	c.build()
	in := calcExample
	if u == lifting.US {
		in = convertInput(in, lifting.Metric, lifting.US)
	}
	c.SetInput(in)
	c.updating = false
	c.Recompute()
	return c
}

// Content is the calculator's layout, to place in a window.
func (c *LiftCalc) Content() fyne.CanvasObject { return c.content }

func (c *LiftCalc) build() {
	localizeLiftChoices()
	form := container.New(layout.NewFormLayout())
	add := func(key, label string) {
		f := &liftField{key: key, entry: widget.NewEntry(), unit: widget.NewLabel(""), err: widget.NewLabel("")}
		f.entry.OnChanged = c.onChanged
		f.err.Importance = widget.DangerImportance
		f.err.Wrapping = fyne.TextWrapWord
		f.err.Hide()
		c.fields[key] = f
		c.order = append(c.order, key)
		form.Add(widget.NewLabel(label))
		unit := container.New(layout.NewGridWrapLayout(fyne.NewSize(40, f.entry.MinSize().Height)), f.unit)
		form.Add(container.NewVBox(container.NewBorder(nil, nil, nil, unit, f.entry), f.err))
	}
	c.unitsIn = widget.NewRadioGroup(unitChoices, c.OnUnits)
	c.unitsIn.Horizontal = true
	c.unitsIn.Required = true
	form.Add(widget.NewLabel(i18n.L("lifting.units")))
	form.Add(c.unitsIn)
	add("load", i18n.L("lifting.field.load"))
	add("h", i18n.L("lifting.field.h"))
	add("v", i18n.L("lifting.field.v"))
	add("d", i18n.L("lifting.field.d"))
	add("a", i18n.L("lifting.field.a"))
	add("freq", i18n.L("lifting.field.freq"))
	c.duration = widget.NewSelect(durationChoices, c.onSelect)
	c.coupling = widget.NewSelect(couplingChoices, c.onSelect)
	c.zone = widget.NewSelect(append([]string{zoneEstimated}, zoneNames...), c.onSelect)
	c.zone.SetSelectedIndex(0)
	c.lowering = widget.NewCheck(i18n.L("lifting.lowering"), c.onCheck)
	form.Add(widget.NewLabel(i18n.L("lifting.field.duration")))
	form.Add(c.duration)
	form.Add(widget.NewLabel(i18n.L("lifting.field.coupling")))
	form.Add(c.coupling)
	form.Add(widget.NewLabel(i18n.L("lifting.field.zone")))
	form.Add(c.zone)
	form.Add(layout.NewSpacer())
	form.Add(c.lowering)
	c.fields["a"].unit.SetText("°")
	c.fields["freq"].unit.SetText(i18n.L("lifting.per_min"))

	help := widget.NewLabel(i18n.L("lifting.help"))
	help.Wrapping = fyne.TextWrapWord
	help.SizeName = theme.SizeNameCaptionText
	inputs := container.NewBorder(liftHeading(i18n.L("lifting.your_lift")), nil, nil, nil, container.NewVScroll(container.NewVBox(form, help)))

	// Results.
	c.status = widget.NewLabel("")
	c.status.Wrapping = fyne.TextWrapWord
	c.status.Importance = widget.DangerImportance
	c.status.Hide()
	c.rwl = widget.NewLabel("")
	c.rwl.TextStyle.Bold = true
	c.rwl.SizeName = theme.SizeNameSubHeadingText
	c.rwl.Wrapping = fyne.TextWrapWord
	c.li = widget.NewLabel("")
	c.li.TextStyle.Bold = true
	c.li.SizeName = theme.SizeNameSubHeadingText
	c.badge = canvas.NewRectangle(color.Transparent)
	c.badge.CornerRadius = 6
	c.badgeText = canvas.NewText("", color.White)
	c.badgeText.TextStyle.Bold = true
	c.badgeText.Alignment = fyne.TextAlignCenter
	badge := container.NewStack(c.badge, container.NewPadded(c.badgeText))
	c.reading = widget.NewLabel("")
	c.reading.Wrapping = fyne.TextWrapWord
	mults := container.New(layout.NewFormLayout())
	c.mults = map[string]*widget.Label{}
	c.multNames = map[string]*widget.Label{}
	for _, m := range []string{"HM", "VM", "DM", "AM", "FM", "CM"} {
		n := widget.NewLabel("")
		v := widget.NewLabel("")
		v.TextStyle.Monospace = true
		c.multNames[m], c.mults[m] = n, v
		mults.Add(n)
		mults.Add(v)
	}
	c.notesHead = liftBold(i18n.L("lifting.notes"))
	c.notes = widget.NewLabel("")
	c.notes.Wrapping = fyne.TextWrapWord
	c.adviceHead = liftBold(i18n.L("lifting.advice"))
	c.advice = widget.NewLabel("")
	c.advice.Wrapping = fyne.TextWrapWord
	c.results = container.NewVBox(
		c.rwl,
		container.NewHBox(c.li, container.NewCenter(badge), layout.NewSpacer()),
		c.reading,
		liftBold(i18n.L("lifting.multipliers")), mults,
		c.notesHead, c.notes,
		c.adviceHead, c.advice,
	)
	note := widget.NewLabel(i18n.L("lifting.note"))
	note.Wrapping = fyne.TextWrapWord
	note.SizeName = theme.SizeNameCaptionText
	results := container.NewBorder(liftHeading(i18n.L("lifting.niosh")), nil, nil, nil,
		container.NewVScroll(container.NewVBox(c.status, c.results, note)))

	// HSE filter.
	c.diagram = NewZoneDiagram()
	c.diagram.OnTapped = c.OnZoneTapped
	c.hseZones = widget.NewLabel("")
	c.hseZones.Wrapping = fyne.TextWrapWord
	c.hseZones.SizeName = theme.SizeNameCaptionText
	c.hseBase = widget.NewLabel("")
	c.hseBase.Wrapping = fyne.TextWrapWord
	c.hseReduce = widget.NewLabel("")
	c.hseReduce.Wrapping = fyne.TextWrapWord
	c.hseAfter = widget.NewLabel("")
	c.hseAfter.Wrapping = fyne.TextWrapWord
	c.hseAfter.TextStyle.Bold = true
	c.hseBox = container.NewVBox(c.hseBase, c.hseReduce, c.hseAfter, c.hseZones)
	legend := widget.NewLabel(i18n.L("lifting.hse.legend"))
	legend.Wrapping = fyne.TextWrapWord
	legend.SizeName = theme.SizeNameCaptionText
	hseNote := widget.NewLabel(i18n.L("lifting.hse.note"))
	hseNote.Wrapping = fyne.TextWrapWord
	hseNote.SizeName = theme.SizeNameCaptionText
	hse := container.NewBorder(liftHeading(i18n.L("lifting.hse")), nil, nil, nil,
		container.NewVScroll(container.NewVBox(legend, c.diagram, c.hseBox, hseNote)))

	c.content = container.New(&liftColumns{widths: []float32{320, 0, 340}}, inputs, results, hse)
}

func liftHeading(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

func liftBold(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	return l
}

// liftColumns lays objects side by side: each takes its width from widths (0
// shares what is left), and all take the full height.
type liftColumns struct{ widths []float32 }

func (l *liftColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding() * 2
	fixed, flex := float32(0), 0
	for i := range objs {
		if w := l.width(i); w > 0 {
			fixed += w
		} else {
			flex++
		}
	}
	rest := size.Width - fixed - pad*float32(len(objs)-1)
	x := float32(0)
	for i, o := range objs {
		w := l.width(i)
		if w == 0 {
			w = max(rest/float32(max(flex, 1)), 0)
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

func (l *liftColumns) width(i int) float32 {
	if i < len(l.widths) {
		return l.widths[i]
	}
	return 0
}

func (l *liftColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), float32(0)
	for i, o := range objs {
		m := o.MinSize()
		w += max(l.width(i), m.Width)
		h = max(h, m.Height)
	}
	return fyne.NewSize(w+theme.Padding()*2*float32(max(len(objs)-1, 0)), h)
}

// SetInput fills the fields with in (its Units are ignored: the calculator
// keeps its own) and recomputes.
func (c *LiftCalc) SetInput(in lifting.Input) {
	was := c.updating
	c.updating = true
	vals := map[string]string{"load": in.Load, "h": in.H, "v": in.V, "d": in.D, "a": in.A, "freq": in.Freq}
	for k, s := range vals {
		c.fields[k].entry.SetText(s)
	}
	if d, err := lifting.ParseDuration(in.Duration); err == nil {
		c.duration.SetSelectedIndex(liftIndex(durationValues, d))
	}
	if g, err := lifting.ParseCoupling(in.Coupling); err == nil {
		c.coupling.SetSelectedIndex(liftIndex(couplingValues, g))
	}
	c.unitsIn.SetSelected(unitChoices[liftIndex(unitValues, c.units)])
	c.updating = was
	c.Recompute()
}

func liftIndex[T comparable](xs []T, x T) int {
	for i, y := range xs {
		if x == y {
			return i
		}
	}
	return -1
}

// Input is what the fields hold now.
func (c *LiftCalc) Input() lifting.Input {
	in := lifting.Input{
		Load: c.fields["load"].entry.Text, H: c.fields["h"].entry.Text, V: c.fields["v"].entry.Text,
		D: c.fields["d"].entry.Text, A: c.fields["a"].entry.Text, Freq: c.fields["freq"].entry.Text,
		Units: string(c.units),
	}
	if i := c.duration.SelectedIndex(); i >= 0 {
		in.Duration = string(durationValues[i])
	}
	if i := c.coupling.SelectedIndex(); i >= 0 {
		in.Coupling = string(couplingValues[i])
	}
	return in
}

func (c *LiftCalc) onChanged(string) { c.Recompute() }
func (c *LiftCalc) onSelect(string)  { c.Recompute() }
func (c *LiftCalc) onCheck(bool)     { c.Recompute() }

// OnUnits switches units, converting the load and lengths typed so far so
// the lift stays the same.
func (c *LiftCalc) OnUnits(choice string) {
	i := liftIndex(unitChoices, choice)
	if i < 0 {
		if c.unitsIn != nil && c.units != "" {
			c.unitsIn.SetSelected(unitChoices[liftIndex(unitValues, c.units)]) // Required: never none
		}
		return
	}
	to := unitValues[i]
	if to == c.units {
		return
	}
	from := c.units
	c.units = to
	if c.updating {
		return
	}
	c.SetInput(convertInput(c.Input(), from, to))
}

// convertInput converts the numeric fields that parse from one unit system
// to the other, rounded to 1 decimal; others are left as typed.
func convertInput(in lifting.Input, from, to lifting.Units) lifting.Input {
	conv := func(s string, weight bool) string {
		v, err := strconv.ParseFloat(strings.TrimSpace(strings.Replace(s, ",", ".", 1)), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return s
		}
		if weight {
			v = lifting.KgTo(lifting.ToMetric(lifting.Lift{LoadKg: v}, from).LoadKg, to)
		} else {
			v = lifting.CmTo(lifting.ToMetric(lifting.Lift{HCm: v}, from).HCm, to)
		}
		return liftTrim(v, 1)
	}
	in.Load = conv(in.Load, true)
	in.H = conv(in.H, false)
	in.V = conv(in.V, false)
	in.D = conv(in.D, false)
	in.Units = string(to)
	return in
}

// liftShow is liftTrim with the current language's decimal separator, for
// display (entries keep liftTrim's point, which every parser takes).
func liftShow(x float64, n int) string { return i18n.Point(liftTrim(x, n)) }

// liftTrim writes x with at most n decimals and no trailing zeros.
func liftTrim(x float64, n int) string {
	p := math.Pow(10, float64(n))
	s := strconv.FormatFloat(math.Round(x*p+1e-9)/p, 'f', -1, 64)
	if s == "-0" {
		s = "0"
	}
	return s
}

// OnZoneTapped chooses a zone from the diagram.
func (c *LiftCalc) OnZoneTapped(z lifting.Zone) {
	c.zone.SetSelectedIndex(1 + liftIndex(lifting.Zones, z))
}

// fieldError is the message for one field alone: the field's value checked
// with every other field valid, so each bad field shows its own message.
func (c *LiftCalc) fieldError(key string, in lifting.Input) *lifting.FieldError {
	probe := lifting.Input{Load: "0", H: "0", V: "0", D: "0", A: "0", Freq: "0", Duration: "1h", Coupling: "good", Units: in.Units}
	switch key {
	case "load":
		probe.Load = in.Load
	case "h":
		probe.H = in.H
	case "v":
		probe.V = in.V
	case "d":
		probe.D = in.D
	case "a":
		probe.A = in.A
	case "freq":
		probe.Freq = in.Freq
	}
	_, err := lifting.ParseInput(probe)
	var fe *lifting.FieldError
	if errors.As(err, &fe) && fe.Field == key {
		return fe
	}
	return nil
}

// FieldMessage words a field error for the line under the field.
func FieldMessage(fe *lifting.FieldError) string {
	if fe.Got == "" {
		return i18n.L("lifting.field.enter", i18n.Args{"Want": fe.Want})
	}
	return i18n.L("lifting.field.expected", i18n.Args{"Want": fe.Want, "Got": fe.Got})
}

// Recompute checks every field and, when all are valid, computes and shows
// the result and the HSE filter.
func (c *LiftCalc) Recompute() {
	if c.updating {
		return
	}
	in := c.Input()
	w, ln := c.units.WeightUnit(), c.units.LengthUnit()
	c.fields["load"].unit.SetText(w)
	for _, k := range []string{"h", "v", "d"} {
		c.fields[k].unit.SetText(ln)
	}
	bad := 0
	for _, k := range c.order {
		f := c.fields[k]
		if fe := c.fieldError(k, in); fe != nil {
			bad++
			f.err.SetText(FieldMessage(fe))
			f.err.Show()
		} else {
			f.err.Hide()
		}
	}
	c.valid = false
	var err error
	if bad == 0 {
		c.lift, err = lifting.ParseInput(in)
		if err == nil {
			c.lift.Lowering = c.lowering.Checked
			c.result, err = lifting.Compute(c.lift)
		}
	}
	switch {
	case bad > 0:
		c.showProblem(i18n.L("lifting.fix_fields"))
		return
	case err != nil:
		c.showProblem(capitalize(liftErrText(err)) + ".")
		return
	}
	c.valid = true
	c.status.Hide()
	c.results.Show()
	c.hseBox.Show()
	c.showResult()
	c.showFilter()
}

func (c *LiftCalc) showProblem(msg string) {
	c.status.SetText(msg)
	c.status.Show()
	c.results.Hide()
	c.diagram.Set(nil, "")
	c.hseBox.Hide()
}

// weight formats kg in the calculator's units (and kg too for US).
func (c *LiftCalc) weight(kg float64) string {
	if c.units == lifting.US {
		return liftShow(lifting.KgTo(kg, lifting.US), 1) + " lb (" + liftShow(kg, 1) + " kg)"
	}
	return liftShow(kg, 2) + " kg"
}

func (c *LiftCalc) length(cm float64) string {
	return liftShow(lifting.CmTo(cm, c.units), 1) + " " + c.units.LengthUnit()
}

func (c *LiftCalc) showResult() {
	l, r := c.lift, c.result
	c.rwl.SetText(i18n.L("lifting.rwl", i18n.Args{"Weight": c.weight(r.RWLKg)}))
	th := theme.Current()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	var band color.Color
	switch {
	case r.Unbounded:
		c.li.SetText(i18n.L("lifting.li.none"))
		c.badgeText.Text = i18n.L("lifting.badge.unbounded")
		band = th.Color(theme.ColorNameError, v)
	default:
		c.li.SetText(i18n.L("lifting.li", i18n.Args{"LI": liftShow(r.LI, 2)}))
		switch r.Reading {
		case lifting.Acceptable:
			c.badgeText.Text = i18n.L("lifting.badge.acceptable")
			band = th.Color(theme.ColorNameSuccess, v)
		case lifting.Increased:
			c.badgeText.Text = i18n.L("lifting.badge.increased")
			band = th.Color(theme.ColorNameWarning, v)
		default:
			c.badgeText.Text = i18n.L("lifting.badge.high")
			band = th.Color(theme.ColorNameError, v)
		}
	}
	c.badge.FillColor = band
	c.badge.Refresh()
	c.badgeText.Color = color.Black
	if r.Reading == lifting.High {
		c.badgeText.Color = color.White
	}
	c.badgeText.Refresh()
	reading := i18n.L("lifting.reading", i18n.Args{"Load": c.weight(l.LoadKg), "Reading": i18n.Msg(r.ReadingMsg())})
	if r.Unbounded {
		reading = i18n.L("lifting.reading.unbounded", i18n.Args{"Reading": i18n.Msg(r.ReadingMsg())})
	}
	c.reading.SetText(capitalize(reading))

	set := func(m, name string, val float64) {
		c.multNames[m].SetText(m + " · " + name)
		c.mults[m].SetText(liftShow(val, 3))
	}
	set("HM", i18n.L("lifting.mult.h", i18n.Args{"Value": c.length(l.HCm)}), r.HM)
	set("VM", i18n.L("lifting.mult.v", i18n.Args{"Value": c.length(l.VCm)}), r.VM)
	set("DM", i18n.L("lifting.mult.d", i18n.Args{"Value": c.length(l.DCm)}), r.DM)
	set("AM", i18n.L("lifting.mult.a", i18n.Args{"Value": liftShow(l.ADeg, 1)}), r.AM)
	set("FM", i18n.L("lifting.mult.f", i18n.Args{"Freq": liftShow(l.Freq, 2), "Duration": i18n.Msg(l.Duration.WordsText())}), r.FM)
	set("CM", i18n.L("lifting.mult.c", i18n.Args{"Grip": strings.ToLower(couplingChoices[liftIndex(couplingValues, l.Coupling)])}), r.CM)

	notes := i18n.Msgs(lifting.NotesText(l, r, c.units))
	if c.units == lifting.US {
		notes = append(notes, i18n.Msgs(lifting.USLimitNotesText(l))...)
	}
	c.notes.SetText(liftBullets(notes))
	c.notesHead.Hidden = len(notes) == 0
	c.notes.Hidden = len(notes) == 0
	c.notesHead.Refresh()
	c.notes.Refresh()

	var adv []string
	for i, a := range r.Advice {
		if i == 3 {
			break
		}
		adv = append(adv, i18n.L("lifting.advice.item", i18n.Args{"Change": capitalize(i18n.Msg(a.DescribeText(c.units))), "Gain": c.weight(a.RWLGainKg)}))
	}
	if len(adv) == 0 {
		adv = []string{i18n.L("lifting.advice.none")}
		if r.Unbounded {
			adv = []string{i18n.L("lifting.advice.redesign")}
		}
	}
	c.advice.SetText(liftBullets(adv))
}

// liftErrText is a lifting error in the person's language.
func liftErrText(err error) string {
	var fe *lifting.FieldError
	if errors.As(err, &fe) {
		return i18n.Msg(fe.Text())
	}
	return err.Error()
}

// liftBullets joins lines as a bulleted list.
func liftBullets(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("• " + l)
	}
	return b.String()
}

// Zones returns the zones the hands pass and the chosen (limiting) zone.
func (c *LiftCalc) zones() (passed []lifting.Zone, chosen lifting.Zone, estimated bool) {
	l := c.lift
	if i := c.zone.SelectedIndex(); i > 0 {
		z := lifting.Zones[i-1]
		return []lifting.Zone{z}, z, false
	}
	end := l.VCm + l.DCm
	if c.lowering.Checked {
		end = math.Max(0, l.VCm-l.DCm)
	}
	passed = lifting.ZonesBetween(l.VCm, end)
	return passed, lifting.LimitingZone(passed, lifting.Men, lifting.Extended(l.HCm)), true
}

func (c *LiftCalc) showFilter() {
	l := c.lift
	passed, chosen, estimated := c.zones()
	ext := lifting.Extended(l.HCm)
	c.diagram.Set(passed, chosen)
	reach := i18n.L("lifting.hse.reach_close", i18n.Args{"H": c.length(lifting.ExtendedReachCm)})
	if ext {
		reach = i18n.L("lifting.hse.reach_extended", i18n.Args{"H": c.length(lifting.ExtendedReachCm)})
	}
	zone := i18n.Msg(chosen.WordsText())
	switch {
	case !estimated:
		c.hseZones.SetText(i18n.L("lifting.hse.zone_chosen", i18n.Args{"Zone": zone, "Reach": reach}))
	case len(passed) > 1:
		c.hseZones.SetText(i18n.L("lifting.hse.zone_lowest", i18n.Args{"Zone": zone, "Zones": len(passed), "Reach": reach}))
	default:
		c.hseZones.SetText(i18n.L("lifting.hse.zone_estimated", i18n.Args{"Zone": zone, "Reach": reach}))
	}
	var base, after, within, over, reductions []string
	for _, s := range []lifting.Sex{lifting.Men, lifting.Women} {
		fr, err := lifting.Filter(lifting.FilterInput{Zone: chosen, Sex: s, Extended: ext, LoadKg: l.LoadKg, LiftsPerMin: l.Freq, TwistDeg: l.ADeg})
		if err != nil {
			c.hseBase.SetText(capitalize(err.Error()) + ".")
			return
		}
		sex := i18n.L("cli.lifting.sex.men")
		if s == lifting.Women {
			sex = i18n.L("cli.lifting.sex.women")
		}
		base = append(base, i18n.L("lifting.hse.sex_weight", i18n.Args{"Sex": sex, "Weight": c.weight(fr.BaseKg)}))
		after = append(after, i18n.L("lifting.hse.sex_weight", i18n.Args{"Sex": sex, "Weight": c.weight(fr.AfterKg)}))
		if fr.WithinFilter {
			within = append(within, sex)
		} else {
			over = append(over, sex)
		}
		reductions = i18n.Msgs(fr.ReductionTexts)
	}
	c.hseBase.SetText(i18n.L("lifting.hse.guideline", i18n.Args{"Weights": strings.Join(base, ", ")}))
	if len(reductions) == 0 {
		c.hseReduce.SetText(i18n.L("lifting.hse.reductions_none"))
	} else {
		for i := range reductions {
			reductions[i] = capitalize(reductions[i])
		}
		c.hseReduce.SetText(i18n.L("lifting.hse.reductions") + "\n" + liftBullets(reductions))
	}
	var verdict string
	switch {
	case len(over) == 0:
		verdict = i18n.L("lifting.hse.verdict_within_both", i18n.Args{"Load": c.weight(l.LoadKg)})
	case len(within) == 0:
		verdict = i18n.L("lifting.hse.verdict_over_both", i18n.Args{"Load": c.weight(l.LoadKg)})
	default:
		verdict = i18n.L("lifting.hse.verdict_split", i18n.Args{"Load": c.weight(l.LoadKg), "Within": within[0], "Over": over[0]})
	}
	c.hseAfter.SetText(i18n.L("lifting.hse.after", i18n.Args{"Weights": strings.Join(after, ", "), "Verdict": verdict}))
}
