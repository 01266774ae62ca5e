package recovery

import "testing"

func TestJournalData(t *testing.T) {
	p := newPlan(t, 5)
	checkin(t, p, 2, Checkin{Pain: 4, Function: "better", Sleep: "poor", Flags: []string{"flag-leg-pain"}, Answers: map[string]string{"walking": "yes"}})
	d := p.Checkins[0].JournalData("protect", "see-clinician", 2)
	if d["pain"] != 4 || d["function"] != "better" || d["sleep"] != "poor" || d["walking"] != "yes" || d["date"] != "2026-03-04" ||
		d["phase"] != "protect" || d["advice"] != "see-clinician" || d["day"] != 2 || d["flags"].([]string)[0] != "flag-leg-pain" {
		t.Fatalf("%v", d)
	}
	if _, ok := (&Checkin{Pain: 1, Date: strainDay}).JournalData("protect", "self-care", 0)["function"]; ok {
		t.Fatal("unanswered questions should be left out")
	}
}
