package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/limberapp/limber/prefs"
	"github.com/limberapp/limber/schedule"
)

func marksText(p dayPlan) string {
	var out []string
	for _, m := range p.Marks {
		out = append(out, planClock(m.At)+" "+string(m.Kind))
	}
	return strings.Join(out, ", ")
}

func TestPlanDefaultsAssumeANineToFiveDay(t *testing.T) {
	p := planDay(prefs.Defaults().Schedule(), settingsDay)
	if !p.Assumed || len(p.Spans) != 1 || p.Spans[0] != assumedDay {
		t.Fatalf("spans %v assumed %v", p.Spans, p.Assumed)
	}
	want := "09:20 posture, 09:40 posture, 10:00 mobility, 10:20 posture, 10:40 posture, 11:00 rest, 11:20 posture"
	if got := marksText(p); !strings.HasPrefix(got, want) {
		t.Fatalf("marks:\n%s\nwant a start of\n%s", got, want)
	}
	if c := p.Counts(); c[schedule.Posture] != 16 || c[schedule.Mobility] != 4 || c[schedule.Rest] != 3 {
		t.Fatalf("counts %v", c)
	}
	if last := p.Marks[len(p.Marks)-1]; last.At != 16*time.Hour+40*time.Minute {
		t.Fatalf("a break at the end of the day is not planned: last %s", planClock(last.At))
	}
	if s := p.Summary(); s != "Today (Tuesday), a 09:00–17:00 day (working hours are off): 16 posture breaks, 4 mobility breaks, 3 rest breaks, if you work without pausing." {
		t.Fatal(s)
	}
}

func TestPlanWorkingHoursRestartAfterLunch(t *testing.T) {
	c := prefs.Defaults()
	c.HoursEnabled = true
	c.Hours[time.Tuesday] = []string{"13:30-17:30", "09:00-12:30"}
	p := planDay(c.Schedule(), settingsDay)
	if p.Assumed || len(p.Spans) != 2 || p.Spans[0].From != 9*time.Hour {
		t.Fatalf("spans %v", p.Spans)
	}
	got := marksText(p)
	if !strings.Contains(got, "12:20 posture, 13:50 posture") {
		t.Fatalf("the afternoon starts its clocks afresh: %s", got)
	}
	if from, to := p.Range(); from != 9*time.Hour || to != 18*time.Hour {
		t.Fatalf("range %v-%v", from, to)
	}
	c.Hours[time.Tuesday] = nil
	if p := planDay(c.Schedule(), settingsDay); len(p.Marks) != 0 || !strings.Contains(p.Summary(), "no working hours") {
		t.Fatalf("a day off: %s / %s", marksText(p), p.Summary())
	}
}

func TestPlanLongerBreakWinsAndCoversShorter(t *testing.T) {
	c := prefs.Defaults()
	c.Breaks["posture"] = prefs.Break{Enabled: true, Every: 20 * time.Minute, Duration: 30 * time.Second}
	c.Breaks["mobility"] = prefs.Break{Enabled: true, Every: 45 * time.Minute, Duration: 3 * time.Minute}
	c.Breaks["rest"] = prefs.Break{Enabled: false, Every: 120 * time.Minute, Duration: 10 * time.Minute}
	p := planDay(c.Schedule(), settingsDay)
	// Mobility due 5 minutes after posture is taken instead (coalescing),
	// and resets posture: the next posture comes 20 minutes later.
	if got := marksText(p); !strings.HasPrefix(got, "09:20 posture, 09:40 mobility, 10:00 posture, 10:20 mobility") {
		t.Fatalf("marks: %s", got)
	}
	if c := p.Counts(); c[schedule.Rest] != 0 {
		t.Fatalf("a disabled kind is not planned: %v", c)
	}
}

func TestPlanSpanAcrossMidnight(t *testing.T) {
	c := prefs.Defaults()
	c.HoursEnabled = true
	c.Hours[time.Tuesday] = []string{"22:00-02:00"}
	p := planDay(c.Schedule(), settingsDay)
	if p.Spans[0].To != 26*time.Hour || len(p.Marks) != 11 {
		t.Fatalf("span %v marks %s", p.Spans, marksText(p))
	}
	if !strings.Contains(p.Summary(), "22:00–02:00") {
		t.Fatal(p.Summary())
	}
	if planClock(24*time.Hour) != "24:00" || planClock(25*time.Hour) != "01:00" {
		t.Fatal(fmt.Sprint(planClock(24*time.Hour), planClock(25*time.Hour)))
	}
}
