package recovery

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestStatusWithoutPlanHasNullPhase(t *testing.T) {
	var p *Plan
	b, err := json.Marshal(p.Status(at(0, 12)))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	json.Unmarshal(b, &m)
	if v, ok := m["phase"]; !ok || v != nil || m["advice"] != "self-care" || m["day"] != float64(0) {
		t.Fatalf("%s", b)
	}
	if len(m["emergency_signs"].([]any)) != 7 || !strings.Contains(m["emergency_action"].(string), "999") {
		t.Fatalf("the red-flag guidance is missing: %s", b)
	}
}

func TestStatusOfAPlan(t *testing.T) {
	p := newPlan(t, 6)
	checkin(t, p, 5, Checkin{Pain: 4, Flags: []string{"flag-leg-pain"}})
	s := p.Status(at(5, 21))
	if s.Phase == nil || *s.Phase != "mobilize" || s.Day != 5 || s.Advice != LevelSeeClinician || s.CheckinDue || s.CheckinCount != 1 {
		t.Fatalf("%+v", s)
	}
	if len(s.RedFlags) != 1 || s.RedFlags[0].ID != "flag-leg-pain" || s.RedFlags[0].Action == "" || s.LastCheckin.Pain != 4 || s.Since != "2026-03-02" {
		t.Fatalf("%+v", s)
	}
	p.Stop(at(6, 9))
	if s := p.Status(at(6, 10)); s.Phase != nil || s.Active || !s.Stopped || !strings.Contains(s.AdviceText, "stopped") {
		t.Fatalf("stopped: %+v", s)
	}
}
