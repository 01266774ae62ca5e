package cmd

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// fyneLanguage makes Fyne's own words (dialog buttons, an entry's menu)
// speak tag, the language Limber's catalog speaks. Fyne picks its language
// from the locale variables when a catalog is added, with no other way in:
// LANGUAGE is set to tag for that moment (it wins over LANG and LC_ALL
// unless they are C, which clocale has mapped away), then put back so the
// programs a view starts see the person's own. On Windows and macOS Fyne
// asks the system instead, so there its words follow the system language.
func fyneLanguage(tag string) {
	old, had := os.LookupEnv("LANGUAGE")
	os.Setenv("LANGUAGE", tag)
	defer func() {
		if had {
			os.Setenv("LANGUAGE", old)
		} else {
			os.Unsetenv("LANGUAGE")
		}
	}()
	// An empty catalog: adding it makes Fyne read the locale again.
	_ = lang.AddTranslationsForLocale([]byte("{}"), fyne.Locale(tag))
}
