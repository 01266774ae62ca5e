package recovery

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStateRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", StateFileName)
	p := newPlan(t, 6, "flag-recurring")
	checkin(t, p, 3, Checkin{Pain: 4, Function: "better", Sleep: "poor", Answers: map[string]string{"walking": "yes"}})
	checkin(t, p, 5, Checkin{Pain: 3, Flags: []string{"flag-leg-pain"}})
	if err := SaveState(path, p); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v %v", st.Mode(), err)
	}
	q, err := LoadState(path)
	if err != nil {
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
	if err := SaveState(path, q); err != nil {
		t.Fatal(err)
	}
	if r, err := LoadState(path); err != nil || !r.Stopped || !r.StoppedAt.Equal(at(6, 9)) {
		t.Fatalf("stopped plan %+v %v", r, err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*tmp*")); len(leftovers) != 0 {
		t.Fatalf("temporary files left: %v", leftovers)
	}
}

func TestMissingStateIsNoPlan(t *testing.T) {
	p, err := LoadState(filepath.Join(t.TempDir(), StateFileName))
	if p != nil || err != nil {
		t.Fatal(p, err)
	}
}

func TestCorruptStateIsKeptAside(t *testing.T) {
	cases := map[string]string{
		"syntax":    "{\n  \"version\": 1,\n  \"since\": \"2026-03-02\"\n  \"started\": 5\n}",
		"truncated": `{"version": 1, "since": "2026-03-02", "checkins": [{"date":`,
		"empty":     "",
		"pain":      `{"version":1,"since":"2026-03-02","started":"2026-03-02T10:00:00Z","severity":3,"checkins":[{"date":"2026-03-03","pain":42}]}`,
		"date":      `{"version":1,"since":"March","started":"2026-03-02T10:00:00Z","severity":3}`,
		"type":      `{"version":1,"since":"2026-03-02","started":"2026-03-02T10:00:00Z","severity":"bad"}`,
		"version":   `{"version":9,"since":"2026-03-02","started":"2026-03-02T10:00:00Z","severity":3}`,
		"trailing":  `{"version":1,"since":"2026-03-02","started":"2026-03-02T10:00:00Z","severity":3} {}`,
	}
	want := map[string]string{"syntax": "line 4", "truncated": "truncated", "empty": "empty", "pain": "checkins[0].pain",
		"date": `"since"`, "type": `"severity"`, "version": `"version"`, "trailing": "after the plan"}
	for name, body := range cases {
		dir := t.TempDir()
		path := filepath.Join(dir, StateFileName)
		os.WriteFile(path, []byte(body), 0o600)
		p, err := LoadState(path)
		var ce *CorruptStateError
		if p != nil || !errors.As(err, &ce) {
			t.Errorf("%s: plan %v err %v", name, p, err)
			continue
		}
		if !strings.Contains(err.Error(), want[name]) || !strings.Contains(err.Error(), "kept it as") {
			t.Errorf("%s: message %q should mention %q", name, err, want[name])
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("%s: the corrupt file is still in place", name)
		}
		kept, _ := os.ReadFile(ce.KeptAs)
		if !strings.HasPrefix(ce.KeptAs, path+".corrupt-") || string(kept) != body {
			t.Errorf("%s: kept as %q with %q", name, ce.KeptAs, kept)
		}
		// The next load finds no plan and no error.
		if p, err := LoadState(path); p != nil || err != nil {
			t.Errorf("%s: second load %v %v", name, p, err)
		}
	}
}

func TestSaveNilPlanFails(t *testing.T) {
	if err := SaveState(filepath.Join(t.TempDir(), "x.json"), nil); err == nil {
		t.Fatal("saved a nil plan")
	}
}
