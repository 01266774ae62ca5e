package workstation

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/msg"
)

// Report is what an export shows: a check, the check before it (for the
// change per area), the checklist and the library's sources.
type Report struct {
	Check    Check
	Previous *Check
	Items    []*content.ChecklistItem
	Sources  map[string]*content.Source
	// Say renders the report's words in the reader's language (i18n.Msg);
	// nil writes English. Lang is the page's language tag ("" is "en").
	Say  func(msg.Text) string
	Lang string
}

// say is m in the report's language.
func (r Report) say(m msg.Text) string {
	if r.Say == nil {
		return m.English
	}
	return r.Say(m)
}

// Disclaimer closes every export.
const Disclaimer = "This is guidance for setting up a workstation, not a medical assessment. If you have pain that lasts, " +
	"numbness or tingling, ask a clinician."

// DisclaimerText is Disclaimer as a message.
var DisclaimerText = msg.L("workstation.disclaimer", Disclaimer)

// reportArea is one row of the scores table.
type reportArea struct {
	Name     string
	Score    string
	Change   string
	Answered string
}

// reportFix is one fix or thing to check.
type reportFix struct {
	Area, Impact, Level, Check, Fix, Target string
}

// reportData is the export's content, shared by both formats.
type reportData struct {
	Title, Date, Setup, Overall, OverallChange string
	Areas                                      []reportArea
	Fixes, Unsure                              []reportFix
	Unanswered                                 int
	UnansweredText                             string
	Measure                                    []reportMeasure
	MeasureNote                                string
	Sources                                    []string
	Disclaimer                                 string
	Lang                                       string
	L                                          map[string]string // the fixed words of the page
}

type reportMeasure struct{ Name, Value, Note string }

// changeText writes a score change: "up 12", "down 5", "no change".
func changeText(d float64) msg.Text {
	switch {
	case d >= 0.5:
		return msg.L("workstation.report.up", fmt.Sprintf("up %.0f", d), msg.Args{"N": msg.Dec(d, 0)})
	case d <= -0.5:
		return msg.L("workstation.report.down", fmt.Sprintf("down %.0f", -d), msg.Args{"N": msg.Dec(-d, 0)})
	}
	return msg.L("workstation.report.no_change", "no change")
}

// dateText is FormatDate as a message.
func dateText(c Check) msg.Text {
	t := c.Date.Local()
	m := int(t.Month())
	return msg.L("date.day_month_long_year", FormatDate(c), msg.Args{"Day": t.Day(), "Month": msg.L("month."+strconv.Itoa(m), t.Month().String()), "Year": t.Year()})
}

// reportWords are the page's fixed words by name, in English.
var reportWords = map[string]msg.Text{
	"SetupLabel":   msg.L("workstation.report.setup", "Set-up"),
	"OverallLabel": msg.L("workstation.report.overall", "Overall score"),
	"ByArea":       msg.L("workstation.report.by_area", "Scores by area"),
	"Area":         msg.L("workstation.report.area", "Area"),
	"Score":        msg.L("workstation.report.score", "Score"),
	"Change":       msg.L("workstation.report.change", "Change"),
	"Answered":     msg.L("workstation.report.answered", "Answered"),
	"ScoreNote":    msg.L("workstation.report.score_note", "Scores are out of 100: yes counts 1, not sure ½, no 0, each item weighted by its impact."),
	"FixesHead":    msg.L("workstation.report.fixes", "Fixes, most helpful first"),
	"NoFixes":      msg.L("workstation.report.no_fixes", "Nothing answered “No”. Well done."),
	"Check":        msg.L("workstation.report.check", "Check"),
	"Target":       msg.L("workstation.report.target", "Target"),
	"UnsureHead":   msg.L("workstation.report.unsure", "Worth a closer look (answered “Not sure”)"),
	"HeightsHead":  msg.L("workstation.report.heights", "Estimated heights"),
	"Estimate":     msg.L("workstation.report.estimate", "Estimate"),
	"Note":         msg.L("workstation.report.note", "Note"),
	"SourcesHead":  msg.L("workstation.report.sources", "Sources"),
}

// FormatDate writes a check's date as "24 November 2026".
func FormatDate(c Check) string { return c.Date.Local().Format("2 January 2006") }

