package schedule

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// ParseSpan reads a working-time range written "HH:MM-HH:MM", such as
// "09:00-17:30", or "22:00-02:00" for a range that crosses midnight. The end
// may be "24:00". An equal start and end is refused: it is ambiguous
// between an empty range and a whole day (write "00:00-24:00" for that).
func ParseSpan(s string) (Span, error) {
	from, to, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok {
		return Span{}, fmt.Errorf("working hours %q: expected a range HH:MM-HH:MM, such as 09:00-17:30", s)
	}
	f, err := parseClock(strings.TrimSpace(from), false)
	if err != nil {
		return Span{}, fmt.Errorf("working hours %q: start %v", s, err)
	}
	t, err := parseClock(strings.TrimSpace(to), true)
	if err != nil {
		return Span{}, fmt.Errorf("working hours %q: end %v", s, err)
	}
	if f == t {
		return Span{}, fmt.Errorf("working hours %q: start and end are equal; expected a range such as 09:00-17:30 (00:00-24:00 for the whole day)", s)
	}
	if t == 24*time.Hour && f == 0 {
		return Span{From: 0, To: t}, nil
	}
	if t == 24*time.Hour {
		t = 0 // ends at midnight: a range that reaches into the next day by nothing
	}
	return Span{From: f, To: t}, nil
}

