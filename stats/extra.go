package stats

import (
	"time"
)

// Heatmap counts breaks taken by weekday (0 = Monday) and hour over the
// given days.
func Heatmap(days []Day) [7][24]int {
	var h [7][24]int
	for _, d := range days {
		t, err := time.Parse(time.DateOnly, d.Date)
		if err != nil {
			continue
		}
		wd := (int(t.Weekday()) + 6) % 7
		for hr, n := range d.TakenByHour {
			h[wd][hr] += n
		}
	}
	return h
}

// Streak is a run of days in a row with most breaks taken.
type Streak struct {
	Current, Longest int    // in days
	LongestEnd       string // the longest run's last day
}

// GoodDay says whether d counts towards a streak: breaks were due and
// more than half of them were taken.
func GoodDay(d Day) bool { return d.Due > 0 && 2*d.Taken > d.Due }

// Streaks finds streaks in days (any order). A day with no breaks due
// (a weekend, a holiday) neither counts nor breaks a run; a day with
// breaks due and at most half taken breaks it. Current is the run that
// reaches the last day with breaks due.
func Streaks(days []Day) Streak {
	sorted := MergeDays(append([]Day(nil), days...))
	var s Streak
	run := 0
	for _, d := range sorted {
		if d.Due == 0 {
			continue
		}
		if GoodDay(d) {
			run++
			if run > s.Longest {
				s.Longest, s.LongestEnd = run, d.Date
			}
		} else {
			run = 0
		}
	}
	s.Current = run
	return s
}

// Areas are the body areas the history shows, in order.
var Areas = []string{"neck", "shoulders", "back", "hips", "legs", "wrists", "eyes"}

// areaOf maps the content library's area names to Areas.
var areaOf = map[string][]string{
	"neck":         {"neck"},
	"shoulders":    {"shoulders"},
	"upper-back":   {"back"},
	"lower-back":   {"back"},
	"hips":         {"hips"},
	"legs":         {"legs"},
	"circulation":  {"legs"},
	"wrists-hands": {"wrists"},
	"wrists":       {"wrists"},
	"eyes":         {"eyes"},
	"whole-body":   {"shoulders", "back", "hips", "legs"},
	"back":         {"back"},
}

// AreaCount is how many exercises done worked one body area.
type AreaCount struct {
	Area  string `json:"area"`
	Count int    `json:"count"`
}

// AreasExercised counts, for each of Areas, the exercises done in days
// that work it; areasOf gives an exercise's areas as the content library
// names them (unknown exercises give none). An exercise working two
// library areas that map to one area counts once for it.
func AreasExercised(days []Day, areasOf func(exercise string) []string) []AreaCount {
	n := map[string]int{}
	for _, d := range days {
		for ex, times := range d.Exercises {
			hit := map[string]bool{}
			for _, a := range areasOf(ex) {
				for _, g := range areaOf[a] {
					hit[g] = true
				}
			}
			for g := range hit {
				n[g] += times
			}
		}
	}
	out := make([]AreaCount, len(Areas))
	for i, a := range Areas {
		out[i] = AreaCount{Area: a, Count: n[a]}
	}
	return out
}

// Series collects the check-in points of days: workstation scores, quiz
// results and pain scores, in time order.
func Series(days []Day) (workstation, quiz, pain []Point) {
	for _, d := range MergeDays(append([]Day(nil), days...)) {
		workstation = append(workstation, d.Workstation...)
		quiz = append(quiz, d.Quiz...)
		pain = append(pain, d.Pain...)
	}
	return
}
