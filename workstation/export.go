package workstation

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
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
}

type reportMeasure struct{ Name, Value, Note string }

// changeText writes a score change: "up 12", "down 5", "no change".
func changeText(d float64) string {
	switch {
	case d >= 0.5:
		return fmt.Sprintf("up %.0f", d)
	case d <= -0.5:
		return fmt.Sprintf("down %.0f", -d)
	}
	return "no change"
}

// FormatDate writes a check's date as "24 November 2026".
func FormatDate(c Check) string { return c.Date.Local().Format("2 January 2006") }

func (r Report) data() reportData {
	c := r.Check
	d := reportData{
		Title:      "Workstation check — " + FormatDate(c),
		Date:       FormatDate(c),
		Setup:      c.Setup.Name(),
		Disclaimer: Disclaimer,
	}
	if c.Result.Answered > 0 {
		d.Overall = fmt.Sprintf("%.0f / 100", c.Result.Overall)
	} else {
		d.Overall = "not scored (no answers)"
	}
	var changes []AreaChange
	if r.Previous != nil {
		changes = Compare(*r.Previous, c)
		if r.Previous.Result.Answered > 0 && c.Result.Answered > 0 {
			d.OverallChange = changeText(c.Result.Overall-r.Previous.Result.Overall) + " since " + FormatDate(*r.Previous)
		}
	}
	for _, a := range c.Result.Areas {
		ra := reportArea{Name: AreaName(a.Area), Score: "—", Answered: fmt.Sprintf("%d of %d", a.Answered, a.Items)}
		if a.Scored() {
			ra.Score = fmt.Sprintf("%.0f", a.Score)
		}
		if ch, ok := Change(changes, a.Area); ok {
			ra.Change = changeText(ch.Delta)
		}
		d.Areas = append(d.Areas, ra)
		d.Unanswered += a.Items - a.Answered
	}
	srcs := map[string]bool{}
	add := func(fs []Fix) []reportFix {
		var out []reportFix
		for _, f := range fs {
			out = append(out, reportFix{Area: AreaName(f.Item.Area), Impact: ImpactName(f.Item.Impact), Level: strings.Fields(ImpactName(f.Item.Impact))[0], Check: f.Item.Check, Fix: f.Item.Fix, Target: f.Item.Target})
			for _, s := range f.Item.Sources {
				srcs[s] = true
			}
		}
		return out
	}
	switch {
	case d.Unanswered == 1:
		d.UnansweredText = "1 item was not answered and is left out of the scores."
	case d.Unanswered > 1:
		d.UnansweredText = fmt.Sprintf("%d items were not answered and are left out of the scores.", d.Unanswered)
	}
	d.Fixes = add(Fixes(r.Items, c.Setup, c.Answers, No))
	d.Unsure = add(Fixes(r.Items, c.Setup, c.Answers, Unsure))
	if c.HeightCm > 0 {
		if m, err := Measure(c.HeightCm); err == nil {
			d.Measure = measureRows(m)
			d.MeasureNote = MeasureMethod()
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
func measureRows(m Measurements) []reportMeasure {
	return []reportMeasure{
		{"Your height", FormatCm(m.HeightCm), ""},
		{"Seat height", FormatRange(m.Seat), FitNote(m.Seat, ANSISeat, "seat height")},
		{"Keyboard height (elbow height)", FormatRange(m.Keyboard), FitNote(m.Keyboard, ANSIKeyboard, "keyboard height")},
		{"Top of the screen, at most (eye height)", FormatRange(m.Eye), "Top line of the screen at or just below this."},
		{fmt.Sprintf("Middle of the screen at %.0f cm", ViewingCm), FormatRange(m.ScreenCentre), "15–20° below your eyes."},
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
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", d.Title)
	fmt.Fprintf(&b, "- Set-up: %s\n- Overall score: **%s**", d.Setup, d.Overall)
	if d.OverallChange != "" {
		fmt.Fprintf(&b, " (%s)", d.OverallChange)
	}
	b.WriteString("\n\n## Scores by area\n\n| Area | Score | Change | Answered |\n|---|---|---|---|\n")
	for _, a := range d.Areas {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", a.Name, a.Score, orDash(a.Change), a.Answered)
	}
	b.WriteString("\nScores are out of 100: yes counts 1, not sure ½, no 0, each item weighted by its impact.\n")
	b.WriteString("\n## Fixes, most helpful first\n\n")
	if len(d.Fixes) == 0 {
		b.WriteString("Nothing answered “No”. Well done.\n")
	}
	for i, f := range d.Fixes {
		fmt.Fprintf(&b, "%d. **%s** (%s, %s)\n   - Check: %s\n   - Target: %s\n", i+1, f.Fix, f.Area, f.Impact, f.Check, f.Target)
	}
	if len(d.Unsure) > 0 {
		b.WriteString("\n## Worth a closer look (answered “Not sure”)\n\n")
		for _, f := range d.Unsure {
			fmt.Fprintf(&b, "- %s (%s)\n  - Target: %s\n", f.Check, f.Area, f.Target)
		}
	}
	if d.Unanswered > 0 {
		fmt.Fprintf(&b, "\n%s\n", d.UnansweredText)
	}
	if len(d.Measure) > 0 {
		b.WriteString("\n## Estimated heights\n\n| | Estimate | Note |\n|---|---|---|\n")
		for _, m := range d.Measure {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", m.Name, m.Value, m.Note)
		}
		fmt.Fprintf(&b, "\n%s\n", d.MeasureNote)
	}
	if len(d.Sources) > 0 {
		b.WriteString("\n## Sources\n\n")
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
<html lang="en">
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
<p>Set-up: {{.Setup}} · Overall score: <span class="score">{{.Overall}}</span>{{if .OverallChange}} ({{.OverallChange}}){{end}}</p>
<h2>Scores by area</h2>
<table>
<tr><th>Area</th><th>Score</th><th>Change</th><th>Answered</th></tr>
{{range .Areas}}<tr><td>{{.Name}}</td><td>{{.Score}}</td><td>{{if .Change}}{{.Change}}{{else}}—{{end}}</td><td>{{.Answered}}</td></tr>
{{end}}</table>
<p class="note">Scores are out of 100: yes counts 1, not sure ½, no 0, each item weighted by its impact.</p>
<h2>Fixes, most helpful first</h2>
{{if .Fixes}}<ol>
{{range .Fixes}}<li><strong>{{.Fix}}</strong> <span class="impact impact-{{.Level}}">{{.Area}} · {{.Impact}}</span><br>
<span class="detail">Check: {{.Check}}<br>Target: {{.Target}}</span></li>
{{end}}</ol>{{else}}<p>Nothing answered “No”. Well done.</p>{{end}}
{{if .Unsure}}<h2>Worth a closer look (answered “Not sure”)</h2>
<ul>
{{range .Unsure}}<li>{{.Check}} <span class="impact">{{.Area}}</span><br><span class="detail">Target: {{.Target}}</span></li>
{{end}}</ul>{{end}}
{{if .Unanswered}}<p class="note">{{.UnansweredText}}</p>{{end}}
{{if .Measure}}<h2>Estimated heights</h2>
<table>
{{range .Measure}}<tr><td>{{.Name}}</td><td>{{.Value}}</td><td class="note">{{.Note}}</td></tr>
{{end}}</table>
<p class="note">{{.MeasureNote}}</p>{{end}}
{{if .Sources}}<h2>Sources</h2>
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
