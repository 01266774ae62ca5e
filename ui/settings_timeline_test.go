package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limberapp/limber/prefs"
	"github.com/limberapp/limber/schedule"
)

func TestTimelineDrawsMarksAtTheirTimes(t *testing.T) {
	test.NewTempApp(t)
	tl := newSettingsTimeline()
	plan := planDay(prefs.Defaults().Schedule(), settingsDay)
	tl.SetPlan(plan)
	tl.Resize(fyne.NewSize(800, tl.MinSize().Height))
	r := test.WidgetRenderer(tl).(*timelineRenderer)
	r.Layout(tl.Size())
	if len(r.marks) != len(plan.Marks) || len(r.labels) != 9 || r.labels[0].Text != "09:00" || r.labels[8].Text != "17:00" {
		t.Fatalf("%d marks for %d, %d hour labels", len(r.marks), len(plan.Marks), len(r.labels))
	}
	from, to := plan.Range()
	x0, x1 := r.labels[0].Position().X+r.labels[0].Size().Width/2, r.labels[8].Position().X+r.labels[8].Size().Width/2
	for i, m := range plan.Marks {
		want := x0 + (x1-x0)*float32(m.At-from)/float32(to-from)
		got := r.marks[i].Position().X + r.marks[i].Size().Width/2
		if d := got - want; d < -0.5 || d > 0.5 {
			t.Fatalf("mark %d (%s) at x=%.1f, want %.1f", i, planClock(m.At), got, want)
		}
		// Every mark stands on the same base line; the kinds differ in height.
		if h := r.marks[i].Size().Height; h != tlMarkHeight[m.Kind] {
			t.Fatalf("mark %d height %v", i, h)
		}
		if base := r.marks[i].Position().Y + r.marks[i].Size().Height; base != r.marks[0].Position().Y+r.marks[0].Size().Height {
			t.Fatalf("mark %d base %v", i, base)
		}
	}
	if !(tlMarkHeight[schedule.Posture] < tlMarkHeight[schedule.Mobility] && tlMarkHeight[schedule.Mobility] < tlMarkHeight[schedule.Rest]) {
		t.Fatal("longer breaks get taller marks")
	}
	// A new plan redraws: a day with two spans draws two bars.
	c := prefs.Defaults()
	c.HoursEnabled = true
	c.Hours[time.Tuesday] = []string{"08:00-12:00", "13:00-16:00"}
	tl.SetPlan(planDay(c.Schedule(), settingsDay))
	if len(r.spans) != 2 || r.labels[0].Text != "08:00" {
		t.Fatalf("%d span bars, first label %s", len(r.spans), r.labels[0].Text)
	}
}