// parseClock reads "HH:MM" (or "H:MM") as an offset from midnight; allow24
// also accepts "24:00".
func parseClock(s string, allow24 bool) (time.Duration, error) {
	hh, mm, ok := strings.Cut(s, ":")
	if !ok || len(mm) != 2 || len(hh) < 1 || len(hh) > 2 {
		return 0, fmt.Errorf("%q: expected a time of day HH:MM", s)
	}
	h, err1 := strconv.Atoi(hh)
	m, err2 := strconv.Atoi(mm)
	if err1 != nil || err2 != nil || h < 0 || m < 0 {
		return 0, fmt.Errorf("%q: expected a time of day HH:MM with digits only", s)
	}
	if m > 59 {
		return 0, fmt.Errorf("%q: minutes must be 00 to 59", s)
	}
	if h > 23 && !(allow24 && h == 24 && m == 0) {
		if allow24 {
			return 0, fmt.Errorf("%q: hours must be 00 to 23 (or 24:00 as an end)", s)
		}
		return 0, fmt.Errorf("%q: hours must be 00 to 23", s)
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute, nil
}

// String writes the span as ParseSpan reads it.
func (s Span) String() string {
	to := s.To
	if to == 0 && s.From > 0 {
		to = 24 * time.Hour
	}
	return clockText(s.From) + "-" + clockText(to)
}

func clockText(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
}

// crosses reports whether the span runs past midnight into the next day.
func (s Span) crosses() bool { return s.To <= s.From }

// Contains reports whether t falls inside working hours, judged by the
// wall clock in loc (nil means time.Local). A nil *Hours is always inside.
// A range that crosses midnight belongs to the weekday it starts on.
func (h *Hours) Contains(t time.Time, loc *time.Location) bool {
	if h == nil {
		return true
	}
	lt := t.In(locOrLocal(loc))
	off := wallOffset(lt)
	wd := lt.Weekday()
	for _, sp := range h.Days[wd] {
		if sp.crosses() {
			if off >= sp.From {
				return true
			}
		} else if off >= sp.From && off < sp.To {
			return true
		}
	}
	for _, sp := range h.Days[(wd+6)%7] {
		if sp.crosses() && off < sp.To {
			return true
		}
	}
	return false
}

// NextChange returns the first instant after t at which Contains changes:
// the start or end of a range (ranges that touch count as one), or a
// daylight-saving transition that moves the wall clock across a range's
// edge. It returns the zero time when Contains never changes (a nil
// *Hours, no ranges at all, or every day 00:00-24:00).
func (h *Hours) NextChange(t time.Time, loc *time.Location) time.Time {
	if h == nil {
		return time.Time{}
	}
	loc = locOrLocal(loc)
	cands := h.candidates(t, loc)
	cur := h.Contains(t, loc)
	for _, c := range cands {
		if c.After(t) && h.Contains(c, loc) != cur {
			return c
		}
	}
	return time.Time{}
}

// candidates lists, sorted, every instant from the day before t to eight
// days after at which Contains may change: each instance of each range
// edge (a repeated wall-clock hour has two) and each zone transition.
func (h *Hours) candidates(t time.Time, loc *time.Location) []time.Time {
	lt := t.In(loc)
	y, m, d := lt.Date()
	horizon := time.Date(y, m, d+10, 0, 0, 0, 0, loc)
	var out []time.Time
	add := func(c time.Time) {
		out = append(out, c)
		out = append(out, sameWallElsewhere(c)...)
	}
	for i := -1; i <= 8; i++ {
		dy, dm, dd := time.Date(y, m, d+i, 12, 0, 0, 0, loc).Date()
		wd := time.Date(dy, dm, dd, 12, 0, 0, 0, loc).Weekday()
		for _, sp := range h.Days[wd] {
			add(wallAt(dy, dm, dd, sp.From, loc))
			if sp.crosses() {
				add(wallAt(dy, dm, dd+1, sp.To, loc))
			} else {
				add(wallAt(dy, dm, dd, sp.To, loc))
			}
		}
	}
	z := lt
	for range 16 {
		_, end := z.ZoneBounds()
		if end.IsZero() || end.After(horizon) {
			break
		}
		out = append(out, end)
		z = end.In(loc)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// wallAt is the instant at local wall-clock time off on the given date. A
// wall time skipped by a forward transition maps to the end of the gap,
// the first instant whose wall clock is not earlier.
func wallAt(y int, m time.Month, d int, off time.Duration, loc *time.Location) time.Time {
	hh, mm, ss, ns := splitClock(off)
	t := time.Date(y, m, d, hh, mm, ss, ns, loc)
	want := time.Date(y, m, d, hh, mm, ss, ns, time.UTC)
	got := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	switch {
	case got.Equal(want):
		return t
	case got.After(want):
		start, _ := t.ZoneBounds()
		return start
	default:
		_, end := t.ZoneBounds()
		return end
	}
}

// sameWallElsewhere returns the other instants (in a neighbouring zone
// period) whose wall clock equals c's: the second pass through a repeated
// hour.
func sameWallElsewhere(c time.Time) []time.Time {
	var out []time.Time
	start, end := c.ZoneBounds()
	_, off := c.Zone()
	try := func(other time.Time) {
		_, o := other.Zone()
		alt := c.Add(time.Duration(off-o) * time.Second)
		if alt.Equal(c) {
			return
		}
		if wallOffset(alt) == wallOffset(c) && alt.YearDay() == c.YearDay() {
			out = append(out, alt)
		}
	}
	if !start.IsZero() {
		try(start.Add(-time.Nanosecond))
	}
	if !end.IsZero() {
		try(end)
	}
	return out
}

func splitClock(off time.Duration) (h, m, s, ns int) {
	return int(off / time.Hour), int(off % time.Hour / time.Minute), int(off % time.Minute / time.Second), int(off % time.Second)
}

// wallOffset is the wall-clock time of day of t, as an offset from
// midnight (not the elapsed time since midnight, which differs on days
// with a zone transition).
func wallOffset(t time.Time) time.Duration {
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute +
		time.Duration(t.Second())*time.Second + time.Duration(t.Nanosecond())
}

// nextStart returns the first instant at or after t inside hours, or the
// zero time if there is none.
func (h *Hours) nextStart(t time.Time, loc *time.Location) time.Time {
	if h.Contains(t, loc) {
		return t
	}
	return h.NextChange(t, loc)
}

func locOrLocal(loc *time.Location) *time.Location {
	if loc == nil {
		return time.Local
	}
	return loc
}