func (r Report) data() reportData {
	c := r.Check
	date := r.say(dateText(c))
	d := reportData{
		Title:      r.say(msg.L("workstation.report.title", "Workstation check — "+FormatDate(c), msg.Args{"Date": date})),
		Date:       date,
		Setup:      r.say(msg.L("workstation.setup."+string(c.Setup), c.Setup.Name())),
		Disclaimer: r.say(DisclaimerText),
		Lang:       r.Lang,
		L:          map[string]string{},
	}
	if d.Lang == "" {
		d.Lang = "en"
	}
	for k, m := range reportWords {
		d.L[k] = r.say(m)
	}
	if c.Result.Answered > 0 {
		d.Overall = r.say(msg.L("workstation.report.overall_score", fmt.Sprintf("%.0f / 100", c.Result.Overall), msg.Args{"Score": msg.Dec(c.Result.Overall, 0)}))
	} else {
		d.Overall = r.say(msg.L("workstation.report.not_scored", "not scored (no answers)"))
	}
	var changes []AreaChange
	if r.Previous != nil {
		changes = Compare(*r.Previous, c)
		if r.Previous.Result.Answered > 0 && c.Result.Answered > 0 {
			ch := changeText(c.Result.Overall - r.Previous.Result.Overall)
			d.OverallChange = r.say(msg.L("workstation.report.change_since", ch.English+" since "+FormatDate(*r.Previous), msg.Args{"Change": ch, "Date": dateText(*r.Previous)}))
		}
	}
	for _, a := range c.Result.Areas {
		ra := reportArea{Name: r.say(msg.L("workstation.area."+a.Area, AreaName(a.Area))), Score: "—",
			Answered: r.say(msg.L("workstation.report.answered_of", fmt.Sprintf("%d of %d", a.Answered, a.Items), msg.Args{"Answered": a.Answered, "Items": a.Items}))}
		if a.Scored() {
			ra.Score = fmt.Sprintf("%.0f", a.Score)
		}
		if ch, ok := Change(changes, a.Area); ok {
			ra.Change = r.say(changeText(ch.Delta))
		}
		d.Areas = append(d.Areas, ra)
		d.Unanswered += a.Items - a.Answered
	}
	srcs := map[string]bool{}
	add := func(fs []Fix) []reportFix {
		var out []reportFix
		for _, f := range fs {
			out = append(out, reportFix{Area: r.say(msg.L("workstation.area."+f.Item.Area, AreaName(f.Item.Area))), Impact: r.say(impactText(f.Item.Impact)), Level: strings.Fields(ImpactName(f.Item.Impact))[0], Check: f.Item.Check, Fix: f.Item.Fix, Target: f.Item.Target})
			for _, s := range f.Item.Sources {
				srcs[s] = true
			}
		}
		return out
	}
	switch {
	case d.Unanswered == 1:
		d.UnansweredText = r.say(msg.N("workstation.report.unanswered", 1, "1 item was not answered and is left out of the scores."))
	case d.Unanswered > 1:
		d.UnansweredText = r.say(msg.N("workstation.report.unanswered", d.Unanswered, fmt.Sprintf("%d items were not answered and are left out of the scores.", d.Unanswered)))
	}
	d.Fixes = add(Fixes(r.Items, c.Setup, c.Answers, No))
	d.Unsure = add(Fixes(r.Items, c.Setup, c.Answers, Unsure))
	if c.HeightCm > 0 {
		if m, err := Measure(c.HeightCm); err == nil {
			d.Measure = r.measureRows(m)
			d.MeasureNote = r.say(MeasureMethodText())
			srcs["ansi-hfs-100"] = true
			d.Sources = append(d.Sources, MeasureSource+".")
		}
	}
	ids := make([]string, 0, len(srcs))
	for id := range srcs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		d.Sources = append(d.Sources, SourceText(r.Sources, id))
	}
	return d
}

// SourceText writes a source as "Title — Publisher (Year). URL".
func SourceText(sources map[string]*content.Source, id string) string {
	s, ok := sources[id]
	if !ok {
		return id
	}
	var b strings.Builder
	b.WriteString(s.Title)
	if s.Publisher != "" {
		b.WriteString(" — " + s.Publisher)
	}
	if s.Year > 0 {
		fmt.Fprintf(&b, " (%d)", s.Year)
	}
	b.WriteString(".")
	if s.URL != "" {
		b.WriteString(" " + s.URL)
	}
	return b.String()
}

