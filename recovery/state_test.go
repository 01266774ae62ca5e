package recovery

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestStateRoundTrip(t *testing.T) {
	p := newPlan(t, 6, "flag-recurring")
	checkin(t, p, 3, Checkin{Pain: 4, Function: "better", Sleep: "poor", Answers: map[string]string{"walking": "yes"}})
	checkin(t, p, 5, Checkin{Pain: 3, Flags: []string{"flag-leg-pain"}})
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var q *Plan
	if err := json.Unmarshal(data, &q); err != nil {
		t.Fatal(err)
	}
	if !q.Since.Equal(DateOf(q.Since)) || fmtDate(q.Since) != "2026-03-02" || q.How != p.How || q.Severity != 6 || len(q.Checkins) != 2 || q.Flags[0] != "flag-recurring" {
		t.Fatalf("loaded %+v", q)
	}
	c := q.Checkins[0]
	if c.Pain != 4 || c.Function != "better" || c.Sleep != "poor" || c.Answers["walking"] != "yes" || !c.At.Equal(at(3, 20)) {
		t.Fatalf("check-in %+v", c)
	}
	now := at(5, 21)
	if q.CurrentPhase(now).ID != p.CurrentPhase(now).ID || q.Advice(now).Level != p.Advice(now).Level {
		t.Fatal("the loaded plan gives another answer")
	}
	q.Stop(at(6, 9))
	data, err = json.Marshal(q)
	if err != nil {
		t.Fatal(err)
	}
	var r Plan
	if err := json.Unmarshal(data, &r); err != nil || !r.Stopped || !r.StoppedAt.Equal(at(6, 9)) || r.Library() == nil {
		t.Fatalf("stopped plan %+v %v", r, err)
	}
}

func TestInvalidStateIsRejectedNamingTheField(t *testing.T) {
	cases := map[string]string{
		"pain":    `{"version":1,"since":"2026-03-02","started":"2026-03-02T10:00:00Z","severity":3,"checkins":[{"date":"2026-03-03","pain":42}]}`,
		"date":    `{"version":1,"since":"March","started":"2026-03-02T10:00:00Z","severity":3}`,
		"type":    `{"version":1,"since":"2026-03-02","started":"2026-03-02T10:00:00Z","severity":"bad"}`,
		"version": `{"version":9,"since":"2026-03-02","started":"2026-03-02T10:00:00Z","severity":3}`,
		"started": `{"version":1,"since":"2026-03-02","severity":3}`,
		"order":   `{"version":1,"since":"2026-03-02","started":"2026-03-02T10:00:00Z","severity":3,"checkins":[{"date":"2026-03-04","pain":1},{"date":"2026-03-03","pain":1}]}`,
	}
	want := map[string]string{"pain": "checkins[0].pain", "date": `"since"`, "type": `severity`, "version": `"version"`,
		"started": `"started"`, "order": "increasing order"}
	for name, body := range cases {
		var p *Plan
		err := json.Unmarshal([]byte(body), &p)
		if err == nil || !strings.Contains(err.Error(), want[name]) {
			t.Errorf("%s: error %v should mention %q", name, err, want[name])
		}
	}
}

func TestMarshalNilPlanFails(t *testing.T) {
	var p *Plan
	if _, err := p.MarshalJSON(); err == nil {
		t.Fatal("marshalled a nil plan")
	}
}
