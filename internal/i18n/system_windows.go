//go:build windows

package i18n

import (
	"os"

	"golang.org/x/sys/windows"
)

// Preferred is Languages with the process's environment and, where none of
// the locale variables is set (the usual case on Windows), the user's
// Windows display languages in their order (GetUserPreferredUILanguages,
// the list GetUserDefaultUILanguage heads) standing in for LANGUAGE.
func Preferred(setting string) []string {
	return Languages(withSystem(os.Getenv, userUILanguages), setting)
}

func userUILanguages() []string {
	l, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil {
		return nil
	}
	return l
}
