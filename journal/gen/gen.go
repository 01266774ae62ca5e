// Package gen makes journals for tests, benchmarks and screenshots: a
// year (or any span) of the records the agent and the views write, from
// a seed, with the counts it made so a reader can be checked against them.
package gen

import (
	"math/rand/v2"
	"sort"
	"time"

	"github.com/limberapp/limber/journal"
)

// Counts are what Span made on one local day, by the stats package's
// rules: Due = completed + ended early + natural + skipped; Taken =
// completed + ended early + natural (breaks of posture, mobility, rest).
type Counts struct {
	Due, Taken, Completed, EndedEarly, Natural, Postponed, Skipped, Closed, Interrupted int
	ActiveSeconds                                                                       float64
}

// Options shape a journal.
type Options struct {
	Seed     uint64
	Active   bool // write hourly "active" records
	EveryDay bool // work every day, weekends too (a denser year: ~40k records)
}

// Exercise IDs from the content library, by kind.
var exercises = map[string][]string{
	"posture":  {"chin-tuck", "shoulder-rolls", "eye-break", "palming-blink", "side-neck-stretch", "shoulder-blade-squeeze"},
	"mobility": {"seated-trunk-rotation", "standing-hamstring-stretch", "hip-marching", "calf-stretch", "wall-slides", "cross-body-stretch"},
	"rest":     {"stand-and-walk"},
}

// Span makes records for every day from first to last (local dates in
// loc, inclusive; no record is dated after last), in time order: working days 07:30–19:30 on weekdays and
// some Saturdays, posture breaks every 20 minutes, mobility every hour,
// rest every two, each warned, started and ended with an outcome; a
// workstation check-in and a quiz each month; and recovery check-ins in
// the span's last ten days. It returns the records and the counts per
// day (YYYY-MM-DD).
func Span(first, last time.Time, loc *time.Location, opt Options) ([]journal.Record, map[string]Counts) {
	rng := rand.New(rand.NewPCG(opt.Seed, 0x11))
	var recs []journal.Record
	counts := map[string]Counts{}
	add := func(t time.Time, ev, kind, ex string, secs float64, data map[string]any) {
		recs = append(recs, journal.Record{Time: t, Event: ev, Kind: kind, Exercise: ex, Outcome: outcomeOf(ev), Seconds: secs, Data: data})
	}
	y, m, d := first.In(loc).Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, loc)
	end := last.In(loc)
	for n := 0; !day.After(end); n++ {
		key := day.Format(time.DateOnly)
		wd := day.Weekday()
		work := opt.EveryDay || wd >= time.Monday && wd <= time.Friday && rng.IntN(20) > 0 || wd == time.Saturday && rng.IntN(3) == 0
		if work {
			c := Counts{}
			t := day.Add(7*time.Hour + 30*time.Minute + time.Duration(rng.IntN(30))*time.Minute)
			stop := day.Add(19*time.Hour + 30*time.Minute)
			lastActive := t
			add(t, "session", "", "", 0, nil)
			recs[len(recs)-1].Outcome = "unlock"
			for slot := 1; t.Before(stop); slot++ {
				t = t.Add(20*time.Minute + time.Duration(rng.IntN(120))*time.Second)
				kind := "posture"
				switch {
				case slot%6 == 0:
					kind = "rest"
				case slot%3 == 0:
					kind = "mobility"
				}
				if opt.Active && t.Sub(lastActive) >= time.Hour {
					secs := float64(2400 + rng.IntN(1200))
					add(t, journal.EventActive, "", "", secs, nil)
					c.ActiveSeconds += secs
					lastActive = t
				}
				ex := exercises[kind][rng.IntN(len(exercises[kind]))]
				add(t, "warned", kind, "", 0, nil)
				t = t.Add(time.Minute)
				p := rng.IntN(100)
				if p < 8 { // idle long enough: a natural break, no window
					add(t, "natural", kind, "", 0, nil)
					c.Natural++
					continue
				}
				add(t, "started", kind, "", 0, nil)
				for ; p >= 8 && p < 16; p = rng.IntN(100) { // postponed or closed, then it comes back
					t = t.Add(5 * time.Minute)
					if p < 14 {
						add(t, "postponed", kind, ex, 3, nil)
						c.Postponed++
					} else {
						add(t, "closed", kind, ex, 2, nil)
						c.Closed++
					}
					t = t.Add(5 * time.Minute)
					add(t, "started", kind, "", 0, nil)
				}
				t = t.Add(time.Duration(30+rng.IntN(150)) * time.Second)
				switch {
				case p < 78:
					add(t, "completed", kind, ex, 30, nil)
					c.Completed++
				case p < 86:
					add(t, "ended_early", kind, ex, 12, nil)
					c.EndedEarly++
				case p < 97:
					add(t, "skipped", kind, ex, 1, nil)
					c.Skipped++
				default:
					add(t, "interrupted", kind, "", 20, nil)
					c.Interrupted++
				}
			}
			if day.Day() == 3 {
				add(stop.Add(-4*time.Hour), journal.EventCheckin, "workstation", "", 0, map[string]any{"score": 55 + rng.IntN(40), "quick": true})
			}
			if day.Day() == 10 {
				asked := 3
				add(stop.Add(-3*time.Hour), journal.EventCompleted, "", "", 60, map[string]any{"right": rng.IntN(asked + 1), "asked": asked})
			}
			if end.Sub(day) < 10*24*time.Hour {
				add(stop.Add(-2*time.Hour), journal.EventCheckin, "recovery", "", 0, map[string]any{"pain": float64(2 + int(end.Sub(day).Hours()/24)/2)})
			}
			add(stop.Add(time.Duration(rng.IntN(600))*time.Second), "session", "", "", 0, nil)
			recs[len(recs)-1].Outcome = "lock"
			c.Taken = c.Completed + c.EndedEarly + c.Natural
			c.Due = c.Taken + c.Skipped
			counts[key] = c
		}
		day = time.Date(day.Year(), day.Month(), day.Day()+1, 0, 0, 0, 0, loc)
	}
	sort.SliceStable(recs, func(a, b int) bool { return recs[a].Time.Before(recs[b].Time) })
	// Nothing after last: drop what the last day would bring later, and
	// its counts.
	for len(recs) > 0 && recs[len(recs)-1].Time.After(last) {
		r := recs[len(recs)-1]
		recs = recs[:len(recs)-1]
		key := r.Time.In(loc).Format(time.DateOnly)
		c, ok := counts[key]
		if !ok {
			continue
		}
		switch r.Event {
		case "completed":
			if r.Kind != "" {
				c.Completed--
			}
		case "ended_early":
			c.EndedEarly--
		case "natural":
			c.Natural--
		case "postponed":
			c.Postponed--
		case "skipped":
			c.Skipped--
		case "closed":
			c.Closed--
		case "interrupted":
			c.Interrupted--
		case journal.EventActive:
			c.ActiveSeconds -= r.Seconds
		}
		c.Taken = c.Completed + c.EndedEarly + c.Natural
		c.Due = c.Taken + c.Skipped
		counts[key] = c
	}
	return recs, counts
}

func outcomeOf(ev string) string {
	switch ev {
	case "completed", "ended_early", "natural", "postponed", "skipped", "closed", "interrupted":
		return ev
	}
	return ""
}

// Write appends recs to the journal at path.
func Write(path string, recs []journal.Record) error {
	j, err := journal.Open(path)
	if err != nil {
		return err
	}
	defer j.Close()
	return j.AppendMany(recs)
}
