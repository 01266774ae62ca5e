package stats

import (
	"fmt"
	"math"
	"sort"
	"time"
)

// Period is the sum of the days of one day, ISO week or month.
type Period struct {
	Label string `json:"period"` // 2026-12-01, 2026-W49, 2026-12
	Days  int    `json:"days"`   // days with records
	Day          // summed; Date is the first day's
}

// By names a grouping for Group.
type By string

// Groupings.
const (
	ByDay   By = "day"
	ByWeek  By = "week"
	ByMonth By = "month"
)

// ParseBy reads "day", "week" or "month".
func ParseBy(s string) (By, error) {
	switch b := By(s); b {
	case ByDay, ByWeek, ByMonth:
		return b, nil
	}
	return "", fmt.Errorf("%q: expected day, week or month", s)
}

// Label returns the period of by that date (YYYY-MM-DD) falls in.
func (b By) Label(date string) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	switch b {
	case ByWeek:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case ByMonth:
		return t.Format("2006-01")
	}
	return date
}

// Group sums days into periods of by, oldest first.
func Group(days []Day, by By) []Period {
	idx := map[string]int{}
	var out []Period
	for _, d := range days {
		l := by.Label(d.Date)
		i, ok := idx[l]
		if !ok {
			i = len(out)
			idx[l] = i
			out = append(out, Period{Label: l, Day: Day{Date: d.Date}})
		}
		out[i].Days++
		out[i].Day = Merge(out[i].Day, d)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Label < out[b].Label })
	return out
}

// Merge adds b's counts to a's; the longest stretch is the larger of the
// two (exact for different days; for two parts of one day, as when a
// time-zone change splits it across monthly files, a lower bound).
func Merge(a, b Day) Day {
	if a.Date == "" || (b.Date != "" && b.Date < a.Date) {
		a.Date = b.Date
	}
	a.Due += b.Due
	a.Taken += b.Taken
	a.Completed += b.Completed
	a.EndedEarly += b.EndedEarly
	a.Natural += b.Natural
	a.Postponed += b.Postponed
	a.Skipped += b.Skipped
	a.Closed += b.Closed
	a.Interrupted += b.Interrupted
	a.TakenByKind = addMap(a.TakenByKind, b.TakenByKind)
	a.Exercises = addMap(a.Exercises, b.Exercises)
	a.ActiveSeconds += b.ActiveSeconds
	a.ActiveMeasured = a.ActiveMeasured || b.ActiveMeasured
	a.LongestStretch = math.Max(a.LongestStretch, b.LongestStretch)
	for h := range a.TakenByHour {
		a.TakenByHour[h] += b.TakenByHour[h]
	}
	a.Workstation = append(append([]Point(nil), a.Workstation...), b.Workstation...)
	a.Quiz = append(append([]Point(nil), a.Quiz...), b.Quiz...)
	a.Pain = append(append([]Point(nil), a.Pain...), b.Pain...)
	return a
}

func addMap(a, b map[string]int) map[string]int {
	if len(b) == 0 {
		return a
	}
	out := make(map[string]int, len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] += v
	}
	return out
}

// MergeDays merges days that share a date (parts of one day from two
// files) and sorts them, oldest first.
func MergeDays(days []Day) []Day {
	byDate := map[string]int{}
	var out []Day
	for _, d := range days {
		if i, ok := byDate[d.Date]; ok {
			out[i] = Merge(out[i], d)
			continue
		}
		byDate[d.Date] = len(out)
		out = append(out, d)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Date < out[b].Date })
	return out
}

// Between keeps the days from from to to (YYYY-MM-DD, inclusive; "" is
// open).
func Between(days []Day, from, to string) []Day {
	var out []Day
	for _, d := range days {
		if (from == "" || d.Date >= from) && (to == "" || d.Date <= to) {
			out = append(out, d)
		}
	}
	return out
}

// Fill returns one Day per date from from to to (inclusive), empty where
// days has none, so a chart has a slot for every day.
func Fill(days []Day, from, to string) []Day {
	f, err1 := time.Parse(time.DateOnly, from)
	t, err2 := time.Parse(time.DateOnly, to)
	if err1 != nil || err2 != nil || t.Before(f) {
		return nil
	}
	have := map[string]Day{}
	for _, d := range days {
		have[d.Date] = d
	}
	var out []Day
	for c := f; !c.After(t); c = c.AddDate(0, 0, 1) {
		k := c.Format(time.DateOnly)
		d, ok := have[k]
		if !ok {
			d = Day{Date: k}
		}
		out = append(out, d)
	}
	return out
}
