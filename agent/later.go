package agent

import (
	"fmt"
	"time"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/schedule"
)

// laterDelay is how long "Later" on a calendar notification puts the
// item off: it comes back the same day, inside working hours.
const laterDelay = time.Hour

// putOffCalendar brings item back after laterDelay.
func (a *Agent) putOffCalendar(item string, now time.Time) {
	if a.calLater == nil {
		a.calLater = map[string]time.Time{}
	}
	a.calLater[item] = now.Add(laterDelay)
	a.record(journal.Record{Event: "later", Kind: calendarViews[item].view})
}

// nextLater is the earliest item put off with "Later".
func (a *Agent) nextLater() (time.Time, bool) {
	var at time.Time
	for _, t := range a.calLater {
		if at.IsZero() || t.Before(at) {
			at = t
		}
	}
	return at, !at.IsZero()
}

// fireLater notifies the items put off whose time has come; outside
// working hours they wait for the hours to begin.
func (a *Agent) fireLater(now time.Time) {
	for item, at := range a.calLater {
		if now.Before(at) {
			continue
		}
		if st := a.eng.Status(now); st.State == schedule.OutsideHours {
			if !st.HoursResume.IsZero() {
				a.calLater[item] = st.HoursResume
			} else {
				delete(a.calLater, item)
			}
			continue
		}
		delete(a.calLater, item)
		a.notifyCalendar(item)
	}
}

// notifyCalendar shows a calendar item's notification, with Start and
// Later where the server has actions.
func (a *Agent) notifyCalendar(item string) {
	if a.opt.Notifier == nil {
		return
	}
	note := platform.Notification{Title: i18n.L("calendar." + item + ".title"), Body: i18n.L("calendar." + item + ".body"), Icon: iconPath()}
	if a.opt.Notifier.Actions() {
		note.Actions = []platform.NotifyAction{{Key: platform.DefaultAction, Label: i18n.L("notify.start")}, {Key: "later", Label: i18n.L("notify.later")}}
	}
	id, err := a.opt.Notifier.Send(note)
	if err != nil {
		fmt.Fprintln(a.opt.Log, "limber: notification:", err)
		return
	}
	if a.calNotes == nil {
		a.calNotes = map[uint32]string{}
	}
	a.calNotes[id] = item
}
