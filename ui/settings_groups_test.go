package ui

import (
	"strings"
	"testing"

	"github.com/limberapp/limber/prefs"
)

func TestSettingsGroupsPlaceUnknownKeysInAdvanced(t *testing.T) {
	keys := append(append([]prefs.Key{}, prefs.Keys...), prefs.Key{Name: "future.setting"})
	seen := map[string]string{}
	var titles []string
	for _, g := range settingsGroups(keys) {
		titles = append(titles, g.Title)
		for _, s := range g.Sections {
			for _, k := range s.Keys {
				if prev, dup := seen[k.Name]; dup {
					t.Errorf("%s in %s and %s", k.Name, prev, g.Title)
				}
				seen[k.Name] = g.Title
			}
		}
	}
	if len(seen) != len(keys) || seen["future.setting"] != groupAdvanced {
		t.Fatalf("placed %d of %d; future.setting in %q", len(seen), len(keys), seen["future.setting"])
	}
	if strings.Join(titles, "|") != "Breaks|Schedule and hours|Notifications|Exercises|Recovery|Startup|Advanced" {
		t.Fatal(titles)
	}
	if seen["breaks.resume_at"] != groupSchedule || seen["dnd.apps"] != groupSchedule || seen["break_window.sound"] != groupNotifications || seen["workstation.every_days"] != groupRecovery {
		t.Fatalf("placement: %v", seen)
	}
}