// measureRows are the measure helper's lines for a height.
func (r Report) measureRows(m Measurements) []reportMeasure {
	seat := msg.L("workstation.report.seat_inline", "seat height")
	keyboard := msg.L("workstation.report.keyboard_inline", "keyboard height")
	return []reportMeasure{
		{r.say(msg.L("workstation.report.your_height", "Your height")), FormatCm(m.HeightCm), ""},
		{r.say(msg.L("workstation.report.seat", "Seat height")), FormatRange(m.Seat), r.say(FitNoteText(m.Seat, ANSISeat, seat))},
		{r.say(msg.L("workstation.report.keyboard", "Keyboard height (elbow height)")), FormatRange(m.Keyboard), r.say(FitNoteText(m.Keyboard, ANSIKeyboard, keyboard))},
		{r.say(msg.L("workstation.report.eye", "Top of the screen, at most (eye height)")), FormatRange(m.Eye), r.say(msg.L("workstation.report.eye_note", "Top line of the screen at or just below this."))},
		{r.say(msg.L("workstation.report.centre", fmt.Sprintf("Middle of the screen at %.0f cm", ViewingCm), msg.Args{"Cm": msg.Dec(ViewingCm, 0)})), FormatRange(m.ScreenCentre), r.say(msg.L("workstation.report.centre_note", "15–20° below your eyes."))},
	}
}

// FitNote compares an estimate with an ANSI/HFS 100 range in words.
func FitNote(r, std Range, what string) string { return FitNoteText(r, std, msg.Plain(what)).English }

// FitNoteText is FitNote as a message; what names the measure.
func FitNoteText(r, std Range, what msg.Text) msg.Text {
	span := fmt.Sprintf("ANSI/HFS 100 %s: %.1f–%.1f cm (%.1f–%.1f in)", what.English, std.Low, std.High, std.Low/CmPerInch, std.High/CmPerInch)
	switch r.Against(std) {
	case FitInside:
		return msg.L("workstation.fit.inside", span+"; yours is inside it.", msg.Args{"What": what, "Low": msg.Dec(std.Low, 1), "High": msg.Dec(std.High, 1), "LowIn": msg.Dec(std.Low/CmPerInch, 1), "HighIn": msg.Dec(std.High/CmPerInch, 1)})
	case FitBelow:
		return msg.L("workstation.fit.below", span+"; yours is below it: a footrest or a lower desk may help.", msg.Args{"What": what, "Low": msg.Dec(std.Low, 1), "High": msg.Dec(std.High, 1), "LowIn": msg.Dec(std.Low/CmPerInch, 1), "HighIn": msg.Dec(std.High/CmPerInch, 1)})
	case FitAbove:
		return msg.L("workstation.fit.above", span+"; yours is above it: you may need a higher desk or seat.", msg.Args{"What": what, "Low": msg.Dec(std.Low, 1), "High": msg.Dec(std.High, 1), "LowIn": msg.Dec(std.Low/CmPerInch, 1), "HighIn": msg.Dec(std.High/CmPerInch, 1)})
	}
	if r.High > std.High {
		return msg.L("workstation.fit.near_top", span+"; yours is near its top end.", msg.Args{"What": what, "Low": msg.Dec(std.Low, 1), "High": msg.Dec(std.High, 1), "LowIn": msg.Dec(std.Low/CmPerInch, 1), "HighIn": msg.Dec(std.High/CmPerInch, 1)})
	}
	return msg.L("workstation.fit.near_bottom", span+"; yours is near its bottom end.", msg.Args{"What": what, "Low": msg.Dec(std.Low, 1), "High": msg.Dec(std.High, 1), "LowIn": msg.Dec(std.Low/CmPerInch, 1), "HighIn": msg.Dec(std.High/CmPerInch, 1)})
}

