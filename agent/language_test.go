package agent

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/schedule"
)

// TestReloadAppliesTheLanguage: the ui.language setting takes effect at
// start and on reload: the tray status speaks the new language, and a
// message the language lacks is English, never a key.
func TestReloadAppliesTheLanguage(t *testing.T) {
	defer i18n.WithLanguage("de", map[string]string{"status.paused": "Pausiert"})()
	p := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(p, []byte("[ui]\nlanguage = \"en\"\n"), 0o600)
	a := New(Options{ConfigPath: p, Notifier: &fakeNotifier{}, Journal: &fakeJournal{}, Log: &strings.Builder{}, Prefs: hermetic})
	if i18n.Language() != "en" {
		t.Fatalf("at start: %q", i18n.Language())
	}
	os.WriteFile(p, []byte("[ui]\nlanguage = \"de\"\n"), 0o600)
	if probs := a.reload(); len(probs) != 0 {
		t.Fatal(probs)
	}
	if i18n.Language() != "de" {
		t.Fatalf("after reload: %q", i18n.Language())
	}
	if got := statusLine(pausedStatus(), a.wall()); got != "Pausiert" {
		t.Errorf("paused: %q", got)
	}
	if got := kindTitle("rest"); got != "Rest break" {
		t.Errorf("a message German lacks: %q", got)
	}
	os.WriteFile(p, []byte("[ui]\nlanguage = \"en\"\n"), 0o600)
	a.reload()
	if got := statusLine(pausedStatus(), a.wall()); got != "Paused" {
		t.Errorf("back to English: %q", got)
	}
}

func pausedStatus() schedule.Status { return schedule.Status{State: schedule.Paused} }
