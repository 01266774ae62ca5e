package agent

import (
	"errors"
	"fmt"
	"time"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/recovery"
	"github.com/limberapp/limber/schedule"
	"github.com/limberapp/limber/store"
)

// The back-strain recovery plan changes the schedule while it runs:
// walking prompts (the rest break, shorter and more often) in the early
// phases, no mobility breaks while the advice is to get care, a daily
// check-in reminder, and ice and heat timers from the tray.

// loadRecovery reads the plan; a corrupt file has been kept aside by
// LoadState and is reported, never fatal.
func (a *Agent) loadRecovery() {
	a.rec = nil
	if a.opt.RecoveryPath == "" {
		return
	}
	p, err := store.Get[*recovery.Plan](a.opt.RecoveryPath)
	if err != nil {
		fmt.Fprintln(a.opt.Log, "limber: recovery plan:", err)
		return
	}
	a.rec = p
}

// adapt recomputes the schedule for the plan's phase today and gives it
// to the engine.
func (a *Agent) adapt(now time.Time) {
	a.adaptDay = now.Format("2006-01-02")
	sc := a.cfg.Schedule()
	sc.Location = a.loc
	a.adaptation = recovery.Adaptation{}
	if a.rec.Active() {
		ad := a.rec.Adapt(now)
		a.adaptation = ad
		if ad.Active {
			rest := sc.Breaks[schedule.Rest]
			if ad.WalkEvery > 0 {
				rest.Enabled = true
				rest.Every = ad.WalkEvery
				rest.Duration = min(rest.Duration, 5*time.Minute)
				rest.WarnBefore = min(rest.WarnBefore, 30*time.Second)
				sc.Breaks[schedule.Rest] = rest
			}
			if ad.Suspended {
				mob := sc.Breaks[schedule.Mobility]
				mob.Enabled = false
				sc.Breaks[schedule.Mobility] = mob
			}
		}
	}
	a.sched = sc
	a.eng.SetConfig(sc, now)
}

// calendarItems are the settings' calendar items plus, while a recovery
// plan runs, its daily check-in reminder at 18:00.
func (a *Agent) calendarItems() []schedule.CalendarItem {
	items := a.cfg.Calendar()
	if a.adaptation.Active {
		items = append(items, schedule.CalendarItem{ID: "recovery-checkin", Every: 24 * time.Hour, At: 18 * time.Hour})
	}
	return items
}

// StartThermal starts an ice or heat timer if the plan's rules allow it
// now, and says why not otherwise.
func (a *Agent) StartThermal(kind string) error {
	var err error
	a.do(func() {
		now := a.wall()
		if !a.rec.Active() {
			err = errors.New(i18n.L("error.no_recovery_plan"))
			return
		}
		tt := a.rec.ThermalTimer(now)
		ok, why := tt.CanStartText(kind, now, a.state.Thermal)
		if !ok {
			err = fmt.Errorf("%s", i18n.Msg(why))
			return
		}
		length := tt.Length(kind)
		a.state.Thermal = append(a.state.Thermal, recovery.Session{Kind: kind, Start: now})
		a.saveState()
		a.thermalEnd, a.thermalKind = now.Add(length), kind
		a.record(journal.Record{Event: "started", Kind: kind, Seconds: length.Seconds()})
		if a.opt.Notifier != nil {
			a.opt.Notifier.Send(platform.Notification{Title: i18n.N("thermal."+kind+".started", int(length/time.Minute)),
				Body: i18n.L("thermal." + kind + ".advice"), Icon: iconPath()})
		}
	})
	if err != nil && a.opt.Notifier != nil {
		a.opt.Notifier.Send(platform.Notification{Title: i18n.L("thermal." + kind + ".failed"), Body: err.Error()})
	}
	return err
}

// endThermal closes a timer whose time is up.
func (a *Agent) endThermal(now time.Time) {
	if a.thermalKind == "" || now.Before(a.thermalEnd) {
		return
	}
	kind := a.thermalKind
	a.thermalKind = ""
	for i := len(a.state.Thermal) - 1; i >= 0; i-- {
		if a.state.Thermal[i].Kind == kind && a.state.Thermal[i].End.IsZero() {
			a.state.Thermal[i].End = now
			break
		}
	}
	a.saveState()
	a.record(journal.Record{Event: "completed", Kind: kind})
	if a.opt.Notifier != nil {
		a.opt.Notifier.Send(platform.Notification{Title: i18n.L("thermal." + kind + ".done"),
			Body: i18n.L("thermal.done.body"), Icon: iconPath()})
	}
}
