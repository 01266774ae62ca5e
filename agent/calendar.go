package agent

import (
	"fmt"
	"os"
	"time"

	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/recovery"
	"github.com/limberapp/limber/schedule"
	"github.com/limberapp/limber/store"
)

// calendarViews maps a calendar item to the view its notification opens;
// the notification's text is the catalog's calendar.<item>.title and
// .body.
var calendarViews = map[string]struct{ view string }{
	"lifting":          {"lifting"},
	"lifting-day":      {"lifting"},
	"workstation":      {"quickcheck"},
	"recovery-checkin": {"recovery-checkin"},
}

// agentState is what the agent keeps between runs: when each calendar
// item last fired.
type agentState struct {
	Calendar map[string]time.Time `json:"calendar"`
	// Thermal are the ice and heat sessions, for the gap between them.
	Thermal []recovery.Session `json:"thermal,omitempty"`
}

func (a *Agent) statePath() string {
	if a.opt.StateDir == "" {
		return ""
	}
	return a.opt.StateDir + string(os.PathSeparator) + "agent.json"
}

// loadState reads agent.json; a missing file starts afresh (calendar
// items then count from now, so nothing fires at once), and so does an
// unreadable one, which the store keeps aside as agent.json.broken-STAMP.
// Ice and heat sessions the thermal rules no longer need are dropped.
func (a *Agent) loadState(now time.Time) {
	a.state = agentState{Calendar: map[string]time.Time{}}
	if p := a.statePath(); p != "" {
		if err := store.Load(p, &a.state); err != nil {
			fmt.Fprintf(a.opt.Log, "limber: %v; starting the calendar afresh\n", err)
		}
	}
	if a.state.Calendar == nil {
		a.state.Calendar = map[string]time.Time{}
	}
	a.state.Thermal = a.rec.ThermalTimer(now).TrimSessions(a.state.Thermal, now)
	for _, it := range a.cfg.Calendar() {
		if _, ok := a.state.Calendar[it.ID]; !ok && len(it.Weekdays) == 0 {
			a.state.Calendar[it.ID] = now
		}
	}
	a.saveState()
}

// saveState writes agent.json atomically. The ice and heat sessions are
// trimmed first as of the start of the last one recorded (at most now, so
// nothing still needed goes), which keeps a long run bounded too without
// asking the clock.
func (a *Agent) saveState() {
	p := a.statePath()
	if p == "" {
		return
	}
	if n := len(a.state.Thermal); n > 0 {
		ref := a.state.Thermal[n-1].Start // the latest recorded, by the clock of then
		a.state.Thermal = a.rec.ThermalTimer(ref).TrimSessions(a.state.Thermal, ref)
	}
	if err := store.Save(p, a.state); err != nil {
		fmt.Fprintln(a.opt.Log, "limber: saving state:", err)
	}
}

// nextCalendar is the earliest calendar item and when it fires.
func (a *Agent) nextCalendar(now time.Time) (schedule.CalendarItem, time.Time, bool) {
	var best schedule.CalendarItem
	var at time.Time
	hours := a.cfg.Schedule().Hours
	for _, it := range a.calendarItems() {
		t := it.NextAfter(a.state.Calendar[it.ID], a.calendarFrom(it, now), hours, a.loc)
		if t.IsZero() {
			continue
		}
		if at.IsZero() || t.Before(at) {
			best, at = it, t
		}
	}
	return best, at, !at.IsZero()
}

// calendarFrom is the "now" an item's next occurrence is looked for
// after: a moment before now, so an item due exactly now still fires.
func (a *Agent) calendarFrom(it schedule.CalendarItem, now time.Time) time.Time {
	return now.Add(-time.Second)
}

// fireCalendar notifies every calendar item that is due.
func (a *Agent) fireCalendar(now time.Time) {
	for i := 0; i < 4; i++ {
		it, at, ok := a.nextCalendar(now)
		if !ok || at.After(now) {
			return
		}
		a.state.Calendar[it.ID] = now
		a.saveState()
		a.record(journal.Record{Event: "reminded", Kind: calendarViews[it.ID].view})
		a.notifyCalendar(it.ID)
	}
}

// onCalendarAction opens the view of a clicked calendar notification;
// "Later" brings the item back later the same day.
func (a *Agent) onCalendarAction(id uint32, key string) bool {
	item, ok := a.calNotes[id]
	if !ok {
		return false
	}
	delete(a.calNotes, id)
	switch key {
	case platform.DefaultAction:
		if a.opt.Views != nil {
			if err := a.opt.Views.Open(calendarViews[item].view); err != nil {
				fmt.Fprintln(a.opt.Log, "limber:", err)
			}
		}
	case "later":
		a.putOffCalendar(item, a.wall())
	}
	return true
}

// WelcomeMarker is the file the welcome view writes once it has been
// shown; until it exists, the agent opens the welcome at start.
const WelcomeMarker = "welcome-shown"

// FirstRun opens the welcome view the first time the agent starts.
func (a *Agent) FirstRun() {
	if a.opt.StateDir == "" || a.opt.Views == nil {
		return
	}
	if _, err := os.Stat(a.opt.StateDir + string(os.PathSeparator) + WelcomeMarker); err == nil {
		return
	}
	if err := a.opt.Views.Open("welcome"); err != nil {
		fmt.Fprintln(a.opt.Log, "limber: welcome:", err)
	}
}
