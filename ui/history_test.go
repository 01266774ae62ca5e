package ui

import (
	"image/color"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/limberapp/limber/journal/gen"
	"github.com/limberapp/limber/stats"
)

// historyNow is a Friday afternoon; the generated data end on it.
var historyNow = time.Date(2026, 11, 20, 16, 0, 0, 0, time.Local)

// historyDays are 20 weeks of generated records, summarised.
func historyDays(t testing.TB) []stats.Day {
	t.Helper()
	recs, _ := gen.Span(historyNow.AddDate(0, 0, -140), historyNow, time.Local, gen.Options{Seed: 3, Active: true})
	in := make([]stats.Record, len(recs))
	for i, r := range recs {
		in[i] = stats.Record{Time: r.Time, Event: r.Event, Kind: r.Kind, Exercise: r.Exercise, Seconds: r.Seconds, Data: r.Data}
	}
	return stats.Days(in, time.Local)
}

var testAreas = map[string][]string{"chin-tuck": {"neck"}, "shoulder-rolls": {"shoulders"}, "eye-break": {"eyes"},
	"seated-trunk-rotation": {"upper-back"}, "hip-marching": {"hips"}, "calf-stretch": {"legs"}}

func newTestHistory(t *testing.T, th fyne.Theme, opt HistoryOptions) *HistoryView {
	t.Helper()
	a := test.NewTempApp(t)
	if th != nil {
		a.Settings().SetTheme(th)
	}
	if opt.Days == nil {
		opt.Days = historyDays(t)
	}
	opt.Now = func() time.Time { return historyNow }
	opt.AreasOf = func(e string) []string { return testAreas[e] }
	v := NewHistoryView(a, opt)
	v.win.Resize(fyne.NewSize(980, 620))
	t.Cleanup(v.win.Close)
	return v
}

func TestHistoryRange(t *testing.T) {
	for _, c := range []struct {
		kind, at, from, to string
	}{
		{"Today", "2026-11-20", "2026-11-20", "2026-11-20"},
		{"Week", "2026-11-20", "2026-11-16", "2026-11-22"},
		{"Week", "2026-11-22", "2026-11-16", "2026-11-22"}, // Sunday ends the week
		{"Week", "2026-11-16", "2026-11-16", "2026-11-22"},
		{"Month", "2026-02-14", "2026-02-01", "2026-02-28"},
		{"Year", "2026-11-20", "2026-01-01", "2026-12-31"},
	} {
		at, _ := time.ParseInLocation(time.DateOnly, c.at, time.Local)
		f, to := HistoryRange(c.kind, at.Add(13*time.Hour))
		if f.Format(time.DateOnly) != c.from || to.Format(time.DateOnly) != c.to {
			t.Errorf("%s of %s = %s…%s, want %s…%s", c.kind, c.at, f.Format(time.DateOnly), to.Format(time.DateOnly), c.from, c.to)
		}
	}
	jan31 := time.Date(2026, 1, 31, 12, 0, 0, 0, time.Local)
	if got := stepRange("Month", jan31, 1); got.Month() != time.February {
		t.Errorf("a month on from 31 January is %v, want February", got)
	}
}

