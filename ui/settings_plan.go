package ui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/schedule"
)

// dayPlan is the preview of one day's breaks: the working spans and the
// breaks they would bring if the person worked through them without a
// pause (the nominal times; real breaks move with idle time, postpones
// and do-not-disturb).
type dayPlan struct {
	Day     time.Weekday
	Spans   []schedule.Span // To may pass 24h for a span that crosses midnight
	Assumed bool            // working hours are off: a 09:00–17:00 day is shown
	Marks   []planMark
}

// planMark is one planned break.
type planMark struct {
	At   time.Duration // offset from local midnight
	Kind schedule.Kind
}

// assumedDay is the day shown when working hours are off.
var assumedDay = schedule.Span{From: 9 * time.Hour, To: 17 * time.Hour}

// planDay lays out day's breaks under cfg. Each working span starts with
// every break clock at zero (a pause between spans is longer than any
// break). Inside a span each kind falls due every Every of activity; when
// kinds fall due together, or a longer one is due within CoalesceWithin,
// the longer break is taken, and taking a break restarts the clocks of
// every kind it covers (those not longer than it), as the engine does.
func planDay(cfg schedule.Config, day time.Time) dayPlan {
	cfg = cfg.WithDefaults()
	p := dayPlan{Day: day.Weekday()}
	if cfg.Hours == nil {
		p.Assumed = true
		p.Spans = []schedule.Span{assumedDay}
	} else {
		for _, s := range cfg.Hours.Days[day.Weekday()] {
			if s.To <= s.From {
				s.To += 24 * time.Hour
			}
			p.Spans = append(p.Spans, s)
		}
		sort.Slice(p.Spans, func(i, j int) bool { return p.Spans[i].From < p.Spans[j].From })
	}
	for _, s := range p.Spans {
		p.Marks = append(p.Marks, planSpan(cfg, s)...)
	}
	return p
}

// planSpan simulates continuous activity through one span.
func planSpan(cfg schedule.Config, s schedule.Span) []planMark {
	n := len(schedule.Kinds)
	bc := func(i int) schedule.BreakConfig { return cfg.Breaks[schedule.Kinds[i]] }
	on := func(i int) bool { return bc(i).Enabled && bc(i).Every > 0 }
	longer := func(i, j int) bool {
		di, dj := bc(i).Duration, bc(j).Duration
		return di > dj || (di == dj && i > j)
	}
	next := make([]time.Duration, n)
	for i := range n {
		next[i] = s.From + bc(i).Every
	}
	var marks []planMark
	for {
		best := -1
		for i := range n {
			if on(i) && (best < 0 || next[i] < next[best] || (next[i] == next[best] && longer(i, best))) {
				best = i
			}
		}
		if best < 0 || next[best] >= s.To {
			return marks
		}
		at := next[best]
		for j := range n {
			if on(j) && longer(j, best) && next[j]-at <= cfg.CoalesceWithin && next[j] < s.To {
				best = j
			}
		}
		marks = append(marks, planMark{At: at, Kind: schedule.Kinds[best]})
		for j := range n {
			if bc(j).Duration <= bc(best).Duration {
				next[j] = at + bc(j).Every
			}
		}
	}
}

// Counts returns how many breaks of each kind the plan holds.
func (p dayPlan) Counts() map[schedule.Kind]int {
	c := map[schedule.Kind]int{}
	for _, m := range p.Marks {
		c[m.Kind]++
	}
	return c
}

// Range is the part of the day the timeline shows: the spans, widened to
// whole hours (09:00–17:00 when there are none).
func (p dayPlan) Range() (from, to time.Duration) {
	if len(p.Spans) == 0 {
		return assumedDay.From, assumedDay.To
	}
	from, to = p.Spans[0].From, p.Spans[0].To
	for _, s := range p.Spans[1:] {
		from, to = min(from, s.From), max(to, s.To)
	}
	from = from.Truncate(time.Hour)
	if to%time.Hour != 0 {
		to = to.Truncate(time.Hour) + time.Hour
	}
	return from, to
}

// Summary says in words what the timeline shows.
func (p dayPlan) Summary() string {
	var spans []string
	for _, s := range p.Spans {
		spans = append(spans, planClock(s.From)+"–"+planClock(s.To))
	}
	day := i18n.Weekday(p.Day)
	if len(p.Spans) == 0 {
		return i18n.L("plan.no_hours", i18n.Args{"Day": day})
	}
	c := p.Counts()
	var parts []string
	for _, k := range schedule.Kinds {
		parts = append(parts, i18n.N("plan.count."+string(k), c[k]))
	}
	where := i18n.L("plan.hours", i18n.Args{"Spans": strings.Join(spans, ", ")})
	if p.Assumed {
		where = i18n.L("plan.assumed", i18n.Args{"Spans": strings.Join(spans, ", ")})
	}
	return i18n.L("plan.summary", i18n.Args{"Day": day, "Where": where, "Counts": strings.Join(parts, ", ")})
}

// planClock writes an offset from midnight as HH:MM; midnight at the end
// of the day is 24:00, and later times wrap into the next day.
func planClock(d time.Duration) string {
	if d != 24*time.Hour {
		d %= 24 * time.Hour
	}
	return fmt.Sprintf("%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
}
