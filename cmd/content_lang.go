package cmd

import (
	"fmt"
	"os"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/internal/i18n"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/prefs"
)

// contentData is the content library folder (the embedded one, with its
// language files); tests swap in one with a test-only language.
var contentData = content.DataFS

// languageSetting is the `ui.language` setting ("auto": from the
// desktop), read as useLanguage reads it for the UI catalog.
var languageSetting = func() string {
	path, err := platform.ConfigFile(configPath)
	if err != nil {
		return ""
	}
	cfg, _ := prefs.Load(path, prefs.Options{})
	return cfg.Language
}

// contentLanguages is the person's language preference for the content
// library, most wanted first, ending in English.
func contentLanguages() []string { return i18n.Preferred(languageSetting()) }

// loadContent loads the content library in the person's language, each
// text falling back to English where the language file lacks it. Every
// view and command that shows content loads it through here. A language
// file with a problem (the tests keep the shipped ones right) is reported
// on stderr and the library is shown in English.
func loadContent() (*content.Library, error) {
	lib, err := content.LoadLangFS(contentData(), contentLanguages())
	if err != nil && lib != nil {
		fmt.Fprintln(os.Stderr, "limber: warning: the content library in your language has a problem; showing English:", err)
		return lib, nil
	}
	return lib, err
}
