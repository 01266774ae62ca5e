package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/journal/gen"
)

// A journal with torn lines, unknown events, records from the future and
// a clock that jumped back: the history still reads, counts only the
// valid records, and names the file and line of each left out.
func TestHistoryDataCountsOnlyValidRecords(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	path, err := journal.DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 20, 18, 0, 0, 0, time.Local)
	recs, counts := gen.Span(time.Date(2026, 9, 1, 0, 0, 0, 0, time.Local), now.Add(-2*time.Hour), time.Local, gen.Options{Seed: 11})
	if err := gen.Write(path, recs); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	bad := []string{
		`{"time":"2026-11-20T17:00:00+01:00","event":"completed","ki`,          // torn
		`{"time":"2026-11-20T17:01:00Z","event":"beamed","kind":"posture"}`,    // unknown
		`{"time":"2027-02-01T09:00:00Z","event":"completed","kind":"posture"}`, // from the future
		`{"time":"2026-11-20T09:00:00Z","event":"skipped","kind":"posture"}`,   // the clock went back: counted
	}
	f.WriteString(strings.Join(bad, "\n") + "\n")
	f.Close()

	days, notes, err := historyData(now)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][2]int{}
	for _, d := range days {
		got[d.Date] = [2]int{d.Due, d.Skipped}
	}
	for day, c := range counts {
		want := [2]int{c.Due, c.Skipped}
		if day == "2026-11-20" {
			want[0]++
			want[1]++
		}
		if got[day] != want {
			t.Errorf("%s: due and skipped %v, want %v", day, got[day], want)
		}
	}
	if len(notes) != 4 {
		t.Fatalf("notes %q, want 4", notes)
	}
	// The closed months went to archives; the bad lines are the live
	// file's last four.
	live := filepath.Join(filepath.Dir(path), "journal.jsonl")
	total := strings.Count(mustRead(t, live), "\n")
	for i, want := range []string{"skipped malformed line", "skipped unknown event \"beamed\"", "the clock was ahead", "the clock went back"} {
		prefix := fmt.Sprintf("%s:%d: ", live, total-3+i)
		if !strings.Contains(notes[i], want) || !strings.HasPrefix(notes[i], prefix) {
			t.Errorf("note %d %q: want %s…%s", i, notes[i], prefix, want)
		}
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