// The bars stack the outcomes in order, bottom up, each as tall as its
// count, in the theme's colours.
func TestDayChartStacksOutcomes(t *testing.T) {
	test.NewTempApp(t)
	days := []stats.Day{{Date: "2026-11-16", Completed: 3, EndedEarly: 1, Skipped: 2}, {Date: "2026-11-17"}, {Date: "2026-11-18", Natural: 4, Postponed: 1}}
	c := NewDayChart(days)
	w := test.NewWindow(c)
	defer w.Close()
	w.Resize(fyne.NewSize(500, 300))
	s := c.Size()
	type bar struct {
		col  color.Color
		h, y float32
	}
	bars := map[int][]bar{}
	for _, o := range test.WidgetRenderer(c).Objects() {
		r, ok := o.(*canvas.Rectangle)
		if !ok || r.Position().Y < 20 { // legend swatches sit in the top row
			continue
		}
		for i := range days {
			if x, _, _ := c.BarRect(i, s); abs32(r.Position().X-x) < 0.01 {
				bars[i] = append(bars[i], bar{r.FillColor, r.Size().Height, r.Position().Y})
			}
		}
	}
	_, _, unit := c.BarRect(0, s)
	want := map[int][]struct {
		n   int
		col fyne.ThemeColorName
	}{
		0: {{3, theme.ColorNameSuccess}, {1, theme.ColorNameWarning}, {2, theme.ColorNameError}},
		2: {{4, theme.ColorNamePrimary}, {1, theme.ColorNamePlaceHolder}},
	}
	for i, segs := range want {
		if len(bars[i]) != len(segs) {
			t.Fatalf("day %d: %d segments, want %d", i, len(bars[i]), len(segs))
		}
		for j, sg := range segs {
			b := bars[i][j]
			if abs32(b.h-unit*float32(sg.n)) > 0.01 || b.col != theme.Color(sg.col) {
				t.Errorf("day %d segment %d: height %v colour %v, want %v and %s", i, j, b.h, b.col, unit*float32(sg.n), sg.col)
			}
			if j > 0 && abs32(bars[i][j-1].y-(b.y+b.h)) > 0.01 {
				t.Errorf("day %d segment %d is not stacked on the one below", i, j)
			}
		}
	}
	if len(bars[1]) != 0 {
		t.Errorf("a day without breaks has bars: %v", bars[1])
	}
}

func TestHeatmapCellStrength(t *testing.T) {
	var cells [7][24]int
	cells[0][9], cells[4][15] = 10, 5
	h := NewHeatmap(cells)
	if h.CellAlpha(0, 9) != 255 || h.CellAlpha(1, 9) != 0 || h.CellAlpha(4, 15) <= 40 || h.CellAlpha(4, 15) >= 255 {
		t.Errorf("alphas %d %d %d", h.CellAlpha(0, 9), h.CellAlpha(1, 9), h.CellAlpha(4, 15))
	}
	if s := HeatmapSummary(cells); !strings.Contains(s, "15 breaks") || !strings.Contains(s, "Monday between 09:00 and 10:00 (10)") {
		t.Errorf("summary %q", s)
	}
}

