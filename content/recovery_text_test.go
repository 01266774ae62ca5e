package content

import (
	"strings"
	"testing"
)

// The recovery plan's text says no more than its sources: bed rest is not
// advised, hydration is not a prevention measure, strength is one part of
// prevention; and phases move on as the back tolerates more, not by date.
func TestRecoveryWordingMatchesTheEvidence(t *testing.T) {
	lib := loadLib(t)
	for _, ph := range lib.Phases {
		all := strings.ToLower(strings.Join(append(append([]string{ph.Title, ph.Summary, ph.AdvanceWhen}, ph.Do...), ph.Avoid...), " "))
		for _, bad := range []string{"a day or two is the most", "main long-term protection", "drink enough water", "hydrat"} {
			if strings.Contains(all, bad) {
				t.Errorf("phase %s says %q", ph.ID, bad)
			}
		}
		if !strings.Contains(strings.ToLower(ph.AdvanceWhen+" "+ph.Summary), "not by the date") && ph.ID != "prevent" {
			t.Errorf("phase %s does not say the date is only the earliest day to move on: %q", ph.ID, ph.AdvanceWhen)
		}
	}
	if p, ok := lib.Phase("protect"); ok && !strings.Contains(strings.Join(p.Avoid, " "), "bed rest is not advised") {
		t.Errorf("protect should say plainly that bed rest is not advised: %q", p.Avoid)
	}
}
