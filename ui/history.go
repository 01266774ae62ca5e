package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/i18n"
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
		return i18n.L("time.min", i18n.Args{"Minutes": int(d.Minutes())})
	}
	return i18n.L("time.h_min", i18n.Args{"Hours": int(d.Hours()), "Minutes": fmt.Sprintf("%02d", int(d.Minutes())%60)})
}

func pct(d stats.Day) string {
	if d.Due == 0 {
		return i18n.L("history.no_breaks_due")
	}
	return i18n.L("history.share_taken", i18n.Args{"Percent": i18n.Decimal(100*d.Share(), 0)})
}

// dayLine is one day or period in the text summary.
func dayLine(label string, d stats.Day) string {
	if d.Due == 0 && d.Postponed == 0 && d.ActiveSeconds == 0 {
		return i18n.L("history.day.none", i18n.Args{"Label": label})
	}
	active := hm(d.ActiveSeconds)
	if !d.ActiveMeasured {
		active = i18n.L("history.about", i18n.Args{"Time": active})
	}
	return i18n.N("history.day", d.Due, i18n.Args{"Label": label, "Taken": d.Taken, "Share": pct(d), "Completed": d.Completed, "Natural": d.Natural,
		"EndedEarly": d.EndedEarly, "Postponed": d.Postponed, "Skipped": d.Skipped, "Active": active, "Longest": hm(d.LongestStretch)})
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
	b.WriteString(dayLine(i18n.L("history.total"), total))
	b.WriteString("\n")
	if kind == "Year" {
		for _, p := range stats.Group(days, stats.ByMonth) {
			t, _ := time.Parse("2006-01", p.Label)
			b.WriteString(dayLine(i18n.Month(t.Month()), p.Day) + "\n")
		}
	} else if kind != "Today" {
		for _, d := range days {
			if d.Date > today {
				break
			}
			t, _ := time.Parse(time.DateOnly, d.Date)
			b.WriteString(dayLine(i18n.ShortDay(t), d) + "\n")
		}
	}
	b.WriteString(i18n.N("history.streak", streak.Current, i18n.Args{"Longest": streak.Longest}))
	return b.String()
}

// HeatmapSummary says when breaks are taken most, for the text beside
// the heatmap.
func HeatmapSummary(cells [7][24]int) string {
	var names []string
	for _, d := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday} {
		names = append(names, i18n.Weekday(d))
	}
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
		return i18n.L("history.heat.none")
	}
	var b strings.Builder
	b.WriteString(i18n.N("history.heat.summary", total, i18n.Args{"Day": names[bestWd], "From": fmt.Sprintf("%02d:00", bestHr), "To": fmt.Sprintf("%02d:00", bestHr+1), "Best": bestN}) + "\n")
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
			done = append(done, fmt.Sprintf("%s %d", areaWord(a.Area), a.Count))
		} else {
			none = append(none, areaWord(a.Area))
		}
	}
	s := i18n.L("history.areas.done", i18n.Args{"List": orNone(strings.Join(done, ", "))})
	if len(none) > 0 {
		s += "\n" + i18n.L("history.areas.none", i18n.Args{"List": strings.Join(none, ", ")})
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return i18n.L("history.nothing_yet")
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
	v.win = a.NewWindow(i18n.L("history.title"))

	labels := make([]string, len(historyRanges))
	for i, k := range historyRanges {
		labels[i] = i18n.L("history.range." + strings.ToLower(k))
	}
	v.rangeSel = widget.NewRadioGroup(labels, func(l string) {
		k := ""
		for i, x := range labels {
			if x == l {
				k = historyRanges[i]
			}
		}
		if k == "" {
			v.rangeSel.SetSelected(labels[indexOf(historyRanges, v.kind)])
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
	prev := widget.NewButtonWithIcon(i18n.L("history.earlier"), theme.NavigateBackIcon(), func() { v.step(-1) })
	next := widget.NewButtonWithIcon(i18n.L("history.later"), theme.NavigateNextIcon(), func() { v.step(1) })
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
	v.work = NewLineChart(i18n.L("history.chart.work"), 100, nil)
	v.quiz = NewLineChart(i18n.L("history.chart.quiz"), 100, nil)
	v.pain = NewLineChart(i18n.L("history.chart.pain"), 10, nil)
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
		container.NewTabItem(i18n.L("history.tab.breaks"), beside(v.chart, v.summary)),
		container.NewTabItem(i18n.L("history.tab.heatmap"), beside(container.NewBorder(widget.NewLabel(i18n.L("history.heat.title")), nil, nil, nil, v.heat), v.heatText)),
		container.NewTabItem(i18n.L("history.tab.areas"), beside(container.NewVBox(widget.NewLabel(i18n.L("history.areas.title")), v.areas), v.areaText)),
		container.NewTabItem(i18n.L("history.tab.checkins"), beside(container.NewVScroll(container.NewVBox(charts...)), v.series)),
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
			i18n.N("history.journal_notes", len(opt.Notes)), container.NewVScroll(body)))
		content = container.NewBorder(top, v.notes, nil, nil, v.tabs)
	}
	v.win.SetContent(container.NewPadded(content))
	v.win.Resize(fyne.NewSize(980, 620))
	v.rangeSel.SetSelected(labels[indexOf(historyRanges, v.kind)]) // runs update
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
		v.title.SetText(i18n.WeekdayDate(from))
	case "Week":
		v.title.SetText(i18n.L("history.week_of", i18n.Args{"From": i18n.ShortDay(from), "To": i18n.ShortDay(to) + " " + strconv.Itoa(to.Year())}))
	case "Month":
		v.title.SetText(i18n.MonthYear(from))
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
		b.WriteString(i18n.N("history.work", n, i18n.Args{"Latest": i18n.Decimal(work[n-1].Value, 0), "Date": i18n.Date(work[n-1].Time)}))
		if n > 1 {
			b.WriteString(i18n.L("history.work.first", i18n.Args{"First": i18n.Decimal(work[0].Value, 0)}))
		}
		b.WriteString(".\n")
	} else {
		b.WriteString(i18n.L("history.work.none") + "\n")
	}
	if n := len(quiz); n > 0 {
		right, asked := 0.0, 0.0
		for _, q := range quiz {
			right, asked = right+q.Value, asked+q.Of
		}
		b.WriteString(i18n.N("history.quiz", n, i18n.Args{"Right": i18n.Decimal(right, 0), "Asked": i18n.Decimal(asked, 0), "Latest": i18n.Decimal(quiz[n-1].Value, 0), "Of": i18n.Decimal(quiz[n-1].Of, 0)}) + "\n")
	} else {
		b.WriteString(i18n.L("history.quiz.none") + "\n")
	}
	if recovery {
		if n := len(pain); n > 0 {
			b.WriteString(i18n.N("history.pain", n, i18n.Args{"First": i18n.Decimal(pain[0].Value, 0), "Latest": i18n.Decimal(pain[n-1].Value, 0)}))
		} else {
			b.WriteString(i18n.L("history.pain.none"))
		}
	}
	return strings.TrimSpace(b.String())
}

// Window returns the history window.
func (v *HistoryView) Window() fyne.Window { return v.win }

// Show shows the window.
func (v *HistoryView) Show() { v.win.Show() }

// areaWord is a body area id ("upper-back") in the current language.
func areaWord(area string) string {
	if i18n.Has("settings.choice." + area) {
		return strings.ToLower(i18n.L("settings.choice." + area))
	}
	return area
}
