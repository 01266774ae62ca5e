package i18n_test

import (
	"strings"
	"testing"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/i18n"
)

// Every exercise step's timing ("hold 15 s, then switch sides") renders
// in English exactly as the content package words it, and in German and
// Spanish with no English word left.
func TestStepTimingsTranslate(t *testing.T) {
	lib, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ex := range lib.Exercises {
		for i := range ex.Steps {
			englishMatches(t, ex.ID, ex.StepTimingText(i))
			n++
		}
	}
	if n == 0 {
		t.Fatal("no steps")
	}
	for _, lang := range []string{"de", "es"} {
		restore := i18n.Replace(i18n.Default())
		i18n.UseLanguages([]string{lang})
		for _, ex := range lib.Exercises {
			for i := range ex.Steps {
				got := i18n.Msg(ex.StepTimingText(i))
				for _, w := range []string{"hold", "times", "switch", "side", "left", "right"} {
					if strings.Contains(got, w) {
						t.Errorf("%s: %s step %d timing %q still has %q", lang, ex.ID, i+1, got, w)
					}
				}
			}
		}
		restore()
	}
}
