package journal

import (
	"sort"
	"time"
)

// DayStats summarises one local calendar day.
type DayStats struct {
	Day       string         // YYYY-MM-DD in the location Daily was given
	Completed int            // "completed" records
	Postponed int            // "postponed" records
	Skipped   int            // "skipped" records
	Natural   int            // "natural" records (idle long enough to count)
	Closed    int            // "closed" records (window closed without a choice)
	ByKind    map[string]int // completed records per kind; kindless ones are not counted
}

// DayStart returns local midnight of t's day in loc (nil means time.Local).
// Use it as LastExercises' since for "not again today".
func DayStart(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.Local
	}
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// Daily groups recs by local day in loc (nil means time.Local) and counts
// their outcomes, oldest day first. Days without records are left out;
// other events (warned, started, checkin…) do not count but still make
// their day appear.
func Daily(recs []Record, loc *time.Location) []DayStats {
	if loc == nil {
		loc = time.Local
	}
	byDay := map[string]*DayStats{}
	for _, r := range recs {
		day := r.Time.In(loc).Format(time.DateOnly)
		s := byDay[day]
		if s == nil {
			s = &DayStats{Day: day, ByKind: map[string]int{}}
			byDay[day] = s
		}
		switch r.Event {
		case EventCompleted:
			s.Completed++
			if r.Kind != "" {
				s.ByKind[r.Kind]++
			}
		case EventPostponed:
			s.Postponed++
		case EventSkipped:
			s.Skipped++
		case EventNatural:
			s.Natural++
		case EventClosed:
			s.Closed++
		}
	}
	out := make([]DayStats, 0, len(byDay))
	for _, s := range byDay {
		out = append(out, *s)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Day < out[b].Day })
	return out
}

// LastExercises returns the distinct exercises shown for kind (any kind
// when kind is "") at or after since, most recently shown first. An
// exercise counts as shown once any record names it, except a warning,
// which comes before the window opens.
func LastExercises(recs []Record, kind string, since time.Time) []string {
	var shown []Record
	for _, r := range recs {
		if r.Exercise == "" || r.Event == EventWarned || r.Time.Before(since) {
			continue
		}
		if kind != "" && r.Kind != kind {
			continue
		}
		shown = append(shown, r)
	}
	sort.SliceStable(shown, func(a, b int) bool { return shown[a].Time.After(shown[b].Time) })
	var out []string
	seen := map[string]bool{}
	for _, r := range shown {
		if !seen[r.Exercise] {
			seen[r.Exercise] = true
			out = append(out, r.Exercise)
		}
	}
	return out
}
