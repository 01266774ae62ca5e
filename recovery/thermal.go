package recovery

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/msg"
)

// Heat is refused from NightFrom to NightUntil local time: never heat while
// asleep or when you might doze off (Mayo Clinic).
const (
	NightFrom  = 22
	NightUntil = 7
)

// maxPerDay caps sessions a day: ice at most 4 times a day (Mayo Clinic,
// NHS RICE).
var maxPerDay = map[string]int{"ice": 4}

// ThermalRule is the ice or heat rule of the plan, from the library.
type ThermalRule struct {
	Kind    string // ice or heat
	Title   string
	Max     time.Duration // longest session: the timer's length
	Min     time.Duration
	Gap     time.Duration // least time from the end of one session to the next
	Phases  []string      // phases where it applies
	Rules   []string      // plain-language rules to show
	Sources []string
}

// Session is one ice or heat session.
type Session struct {
	Kind  string    `json:"kind"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end,omitzero"` // zero while running: it ends at Start + Max
}

// ThermalRules returns the library's thermal rules.
func ThermalRules(lib *content.Library) []ThermalRule {
	var out []ThermalRule
	for _, t := range lib.Thermal {
		out = append(out, ThermalRule{
			Kind: t.ID, Title: t.Title,
			Max: time.Duration(t.MaxMinutes) * time.Minute, Min: time.Duration(t.MinMinutes) * time.Minute,
			Gap:    time.Duration(t.GapMinutes) * time.Minute,
			Phases: t.Phases, Rules: t.Rules, Sources: t.Sources,
		})
	}
	return out
}

// ThermalTimer decides whether an ice or heat session may start.
type ThermalTimer struct {
	Phase      string // the plan's phase; "" when no plan is active
	PhaseTitle string
	Rules      []ThermalRule
}

// ThermalTimer returns the timer for the plan's phase on now's date. A nil
// or stopped plan gives a timer that refuses every session.
func (p *Plan) ThermalTimer(now time.Time) ThermalTimer {
	lib, err := DefaultLibrary()
	if p != nil {
		lib, err = p.Library(), nil
	}
	if err != nil {
		return ThermalTimer{}
	}
	t := ThermalTimer{Rules: ThermalRules(lib)}
	if p.Active() {
		if ph := p.CurrentPhase(now); ph != nil {
			t.Phase, t.PhaseTitle = ph.ID, ph.Title
		}
	}
	return t
}

// Rule returns the rule for kind.
func (t ThermalTimer) Rule(kind string) (ThermalRule, bool) {
	for _, r := range t.Rules {
		if r.Kind == kind {
			return r, true
		}
	}
	return ThermalRule{}, false
}

// Length is the timer's length for kind: the rule's max_minutes.
func (t ThermalTimer) Length(kind string) time.Duration {
	r, _ := t.Rule(kind)
	return r.Max
}

// Usable returns the rules that apply in the timer's phase.
func (t ThermalTimer) Usable() []ThermalRule {
	var out []ThermalRule
	for _, r := range t.Rules {
		if slices.Contains(r.Phases, t.Phase) {
			out = append(out, r)
		}
	}
	return out
}

// CanStart reports whether a kind ("ice" or "heat") session may start now,
// given earlier sessions, and if not, why in plain words. It honours the
// phases where each applies, one session at a time, the gap between
// sessions, the daily cap for ice, and never heat at night: heat is refused
// from 22:00 to 07:00 local time and when the session would run past 22:00.
func (t ThermalTimer) CanStart(kind string, now time.Time, last []Session) (bool, string) {
	ok, why := t.CanStartText(kind, now, last)
	return ok, why.English
}

