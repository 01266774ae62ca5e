package ui

import (
	"strings"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/prefs"
)

// settingsSection is a titled run of settings inside a tab.
type settingsSection struct {
	Title string
	Note  string // a line under the title; may be empty
	Keys  []prefs.Key
}

// settingsGroup is one tab of the settings window.
type settingsGroup struct {
	Title    string
	Sections []settingsSection
}

// Tabs of the settings window, in order, by their English titles; the
// tab shows groupTitle's translation.
const (
	groupBreaks        = "Breaks"
	groupSchedule      = "Schedule and hours"
	groupNotifications = "Notifications"
	groupExercises     = "Exercises"
	groupRecovery      = "Recovery"
	groupStartup       = "Startup"
	groupAdvanced      = "Advanced"
)

// groupID is a tab's catalog id: "Schedule and hours" gives "schedule".
var groupID = map[string]string{groupBreaks: "breaks", groupSchedule: "schedule", groupNotifications: "notifications",
	groupExercises: "exercises", groupRecovery: "recovery", groupStartup: "startup", groupAdvanced: "advanced"}

// groupTitle is a tab's title in the current language.
func groupTitle(group string) string { return i18n.L("settings.group." + groupID[group]) }

// settingsPlan says where the known keys go: tab, section (its title is
// the catalog's settings.section.<id>, its note settings.section.<id>.note
// where note is set), and a match on the dotted name (an exact name, or a
// prefix ending in ".").
var settingsPlan = []struct {
	group, section string
	note           bool
	match          []string
}{
	{groupBreaks, "posture", true, []string{"breaks.posture."}},
	{groupBreaks, "mobility", true, []string{"breaks.mobility."}},
	{groupBreaks, "rest", true, []string{"breaks.rest."}},
	{groupBreaks, "postpone", false, []string{"breaks.strict", "breaks.postpone_for", "breaks.max_postpones", "breaks.strict_max_postpones", "breaks.skip_budget"}},
	{groupSchedule, "hours", true, []string{"hours."}},
	{groupSchedule, "idle", false, []string{"idle."}},
	{groupSchedule, "resume", false, []string{"breaks.resume_at"}},
	{groupSchedule, "dnd", false, []string{"dnd."}},
	{groupNotifications, "at_break", false, []string{"notifications."}},
	{groupNotifications, "break_window", false, []string{"break_window."}},
	{groupExercises, "exercises", false, []string{"exercises."}},
	{groupRecovery, "lifting", false, []string{"lifting."}},
	{groupRecovery, "workstation", false, []string{"workstation."}},
	{groupStartup, "language", false, []string{"ui.language"}},
}

func settingsMatch(name string, patterns []string) bool {
	for _, p := range patterns {
		if name == p || (strings.HasSuffix(p, ".") && strings.HasPrefix(name, p)) {
			return true
		}
	}
	return false
}

// settingsGroups places every key of keys in exactly one tab, keeping the
// file order inside a section. Keys no plan entry matches go to Advanced,
// so a setting added to prefs always gets a widget. Startup and Advanced
// are always present (Startup holds the autostart switch, Advanced the
// file's location).
func settingsGroups(keys []prefs.Key) []settingsGroup {
	order := []string{groupBreaks, groupSchedule, groupNotifications, groupExercises, groupRecovery, groupStartup, groupAdvanced}
	byGroup := map[string]*settingsGroup{}
	var groups []*settingsGroup
	for _, title := range order {
		g := &settingsGroup{Title: title}
		byGroup[title] = g
		groups = append(groups, g)
	}
	sections := make([]settingsSection, len(settingsPlan))
	var other []prefs.Key
	for _, k := range keys {
		placed := false
		for i, p := range settingsPlan {
			if settingsMatch(k.Name, p.match) {
				sections[i].Keys = append(sections[i].Keys, k)
				placed = true
				break
			}
		}
		if !placed {
			other = append(other, k)
		}
	}
	for i, p := range settingsPlan {
		if len(sections[i].Keys) == 0 {
			continue
		}
		sections[i].Title = i18n.L("settings.section." + p.section)
		if p.note {
			sections[i].Note = i18n.L("settings.section." + p.section + ".note")
		}
		g := byGroup[p.group]
		g.Sections = append(g.Sections, sections[i])
	}
	if len(other) > 0 {
		g := byGroup[groupAdvanced]
		g.Sections = append(g.Sections, settingsSection{Title: i18n.L("settings.section.other"), Keys: other})
	}
	out := make([]settingsGroup, 0, len(groups))
	for _, g := range groups {
		if len(g.Sections) > 0 || g.Title == groupStartup || g.Title == groupAdvanced {
			out = append(out, *g)
		}
	}
	return out
}
