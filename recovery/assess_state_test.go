package recovery

import (
	"encoding/json"
	"testing"
)

// The assessment survives a save and load (it lives in the state file).
func TestAssessedIsSaved(t *testing.T) {
	p := newPlan(t, 2, "flag-spine-history")
	if err := p.ConfirmAssessed(at(2, 9)); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var q Plan
	if err := json.Unmarshal(b, &q); err != nil {
		t.Fatal(err)
	}
	if !q.Assessed.Equal(p.Assessed) || len(q.AwaitingAssessment()) != 0 {
		t.Fatalf("assessed %v after load, want %v", q.Assessed, p.Assessed)
	}
}
