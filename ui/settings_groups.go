package ui

import (
	"strings"

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

// Tab titles of the settings window, in order.
const (
	groupBreaks        = "Breaks"
	groupSchedule      = "Schedule and hours"
	groupNotifications = "Notifications"
	groupExercises     = "Exercises"
	groupRecovery      = "Recovery"
	groupStartup       = "Startup"
	groupAdvanced      = "Advanced"
)

// settingsPlan says where the known keys go: tab, section title, and a
// match on the dotted name (an exact name, or a prefix ending in ".").
var settingsPlan = []struct {
	group, section, note string
	match                []string
}{
	{groupBreaks, "Posture breaks", "Short pauses to reset how you sit.", []string{"breaks.posture."}},
	{groupBreaks, "Mobility breaks", "A few minutes of movement.", []string{"breaks.mobility."}},
	{groupBreaks, "Rest breaks", "Longer breaks away from the screen.", []string{"breaks.rest."}},
	{groupBreaks, "Postpone and skip", "", []string{"breaks.strict", "breaks.postpone_for", "breaks.max_postpones", "breaks.strict_max_postpones", "breaks.skip_budget"}},
	{groupSchedule, "Working hours", "Write each day's hours as ranges such as 09:00-12:30, separated by commas; leave a day empty for a day off.", []string{"hours."}},
	{groupSchedule, "Away from the computer", "", []string{"idle."}},
	{groupSchedule, "Pause until tomorrow", "", []string{"breaks.resume_at"}},
	{groupSchedule, "Do not disturb", "", []string{"dnd."}},
	{groupNotifications, "At break time", "", []string{"notifications."}},
	{groupNotifications, "The break window", "", []string{"break_window."}},
	{groupExercises, "What breaks may include", "", []string{"exercises."}},
	{groupRecovery, "Lifting refresher", "", []string{"lifting."}},
	{groupRecovery, "Workstation check-in", "", []string{"workstation."}},
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
		sections[i].Title, sections[i].Note = p.section, p.note
		g := byGroup[p.group]
		g.Sections = append(g.Sections, sections[i])
	}
	if len(other) > 0 {
		g := byGroup[groupAdvanced]
		g.Sections = append(g.Sections, settingsSection{Title: "Other settings", Keys: other})
	}
	out := make([]settingsGroup, 0, len(groups))
	for _, g := range groups {
		if len(g.Sections) > 0 || g.Title == groupStartup || g.Title == groupAdvanced {
			out = append(out, *g)
		}
	}
	return out
}
