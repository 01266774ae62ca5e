package agent

import (
	"context"
	"fmt"
	"time"

	"fyne.io/systray"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/schedule"
)

// systrayTray is the tray icon and menu, through fyne.io/systray directly
// (no Fyne app, so no render loop).
type systrayTray struct {
	status *systray.MenuItem
	pause  *systray.MenuItem
	resume *systray.MenuItem
	labels []trayLabel
	lang   string // the language the labels are in
}

// trayLabel is a menu item and the catalog keys of its title and tooltip.
type trayLabel struct {
	item       *systray.MenuItem
	title, tip string
}

// Update implements Tray. After a reload that changed the language, it
// relabels the menu first.
func (t *systrayTray) Update(status, tip string, paused bool) {
	if l := i18n.Language(); l != t.lang {
		t.relabel()
	}
	t.status.SetTitle(status)
	systray.SetTooltip(tip)
	if paused {
		t.resume.Enable()
	} else {
		t.resume.Disable()
	}
}

func (t *systrayTray) relabel() {
	t.lang = i18n.Language()
	for _, l := range t.labels {
		l.item.SetTitle(i18n.L(l.title))
		l.item.SetTooltip(i18n.L(l.tip))
	}
}

// add is a menu item (under parent, if not nil) labelled from the catalog.
func (t *systrayTray) add(parent *systray.MenuItem, title, tip string) *systray.MenuItem {
	var item *systray.MenuItem
	if parent == nil {
		item = systray.AddMenuItem(i18n.L(title), i18n.L(tip))
	} else {
		item = parent.AddSubMenuItem(i18n.L(title), i18n.L(tip))
	}
	t.labels = append(t.labels, trayLabel{item, title, tip})
	return item
}

// buildMenu creates the menu and wires every item to the agent. Each
// item's clicks arrive on a channel read by a goroutine that sleeps until
// a click.
func buildMenu(a *Agent) *systrayTray {
	systray.SetIcon(trayIcon())
	systray.SetTitle("Limber")
	systray.SetTooltip("Limber")
	t := &systrayTray{lang: i18n.Language()}
	t.status = systray.AddMenuItem("Limber", i18n.L("tray.status.tip"))
	t.status.Disable()
	systray.AddSeparator()

	take := t.add(nil, "tray.take", "tray.take.tip")
	for _, k := range schedule.Kinds {
		k := k
		item := t.add(take, "break."+string(k)+".short", "break."+string(k)+".body")
		onClick(item, func() {
			if err := a.TakeBreak(k); err != nil {
				fmt.Fprintln(a.opt.Log, "limber:", err)
			}
		})
	}
	t.pause = t.add(nil, "tray.pause", "tray.pause.tip")
	onClick(t.add(t.pause, "tray.pause.30m", "tray.pause.30m.tip"), func() { a.Pause(30 * time.Minute) })
	onClick(t.add(t.pause, "tray.pause.1h", "tray.pause.1h.tip"), func() { a.Pause(time.Hour) })
	onClick(t.add(t.pause, "tray.pause.tomorrow", "tray.pause.tomorrow.tip"), func() { a.Pause(0) })
	t.resume = t.add(t.pause, "tray.resume", "tray.resume.tip")
	t.resume.Disable()
	onClick(t.resume, a.Resume)
	systray.AddSeparator()
	for _, view := range []string{"wizard", "lifting", "recovery", "history"} {
		view := view
		onClick(t.add(nil, "tray."+view, "tray."+view+".tip"), func() { a.OpenView(view) })
	}
	thermal := t.add(nil, "tray.thermal", "tray.thermal.tip")
	onClick(t.add(thermal, "tray.thermal.ice", "tray.thermal.ice.tip"), func() { a.StartThermal("ice") })
	onClick(t.add(thermal, "tray.thermal.heat", "tray.thermal.heat.tip"), func() { a.StartThermal("heat") })
	systray.AddSeparator()
	onClick(t.add(nil, "tray.settings", "tray.settings.tip"), func() {
		if err := a.OpenSettings(); err != nil {
			fmt.Fprintln(a.opt.Log, "limber: settings:", err)
		}
	})
	onClick(t.add(nil, "tray.quit", "tray.quit.tip"), a.Quit)
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
