package stats

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

var loc = time.FixedZone("UTC+2", 2*3600)

func at(day, h, m int) time.Time { return time.Date(2026, 11, day, h, m, 0, 0, loc) }

func TestDayCountsEachOutcome(t *testing.T) {
	recs := []Record{
		{Time: at(2, 9, 0), Event: "warned", Kind: "posture"},
		{Time: at(2, 9, 1), Event: "started", Kind: "posture"},
		{Time: at(2, 9, 2), Event: "completed", Kind: "posture", Exercise: "neck-roll"},
		{Time: at(2, 9, 30), Event: "ended_early", Kind: "mobility", Exercise: "hip-circles"},
		{Time: at(2, 10, 0), Event: "natural", Kind: "posture", Exercise: "ignored"},
		{Time: at(2, 10, 20), Event: "postponed", Kind: "posture"},
		{Time: at(2, 10, 25), Event: "closed", Kind: "posture"},
		{Time: at(2, 10, 40), Event: "skipped", Kind: "posture"},
		{Time: at(2, 11, 0), Event: "interrupted", Kind: "posture"},
		{Time: at(2, 11, 5), Event: "completed", Kind: "recovery"},                                     // not a break
		{Time: at(2, 11, 6), Event: "completed", Data: map[string]any{"right": 2.0, "asked": 3.0}},     // a refresher
		{Time: at(2, 11, 7), Event: "checkin", Kind: "workstation", Data: map[string]any{"score": 80}}, // int from Go
		{Time: at(2, 11, 8), Event: "checkin", Kind: "recovery", Data: map[string]any{"pain": 4.0}},
		{Time: at(2, 11, 9), Event: "mystery", Kind: "posture"},
	}
	days := Days(recs, loc)
	if len(days) != 1 {
		t.Fatalf("%d days, want 1", len(days))
	}
	d := days[0]
	got := [9]int{d.Due, d.Taken, d.Completed, d.EndedEarly, d.Natural, d.Postponed, d.Skipped, d.Closed, d.Interrupted}
	if want := [9]int{4, 3, 1, 1, 1, 1, 1, 1, 1}; got != want {
		t.Errorf("due, taken, completed, early, natural, postponed, skipped, closed, interrupted = %v, want %v", got, want)
	}
	if d.Share() != 0.75 {
		t.Errorf("share %v, want 0.75", d.Share())
	}
	if !reflect.DeepEqual(d.Exercises, map[string]int{"neck-roll": 1, "hip-circles": 1}) {
		t.Errorf("exercises %v", d.Exercises)
	}
	if d.TakenByHour[9] != 2 || d.TakenByHour[10] != 1 {
		t.Errorf("by hour %v", d.TakenByHour)
	}
	if len(d.Quiz) != 1 || d.Quiz[0].Value != 2 || d.Quiz[0].Of != 3 || len(d.Workstation) != 1 || d.Workstation[0].Value != 80 || len(d.Pain) != 1 || d.Pain[0].Value != 4 {
		t.Errorf("series quiz %v workstation %v pain %v", d.Quiz, d.Workstation, d.Pain)
	}
	// No active records: estimated from gaps ≤ 30 min, 9:00 to 11:09 with
	// one 20-min and one 30-min gap counted.
	if d.ActiveMeasured || d.ActiveSeconds != (129*time.Minute).Seconds() {
		t.Errorf("active %v measured %v, want 129 min estimated", d.ActiveSeconds, d.ActiveMeasured)
	}
	// Rest points 9:00(first) 9:02 9:30 10:00 11:09(last): longest 69 min.
	if d.LongestStretch != (69 * time.Minute).Seconds() {
		t.Errorf("longest stretch %v s, want 69 min", d.LongestStretch)
	}
}

func TestActiveRecordsMeasureActiveTime(t *testing.T) {
	recs := []Record{
		{Time: at(3, 9, 0), Event: EventActive, Seconds: 1800},
		{Time: at(3, 10, 0), Event: EventActive, Seconds: 2400},
		{Time: at(3, 10, 5), Event: "completed", Kind: "rest"},
	}
	d := Days(recs, loc)[0]
	if !d.ActiveMeasured || d.ActiveSeconds != 4200 {
		t.Errorf("active %v measured %v, want 4200 measured", d.ActiveSeconds, d.ActiveMeasured)
	}
}

func TestDaysSplitAtLocalMidnight(t *testing.T) {
	recs := []Record{
		{Time: time.Date(2026, 11, 2, 21, 59, 0, 0, time.UTC), Event: "completed", Kind: "posture"}, // 23:59 local
		{Time: time.Date(2026, 11, 2, 22, 0, 0, 0, time.UTC), Event: "completed", Kind: "posture"},  // 00:00 local
	}
	days := Days(recs, loc)
	if len(days) != 2 || days[0].Date != "2026-11-02" || days[1].Date != "2026-11-03" || days[1].TakenByHour[0] != 1 {
		t.Errorf("days %+v", days)
	}
}

