package agent

import (
	"errors"
	"testing"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/schedule"
)

// A refused skip or postpone reads in the person's language and still is
// the schedule's error.
func TestShownErrorSpeaksTheLanguage(t *testing.T) {
	restore := i18n.WithLanguage("de", map[string]string{"schedule.error.skip_budget": "Heute keine Übersprünge mehr"})
	defer restore()
	err := shown(schedule.ErrSkipBudget)
	if err.Error() != "Heute keine Übersprünge mehr" {
		t.Errorf("got %q", err.Error())
	}
	if !errors.Is(err, schedule.ErrSkipBudget) {
		t.Error("errors.Is lost the sentinel")
	}
	if got := shown(errors.New("other")).Error(); got != "other" {
		t.Errorf("other error: %q", got)
	}
}
