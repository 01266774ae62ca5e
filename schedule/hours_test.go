package schedule

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func TestParseSpan(t *testing.T) {
	for in, want := range map[string]Span{
		"09:00-17:30":   {9 * time.Hour, 17*time.Hour + 30*time.Minute},
		"9:00 - 17:30":  {9 * time.Hour, 17*time.Hour + 30*time.Minute},
		"22:00-02:00":   {22 * time.Hour, 2 * time.Hour},
		"00:00-24:00":   {0, 24 * time.Hour},
		"22:00-24:00":   {22 * time.Hour, 0},
		" 13:15-17:30 ": {13*time.Hour + 15*time.Minute, 17*time.Hour + 30*time.Minute},
	} {
		got, err := ParseSpan(in)
		if err != nil || got != want {
			t.Errorf("ParseSpan(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, frag := range map[string]string{
		"":            "expected a range HH:MM-HH:MM",
		"0900-1730":   "expected a time of day HH:MM",
		"09:00":       "expected a range",
		"25:00-26:00": "hours must be 00 to 23",
		"09:60-10:00": "minutes must be 00 to 59",
		"09:00-09:00": "start and end are equal",
		"09:00-24:30": "24:00 as an end",
		"ab:cd-10:00": "digits only",
		"24:00-10:00": "hours must be 00 to 23",
	} {
		_, err := ParseSpan(in)
		if err == nil || !strings.Contains(err.Error(), frag) || !strings.Contains(err.Error(), "expected") && !strings.Contains(err.Error(), "must be") {
			t.Errorf("ParseSpan(%q) error %v, want one saying %q", in, err, frag)
		}
	}
	for _, s := range []string{"09:00-17:30", "22:00-02:00", "00:00-24:00", "22:00-24:00"} {
		sp, _ := ParseSpan(s)
		if sp.String() != s {
			t.Errorf("%q round-trips as %q", s, sp.String())
		}
	}
}

func TestHoursContains(t *testing.T) {
	loc := berlin(t)
	h := officeHours(t)
	sp, _ := ParseSpan("22:00-02:00")
	h.Days[time.Friday] = append(h.Days[time.Friday], sp)
	for _, c := range []struct {
		t    time.Time
		want bool
	}{
		{at(loc, 2026, 3, 2, 8, 59, 59), false}, // Monday
		{at(loc, 2026, 3, 2, 9, 0, 0), true},
		{at(loc, 2026, 3, 2, 12, 29, 0), true},
		{at(loc, 2026, 3, 2, 12, 30, 0), false},
		{at(loc, 2026, 3, 2, 13, 15, 0), true},
		{at(loc, 2026, 3, 2, 17, 30, 0), false},
		{at(loc, 2026, 3, 6, 21, 59, 0), false}, // Friday
		{at(loc, 2026, 3, 6, 22, 0, 0), true},
		{at(loc, 2026, 3, 7, 1, 59, 0), true}, // Saturday, Friday's night range
		{at(loc, 2026, 3, 7, 2, 0, 0), false},
		{at(loc, 2026, 3, 7, 10, 0, 0), false},
		{at(loc, 2026, 3, 8, 1, 0, 0), false}, // Sunday: Saturday has no range
	} {
		if got := h.Contains(c.t, loc); got != c.want {
			t.Errorf("Contains(%v) = %v", c.t, got)
		}
		// The same instant seen from another zone is judged in loc.
		if got := h.Contains(c.t.UTC(), loc); got != c.want {
			t.Errorf("Contains(%v UTC) = %v", c.t.UTC(), got)
		}
	}
	var nilHours *Hours
	if !nilHours.Contains(time.Now(), loc) || !nilHours.NextChange(time.Now(), loc).IsZero() {
		t.Error("nil hours are always inside and never change")
	}
}

func TestHoursNextChange(t *testing.T) {
	loc := berlin(t)
	h := officeHours(t)
	// Touching ranges make one range.
	h.Days[time.Monday] = []Span{{9 * time.Hour, 12 * time.Hour}, {12 * time.Hour, 13 * time.Hour}}
	steps := []time.Time{
		at(loc, 2026, 3, 2, 9, 0, 0),
		at(loc, 2026, 3, 2, 13, 0, 0),
		at(loc, 2026, 3, 3, 9, 0, 0),
		at(loc, 2026, 3, 3, 12, 30, 0),
		at(loc, 2026, 3, 3, 13, 15, 0),
	}
	now := at(loc, 2026, 3, 1, 12, 0, 0) // Sunday
	for _, want := range steps {
		got := h.NextChange(now, loc)
		if !got.Equal(want) {
			t.Fatalf("NextChange(%v) = %v, want %v", now, got, want)
		}
		now = got
	}
	if got := h.NextChange(at(loc, 2026, 3, 6, 18, 0, 0), loc); !got.Equal(at(loc, 2026, 3, 9, 9, 0, 0)) {
		t.Errorf("over the weekend: %v", got)
	}
	var empty Hours
	if got := empty.NextChange(now, loc); !got.IsZero() {
		t.Errorf("no ranges: %v", got)
	}
	var always Hours
	for wd := range always.Days {
		always.Days[wd] = []Span{{0, 24 * time.Hour}}
	}
	if got := always.NextChange(now, loc); !got.IsZero() || !always.Contains(now, loc) {
		t.Errorf("always: %v", got)
	}
}

func TestHoursDST(t *testing.T) {
	loc := berlin(t)
	var h Hours
	// Sunday 29 March 2026: 02:00 CET jumps to 03:00 CEST.
	h.Days[time.Sunday] = []Span{{2*time.Hour + 30*time.Minute, 4 * time.Hour}}
	start := h.NextChange(at(loc, 2026, 3, 28, 12, 0, 0), loc)
	if want := time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC); !start.Equal(want) {
		t.Errorf("a start inside the skipped hour begins when the clock jumps: %v, want %v", start, want)
	}
	if end := h.NextChange(start, loc); !end.Equal(at(loc, 2026, 3, 29, 4, 0, 0)) || end.Sub(start) != time.Hour {
		t.Errorf("end %v", end)
	}
	// Sunday 25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:30
	// happens twice, so a 02:30-03:30 range opens twice.
	h.Days[time.Sunday] = []Span{{2*time.Hour + 30*time.Minute, 3*time.Hour + 30*time.Minute}}
	now := at(loc, 2026, 10, 24, 12, 0, 0)
	want := []time.Time{
		time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC), // 02:30 CEST
		time.Date(2026, 10, 25, 1, 0, 0, 0, time.UTC),  // 02:00 CET: the wall clock goes back before the start
		time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC), // 02:30 CET
		time.Date(2026, 10, 25, 2, 30, 0, 0, time.UTC), // 03:30 CET
	}
	for i, w := range want {
		got := h.NextChange(now, loc)
		if !got.Equal(w) {
			t.Fatalf("change %d: %v, want %v", i, got, w)
		}
		if h.Contains(got, loc) != (i%2 == 0) {
			t.Errorf("Contains(%v) = %v", got, !(i%2 == 0))
		}
		now = got
	}
}

