package agent

import (
	"fmt"
	"time"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/schedule"
	"github.com/limberapp/limber/stats"
)

// kindText is a break kind's message in the current language: part is
// "title" ("Posture break"), "name" (the same inside a sentence: "posture
// break"), "short" ("Posture"), "word" ("posture") or "body".
func kindText(k schedule.Kind, part string) string {
	return i18n.L("break." + string(k) + "." + part)
}

func kindTitle(k schedule.Kind) string { return kindText(k, "title") }
func kindBody(k schedule.Kind) string  { return kindText(k, "body") }

// roughly renders a remaining time in whole minutes, rounded up, the way
// the tray shows it: "less than a minute", "12 min", "1 h 05 min".
func roughly(d time.Duration) string {
	if d < time.Minute {
		return i18n.L("time.less_than_a_minute")
	}
	m := int((d + time.Minute - 1) / time.Minute)
	if m < 60 {
		return i18n.L("time.min", i18n.Args{"Minutes": m})
	}
	return i18n.L("time.h_min", i18n.Args{"Hours": m / 60, "Minutes": fmt.Sprintf("%02d", m%60)})
}

// clock renders a wall time as the tray shows it: "14:30", or
// "Tue 06:00" when it is not today.
func clock(t, now time.Time) string {
	y1, m1, d1 := t.Date()
	y2, m2, d2 := now.Date()
	if y1 == y2 && m1 == m2 && d1 == d2 {
		return t.Format("15:04")
	}
	return i18n.WeekdayShort(t.Weekday()) + " " + t.Format("15:04")
}

// statusLine is the first, disabled line of the tray menu, and tooltip is
// the icon's tooltip. Both come from the engine's status alone.
func statusLine(st schedule.Status, now time.Time) string {
	switch st.State {
	case schedule.Paused:
		if st.PausedUntil.IsZero() {
			return i18n.L("status.paused")
		}
		return i18n.L("status.paused_until", i18n.Args{"Time": clock(st.PausedUntil, now)})
	case schedule.InBreak:
		return i18n.L("status.in_progress", i18n.Args{"Break": kindTitle(st.InBreak)})
	case schedule.OutsideHours:
		if st.HoursResume.IsZero() {
			return i18n.L("status.outside_hours")
		}
		return i18n.L("status.outside_hours_until", i18n.Args{"Time": clock(st.HoursResume, now)})
	case schedule.Idle:
		return i18n.L("status.away")
	}
	if st.Waiting != "" {
		return i18n.L("status.waiting", i18n.Args{"Break": kindTitle(st.Waiting)})
	}
	if len(st.Next) == 0 {
		return i18n.L("status.no_breaks")
	}
	n := st.Next[0]
	return i18n.L("status.next", i18n.Args{"Break": kindText(n.Kind, "name"), "When": roughly(n.In)})
}

// todayTally counts today's breaks for the status line by the history's
// rules (stats.Day): taken = completed, ended early or natural; due =
// taken or skipped. It starts afresh at local midnight.
type todayTally struct {
	day        string
	taken, due int
}

// add counts one journaled record dated now (the agent's clock).
func (t *todayTally) add(r journal.Record, now time.Time) {
	if d := now.Format(time.DateOnly); d != t.day {
		*t = todayTally{day: d}
	}
	if !stats.IsBreakKind(r.Kind) {
		return
	}
	switch r.Event {
	case "completed", "ended_early", "natural":
		t.taken++
		t.due++
	case "skipped":
		t.due++
	}
}

// seed counts today's records already in the journal (journal.ReadTail
// from local midnight) when the agent starts.
func (t *todayTally) seed(recs []journal.Record, now time.Time) {
	*t = todayTally{day: now.Format(time.DateOnly)}
	for _, r := range recs {
		if r.Time.Format(time.DateOnly) == t.day {
			t.add(r, now)
		}
	}
}

// line is the status line with today's count in front: "Today: 12 of 14
// breaks · next posture in 6 min". Before any break is due today it is
// statusLine alone.
func (t *todayTally) line(st schedule.Status, now time.Time) string {
	base := statusLine(st, now)
	if t.day != now.Format(time.DateOnly) || t.due == 0 {
		return base
	}
	count := i18n.N("status.today", t.due, i18n.Args{"Taken": t.taken})
	if st.State == schedule.Running && st.Waiting == "" && len(st.Next) > 0 {
		n := st.Next[0]
		return i18n.L("status.today_next", i18n.Args{"Today": count, "Kind": kindText(n.Kind, "word"), "When": roughly(n.In)})
	}
	return count + " · " + base
}

func tooltip(st schedule.Status, now time.Time) string {
	if st.State == schedule.Running && len(st.Next) > 0 && st.Waiting == "" {
		n := st.Next[0]
		return i18n.L("tray.tooltip_next", i18n.Args{"When": roughly(n.In), "Kind": kindText(n.Kind, "word")})
	}
	return i18n.L("tray.tooltip", i18n.Args{"Status": statusLine(st, now)})
}

// userMessage is an error text as a sentence for a notification.
func userMessage(s string) string {
	if s == "" {
		return s
	}
	b := []byte(s)
	if b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
	if c := b[len(b)-1]; c != '.' && c != '!' && c != '?' {
		b = append(b, '.')
	}
	return string(b)
}
