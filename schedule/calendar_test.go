package schedule

import (
	"strings"
	"testing"
	"time"
)

func TestCalendarEvery(t *testing.T) {
	loc := berlin(t)
	hours := officeHours(t)
	weekly := CalendarItem{ID: "lifting", Every: 7 * 24 * time.Hour, At: 10 * time.Hour}
	for _, c := range []struct {
		name      string
		last, now time.Time
		want      time.Time
	}{
		{"a week after the last", at(loc, 2026, 3, 2, 10, 0, 0), at(loc, 2026, 3, 2, 10, 0, 0), at(loc, 2026, 3, 9, 10, 0, 0)},
		{"across the spring clock change", at(loc, 2026, 3, 23, 10, 0, 0), at(loc, 2026, 3, 24, 9, 0, 0), at(loc, 2026, 3, 30, 10, 0, 0)},
		{"across the autumn clock change", at(loc, 2026, 10, 19, 10, 0, 0), at(loc, 2026, 10, 19, 11, 0, 0), at(loc, 2026, 10, 26, 10, 0, 0)},
		{"never fired, before At", time.Time{}, at(loc, 2026, 3, 2, 9, 30, 0), at(loc, 2026, 3, 2, 10, 0, 0)},
		{"never fired, after At", time.Time{}, at(loc, 2026, 3, 2, 10, 30, 0), at(loc, 2026, 3, 3, 10, 0, 0)},
		{"strictly after now", time.Time{}, at(loc, 2026, 3, 2, 10, 0, 0), at(loc, 2026, 3, 3, 10, 0, 0)},
		{"overdue on a Friday moves to Monday's hours", at(loc, 2026, 2, 1, 10, 0, 0), at(loc, 2026, 3, 6, 11, 0, 0), at(loc, 2026, 3, 9, 9, 0, 0)},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := weekly.NextAfter(c.last, c.now, hours, loc)
			if !got.Equal(c.want) {
				t.Errorf("NextAfter = %v, want %v", got.In(loc), c.want)
			}
			if !got.After(c.now) || !hours.Contains(got, loc) {
				t.Errorf("%v is not after now inside hours", got)
			}
		})
	}
	night := CalendarItem{ID: "night", Every: 24 * time.Hour, At: 2*time.Hour + 30*time.Minute}
	if got := night.NextAfter(time.Time{}, at(loc, 2026, 3, 29, 0, 0, 0), nil, loc); !got.Equal(time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC)) {
		t.Errorf("02:30 on the night it does not exist is the moment the clock jumps: %v", got)
	}
	early := CalendarItem{ID: "check-in", Every: 24 * time.Hour, At: 7 * time.Hour}
	if got := early.NextAfter(time.Time{}, at(loc, 2026, 3, 2, 6, 0, 0), hours, loc); !got.Equal(at(loc, 2026, 3, 2, 9, 0, 0)) {
		t.Errorf("a 07:00 item before hours moves to 09:00: %v", got)
	}
	lunch := CalendarItem{ID: "walk", Every: 24 * time.Hour, At: 12*time.Hour + 45*time.Minute}
	if got := lunch.NextAfter(time.Time{}, at(loc, 2026, 3, 2, 8, 0, 0), hours, loc); !got.Equal(at(loc, 2026, 3, 2, 13, 15, 0)) {
		t.Errorf("inside the lunch gap moves to 13:15: %v", got)
	}
	if got := lunch.NextAfter(time.Time{}, at(loc, 2026, 3, 2, 8, 0, 0), nil, loc); !got.Equal(at(loc, 2026, 3, 2, 12, 45, 0)) {
		t.Errorf("without hours: %v", got)
	}
	if got := lunch.NextAfter(time.Time{}, at(loc, 2026, 3, 2, 8, 0, 0), &Hours{}, loc); !got.IsZero() {
		t.Errorf("no working hours at all: %v", got)
	}
}

func TestCalendarWeekdays(t *testing.T) {
	loc := berlin(t)
	item := CalendarItem{ID: "workstation", Weekdays: []time.Weekday{time.Monday, time.Thursday}, At: 14 * time.Hour}
	hours := officeHours(t)
	for _, c := range []struct {
		last, now, want time.Time
	}{
		{time.Time{}, at(loc, 2026, 3, 3, 9, 0, 0), at(loc, 2026, 3, 5, 14, 0, 0)},                    // Tuesday → Thursday
		{at(loc, 2026, 3, 5, 14, 0, 0), at(loc, 2026, 3, 5, 14, 0, 0), at(loc, 2026, 3, 9, 14, 0, 0)}, // fired → Monday
		{time.Time{}, at(loc, 2026, 3, 5, 13, 59, 0), at(loc, 2026, 3, 5, 14, 0, 0)},                  // same day
		{at(loc, 2026, 3, 9, 14, 0, 0), at(loc, 2026, 3, 9, 8, 0, 0), at(loc, 2026, 3, 12, 14, 0, 0)}, // last after now (clock skew)
		{time.Time{}, at(loc, 2026, 3, 28, 9, 0, 0), at(loc, 2026, 3, 30, 14, 0, 0)},                  // over the clock change
	} {
		if got := item.NextAfter(c.last, c.now, hours, loc); !got.Equal(c.want) {
			t.Errorf("NextAfter(%v, %v) = %v, want %v", c.last, c.now.In(loc), got.In(loc), c.want)
		}
	}
	sunday := CalendarItem{ID: "plan", Weekdays: []time.Weekday{time.Sunday}, At: 10 * time.Hour}
	if got := sunday.NextAfter(time.Time{}, at(loc, 2026, 3, 3, 9, 0, 0), hours, loc); !got.Equal(at(loc, 2026, 3, 9, 9, 0, 0)) {
		t.Errorf("a Sunday item waits for Monday's hours: %v", got.In(loc))
	}
}

func TestCalendarValidate(t *testing.T) {
	if err := (CalendarItem{ID: "x", Every: time.Hour}).Validate(); err != nil {
		t.Error(err)
	}
	for item, frag := range map[*CalendarItem]string{
		{Every: time.Hour}: "id is empty",
		{ID: "x", Every: time.Hour, At: 25 * time.Hour}:   "at is",
		{ID: "x", Every: -time.Hour}:                      "every is",
		{ID: "x", Weekdays: []time.Weekday{7}}:            "weekday 7",
		{ID: "x"}:                                         "neither every nor weekdays",
		{ID: "x", Every: time.Hour, At: -1 * time.Minute}: "at is",
	} {
		err := item.Validate()
		if err == nil || !strings.Contains(err.Error(), frag) || !strings.Contains(err.Error(), "expected") {
			t.Errorf("%+v: %v, want %q", *item, err, frag)
		}
	}
}
