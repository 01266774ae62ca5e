package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/limberapp/limber/recovery"
)

func TestAdviceBoxPerLevel(t *testing.T) {
	test.NewTempApp(t)
	lib := library(t)
	cases := []struct {
		flags   []string
		heading string
		action  string
	}{
		{nil, "Keep going with the plan", "Mild soreness is expected"},
		{[]string{"flag-recurring"}, "See a doctor or physiotherapist", "Book an appointment"},
		{[]string{"flag-fever", "flag-weight-loss"}, "Get medical advice today", "→ Get medical advice today: call 111"},
		{[]string{"flag-unsteady", "flag-both-legs"}, "Get urgent care now", "→ Call 999 (or your local emergency number) or go to A&E now."},
	}
	for _, tc := range cases {
		a, err := recovery.ScreenFlags(lib, tc.flags)
		if err != nil {
			t.Fatal(err)
		}
		b := NewAdviceBox(a)
		all := texts(b)
		if b.Heading() != tc.heading || !strings.Contains(all, tc.action) {
			t.Errorf("%v: heading %q text:\n%s", tc.flags, b.Heading(), all)
		}
		// Two flags with the same action show it once.
		if strings.Count(all, "→ ") > 1 {
			t.Errorf("%v: the action is repeated:\n%s", tc.flags, all)
		}
	}
	em, _ := recovery.ScreenFlags(lib, []string{"flag-unsteady"})
	b := NewAdviceBox(em)
	if b.bg.FillColor != recEmergencyBg {
		t.Fatal("the emergency box is not red")
	}
	ur, _ := recovery.ScreenFlags(lib, []string{"flag-fever"})
	b.Set(ur)
	if b.bg.FillColor != recUrgentBg || b.Advice().Level != recovery.LevelUrgent {
		t.Fatal("Set did not switch to urgent")
	}
}

func TestSeekCareBoxListsTheSeedReasonsAndEmergencySigns(t *testing.T) {
	test.NewTempApp(t)
	lib := library(t)
	all := texts(recSeekCareBox(lib, lib.Sources))
	for _, want := range append(append([]string{}, recovery.SeekCareIf...), "Seek care if…", "Unsteady on your feet", "Call 999 (or your local emergency number)") {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q", want)
		}
	}
}
