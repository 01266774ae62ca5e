package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/stats"
)

// HistoryOptions configure the history window.
type HistoryOptions struct {
	Days     []stats.Day                    // every day summarised, any order
	Notes    []string                       // journal lines not counted (file:line: why)
	Now      func() time.Time               // nil means time.Now
	AreasOf  func(exercise string) []string // an exercise's body areas, as the library names them
	Recovery bool                           // a recovery plan runs: show its pain chart
	Range    string                         // "today", "week" (default), "month" or "year"
	Date     time.Time                      // the day to open on; zero means today
	Tab      string                         // the tab to open on: "breaks" (default), "heatmap", "areas", "checkins"
}

// Ranges the history shows, in the order of its selector.
var historyRanges = []string{"Today", "Week", "Month", "Year"}

// HistoryRange is the first and last day (local midnights) of the range
// of kind ("Today", "Week", "Month", "Year") that holds anchor. Weeks
// start on Monday.
func HistoryRange(kind string, anchor time.Time) (from, to time.Time) {
	y, m, d := anchor.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, anchor.Location())
	switch kind {
	case "Week":
		from = day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
		return from, from.AddDate(0, 0, 6)
	case "Month":
		from = time.Date(y, m, 1, 0, 0, 0, 0, anchor.Location())
		return from, from.AddDate(0, 1, -1)
	case "Year":
		from = time.Date(y, 1, 1, 0, 0, 0, 0, anchor.Location())
		return from, from.AddDate(1, 0, -1)
	}
	return day, day
}

// stepRange moves anchor one range of kind back (-1) or on (+1).
func stepRange(kind string, anchor time.Time, dir int) time.Time {
	switch kind {
	case "Week":
		return anchor.AddDate(0, 0, 7*dir)
	case "Month":
		y, m, _ := anchor.Date()
		return time.Date(y, m+time.Month(dir), 1, 12, 0, 0, 0, anchor.Location())
	case "Year":
		return time.Date(anchor.Year()+dir, 1, 1, 12, 0, 0, 0, anchor.Location())
	}
	return anchor.AddDate(0, 0, dir)
}

func hm(seconds float64) string {
	d := time.Duration(seconds) * time.Second
	if d < time.Hour {
		return fmt.Sprintf("%d min", int(d.Minutes()))
	}
	return fmt.Sprintf("%d h %02d min", int(d.Hours()), int(d.Minutes())%60)
}

func pct(d stats.Day) string {
	if d.Due == 0 {
		return "no breaks due"
	}
	return fmt.Sprintf("%.0f%% taken", 100*d.Share())
}

// dayLine is one day or period in the text summary.
func dayLine(label string, d stats.Day) string {
	if d.Due == 0 && d.Postponed == 0 && d.ActiveSeconds == 0 {
		return label + ": no breaks"
	}
	active := hm(d.ActiveSeconds)
	if !d.ActiveMeasured {
		active = "about " + active
	}
	return fmt.Sprintf("%s: %d of %d breaks taken (%s); %d completed, %d natural, %d ended early, %d postponed, %d skipped; active %s; longest stretch without a break %s",
		label, d.Taken, d.Due, pct(d), d.Completed, d.Natural, d.EndedEarly, d.Postponed, d.Skipped, active, hm(d.LongestStretch))
}

// HistorySummary is the text beside the charts for a range: the totals,
// then a line per day (per month for a year), the streak.
//
// Days after today (YYYY-MM-DD) are left out of the list.
func HistorySummary(kind string, days []stats.Day, streak stats.Streak, today string) string {
	var total stats.Day
	for _, d := range days {
		total = stats.Merge(total, d)
	}
	var b strings.Builder
	b.WriteString(dayLine("Total", total))
	b.WriteString("\n")
	if kind == "Year" {
		for _, p := range stats.Group(days, stats.ByMonth) {
			t, _ := time.Parse("2006-01", p.Label)
			b.WriteString(dayLine(t.Format("January"), p.Day) + "\n")
		}
	} else if kind != "Today" {
		for _, d := range days {
			if d.Date > today {
				break
			}
			t, _ := time.Parse(time.DateOnly, d.Date)
			b.WriteString(dayLine(t.Format("Mon 2 Jan"), d) + "\n")
		}
	}
	fmt.Fprintf(&b, "Streak: %d days in a row with most breaks taken; longest %d.", streak.Current, streak.Longest)
	return b.String()
}

