package workstation

import (
	"slices"
	"testing"
)

func stepIDs(s Setup) []string {
	var ids []string
	for _, st := range Steps(s) {
		ids = append(ids, st.ID)
	}
	return ids
}

func TestStepsPerSetup(t *testing.T) {
	common := []string{"intro", "setup", "chair", "desk", "monitor", "keyboard-mouse", "lighting", "habits", "measure", "summary"}
	laptop := []string{"intro", "setup", "chair", "desk", "monitor", "keyboard-mouse", "laptop", "lighting", "habits", "measure", "summary"}
	want := map[Setup][]string{
		DeskMonitor: common, SitStand: common, MultiMonitor: common,
		LaptopOnly: laptop, LaptopExternal: laptop,
	}
	for s, w := range want {
		if got := stepIDs(s); !slices.Equal(got, w) {
			t.Errorf("%s: steps %v, want %v", s, got, w)
		}
	}
}

func TestAreaStepsCarryTheirArea(t *testing.T) {
	for _, st := range Steps(LaptopOnly) {
		switch st.ID {
		case StepIntro, StepSetup, StepMeasure, StepSummary:
			if st.Area != "" {
				t.Errorf("%s has area %q", st.ID, st.Area)
			}
		default:
			if st.Area != st.ID || st.Title == "" {
				t.Errorf("step %+v", st)
			}
		}
	}
}

func TestStepIndex(t *testing.T) {
	steps := Steps(DeskMonitor)
	if i := StepIndex(steps, "monitor"); steps[i].ID != "monitor" {
		t.Errorf("StepIndex(monitor) = %d", i)
	}
	if i := StepIndex(steps, "laptop"); i != -1 {
		t.Errorf("laptop step in desk-monitor at %d", i)
	}
}