// TestHoursNextChangeProperty checks over a year of Berlin time, through
// both clock changes, that Contains is constant from t up to NextChange(t)
// and differs there.
func TestHoursNextChangeProperty(t *testing.T) {
	loc := berlin(t)
	r := rand.New(rand.NewPCG(7, 8))
	var h Hours
	for wd := range h.Days {
		for n := r.IntN(3); n > 0; n-- {
			from := time.Duration(r.IntN(96)) * 15 * time.Minute
			to := time.Duration(r.IntN(96)) * 15 * time.Minute
			if from != to {
				h.Days[wd] = append(h.Days[wd], Span{from, to})
			}
		}
	}
	h.Days[time.Sunday] = append(h.Days[time.Sunday], Span{2*time.Hour + 15*time.Minute, 2*time.Hour + 45*time.Minute})
	base := at(loc, 2026, 1, 1, 0, 0, 0)
	starts := []time.Time{at(loc, 2026, 3, 28, 23, 0, 0), at(loc, 2026, 10, 24, 23, 0, 0)}
	for range 60 {
		starts = append(starts, base.Add(time.Duration(r.Int64N(int64(365*24*time.Hour)))))
	}
	for _, s := range starts {
		cur := h.Contains(s, loc)
		c := h.NextChange(s, loc)
		if c.IsZero() {
			t.Fatalf("no change after %v", s)
		}
		if h.Contains(c, loc) == cur {
			t.Errorf("Contains does not change at NextChange(%v) = %v", s, c)
		}
		for x := s.Add(time.Minute); x.Before(c); x = x.Add(5 * time.Minute) {
			if h.Contains(x, loc) != cur {
				t.Fatalf("Contains changes at %v, before NextChange(%v) = %v", x, s, c)
			}
		}
		if before := c.Add(-time.Second); before.After(s) && h.Contains(before, loc) != cur {
			t.Errorf("just before %v", c)
		}
	}
}
