package ui

import (
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/limberapp/limber/prefs"
)

func TestSettingsTextIsWhatPeopleType(t *testing.T) {
	k, _ := prefs.Lookup("breaks.rest.every")
	if got := settingsText(k, 90*time.Minute); got != "1h30m" {
		t.Fatal(got)
	}
	k, _ = prefs.Lookup("dnd.apps")
	if got := settingsText(k, []string{"zoom", "obs"}); got != "zoom, obs" {
		t.Fatal(got)
	}
	if got := settingsMessage("idle.threshold", `idle.threshold: "x" is not a duration; expected a duration; using the default "5m"`); got != `"x" is not a duration; expected a duration` {
		t.Fatal(got)
	}
}

func TestSettingsCheckListKeepsValuesItDoesNotOffer(t *testing.T) {
	test.NewTempApp(t)
	k, _ := prefs.Lookup("exercises.disabled")
	changes := 0
	f := newSettingsField(k, nil, []SettingsChoice{{Value: "chin-tuck", Label: "Chin tuck"}}, func(*settingsField) { changes++ })
	f.Show([]string{"my-own-stretch"})
	if len(f.checks) != 2 || f.checks[1].Text != "my-own-stretch" || !f.checks[1].Checked || f.checks[0].Checked {
		t.Fatalf("checks: %d", len(f.checks))
	}
	test.Tap(f.checks[0])
	raw := f.Raw().([]string)
	if len(raw) != 2 || raw[0] != "chin-tuck" || raw[1] != "my-own-stretch" || changes == 0 {
		t.Fatalf("raw %v, changes %d", raw, changes)
	}
	f.Lock("because")
	if !f.Disabled() || f.lock.Text != "Locked: because" {
		t.Fatal("a locked list disables every box")
	}
}

// TestLanguageSelectShowsNamesStoresTags: the language setting offers Auto
// and each language in its own name, and stores the tag.
func TestLanguageSelectShowsNamesStoresTags(t *testing.T) {
	test.NewTempApp(t)
	k, _ := prefs.Lookup("ui.language")
	f := newSettingsField(k, nil, nil, func(*settingsField) {})
	if want := []string{"Auto", "English", "Deutsch", "Español"}; !reflect.DeepEqual(f.sel.Options, want) {
		t.Fatalf("options %q, want %q", f.sel.Options, want)
	}
	f.Show("de")
	if f.sel.Selected != "Deutsch" || f.Raw() != "de" {
		t.Fatalf("shown %q, raw %v", f.sel.Selected, f.Raw())
	}
	f.sel.SetSelected("Español")
	if f.Raw() != "es" {
		t.Fatalf("Español gave %v", f.Raw())
	}
	f.Show("auto")
	if f.sel.Selected != "Auto" || f.Raw() != "auto" {
		t.Fatalf("shown %q, raw %v", f.sel.Selected, f.Raw())
	}
}
