package journal

import (
	"reflect"
	"testing"
	"time"
)

func TestDailyAcrossLocalMidnight(t *testing.T) {
	east := time.FixedZone("UTC+2", 2*3600)
	at := func(h, m int) time.Time { return time.Date(2025, 6, 2, h, m, 0, 0, time.UTC) }
	recs := []Record{
		{Time: at(21, 30), Event: EventCompleted, Kind: "posture"},  // 23:30 local, June 2
		{Time: at(21, 50), Event: EventPostponed, Kind: "mobility"}, // 23:50 local
		{Time: at(21, 59), Event: EventSkipped, Kind: "rest"},       // 23:59 local
		{Time: at(22, 0), Event: EventCompleted, Kind: "posture"},   // 00:00 local, June 3
		{Time: at(22, 10), Event: EventCompleted, Kind: "mobility"},
		{Time: at(22, 20), Event: EventNatural, Kind: "rest"},
		{Time: at(22, 30), Event: EventClosed, Kind: "posture"},
		{Time: at(22, 40), Event: EventWarned, Kind: "posture"},
		{Time: at(22, 50), Event: EventCompleted},                // no kind: counted, not by kind
		{Time: at(1, 0), Event: EventCompleted, Kind: "posture"}, // 03:00 local, June 2, out of order
	}
	got := Daily(recs, east)
	want := []DayStats{
		{Day: "2025-06-02", Completed: 2, Postponed: 1, Skipped: 1, ByKind: map[string]int{"posture": 2}},
		{Day: "2025-06-03", Completed: 3, Natural: 1, Closed: 1, ByKind: map[string]int{"posture": 1, "mobility": 1}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Daily(UTC+2) =\n%+v\nwant\n%+v", got, want)
	}

	utc := Daily(recs, time.UTC) // the same records all fall on June 2 in UTC
	if len(utc) != 1 || utc[0].Day != "2025-06-02" || utc[0].Completed != 5 || utc[0].ByKind["posture"] != 3 {
		t.Errorf("Daily(UTC) = %+v, want one day with 5 completed, 3 posture", utc)
	}
	if len(Daily(nil, nil)) != 0 {
		t.Error("Daily(nil) is not empty")
	}
}

func TestDayStart(t *testing.T) {
	west := time.FixedZone("UTC-5", -5*3600)
	got := DayStart(time.Date(2025, 6, 3, 2, 0, 0, 0, time.UTC), west) // 21:00 June 2 local
	if want := time.Date(2025, 6, 2, 5, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("DayStart = %v, want %v", got, want)
	}
}

func TestLastExercisesSinceLocalMidnight(t *testing.T) {
	west := time.FixedZone("UTC-5", -5*3600)
	local := func(d, h, m int) time.Time { return time.Date(2025, 6, d, h, m, 0, 0, west) }
	recs := []Record{
		{Time: local(2, 23, 50), Event: EventCompleted, Kind: "posture", Exercise: "wall-angel"}, // yesterday
		{Time: local(3, 0, 10), Event: EventCompleted, Kind: "posture", Exercise: "chin-tuck"},
		{Time: local(3, 9, 0), Event: EventWarned, Kind: "posture", Exercise: "doorway-stretch"}, // only warned
		{Time: local(3, 9, 1), Event: EventSkipped, Kind: "posture", Exercise: "shoulder-roll"},
		{Time: local(3, 9, 30), Event: EventCompleted, Kind: "mobility", Exercise: "cat-cow"},
		{Time: local(3, 10, 0), Event: EventStarted, Kind: "posture", Exercise: "chin-tuck"},
		{Time: local(3, 8, 0), Event: EventCompleted, Kind: "posture", Exercise: "thoracic-ext"}, // out of order
		{Time: local(3, 11, 0), Event: EventNatural, Kind: "posture"},                            // no exercise
	}
	now := local(3, 12, 0).In(time.UTC) // 17:00 UTC, still June 3 in UTC-5
	since := DayStart(now, west)

	got := LastExercises(recs, "posture", since)
	want := []string{"chin-tuck", "shoulder-roll", "thoracic-ext"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LastExercises(posture) = %q, want %q", got, want)
	}
	all := LastExercises(recs, "", since)
	if want := []string{"chin-tuck", "cat-cow", "shoulder-roll", "thoracic-ext"}; !reflect.DeepEqual(all, want) {
		t.Errorf("LastExercises(any) = %q, want %q", all, want)
	}
	// Midnight UTC falls at 19:00 the day before here: a UTC day would wrongly include wall-angel.
	if got := LastExercises(recs, "posture", DayStart(now, time.UTC)); len(got) != 4 || got[3] != "wall-angel" {
		t.Errorf("since UTC midnight: %q, want wall-angel last of 4", got)
	}
}
