package agent

import (
	"context"
	"fmt"
	"time"

	"fyne.io/systray"

	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/schedule"
)

// systrayTray is the tray icon and menu, through fyne.io/systray directly
// (no Fyne app, so no render loop).
type systrayTray struct {
	status *systray.MenuItem
	pause  *systray.MenuItem
	resume *systray.MenuItem
}

// Update implements Tray.
func (t *systrayTray) Update(status, tip string, paused bool) {
	t.status.SetTitle(status)
	systray.SetTooltip(tip)
	if paused {
		t.resume.Enable()
	} else {
		t.resume.Disable()
	}
}

// buildMenu creates the menu and wires every item to the agent. Each
// item's clicks arrive on a channel read by a goroutine that sleeps until
// a click.
func buildMenu(a *Agent) *systrayTray {
	systray.SetIcon(trayIcon())
	systray.SetTitle("Limber")
	systray.SetTooltip("Limber")
	t := &systrayTray{}
	t.status = systray.AddMenuItem("Limber", "What comes next")
	t.status.Disable()
	systray.AddSeparator()

	take := systray.AddMenuItem("Take a break now", "Start a break now")
	for _, k := range schedule.Kinds {
		k := k
		item := take.AddSubMenuItem(kindTitle[k][:len(kindTitle[k])-len(" break")], kindBody[k])
		onClick(item, func() {
			if err := a.TakeBreak(k); err != nil {
				fmt.Fprintln(a.opt.Log, "limber:", err)
			}
		})
	}
	t.pause = systray.AddMenuItem("Pause", "Pause breaks")
	onClick(t.pause.AddSubMenuItem("30 minutes", "Pause breaks for 30 minutes"), func() { a.Pause(30 * time.Minute) })
	onClick(t.pause.AddSubMenuItem("1 hour", "Pause breaks for an hour"), func() { a.Pause(time.Hour) })
	onClick(t.pause.AddSubMenuItem("Until tomorrow", "Pause breaks until tomorrow morning"), func() { a.Pause(0) })
	t.resume = t.pause.AddSubMenuItem("Resume", "Resume breaks now")
	t.resume.Disable()
	onClick(t.resume, a.Resume)
	systray.AddSeparator()
	for _, v := range []struct{ label, tip, view string }{
		{"Workstation check…", "Check your desk, chair and screen set-up", "wizard"},
		{"Lifting refresher…", "A one-minute lifting-technique refresher and a load calculator", "lifting"},
		{"I strained my back…", "Start a back-strain recovery plan", "recovery"},
		{"History…", "Breaks taken, streaks and check-ins over time", "history"},
	} {
		v := v
		onClick(systray.AddMenuItem(v.label, v.tip), func() { a.OpenView(v.view) })
	}
	thermal := systray.AddMenuItem("Ice or heat timer", "Timers with the recovery plan's limits")
	onClick(thermal.AddSubMenuItem("Start ice (cold pack)", "Up to 20 minutes, wrapped, never on bare skin"), func() { a.StartThermal("ice") })
	onClick(thermal.AddSubMenuItem("Start heat", "Up to 20 minutes, never while asleep"), func() { a.StartThermal("heat") })
	systray.AddSeparator()
	onClick(systray.AddMenuItem("Settings…", "Change Limber's settings"), func() {
		if err := a.OpenSettings(); err != nil {
			fmt.Fprintln(a.opt.Log, "limber: settings:", err)
		}
	})
	onClick(systray.AddMenuItem("Quit", "Quit Limber"), a.Quit)
	return t
}

func onClick(item *systray.MenuItem, f func()) {
	go func() {
		for range item.ClickedCh {
			f()
		}
	}()
}

// followTrayHost tells nt whether a tray host is there now and each time
// one comes or goes, and registers the tray item with each host that
// appears (fyne.io/systray's own re-registration stops working once the
// shared connection carries a notification signal).
func followTrayHost(ctx context.Context, nt *noTray) {
	present, changes, err := platform.WatchTrayHost(ctx)
	if err != nil {
		fmt.Fprintln(nt.log, "limber: cannot follow the tray host:", err)
		return
	}
	nt.start(present)
	if changes == nil {
		return
	}
	go func() {
		for present := range changes {
			if present {
				// A host takes its name a moment before it serves
				// its object: try for a few seconds.
				var err error
				for range 25 {
					if err = platform.RegisterTrayItem(); err == nil {
						break
					}
					time.Sleep(200 * time.Millisecond)
				}
				if err != nil {
					fmt.Fprintln(nt.log, "limber: registering the tray icon:", err)
				}
			}
			nt.changed(present)
		}
	}()
}
