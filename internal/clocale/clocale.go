// Package clocale maps a C or POSIX locale to English before Fyne reads
// it. Fyne's lang package looks the locale up in its package init, which
// runs in every command because the binary links Fyne, and under LANG=C.UTF-8
// (or LC_ALL=POSIX.UTF-8 …) it logs "Error parsing user locale C" three
// times. main imports this package, which imports nothing that imports
// Fyne, so its init runs first.
//
// Restore puts the environment back for commands that open no window, so
// programs they start see the person's own locale.
package clocale

import (
	"os"
	"strings"
)

// English is what a C or POSIX locale is mapped to.
const English = "en_US.UTF-8"

var saved struct {
	key, value string
}

// The variables Fyne's locale lookup reads, in its order: the first one
// set wins.
var lookup = []string{"LC_ALL", "LC_MESSAGES", "LANG"}

func init() { Map() }

// Map sets the variable that decides the messages' language to English
// when it names the C or POSIX locale (with or without a charset), and
// reports whether it did.
func Map() bool {
	for _, k := range lookup {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		if !IsC(v) {
			return false
		}
		saved.key, saved.value = k, v
		os.Setenv(k, English)
		return true
	}
	return false
}

// IsC reports whether a locale name is C or POSIX, e.g. "C.UTF-8".
func IsC(v string) bool {
	name, _, _ := strings.Cut(v, ".")
	name, _, _ = strings.Cut(name, "@")
	return name == "C" || name == "POSIX"
}

// Restore undoes Map.
func Restore() {
	if saved.key != "" {
		os.Setenv(saved.key, saved.value)
		saved.key = ""
	}
}
