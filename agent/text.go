package agent

import (
	"fmt"
	"strings"
	"time"

	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/schedule"
	"github.com/limberapp/limber/stats"
)

// Titles of the break kinds as people read them.
var kindTitle = map[schedule.Kind]string{
	schedule.Posture:  "Posture break",
	schedule.Mobility: "Mobility break",
	schedule.Rest:     "Rest break",
}

var kindBody = map[schedule.Kind]string{
	schedule.Posture:  "Reset your posture and rest your eyes",
	schedule.Mobility: "A short guided mobility routine",
	schedule.Rest:     "Stand up and step away from the screen",
}

// roughly renders a remaining time in whole minutes, rounded up, the way
// the tray shows it: "less than a minute", "12 min", "1 h 05 min".
func roughly(d time.Duration) string {
	if d < time.Minute {
		return "less than a minute"
	}
	m := int((d + time.Minute - 1) / time.Minute)
	if m < 60 {
		return fmt.Sprintf("%d min", m)
	}
	return fmt.Sprintf("%d h %02d min", m/60, m%60)
}

// clock renders a wall time as the tray shows it: "14:30", or
// "Tue 06:00" when it is not today.
func clock(t, now time.Time) string {
	y1, m1, d1 := t.Date()
	y2, m2, d2 := now.Date()
	if y1 == y2 && m1 == m2 && d1 == d2 {
		return t.Format("15:04")
	}
	return t.Format("Mon 15:04")
}

// statusLine is the first, disabled line of the tray menu, and tooltip is
// the icon's tooltip. Both come from the engine's status alone.
func statusLine(st schedule.Status, now time.Time) string {
	switch st.State {
	case schedule.Paused:
		if st.PausedUntil.IsZero() {
			return "Paused"
		}
		return "Paused until " + clock(st.PausedUntil, now)
	case schedule.InBreak:
		return kindTitle[st.InBreak] + " in progress"
	case schedule.OutsideHours:
		if st.HoursResume.IsZero() {
			return "Outside working hours"
		}
		return "Outside working hours until " + clock(st.HoursResume, now)
	case schedule.Idle:
		return "Away: break clocks stopped"
	}
	if st.Waiting != "" {
		return kindTitle[st.Waiting] + " waiting for you"
	}
	if len(st.Next) == 0 {
		return "No breaks enabled"
	}
	n := st.Next[0]
	return fmt.Sprintf("Next: %s in %s", strings.ToLower(kindTitle[n.Kind]), roughly(n.In))
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
	count := fmt.Sprintf("Today: %d of %d breaks", t.taken, t.due)
	if t.due == 1 {
		count = fmt.Sprintf("Today: %d of 1 break", t.taken)
	}
	if st.State == schedule.Running && st.Waiting == "" && len(st.Next) > 0 {
		n := st.Next[0]
		return fmt.Sprintf("%s · next %s in %s", count, n.Kind, roughly(n.In))
	}
	return count + " · " + base
}

func tooltip(st schedule.Status, now time.Time) string {
	if st.State == schedule.Running && len(st.Next) > 0 && st.Waiting == "" {
		n := st.Next[0]
		return fmt.Sprintf("Limber — next break in %s (%s)", roughly(n.In), n.Kind)
	}
	return "Limber — " + statusLine(st, now)
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
