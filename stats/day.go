package stats

import (
	"math"
	"sort"
	"time"
)

// Record is one journal record as stats reads it (journal.Record's
// fields; the journal converts).
type Record struct {
	Time     time.Time
	Event    string
	Kind     string
	Exercise string
	Outcome  string
	Seconds  float64
	Data     map[string]any
}

// Break kinds: only these count as breaks. Other kinds (lifting,
// workstation, recovery…) have their own series.
var breakKinds = map[string]bool{"posture": true, "mobility": true, "rest": true}

// IsBreakKind reports whether kind is one of the active-time breaks.
func IsBreakKind(kind string) bool { return breakKinds[kind] }

// EventActive is the record the agent writes once an hour (and when it
// stops): Seconds of keyboard and mouse activity since the previous one.
const EventActive = "active"

// Point is one value of a series at a time: a workstation score, a quiz
// result (Value right of Of asked), a pain score (0–10).
type Point struct {
	Time  time.Time `json:"time"`
	Value float64   `json:"value"`
	Of    float64   `json:"of,omitempty"`
}

// Day is one local calendar day.
//
// Due counts breaks that came due and ended: completed, ended early,
// natural (idle long enough to count) and skipped. Postponed and closed
// (window closed with no choice) defer a break that comes back, and an
// interrupted break was cut short by a pause or by a longer break (which
// counts on its own), so those three are listed but are not due breaks.
// Taken is completed + ended early + natural.
type Day struct {
	Date        string         `json:"date"` // YYYY-MM-DD
	Due         int            `json:"due"`
	Taken       int            `json:"taken"`
	Completed   int            `json:"completed"`
	EndedEarly  int            `json:"ended_early"`
	Natural     int            `json:"natural"`
	Postponed   int            `json:"postponed"`
	Skipped     int            `json:"skipped"`
	Closed      int            `json:"closed"`
	Interrupted int            `json:"interrupted"`
	TakenByKind map[string]int `json:"taken_by_kind,omitempty"`
	// ActiveSeconds is keyboard and mouse time: the sum of "active"
	// records when the day has any (ActiveMeasured), otherwise an
	// estimate: the gaps of at most 30 minutes between the day's records.
	ActiveSeconds  float64 `json:"active_seconds"`
	ActiveMeasured bool    `json:"active_measured"`
	// LongestStretch is the longest time in seconds between two rest
	// points: a break taken, a lock, sleep, pause or resume, and the day's
	// first and last records.
	LongestStretch float64        `json:"longest_stretch_seconds"`
	TakenByHour    [24]int        `json:"taken_by_hour"`
	Exercises      map[string]int `json:"exercises,omitempty"` // exercises done (completed or ended early)
	Workstation    []Point        `json:"workstation,omitempty"`
	Quiz           []Point        `json:"quiz,omitempty"`
	Pain           []Point        `json:"pain,omitempty"`
}

// Share is Taken / Due, or 0 with no breaks due.
func (d Day) Share() float64 {
	if d.Due == 0 {
		return 0
	}
	return float64(d.Taken) / float64(d.Due)
}

// activeGap is the longest gap between records that Days counts as active
// time when no active records were written.
const activeGap = 30 * time.Minute

// Days groups recs by local day in loc (nil means time.Local) and
// summarises each, oldest first. Records need not be in time order. Days
// without records are left out.
func Days(recs []Record, loc *time.Location) []Day {
	if loc == nil {
		loc = time.Local
	}
	byDay := map[string][]Record{}
	for _, r := range recs {
		k := r.Time.In(loc).Format(time.DateOnly)
		byDay[k] = append(byDay[k], r)
	}
	out := make([]Day, 0, len(byDay))
	for k, rs := range byDay {
		out = append(out, summarise(k, rs, loc))
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Date < out[b].Date })
	return out
}

func summarise(date string, rs []Record, loc *time.Location) Day {
	sort.SliceStable(rs, func(a, b int) bool { return rs[a].Time.Before(rs[b].Time) })
	d := Day{Date: date}
	var (
		rests    []time.Time
		active   float64
		measured bool
	)
	for _, r := range rs {
		brk := breakKinds[r.Kind]
		taken := false
		switch r.Event {
		case "completed":
			if brk {
				d.Completed++
				taken = true
			}
		case "ended_early":
			if brk {
				d.EndedEarly++
				taken = true
			}
		case "natural":
			if brk {
				d.Natural++
				taken = true
			}
		case "skipped":
			if brk {
				d.Skipped++
				d.Due++
			}
		case "postponed":
			if brk {
				d.Postponed++
			}
		case "closed":
			if brk {
				d.Closed++
			}
		case "interrupted":
			if brk {
				d.Interrupted++
			}
		case "session", "paused", "resumed":
			rests = append(rests, r.Time)
		case EventActive:
			if r.Seconds > 0 && !math.IsInf(r.Seconds, 0) {
				active += r.Seconds
				measured = true
			}
		case "checkin":
			if v, ok := number(r.Data, "score"); ok && r.Kind == "workstation" {
				d.Workstation = append(d.Workstation, Point{Time: r.Time, Value: v})
			}
			if v, ok := number(r.Data, "pain"); ok && r.Kind == "recovery" {
				d.Pain = append(d.Pain, Point{Time: r.Time, Value: v})
			}
		}
		if r.Event == "completed" && r.Kind == "" {
			if right, ok := number(r.Data, "right"); ok {
				if asked, ok := number(r.Data, "asked"); ok && asked > 0 {
					d.Quiz = append(d.Quiz, Point{Time: r.Time, Value: right, Of: asked})
				}
			}
		}
		if taken {
			d.Taken++
			d.Due++
			if d.TakenByKind == nil {
				d.TakenByKind = map[string]int{}
			}
			d.TakenByKind[r.Kind]++
			d.TakenByHour[r.Time.In(loc).Hour()]++
			rests = append(rests, r.Time)
			if r.Exercise != "" && r.Event != "natural" {
				if d.Exercises == nil {
					d.Exercises = map[string]int{}
				}
				d.Exercises[r.Exercise]++
			}
		}
	}
	if len(rs) > 0 {
		first, last := rs[0].Time, rs[len(rs)-1].Time
		rests = append(rests, first, last)
		sort.Slice(rests, func(a, b int) bool { return rests[a].Before(rests[b]) })
		for i := 1; i < len(rests); i++ {
			d.LongestStretch = math.Max(d.LongestStretch, rests[i].Sub(rests[i-1]).Seconds())
		}
		if !measured {
			for i := 1; i < len(rs); i++ {
				if g := rs[i].Time.Sub(rs[i-1].Time); g <= activeGap {
					active += g.Seconds()
				}
			}
		}
	}
	d.ActiveSeconds, d.ActiveMeasured = active, measured
	return d
}

// number reads a JSON number (float64 once decoded; int when built in Go).
func number(data map[string]any, key string) (float64, bool) {
	switch v := data[key].(type) {
	case float64:
		return v, !math.IsNaN(v) && !math.IsInf(v, 0)
	case int:
		return float64(v), true
	}
	return 0, false
}
