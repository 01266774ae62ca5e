package cmd

import (
	"strings"
	"testing"
)

func TestUILiftingIsRegistered(t *testing.T) {
	c, _, err := uiCmd.Find([]string{"lifting"})
	if err != nil || c != uiLiftingCmd {
		t.Fatalf("ui lifting: %v %v", c, err)
	}
	for _, f := range []string{"calc", "units"} {
		if c.Flags().Lookup(f) == nil {
			t.Errorf("no --%s flag", f)
		}
	}
}

func TestUILiftingBadUnitsIsAUsageError(t *testing.T) {
	old := uiLiftingUnits
	defer func() { uiLiftingUnits = old }()
	uiLiftingUnits = "furlongs"
	err := runLiftingView(uiLiftingCmd, nil)
	if exitCode(err) != 2 || !strings.Contains(err.Error(), `--units: expected metric or us, got "furlongs"`) {
		t.Fatalf("err %v (exit %d)", err, exitCode(err))
	}
}
