package workstation

import (
	"fmt"
	"slices"
	"strings"

	"github.com/limberapp/limber/content"
)

// Setup is the kind of workstation a check is for: one of
// content.SetupKinds.
type Setup string

// The set-ups a person can choose.
const (
	DeskMonitor    Setup = "desk-monitor"
	LaptopOnly     Setup = "laptop-only"
	LaptopExternal Setup = "laptop-external"
	SitStand       Setup = "sit-stand"
	MultiMonitor   Setup = "multi-monitor"
)

// Setups lists the set-ups in the order the wizard offers them.
var Setups = []Setup{DeskMonitor, LaptopOnly, LaptopExternal, SitStand, MultiMonitor}

var setupNames = map[Setup]string{
	DeskMonitor:    "Desk with a monitor",
	LaptopOnly:     "Laptop only",
	LaptopExternal: "Laptop with an external screen",
	SitStand:       "Sit-stand desk",
	MultiMonitor:   "Several monitors",
}

// Name is the set-up as the wizard shows it.
func (s Setup) Name() string {
	if n, ok := setupNames[s]; ok {
		return n
	}
	return string(s)
}

// Laptop reports whether the set-up includes a laptop.
func (s Setup) Laptop() bool { return s == LaptopOnly || s == LaptopExternal }

// ParseSetup checks a set-up name; empty means DeskMonitor.
func ParseSetup(v string) (Setup, error) {
	if v == "" {
		return DeskMonitor, nil
	}
	if slices.Contains(Setups, Setup(v)) {
		return Setup(v), nil
	}
	names := make([]string, len(Setups))
	for i, s := range Setups {
		names[i] = string(s)
	}
	return "", fmt.Errorf("unknown set-up %q (expected %s)", v, strings.Join(names, ", "))
}

// Applies reports whether a checklist item applies to the set-up: items
// with no applies_to apply to every set-up.
func Applies(it *content.ChecklistItem, s Setup) bool {
	return len(it.AppliesTo) == 0 || slices.Contains(it.AppliesTo, string(s))
}

// AreaItems returns the items of one area that apply to the set-up, in
// checklist order.
func AreaItems(items []*content.ChecklistItem, area string, s Setup) []*content.ChecklistItem {
	var out []*content.ChecklistItem
	for _, it := range items {
		if it.Area == area && Applies(it, s) {
			out = append(out, it)
		}
	}
	return out
}

// QuickItems returns the items of the quick check (quick = true) that apply
// to the set-up, in checklist order.
func QuickItems(items []*content.ChecklistItem, s Setup) []*content.ChecklistItem {
	var out []*content.ChecklistItem
	for _, it := range items {
		if it.Quick && Applies(it, s) {
			out = append(out, it)
		}
	}
	return out
}

var areaNames = map[string]string{
	"chair":          "Chair",
	"desk":           "Desk",
	"monitor":        "Screen",
	"keyboard-mouse": "Keyboard and mouse",
	"laptop":         "Laptop",
	"lighting":       "Lighting",
	"habits":         "Habits",
}

// AreaName is an area as people read it ("keyboard-mouse" → "Keyboard and
// mouse").
func AreaName(area string) string {
	if n, ok := areaNames[area]; ok {
		return n
	}
	return area
}

// areaIndex orders areas as content.ChecklistAreas lists them; unknown
// areas sort last.
func areaIndex(area string) int {
	if i := slices.Index(content.ChecklistAreas, area); i >= 0 {
		return i
	}
	return len(content.ChecklistAreas)
}