// randomRecs makes n records over 60 days from a seeded source.
func randomRecs(rng *rand.Rand, n int) []Record {
	events := []string{"completed", "ended_early", "natural", "postponed", "skipped", "closed", "interrupted", "warned", "started", "session", "active"}
	kinds := []string{"posture", "mobility", "rest", "", "lifting"}
	recs := make([]Record, n)
	for i := range recs {
		recs[i] = Record{
			Time:  at(1, 0, 0).Add(time.Duration(rng.Int64N(int64(60 * 24 * time.Hour)))),
			Event: events[rng.IntN(len(events))], Kind: kinds[rng.IntN(len(kinds))],
			Seconds: float64(rng.IntN(100)), Exercise: []string{"", "a", "b"}[rng.IntN(3)],
		}
	}
	return recs
}

// Invariant: however records are grouped (by day, week, month; split into
// parts and merged), the totals equal the counts of the records.
func TestTotalsMatchRecordsWhateverTheGrouping(t *testing.T) {
	for seed := uint64(1); seed <= 50; seed++ {
		rng := rand.New(rand.NewPCG(seed, 0))
		recs := randomRecs(rng, 1+rng.IntN(400))
		want := map[string]int{}
		for _, r := range recs {
			if IsBreakKind(r.Kind) {
				want[r.Event]++
			}
		}
		wantDue := want["completed"] + want["ended_early"] + want["natural"] + want["skipped"]
		days := Days(recs, loc)
		cut := rng.IntN(len(recs) + 1)
		parts := MergeDays(append(Days(recs[:cut], loc), Days(recs[cut:], loc)...))
		for _, by := range []By{ByDay, ByWeek, ByMonth} {
			for _, src := range [][]Day{days, parts} {
				var tot Day
				for _, p := range Group(src, by) {
					tot = Merge(tot, p.Day)
				}
				got := map[string]int{"completed": tot.Completed, "ended_early": tot.EndedEarly, "natural": tot.Natural,
					"postponed": tot.Postponed, "skipped": tot.Skipped, "closed": tot.Closed, "interrupted": tot.Interrupted}
				for ev, n := range got {
					if want[ev] != n {
						t.Fatalf("seed %d by %s: %s = %d, want %d", seed, by, ev, n, want[ev])
					}
				}
				if tot.Due != wantDue || tot.Taken != want["completed"]+want["ended_early"]+want["natural"] {
					t.Fatalf("seed %d by %s: due %d taken %d", seed, by, tot.Due, tot.Taken)
				}
				h := 0
				for _, row := range Heatmap(src) {
					for _, n := range row {
						h += n
					}
				}
				if h != tot.Taken {
					t.Fatalf("seed %d: heatmap holds %d, taken %d", seed, h, tot.Taken)
				}
			}
		}
	}
}

func TestGroupLabels(t *testing.T) {
	days := []Day{{Date: "2026-11-29", Due: 1}, {Date: "2026-11-30", Due: 2}, {Date: "2026-12-01", Due: 4}}
	w := Group(days, ByWeek)
	if len(w) != 2 || w[0].Label != "2026-W48" || w[0].Due != 1 || w[1].Label != "2026-W49" || w[1].Due != 6 || w[1].Days != 2 {
		t.Errorf("by week %+v", w)
	}
	m := Group(days, ByMonth)
	if len(m) != 2 || m[0].Label != "2026-11" || m[0].Due != 3 || m[1].Label != "2026-12" {
		t.Errorf("by month %+v", m)
	}
	if _, err := ParseBy("year"); err == nil {
		t.Error("ParseBy(year) accepted")
	}
}

func TestStreaksSkipDaysWithoutBreaks(t *testing.T) {
	good := func(d string) Day { return Day{Date: d, Due: 4, Taken: 3} }
	bad := func(d string) Day { return Day{Date: d, Due: 4, Taken: 2} } // half is not most
	days := []Day{good("2026-11-02"), good("2026-11-03"), bad("2026-11-04"), good("2026-11-05"), good("2026-11-06"),
		{Date: "2026-11-07"}, good("2026-11-09"), good("2026-11-10")}
	s := Streaks(days)
	if s.Current != 4 || s.Longest != 4 || s.LongestEnd != "2026-11-10" {
		t.Errorf("streaks %+v, want current 4, longest 4 ending 2026-11-10", s)
	}
}

func TestAreasExercised(t *testing.T) {
	areas := map[string][]string{"a": {"lower-back", "upper-back"}, "b": {"whole-body"}, "c": {"wrists-hands", "eyes"}}
	days := []Day{{Exercises: map[string]int{"a": 2, "b": 1, "unknown": 5}}, {Exercises: map[string]int{"c": 1}}}
	got := AreasExercised(days, func(e string) []string { return areas[e] })
	want := []AreaCount{{"neck", 0}, {"shoulders", 1}, {"back", 3}, {"hips", 1}, {"legs", 1}, {"wrists", 1}, {"eyes", 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("areas %v, want %v", got, want)
	}
}

func TestFill(t *testing.T) {
	got := Fill([]Day{{Date: "2026-11-02", Due: 3}}, "2026-11-01", "2026-11-03")
	if len(got) != 3 || got[0].Date != "2026-11-01" || got[1].Due != 3 || got[2].Date != "2026-11-03" {
		t.Errorf("fill %+v", got)
	}
}
