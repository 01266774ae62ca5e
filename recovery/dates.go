package recovery

import (
	"fmt"
	"strings"
	"time"
)

// DateLayout is how dates are written on the command line and in the state
// file.
const DateLayout = "2006-01-02"

// ParseDate reads a YYYY-MM-DD date as local midnight in loc. field names
// the input in the error ("since", "date").
func ParseDate(field, s string, loc *time.Location) (time.Time, error) {
	t, err := time.ParseInLocation(DateLayout, strings.TrimSpace(s), loc)
	if err != nil {
		return time.Time{}, &FieldError{Field: field, Got: fmt.Sprintf("%q", s), Want: "expected a date as YYYY-MM-DD, such as 2026-03-05"}
	}
	return t, nil
}

// DateOf is local midnight of t's calendar day, in t's location.
func DateOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// daysBetween counts calendar days from a's date to b's date, each read in
// its own location; daylight-saving changes do not shift it.
func daysBetween(a, b time.Time) int {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	ua := time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC)
	ub := time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC)
	return int(ub.Sub(ua).Hours() / 24)
}

// sameDate reports whether a and b fall on the same calendar date.
func sameDate(a, b time.Time) bool { return daysBetween(a, b) == 0 }

// fmtDate writes t as YYYY-MM-DD.
func fmtDate(t time.Time) string { return t.Format(DateLayout) }