// CanStartText is CanStart with the reason as a message.
func (t ThermalTimer) CanStartText(kind string, now time.Time, last []Session) (bool, msg.Text) {
	r, ok := t.Rule(kind)
	if !ok {
		kinds := make([]string, 0, len(t.Rules))
		for _, r := range t.Rules {
			kinds = append(kinds, r.Kind)
		}
		return false, msg.Plain(fmt.Sprintf("unknown kind %q: expected %s", kind, strings.Join(kinds, " or ")))
	}
	if t.Phase == "" {
		return false, msg.L("recovery.thermal.no_plan", "No recovery plan is active: start one with `limber recovery start`.")
	}
	if !slices.Contains(r.Phases, t.Phase) {
		why := fmt.Sprintf("%s is not part of the %s phase.", capitalize(kind), t.PhaseTitle)
		usable := t.Usable()
		for _, o := range usable {
			why += fmt.Sprintf(" Use %s instead if it helps.", o.Kind)
		}
		switch {
		case kind == "ice" && len(usable) == 0:
			return false, msg.L("recovery.thermal.ice_not_in_phase", why, msg.Args{"Phase": t.PhaseTitle})
		case kind == "heat" && len(usable) == 0:
			return false, msg.L("recovery.thermal.heat_not_in_phase", why, msg.Args{"Phase": t.PhaseTitle})
		case kind == "ice" && len(usable) == 1 && usable[0].Kind == "heat":
			return false, msg.L("recovery.thermal.ice_not_in_phase_use_heat", why, msg.Args{"Phase": t.PhaseTitle})
		case kind == "heat" && len(usable) == 1 && usable[0].Kind == "ice":
			return false, msg.L("recovery.thermal.heat_not_in_phase_use_ice", why, msg.Args{"Phase": t.PhaseTitle})
		}
		return false, msg.Plain(why)
	}
	if kind == "heat" {
		h := now.Hour()
		if h >= NightFrom || h < NightUntil {
			return false, msg.L("recovery.thermal.no_heat_at_night", fmt.Sprintf("No heat between %02d:00 and %02d:00: never use heat while you are asleep or might doze off.", NightFrom, NightUntil),
				msg.Args{"From": fmt.Sprintf("%02d:00", NightFrom), "Until": fmt.Sprintf("%02d:00", NightUntil)})
		}
		night := time.Date(now.Year(), now.Month(), now.Day(), NightFrom, 0, 0, 0, now.Location())
		if now.Add(r.Max).After(night) {
			return false, msg.L("recovery.thermal.heat_past_night", fmt.Sprintf("A %d-minute heat session would run past %02d:00: never use heat while you are asleep or might doze off.", int(r.Max.Minutes()), NightFrom),
				msg.Args{"Minutes": int(r.Max.Minutes()), "From": fmt.Sprintf("%02d:00", NightFrom)})
		}
	}
	today := 0
	for _, s := range last {
		sr, ok := t.Rule(s.Kind)
		if !ok {
			continue
		}
		end := s.End
		if end.IsZero() {
			end = s.Start.Add(sr.Max)
		}
		if now.Before(end) && !now.Before(s.Start) {
			article := "A"
			if s.Kind == "ice" {
				article = "An"
			}
			why := fmt.Sprintf("%s %s session is already running until %s.", article, s.Kind, end.Format("15:04"))
			switch s.Kind {
			case "ice":
				return false, msg.L("recovery.thermal.ice_running", why, msg.Args{"Time": end.Format("15:04")})
			case "heat":
				return false, msg.L("recovery.thermal.heat_running", why, msg.Args{"Time": end.Format("15:04")})
			}
			return false, msg.Plain(why)
		}
		if next := end.Add(r.Gap); !now.Before(s.Start) && now.Before(next) {
			return false, msg.L("recovery.thermal.gap", fmt.Sprintf("Leave at least %s between sessions: the next one can start at %s.", humanGap(r.Gap), next.Format("15:04")),
				msg.Args{"Gap": gapText(r.Gap), "Time": next.Format("15:04")})
		}
		if s.Kind == kind && sameDate(s.Start, now) {
			today++
		}
	}
	if n, ok := maxPerDay[kind]; ok && today >= n {
		why := fmt.Sprintf("That is %d %s sessions today, the most for one day. Try again tomorrow.", today, kind)
		switch kind {
		case "ice":
			return false, msg.N("recovery.thermal.ice_most_today", today, why)
		}
		return false, msg.Plain(why)
	}
	return true, msg.Text{}
}

// gapText is humanGap as a message.
func gapText(d time.Duration) msg.Text {
	if d%time.Hour == 0 {
		return msg.N("recovery.thermal.hours", int(d.Hours()), humanGap(d))
	}
	return msg.N("recovery.thermal.minutes", int(d.Minutes()), humanGap(d))
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// humanGap writes 2 hours, 90 minutes.
func humanGap(d time.Duration) string {
	if d%time.Hour == 0 {
		if d == time.Hour {
			return "1 hour"
		}
		return fmt.Sprintf("%d hours", int(d.Hours()))
	}
	if d == time.Minute {
		return "1 minute"
	}
	return fmt.Sprintf("%d minutes", int(d.Minutes()))
}
