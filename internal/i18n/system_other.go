//go:build !windows

package i18n

import "os"

// Preferred is Languages with the process's environment. On Linux and the
// BSDs the environment is where the desktop puts the person's language. On
// macOS the user's language list lives in the AppleLanguages default,
// which takes a process to read; Limber does not read it and goes by the
// environment (Terminal and launchd set LANG from the same choice).
func Preferred(setting string) []string {
	return Languages(os.Getenv, setting)
}
