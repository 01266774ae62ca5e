package agent

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/schedule"
)

// The Limber window: next breaks, take a break, pause, settings, quit. It
// is how the launcher and a second `limber` reach the agent, and all a
// person has where there is no tray icon.
func init() { knownViews["limber"] = true }

// trayGrace is how long the agent waits, at start, for a tray host before
// saying there is none: at login the panel may come up after Limber.
const trayGrace = 5 * time.Second

// noTray tells the person, once, when there is no tray host (stock GNOME,
// and any desktop without a StatusNotifierWatcher), and once more if a
// host that was there goes away: what is missing, how to get a tray icon
// on their desktop, and how to reach Limber meanwhile. Clicking the notice
// opens the Limber window. Its methods are safe from any goroutine.
type noTray struct {
	notifier platform.Notifier
	desktop  string // $XDG_CURRENT_DESKTOP
	// noWindows says why no window can open in this session (nil: they
	// can): the notices then point to the command line instead.
	noWindows error
	log       io.Writer
	// after runs f after d (time.AfterFunc; tests run it by hand).
	after func(d time.Duration, f func())

	mu          sync.Mutex
	present     bool
	gen         int  // counts changes: a grace timer acts only if none came since
	toldMissing bool // "no tray icon" sent
	toldGone    bool // "the tray icon went away" sent
	notice      uint32
}

// start is the state at start: with no host, the notice goes out after
// trayGrace unless one appears first.
func (n *noTray) start(present bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.present = present
	n.gen++
	if present {
		if n.noWindows != nil {
			// The tray works, the windows do not: say so once.
			n.send(platform.Notification{Title: i18n.L("notray.no_windows.title"),
				Body: i18n.L("notray.no_windows.body", i18n.Args{"Why": capitalize(n.noWindows.Error())}), Icon: iconPath()})
		}
		return
	}
	fmt.Fprintln(n.log, "limber: no tray host (StatusNotifierWatcher) on the session bus: no tray icon")
	gen := n.gen
	n.after(trayGrace, func() { n.graceOver(gen) })
}

func (n *noTray) graceOver(gen int) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if gen != n.gen || n.present || n.toldMissing {
		return
	}
	n.toldMissing = true
	n.send(noTrayNotice(n.desktop, false, n.noWindows))
}

// changed is a tray host appearing (true) or going (false).
func (n *noTray) changed(present bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if present == n.present {
		return
	}
	n.present = present
	n.gen++
	if present {
		fmt.Fprintln(n.log, "limber: a tray host appeared: the tray icon is back")
		if n.notice != 0 && n.notifier != nil {
			n.notifier.Dismiss(n.notice)
			n.notice = 0
		}
		return
	}
	fmt.Fprintln(n.log, "limber: the tray host went away: no tray icon")
	if n.toldGone {
		return
	}
	n.toldGone = true
	n.send(noTrayNotice(n.desktop, true, n.noWindows))
}

// send shows the notice. Held: mu.
func (n *noTray) send(note platform.Notification) {
	if n.notifier == nil {
		return
	}
	if n.notifier.Actions() && n.noWindows == nil {
		note.Actions = []platform.NotifyAction{{Key: platform.DefaultAction, Label: i18n.L("notray.open")}}
	}
	id, err := n.notifier.Send(note)
	if err != nil {
		fmt.Fprintln(n.log, "limber: the no-tray notice:", err)
		return
	}
	n.notice = id
}

// isNotice says whether notification id is the no-tray notice.
func (n *noTray) isNotice(id uint32) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return id != 0 && id == n.notice
}

// noTrayNotice says what is missing and how to get a tray icon on
// desktop (as $XDG_CURRENT_DESKTOP names it); gone: a host was there and
// went away; noWindows: why no window can open, if so.
func noTrayNotice(desktop string, gone bool, noWindows error) platform.Notification {
	d := strings.ToLower(desktop)
	var how string
	switch {
	case strings.Contains(d, "gnome") || strings.Contains(d, "unity") || strings.Contains(d, "ubuntu"):
		how = i18n.L("notray.how.gnome")
	case strings.Contains(d, "kde"):
		how = i18n.L("notray.how.kde")
	case strings.Contains(d, "xfce"):
		how = i18n.L("notray.how.xfce")
	case strings.Contains(d, "sway") || strings.Contains(d, "hyprland") || strings.Contains(d, "wlroots") || strings.Contains(d, "river"):
		how = i18n.L("notray.how.wlroots")
	default:
		how = i18n.L("notray.how.other")
	}
	meanwhile := i18n.L("notray.meanwhile")
	if noWindows != nil {
		meanwhile = i18n.L("notray.meanwhile_no_windows", i18n.Args{"Why": noWindows.Error()}) + " " + cliHint()
	}
	if gone {
		return platform.Notification{
			Title: i18n.L("notray.gone.title"),
			Body:  i18n.L("notray.gone.body") + " " + meanwhile,
			Icon:  iconPath(),
		}
	}
	return platform.Notification{
		Title: i18n.L("notray.missing.title"),
		Body:  i18n.L("notray.missing.body") + " " + how + " " + meanwhile,
		Icon:  iconPath(),
	}
}

// cliHint is how to reach Limber with no tray and no window.
func cliHint() string { return i18n.L("notray.cli_hint") }

// windowNotice says why the Limber window cannot open, with what it would
// have shown.
func windowNotice(why error, st StatusJSON) platform.Notification {
	body := i18n.L("notify.sentence", i18n.Args{"Text": capitalize(why.Error())})
	var next []string
	for _, n := range st.Next {
		next = append(next, i18n.L("notray.next_item", i18n.Args{"Break": kindText(schedule.Kind(n.Kind), "name"), "When": dueIn(time.Duration(n.DueInSeconds) * time.Second)}))
	}
	if len(next) > 0 {
		body += " " + i18n.L("notray.next", i18n.Args{"List": strings.Join(next, ", ")})
	}
	if st.State == "paused" {
		body += " " + i18n.L("notray.paused")
	}
	return platform.Notification{Title: i18n.L("notray.window.title"), Body: body + " " + cliHint(), Icon: iconPath()}
}

// dueIn is "in 12 min", "in 1 h 5 min", "now".
func dueIn(d time.Duration) string {
	if d <= 0 {
		return i18n.L("time.now")
	}
	m := int((d + time.Minute - 1) / time.Minute)
	switch {
	case m < 60:
		return i18n.L("time.in_min", i18n.Args{"Minutes": m})
	case m%60 == 0:
		return i18n.L("time.in_h", i18n.Args{"Hours": m / 60})
	}
	return i18n.L("time.in_h_min", i18n.Args{"Hours": m / 60, "Minutes": m % 60})
}

// openLimberWindow opens the Limber window (the notice was clicked), or
// where none can open says why in a notification.
func (a *Agent) openLimberWindow(nt *noTray) {
	if nt.noWindows != nil {
		if a.opt.Notifier != nil {
			a.opt.Notifier.Send(windowNotice(nt.noWindows, a.Status()))
		}
		return
	}
	a.OpenView("limber")
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
