package workstation

import (
	"strings"
	"testing"
)

// The multi-monitor set-up has its own checks: the main screen straight
// ahead; two equally used screens side by side, meeting at the centre line.
func TestMultiMonitorItems(t *testing.T) {
	lib := library(t)
	var only []string
	for _, it := range AreaItems(lib.Checklist, "monitor", MultiMonitor) {
		if len(it.AppliesTo) == 1 && it.AppliesTo[0] == string(MultiMonitor) {
			only = append(only, it.ID+": "+strings.ToLower(it.Check+" "+it.Target))
		}
	}
	all := strings.Join(only, "\n")
	if len(only) != 2 || !strings.Contains(all, "main screen") || !strings.Contains(all, "straight ahead") ||
		!strings.Contains(all, "side by side") || !strings.Contains(all, "centre line") {
		t.Fatalf("multi-monitor items:\n%s", all)
	}
	for _, s := range Setups {
		if s == MultiMonitor {
			continue
		}
		for _, it := range AreaItems(lib.Checklist, "monitor", s) {
			if strings.HasPrefix(it.ID, "monitor-multi-") {
				t.Errorf("%s applies to %s", it.ID, s)
			}
		}
	}
}
