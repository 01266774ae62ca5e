package recovery

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/limberapp/limber/content"
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
	r, ok := t.Rule(kind)
	if !ok {
		kinds := make([]string, 0, len(t.Rules))
		for _, r := range t.Rules {
			kinds = append(kinds, r.Kind)
		}
		return false, fmt.Sprintf("unknown kind %q: expected %s", kind, strings.Join(kinds, " or "))
	}
	if t.Phase == "" {
		return false, "No recovery plan is active: start one with `limber recovery start`."
	}
	if !slices.Contains(r.Phases, t.Phase) {
		why := fmt.Sprintf("%s is not part of the %s phase.", capitalize(kind), t.PhaseTitle)
		for _, o := range t.Usable() {
			why += fmt.Sprintf(" Use %s instead if it helps.", o.Kind)
		}
		return false, why
	}
	if kind == "heat" {
		h := now.Hour()
		if h >= NightFrom || h < NightUntil {
			return false, fmt.Sprintf("No heat between %02d:00 and %02d:00: never use heat while you are asleep or might doze off.", NightFrom, NightUntil)
		}
		night := time.Date(now.Year(), now.Month(), now.Day(), NightFrom, 0, 0, 0, now.Location())
		if now.Add(r.Max).After(night) {
			return false, fmt.Sprintf("A %d-minute heat session would run past %02d:00: never use heat while you are asleep or might doze off.", int(r.Max.Minutes()), NightFrom)
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
			return false, fmt.Sprintf("A %s session is already running until %s.", s.Kind, end.Format("15:04"))
		}
		if next := end.Add(r.Gap); !now.Before(s.Start) && now.Before(next) {
			return false, fmt.Sprintf("Leave at least %s between sessions: the next one can start at %s.", humanGap(r.Gap), next.Format("15:04"))
		}
		if s.Kind == kind && sameDate(s.Start, now) {
			today++
		}
	}
	if n, ok := maxPerDay[kind]; ok && today >= n {
		return false, fmt.Sprintf("That is %d %s sessions today, the most for one day. Try again tomorrow.", today, kind)
	}
	return true, ""
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
	return fmt.Sprintf("%d minutes", int(d.Minutes()))
}
