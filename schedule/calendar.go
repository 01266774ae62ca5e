package schedule

import (
	"errors"
	"fmt"
	"time"
)

// CalendarItem is something driven by the calendar rather than by active
// time: a lifting refresher, a workstation check-in, a recovery-plan
// reminder. It fires at a local time of day, either every so often or on
// listed weekdays, and only inside working hours.
type CalendarItem struct {
	ID string
	// Every is the least time between two occurrences (e.g. 7*24h). Whole
	// days are counted on the calendar, so a daylight-saving change does
	// not shift the time of day.
	Every time.Duration
	// Weekdays, when set, replaces Every: the item fires on these days.
	Weekdays []time.Weekday
	// At is the local time of day the item fires (an offset from
	// midnight). 0 means "at the start of working hours" in effect: midnight
	// is moved to the next start of hours.
	At time.Duration
}

// Validate reports the first problem with the item, naming the field.
func (c CalendarItem) Validate() error {
	name := c.ID
	if name == "" {
		return errors.New("calendar item: id is empty; expected a short name such as \"lifting\"")
	}
	if c.At < 0 || c.At >= 24*time.Hour {
		return fmt.Errorf("calendar item %q: at is %v; expected a time of day from 00:00 to 23:59", name, c.At)
	}
	if c.Every < 0 {
		return fmt.Errorf("calendar item %q: every is %v; expected a positive duration such as 168h", name, c.Every)
	}
	for _, wd := range c.Weekdays {
		if wd < time.Sunday || wd > time.Saturday {
			return fmt.Errorf("calendar item %q: weekday %d; expected Sunday (0) to Saturday (6)", name, int(wd))
		}
	}
	if c.Every == 0 && len(c.Weekdays) == 0 {
		return fmt.Errorf("calendar item %q: neither every nor weekdays is set; expected one of them", name)
	}
	return nil
}

// NextAfter returns when the item fires next: the first occurrence strictly
// after now that is due, moved forward to the next start of working hours
// when it falls outside them (hours nil means always inside). last is when
// it last fired (zero if never).
//
// With Weekdays: the first listed weekday at At after both now and last.
// Otherwise: the first At on or after last+Every (now, if it never fired)
// that is after now; an overdue item fires at the next At.
//
// It returns the zero time when the item never fires (no Every and no
// Weekdays, or no working hours at all).
func (c CalendarItem) NextAfter(last, now time.Time, hours *Hours, loc *time.Location) time.Time {
	loc = locOrLocal(loc)
	var cand time.Time
	if len(c.Weekdays) > 0 {
		from := now
		if last.After(from) {
			from = last
		}
		cand = c.firstAt(from, from, loc, c.listed)
	} else {
		if c.Every <= 0 {
			return time.Time{}
		}
		earliest := now
		if !last.IsZero() {
			earliest = addCalendar(last, c.Every, loc)
		}
		cand = c.firstAt(earliest, now, loc, func(time.Weekday) bool { return true })
	}
	if cand.IsZero() || hours == nil {
		return cand
	}
	return hours.nextStart(cand, loc)
}

func (c CalendarItem) listed(wd time.Weekday) bool {
	for _, w := range c.Weekdays {
		if w == wd {
			return true
		}
	}
	return false
}

// firstAt is the first instant at wall-clock time c.At on a day that ok
// accepts, at or after earliest and strictly after now.
func (c CalendarItem) firstAt(earliest, now time.Time, loc *time.Location, ok func(time.Weekday) bool) time.Time {
	from := earliest
	if now.After(from) {
		from = now
	}
	y, m, d := from.In(loc).Date()
	for i := 0; i <= 8; i++ {
		day := time.Date(y, m, d+i, 12, 0, 0, 0, loc)
		if !ok(day.Weekday()) {
			continue
		}
		dy, dm, dd := day.Date()
		x := wallAt(dy, dm, dd, c.At, loc)
		if !x.Before(earliest) && x.After(now) {
			return x
		}
	}
	return time.Time{}
}

// addCalendar adds d to t counting whole days on the local calendar (so
// 7*24h is "same wall time a week later" across a daylight-saving change)
// and the rest as elapsed time.
func addCalendar(t time.Time, d time.Duration, loc *time.Location) time.Time {
	days := int(d / (24 * time.Hour))
	rest := d % (24 * time.Hour)
	lt := t.In(loc)
	y, m, dd := lt.Date()
	return wallAt(y, m, dd+days, wallOffset(lt), loc).Add(rest)
}
