package cmd

import (
	"fmt"
	"os"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/internal/i18n"
)

// contentData is the content library folder (the embedded one, with its
// language files); tests swap in one with a test-only language.
var contentData = content.DataFS

// languageSetting is the `language` setting ("" or "auto": from the
// desktop). The settings key is the UI catalog's (branch h-i18n-ui); until
// it is wired here the desktop's languages decide.
var languageSetting = func() string { return "" }

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
