package cmd

import (
	"os"
	"testing"

	"fyne.io/fyne/v2/lang"
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
