package cmd

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/lang"

	"github.com/limberapp/limber/i18n"
)

// TestFyneLanguage: Fyne's own words follow the language Limber chose, not
// the locale, and LANGUAGE is put back afterwards.
func TestFyneLanguage(t *testing.T) {
	t.Setenv("LANG", "es_ES.UTF-8")
	t.Setenv("LANGUAGE", "es")
	defer fyneLanguage("en")
	for tag, want := range map[string]string{"de": "Abbrechen", "en": "Cancel", "es": "Cancelar"} {
		fyneLanguage(tag)
		if got := lang.L("Cancel"); got != want {
			t.Errorf("%s: Cancel is %q, want %q", tag, got, want)
		}
		if os.Getenv("LANGUAGE") != "es" {
			t.Fatalf("LANGUAGE left as %q", os.Getenv("LANGUAGE"))
		}
	}
}

// TestUseLanguageReadsTheSetting: every command (views included) speaks
// the ui.language setting over the locale, and "auto" follows the locale.
func TestUseLanguageReadsTheSetting(t *testing.T) {
	defer i18n.WithLanguage("de", nil)()
	t.Setenv("LANG", "de_DE.UTF-8")
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	old := configPath
	defer func() { configPath = old }()
	configPath = filepath.Join(t.TempDir(), "config.toml")
	for setting, want := range map[string]string{"en": "en", "auto": "de", "de": "de"} {
		if err := os.WriteFile(configPath, []byte("[ui]\nlanguage = \""+setting+"\"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if got := useLanguage(); got != want {
			t.Errorf("ui.language %q under LANG=de_DE.UTF-8: %q, want %q", setting, got, want)
		}
	}
}