// HeatmapSummary says when breaks are taken most, for the text beside
// the heatmap.
func HeatmapSummary(cells [7][24]int) string {
	names := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	total, bestN, bestWd, bestHr := 0, 0, 0, 0
	var byDay [7]int
	for wd, row := range cells {
		for hr, n := range row {
			total += n
			byDay[wd] += n
			if n > bestN {
				bestN, bestWd, bestHr = n, wd, hr
			}
		}
	}
	if total == 0 {
		return "No breaks taken in the last 12 weeks."
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d breaks taken in the last 12 weeks. Most often on %s between %02d:00 and %02d:00 (%d).\n", total, names[bestWd], bestHr, bestHr+1, bestN)
	for wd, n := range byDay {
		fmt.Fprintf(&b, "%s: %d\n", names[wd], n)
	}
	return strings.TrimSpace(b.String())
}

// AreasSummary names the areas exercised this week and those neglected.
func AreasSummary(areas []stats.AreaCount) string {
	var done, none []string
	for _, a := range areas {
		if a.Count > 0 {
			done = append(done, fmt.Sprintf("%s %d", a.Area, a.Count))
		} else {
			none = append(none, a.Area)
		}
	}
	s := "Exercised this week: " + orNone(strings.Join(done, ", ")) + "."
	if len(none) > 0 {
		s += "\nNot this week: " + strings.Join(none, ", ") + "."
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return "nothing yet"
	}
	return s
}

// HistoryView is the history window.
type HistoryView struct {
	win    fyne.Window
	opt    HistoryOptions
	kind   string
	anchor time.Time
	all    []stats.Day

	rangeSel *widget.RadioGroup
	date     *widget.DateEntry
	title    *widget.Label
	tabs     *container.AppTabs

	chart    *DayChart
	summary  *widget.Label
	heat     *Heatmap
	heatText *widget.Label
	areas    *BarList
	areaText *widget.Label
	work     *LineChart
	quiz     *LineChart
	pain     *LineChart
	series   *widget.Label
	notes    *widget.Accordion
}

// NewHistoryView builds the history window (not shown yet).
func NewHistoryView(a fyne.App, opt HistoryOptions) *HistoryView {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.AreasOf == nil {
		opt.AreasOf = func(string) []string { return nil }
	}
	v := &HistoryView{opt: opt, kind: "Week", anchor: opt.Now(), all: stats.MergeDays(append([]stats.Day(nil), opt.Days...))}
	if !opt.Date.IsZero() {
		v.anchor = opt.Date
	}
	for _, k := range historyRanges {
		if strings.EqualFold(k, opt.Range) {
			v.kind = k
		}
	}
	v.win = a.NewWindow("History — Limber")

	v.rangeSel = widget.NewRadioGroup(historyRanges, func(k string) {
		if k == "" {
			v.rangeSel.SetSelected(v.kind)
			return
		}
		v.kind = k
		v.update()
	})
	v.rangeSel.Horizontal = true
	v.rangeSel.Required = true
	v.date = widget.NewDateEntry()
	v.date.OnChanged = func(t *time.Time) {
		if t == nil {
			return
		}
		y, m, d := t.Date()
		v.anchor = time.Date(y, m, d, 12, 0, 0, 0, time.Local)
		v.update()
	}
	prev := widget.NewButtonWithIcon("Earlier", theme.NavigateBackIcon(), func() { v.step(-1) })
	next := widget.NewButtonWithIcon("Later", theme.NavigateNextIcon(), func() { v.step(1) })
	next.IconPlacement = widget.ButtonIconTrailingText
	v.title = widget.NewLabel("")
	v.title.TextStyle.Bold = true
	top := container.NewVBox(
		container.NewHBox(v.rangeSel, prev, next, container.NewGridWrap(fyne.NewSize(170, v.date.MinSize().Height), v.date)),
		v.title)

	v.chart = NewDayChart(nil)
	v.summary = historyText()
	v.heat = NewHeatmap([7][24]int{})
	v.heatText = historyText()
	v.areas = NewBarList(nil)
	v.areaText = historyText()
	v.work = NewLineChart("Workstation check score (0–100)", 100, nil)
	v.quiz = NewLineChart("Lifting quiz: % right", 100, nil)
	v.pain = NewLineChart("Pain (0–10), recovery plan", 10, nil)
	v.series = historyText()

	beside := func(chart fyne.CanvasObject, txt *widget.Label) fyne.CanvasObject {
		split := container.NewHSplit(chart, container.NewVScroll(txt))
		split.Offset = 0.62
		return split
	}
	charts := []fyne.CanvasObject{v.work, v.quiz}
	if opt.Recovery {
		charts = append(charts, v.pain)
	}
	v.tabs = container.NewAppTabs(
		container.NewTabItem("Breaks", beside(v.chart, v.summary)),
		container.NewTabItem("Heatmap", beside(container.NewBorder(widget.NewLabel("Breaks taken by hour and weekday, last 12 weeks"), nil, nil, nil, v.heat), v.heatText)),
		container.NewTabItem("Body areas", beside(container.NewVBox(widget.NewLabel("Body areas exercised this week"), v.areas), v.areaText)),
		container.NewTabItem("Check-ins", beside(container.NewVScroll(container.NewVBox(charts...)), v.series)),
	)
	switch opt.Tab {
	case "heatmap":
		v.tabs.SelectIndex(1)
	case "areas":
		v.tabs.SelectIndex(2)
	case "checkins":
		v.tabs.SelectIndex(3)
	}
	content := container.NewBorder(top, nil, nil, nil, v.tabs)
	if len(opt.Notes) > 0 {
		body := widget.NewLabel(strings.Join(opt.Notes, "\n"))
		body.Wrapping = fyne.TextWrapBreak
		body.Selectable = true
		v.notes = widget.NewAccordion(widget.NewAccordionItem(
			fmt.Sprintf("Journal: %d %s skipped or out of order (file and line)", len(opt.Notes), plural(len(opt.Notes), "line", "lines")), container.NewVScroll(body)))
		content = container.NewBorder(top, v.notes, nil, nil, v.tabs)
	}
	v.win.SetContent(container.NewPadded(content))
	v.win.Resize(fyne.NewSize(980, 620))
	v.rangeSel.SetSelected(v.kind) // runs update
	return v
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func historyText() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Selectable = true
	return l
}

func (v *HistoryView) step(dir int) {
	v.anchor = stepRange(v.kind, v.anchor, dir)
	v.update()
}

// update redraws every chart and summary for the range and anchor.
func (v *HistoryView) update() {
	from, to := HistoryRange(v.kind, v.anchor)
	f, t := from.Format(time.DateOnly), to.Format(time.DateOnly)
	in := stats.Between(v.all, f, t)
	filled := stats.Fill(in, f, t)
	switch v.kind {
	case "Today":
		v.title.SetText(from.Format("Monday 2 January 2006"))
	case "Week":
		v.title.SetText(fmt.Sprintf("Week of %s to %s", from.Format("Mon 2 Jan"), to.Format("Mon 2 Jan 2006")))
	case "Month":
		v.title.SetText(from.Format("January 2006"))
	default:
		v.title.SetText(from.Format("2006"))
	}
	d := v.anchor
	v.date.SetDate(&d)
	v.chart.SetDays(filled)
	v.summary.SetText(HistorySummary(v.kind, filled, stats.Streaks(stats.Between(v.all, "", t)), v.opt.Now().Format(time.DateOnly)))

	// The heatmap: the 12 weeks up to the range's end (or today).
	end := to
	if now := v.opt.Now(); now.Before(end) {
		end = now
	}
	hmFrom := end.AddDate(0, 0, -12*7+1).Format(time.DateOnly)
	cells := stats.Heatmap(stats.Between(v.all, hmFrom, end.Format(time.DateOnly)))
	v.heat.SetCells(cells)
	v.heatText.SetText(HeatmapSummary(cells))

	wf, wt := HistoryRange("Week", end)
	areas := stats.AreasExercised(stats.Between(v.all, wf.Format(time.DateOnly), wt.Format(time.DateOnly)), v.opt.AreasOf)
	v.areas.SetItems(areas)
	v.areaText.SetText(AreasSummary(areas))

	work, quiz, pain := stats.Series(stats.Between(v.all, "", t))
	quizPct := make([]stats.Point, len(quiz))
	for i, q := range quiz {
		quizPct[i] = stats.Point{Time: q.Time, Value: 100 * q.Value / q.Of}
	}
	v.work.SetPoints(work)
	v.quiz.SetPoints(quizPct)
	v.pain.SetPoints(pain)
	v.series.SetText(seriesSummary(work, quiz, pain, v.opt.Recovery))
}

func seriesSummary(work, quiz, pain []stats.Point, recovery bool) string {
	var b strings.Builder
	if n := len(work); n > 0 {
		fmt.Fprintf(&b, "Workstation checks: %d; latest score %.0f of 100 (%s)", n, work[n-1].Value, work[n-1].Time.Format("2 Jan 2006"))
		if n > 1 {
			fmt.Fprintf(&b, ", first %.0f", work[0].Value)
		}
		b.WriteString(".\n")
	} else {
		b.WriteString("No workstation checks yet.\n")
	}
	if n := len(quiz); n > 0 {
		right, asked := 0.0, 0.0
		for _, q := range quiz {
			right, asked = right+q.Value, asked+q.Of
		}
		fmt.Fprintf(&b, "Lifting quizzes: %d; %.0f of %.0f answers right; latest %.0f of %.0f.\n", n, right, asked, quiz[n-1].Value, quiz[n-1].Of)
	} else {
		b.WriteString("No lifting quizzes yet.\n")
	}
	if recovery {
		if n := len(pain); n > 0 {
			fmt.Fprintf(&b, "Recovery check-ins: %d; pain %.0f at first, %.0f at the latest.", n, pain[0].Value, pain[n-1].Value)
		} else {
			b.WriteString("No recovery check-ins yet.")
		}
	}
	return strings.TrimSpace(b.String())
}

// Window returns the history window.
func (v *HistoryView) Window() fyne.Window { return v.win }

// Show shows the window.
func (v *HistoryView) Show() { v.win.Show() }
