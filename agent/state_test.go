package agent

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/limberapp/limber/recovery"
)

// Defect 16: a corrupt agent.json is kept aside, not overwritten, and the
// log names it.
func TestCorruptAgentStateIsKeptAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "agent.json")
	const garbage = "{\"calendar\": {\"lifting\": 12"
	if err := os.WriteFile(path, []byte(garbage), 0o600); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	New(Options{ConfigPath: filepath.Join(dir, "none.toml"), StateDir: dir, Log: &log})
	kept, _ := filepath.Glob(path + ".broken-*")
	if len(kept) != 1 {
		t.Fatalf("kept %v; log %q", kept, log.String())
	}
	if b, _ := os.ReadFile(kept[0]); string(b) != garbage {
		t.Fatalf("kept copy holds %q", b)
	}
	if !strings.Contains(log.String(), path) || !strings.Contains(log.String(), kept[0]) {
		t.Fatalf("log %q should name %s and where it was kept", log.String(), path)
	}
	var st agentState
	b, err := os.ReadFile(path)
	if err != nil || json.Unmarshal(b, &st) != nil || st.Calendar == nil {
		t.Fatalf("a fresh state should be saved: %q %v", b, err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", fi.Mode())
	}
}

// Defect 16: the ice and heat sessions saved in agent.json stay bounded.
func TestThermalHistoryIsTrimmed(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "agent.json")
	now := time.Now()
	st := agentState{Calendar: map[string]time.Time{}}
	for d := 400; d > 0; d-- {
		s := now.AddDate(0, 0, -d)
		st.Thermal = append(st.Thermal, recovery.Session{Kind: "ice", Start: s, End: s.Add(20 * time.Minute)})
	}
	recent := now.Add(-3 * time.Hour)
	st.Thermal = append(st.Thermal, recovery.Session{Kind: "ice", Start: recent, End: recent.Add(20 * time.Minute)})
	b, _ := json.Marshal(st)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	a := New(Options{ConfigPath: filepath.Join(dir, "none.toml"), StateDir: dir, Log: &log})
	if n := len(a.state.Thermal); n == 0 || n > 3 {
		t.Fatalf("%d sessions kept in memory, want the last days' only", n)
	}
	var saved agentState
	b, _ = os.ReadFile(path)
	if err := json.Unmarshal(b, &saved); err != nil {
		t.Fatal(err)
	}
	if n := len(saved.Thermal); n == 0 || n > 3 || !saved.Thermal[n-1].Start.Equal(recent) {
		t.Fatalf("saved %d sessions (%v), want the recent ones", n, saved.Thermal)
	}
}