// Markdown writes the report as Markdown.
func (r Report) Markdown() string {
	d := r.data()
	w := d.L
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", d.Title)
	fmt.Fprintf(&b, "- %s: %s\n- %s: **%s**", w["SetupLabel"], d.Setup, w["OverallLabel"], d.Overall)
	if d.OverallChange != "" {
		fmt.Fprintf(&b, " (%s)", d.OverallChange)
	}
	fmt.Fprintf(&b, "\n\n## %s\n\n| %s | %s | %s | %s |\n|---|---|---|---|\n", w["ByArea"], w["Area"], w["Score"], w["Change"], w["Answered"])
	for _, a := range d.Areas {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", a.Name, a.Score, orDash(a.Change), a.Answered)
	}
	fmt.Fprintf(&b, "\n%s\n", w["ScoreNote"])
	fmt.Fprintf(&b, "\n## %s\n\n", w["FixesHead"])
	if len(d.Fixes) == 0 {
		b.WriteString(w["NoFixes"] + "\n")
	}
	for i, f := range d.Fixes {
		fmt.Fprintf(&b, "%d. **%s** (%s, %s)\n   - %s: %s\n   - %s: %s\n", i+1, f.Fix, f.Area, f.Impact, w["Check"], f.Check, w["Target"], f.Target)
	}
	if len(d.Unsure) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n", w["UnsureHead"])
		for _, f := range d.Unsure {
			fmt.Fprintf(&b, "- %s (%s)\n  - %s: %s\n", f.Check, f.Area, w["Target"], f.Target)
		}
	}
	if d.Unanswered > 0 {
		fmt.Fprintf(&b, "\n%s\n", d.UnansweredText)
	}
	if len(d.Measure) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n| | %s | %s |\n|---|---|---|\n", w["HeightsHead"], w["Estimate"], w["Note"])
		for _, m := range d.Measure {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", m.Name, m.Value, m.Note)
		}
		fmt.Fprintf(&b, "\n%s\n", d.MeasureNote)
	}
	if len(d.Sources) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n", w["SourcesHead"])
		for _, s := range d.Sources {
			fmt.Fprintf(&b, "- %s\n", s)
		}
	}
	fmt.Fprintf(&b, "\n_%s_\n", d.Disclaimer)
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

var htmlReport = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<style>
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #222; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ccc; padding-bottom: .2em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3em .6em; border-bottom: 1px solid #ddd; vertical-align: top; }
.score { font-size: 1.3em; font-weight: bold; }
.impact { display: inline-block; font-size: .8em; padding: 0 .5em; border-radius: .8em; background: #eee; }
.impact-high { background: #f6d3c4; }
.impact-medium { background: #f6e7c4; }
ol li, ul li { margin-bottom: .6em; }
.detail { color: #555; font-size: .92em; }
.note, .sources { color: #444; font-size: .9em; }
.disclaimer { margin-top: 2em; font-style: italic; color: #555; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { page-break-after: avoid; }
  li, tr { page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p>{{.L.SetupLabel}}: {{.Setup}} · {{.L.OverallLabel}}: <span class="score">{{.Overall}}</span>{{if .OverallChange}} ({{.OverallChange}}){{end}}</p>
<h2>{{.L.ByArea}}</h2>
<table>
<tr><th>{{.L.Area}}</th><th>{{.L.Score}}</th><th>{{.L.Change}}</th><th>{{.L.Answered}}</th></tr>
{{range .Areas}}<tr><td>{{.Name}}</td><td>{{.Score}}</td><td>{{if .Change}}{{.Change}}{{else}}—{{end}}</td><td>{{.Answered}}</td></tr>
{{end}}</table>
<p class="note">{{.L.ScoreNote}}</p>
<h2>{{.L.FixesHead}}</h2>
{{if .Fixes}}<ol>
{{range .Fixes}}<li><strong>{{.Fix}}</strong> <span class="impact impact-{{.Level}}">{{.Area}} · {{.Impact}}</span><br>
<span class="detail">{{$.L.Check}}: {{.Check}}<br>{{$.L.Target}}: {{.Target}}</span></li>
{{end}}</ol>{{else}}<p>{{.L.NoFixes}}</p>{{end}}
{{if .Unsure}}<h2>{{.L.UnsureHead}}</h2>
<ul>
{{range .Unsure}}<li>{{.Check}} <span class="impact">{{.Area}}</span><br><span class="detail">{{$.L.Target}}: {{.Target}}</span></li>
{{end}}</ul>{{end}}
{{if .Unanswered}}<p class="note">{{.UnansweredText}}</p>{{end}}
{{if .Measure}}<h2>{{.L.HeightsHead}}</h2>
<table>
{{range .Measure}}<tr><td>{{.Name}}</td><td>{{.Value}}</td><td class="note">{{.Note}}</td></tr>
{{end}}</table>
<p class="note">{{.MeasureNote}}</p>{{end}}
{{if .Sources}}<h2>{{.L.SourcesHead}}</h2>
<ul class="sources">
{{range .Sources}}<li>{{.}}</li>
{{end}}</ul>{{end}}
<p class="disclaimer">{{.Disclaimer}}</p>
</body>
</html>
`))

// HTML writes the report as a self-contained printable HTML page.
func (r Report) HTML() string {
	var b bytes.Buffer
	if err := htmlReport.Execute(&b, r.data()); err != nil {
		// The template and data are fixed; an error is a programming bug.
		panic(err)
	}
	return b.String()
}
