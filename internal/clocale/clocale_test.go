package clocale

import (
	"os"
	"testing"
)

func TestIsC(t *testing.T) {
	for v, want := range map[string]bool{"C": true, "C.UTF-8": true, "C.utf8": true, "POSIX": true, "POSIX.UTF-8": true,
		"en_US.UTF-8": false, "de_DE@euro": false, "Ca": false, "": false} {
		if IsC(v) != want {
			t.Errorf("IsC(%q) = %v", v, !want)
		}
	}
}

func TestMapAndRestore(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "C.UTF-8")
	t.Setenv("LANG", "fr_FR.UTF-8")
	if !Map() || os.Getenv("LC_MESSAGES") != English || os.Getenv("LANG") != "fr_FR.UTF-8" {
		t.Fatalf("LC_MESSAGES=%q LANG=%q", os.Getenv("LC_MESSAGES"), os.Getenv("LANG"))
	}
	Restore()
	if os.Getenv("LC_MESSAGES") != "C.UTF-8" {
		t.Fatalf("restored %q", os.Getenv("LC_MESSAGES"))
	}
	t.Setenv("LC_MESSAGES", "")
	if Map() || os.Getenv("LANG") != "fr_FR.UTF-8" {
		t.Fatal("a real locale is left alone")
	}
}
