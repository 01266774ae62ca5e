package prefs

import (
	"os"
	"strings"
	"testing"
)

// The README's settings table lists every key with its real default.
func TestReadmeListsEveryKeyWithItsDefault(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, k := range Keys {
		row := "| `" + k.Name + "` | `" + k.DefaultString() + "` |"
		if !strings.Contains(text, row) {
			t.Errorf("README lacks the row %s", row)
		}
	}
}
