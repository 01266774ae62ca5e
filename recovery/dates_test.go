package recovery

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	d, err := ParseDate("since", " 2026-03-02 ", zone)
	if err != nil || !d.Equal(strainDay) {
		t.Fatal(d, err)
	}
	if _, err := ParseDate("since", "02/03/2026", zone); fieldOf(err) != "since" {
		t.Fatal(err)
	}
}

func TestDaysIgnoreDaylightSaving(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone data")
	}
	a := time.Date(2026, 3, 7, 0, 0, 0, 0, ny) // DST starts on 8 March
	b := time.Date(2026, 3, 9, 0, 30, 0, 0, ny)
	if n := daysBetween(a, b); n != 2 {
		t.Fatal(n)
	}
}