// Switching the range and stepping back redraw the chart and the text.
func TestHistoryRangeSwitchAndStep(t *testing.T) {
	v := newTestHistory(t, nil, HistoryOptions{})
	if v.title.Text != "Week of Mon 16 Nov to Sun 22 Nov 2026" || len(v.chart.days) != 7 {
		t.Fatalf("opens on %q with %d days", v.title.Text, len(v.chart.days))
	}
	v.rangeSel.SetSelected("Month")
	if v.title.Text != "November 2026" || len(v.chart.days) != 30 {
		t.Errorf("month: %q, %d days", v.title.Text, len(v.chart.days))
	}
	v.step(-1)
	if v.title.Text != "October 2026" || len(v.chart.days) != 31 {
		t.Errorf("a month back: %q, %d days", v.title.Text, len(v.chart.days))
	}
	// The text beside the chart has the month's totals.
	var total stats.Day
	for _, d := range v.chart.days {
		total = stats.Merge(total, d)
	}
	if want := dayLine("Total", total); !strings.HasPrefix(v.summary.Text, want) {
		t.Errorf("summary starts %q, want %q", firstLine(v.summary.Text), want)
	}
	v.rangeSel.SetSelected("Year")
	if len(v.chart.days) != 365 || strings.Count(v.summary.Text, "\n") != 13 {
		t.Errorf("year: %d days, %d summary lines (want total, 12 months, streak)", len(v.chart.days), strings.Count(v.summary.Text, "\n")+1)
	}
	// The date picker moves the range.
	d := time.Date(2026, 8, 5, 0, 0, 0, 0, time.UTC)
	v.date.SetDate(&d)
	if v.title.Text != "2026" {
		t.Errorf("after picking 5 August in year view: %q", v.title.Text)
	}
	v.rangeSel.SetSelected("Today")
	if v.title.Text != "Wednesday 5 August 2026" {
		t.Errorf("today of the picked date: %q", v.title.Text)
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

// Skipped journal lines are listed in a collapsed note naming each.
func TestHistoryNotesCollapsed(t *testing.T) {
	notes := []string{"/s/journal.jsonl:12: skipped malformed line: unexpected end of JSON input", "/s/journal.jsonl:13: skipped unknown event \"x\""}
	v := newTestHistory(t, nil, HistoryOptions{Notes: notes})
	if v.notes == nil || len(v.notes.Items) != 1 || v.notes.Items[0].Open {
		t.Fatalf("notes accordion: %+v", v.notes)
	}
	if !strings.Contains(v.notes.Items[0].Title, "2 lines") {
		t.Errorf("title %q", v.notes.Items[0].Title)
	}
	v.notes.Open(0)
	found := false
	for _, o := range test.LaidOutObjects(v.notes) {
		if tx, ok := o.(*canvas.Text); ok && strings.Contains(tx.Text, "journal.jsonl:13") {
			found = true
		}
	}
	if !found {
		t.Error("the opened note does not show the file and line")
	}
	if newTestHistory(t, nil, HistoryOptions{}).notes != nil {
		t.Error("a note with nothing skipped")
	}
}

// The pain chart is there only while a recovery plan runs.
func TestHistoryPainChartOnlyDuringRecovery(t *testing.T) {
	for _, rec := range []bool{false, true} {
		v := newTestHistory(t, nil, HistoryOptions{Recovery: rec, Tab: "checkins"})
		shown := false
		for _, o := range test.LaidOutObjects(v.win.Content()) {
			if o == v.pain {
				shown = true
			}
		}
		if shown != rec {
			t.Errorf("recovery %v: pain chart shown %v", rec, shown)
		}
		if rec && (len(v.pain.points) == 0 || !strings.Contains(v.series.Text, "Recovery check-ins")) {
			t.Errorf("recovery: %d pain points, text %q", len(v.pain.points), v.series.Text)
		}
	}
}

func TestAreasSummaryNamesTheNeglected(t *testing.T) {
	v := newTestHistory(t, nil, HistoryOptions{})
	if !strings.Contains(v.areaText.Text, "Not this week:") || !strings.Contains(v.areaText.Text, "wrists") {
		t.Errorf("areas text %q", v.areaText.Text)
	}
}

// Golden renders: a week, a month and the heatmap, light and dark.
func TestHistoryGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		v    fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
		for _, view := range []struct{ name, rng, tab string }{{"week", "week", ""}, {"month", "month", ""}, {"heatmap", "week", "heatmap"}} {
			t.Run(view.name+"_"+c.name, func(t *testing.T) {
				v := newTestHistory(t, variantTheme{theme.DefaultTheme(), c.v}, HistoryOptions{Range: view.rng, Tab: view.tab,
					Notes: []string{"journal.jsonl:7: skipped malformed line"}})
				v.win.Canvas().Unfocus()
				test.AssertImageMatches(t, "history_"+view.name+"_"+c.name+".png", v.win.Canvas().Capture())
			})
		}
	}
}

// At 200% or in a narrow pane the legend wraps instead of running off
// the chart, and the plot moves down to make room.
func TestDayChartLegendWraps(t *testing.T) {
	test.NewTempApp(t)
	c := NewDayChart([]stats.Day{{Date: "2026-11-16", Completed: 2}})
	small := theme.CaptionTextSize()
	for _, width := range []float32{700, 360, 200} {
		xs, rows := legendLayout(width)
		for i, l := range legendItems() {
			if end := xs[i] + 17 + fyne.MeasureText(l, small, fyne.TextStyle{}).Width; end > width && xs[i] > 4 {
				t.Errorf("width %v: %q ends at %v", width, l, end)
			}
		}
		if want := dcTop + dcLegendRow*float32(rows[len(rows)-1]); c.top(width) != want {
			t.Errorf("width %v: plot top %v, want %v", width, c.top(width), want)
		}
		if width == 700 && rows[len(rows)-1] != 0 || width == 200 && rows[len(rows)-1] < 2 {
			t.Errorf("width %v: %d legend rows", width, rows[len(rows)-1]+1)
		}
	}
}
