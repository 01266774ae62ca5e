package i18n

import (
	"strconv"
	"strings"
	"time"
)

// WeekdayShort is a weekday's short name in the current language ("Mon").
func WeekdayShort(d time.Weekday) string { return L("weekday." + weekdayID(d) + ".short") }

// Weekday is a weekday's full name in the current language ("Monday").
func Weekday(d time.Weekday) string { return L("weekday." + weekdayID(d)) }

// MonthShort is a month's short name in the current language ("Jan").
func MonthShort(m time.Month) string { return L("month." + strconv.Itoa(int(m)) + ".short") }

// Date writes a day the way "2 Jan 2006" does, in the current language.
func Date(t time.Time) string {
	return L("date.day_month_year", Args{"Day": t.Day(), "Month": MonthShort(t.Month()), "Year": t.Year()})
}

// DayMonth writes a day the way "2 Jan" does, in the current language.
func DayMonth(t time.Time) string {
	return L("date.day_month", Args{"Day": t.Day(), "Month": MonthShort(t.Month())})
}

func weekdayID(d time.Weekday) string { return strings.ToLower(d.String()[:3]) }

// Month is a month's full name in the current language ("January").
func Month(m time.Month) string { return L("month." + strconv.Itoa(int(m))) }

// LongDate writes a day the way "2 January 2006" does.
func LongDate(t time.Time) string {
	return L("date.day_month_long_year", Args{"Day": t.Day(), "Month": Month(t.Month()), "Year": t.Year()})
}

// WeekdayDate writes a day the way "Monday 2 January 2006" does.
func WeekdayDate(t time.Time) string {
	return L("date.weekday_day_month_year", Args{"Weekday": Weekday(t.Weekday()), "Day": t.Day(), "Month": Month(t.Month()), "Year": t.Year()})
}

// ShortDay writes a day the way "Mon 2 Jan" does.
func ShortDay(t time.Time) string {
	return L("date.weekday_day_month", Args{"Weekday": WeekdayShort(t.Weekday()), "Day": t.Day(), "Month": MonthShort(t.Month())})
}

// MonthYear writes a month the way "January 2006" does.
func MonthYear(t time.Time) string {
	return L("date.month_year", Args{"Month": Month(t.Month()), "Year": t.Year()})
}
