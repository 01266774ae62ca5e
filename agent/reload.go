package agent

import (
	"fmt"
	"strings"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/prefs"
)

// Reload re-reads the settings and applies them without a restart. A key
// that is now invalid keeps its last good value, and a file that no
// longer parses keeps every last good value; either way the person is
// told once, as at start, and the file is left alone.
func (a *Agent) Reload() []prefs.Problem {
	var probs []prefs.Problem
	a.do(func() { probs = a.reload() })
	return probs
}

func (a *Agent) reload() []prefs.Problem {
	cfg, probs := prefs.Load(a.opt.ConfigPath, a.opt.Prefs)
	old := a.cfg
	syntax := false
	for _, p := range probs {
		if p.Key == "" {
			syntax = true
		}
	}
	if syntax {
		cfg = old
	} else {
		for _, p := range probs {
			if _, locked := cfg.Locked[p.Key]; locked {
				continue // the administrator's value stands
			}
			if k, ok := prefs.Lookup(p.Key); ok {
				k.Set(&cfg, k.Get(&old))
			} else if strings.HasPrefix(p.Key, "LIMBER_") {
				continue
			}
		}
	}
	a.cfg = cfg
	a.problems = probs
	i18n.Use(cfg.Language) // the tray relabels itself at refreshTray
	now := a.wall()
	a.loadRecovery()
	a.adapt(now)
	a.lastTray = ""
	a.windowsAgain() // a reload tries break windows again after failures
	a.refreshTray(now)
	if len(probs) > 0 {
		a.ReportProblems()
	} else {
		fmt.Fprintln(a.opt.Log, "limber: settings reloaded from", a.opt.ConfigPath)
	}
	return probs
}
