package cmd

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/journal/gen"
)

// statsFixture is a generated journal of three months in a temporary
// directory, and the counts the generator made.
type statsFixture struct {
	env    statsEnv
	path   string
	recs   []journal.Record
	counts map[string]gen.Counts
}

var statsNow = time.Date(2026, 11, 20, 21, 0, 0, 0, time.Local)

func newStatsFixture(t *testing.T, seed uint64) *statsFixture {
	t.Helper()
	f := &statsFixture{path: filepath.Join(t.TempDir(), "state", "journal.jsonl")}
	f.recs, f.counts = gen.Span(time.Date(2026, 8, 25, 0, 0, 0, 0, time.Local), statsNow, time.Local, gen.Options{Seed: seed})
	if err := gen.Write(f.path, f.recs); err != nil {
		t.Fatal(err)
	}
	f.env = statsEnv{now: func() time.Time { return statsNow }, journalPath: func() (string, error) { return f.path, nil }}
	return f
}

func (f *statsFixture) run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	c := newStatsCmd(f.env)
	c.SilenceUsage, c.SilenceErrors = true, true
	var out, errOut bytes.Buffer
	c.SetOut(&out)
	c.SetErr(&errOut)
	c.SetArgs(args)
	err := c.Execute()
	return out.String(), errOut.String(), err
}

// `limber stats --json` gives exactly the counts the generator made, for
// every day, and rotating the journal on the way changes nothing.
func TestStatsJSONGivesTheGeneratedCounts(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		f := newStatsFixture(t, seed)
		out, stderr, err := f.run(t, "--json", "--since", "2026-08-25", "--until", "2026-11-20")
		if err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, stderr)
		}
		var r statsReport
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, out)
		}
		if len(r.Periods) != 88 {
			t.Fatalf("seed %d: %d days, want 88 (Aug 25 to Nov 20)", seed, len(r.Periods))
		}
		var totalDue int
		for _, p := range r.Periods {
			c := f.counts[p.Period]
			got := [9]int{p.Due, p.Taken, p.Completed, p.EndedEarly, p.Natural, p.Postponed, p.Skipped, p.Closed, p.Interrupted}
			want := [9]int{c.Due, c.Taken, c.Completed, c.EndedEarly, c.Natural, c.Postponed, c.Skipped, c.Closed, c.Interrupted}
			if got != want {
				t.Errorf("seed %d %s: due taken completed early natural postponed skipped closed interrupted = %v, generated %v", seed, p.Period, got, want)
			}
			totalDue += c.Due
		}
		if r.Total.Due != totalDue || len(r.Notes) != 0 {
			t.Errorf("seed %d: total due %d, want %d; notes %v", seed, r.Total.Due, totalDue, r.Notes)
		}
		if len(r.Journal) < 4 {
			t.Errorf("seed %d: journal files %v: the closed months were not archived", seed, r.Journal)
		}
	}
}

func TestStatsByWeekAndMonthAddUp(t *testing.T) {
	f := newStatsFixture(t, 4)
	var sum [3]int
	for i, by := range []string{"day", "week", "month"} {
		out, _, err := f.run(t, "--json", "--by", by, "--since", "2026-09-01", "--until", "2026-10-31")
		if err != nil {
			t.Fatal(err)
		}
		var r statsReport
		_ = json.Unmarshal([]byte(out), &r)
		for _, p := range r.Periods {
			sum[i] += p.Taken
		}
		if by == "month" && (len(r.Periods) != 2 || r.Periods[0].Period != "2026-09") {
			t.Errorf("by month: %+v", r.Periods)
		}
	}
	if sum[0] != sum[1] || sum[1] != sum[2] || sum[0] == 0 {
		t.Errorf("taken by day, week, month: %v", sum)
	}
}

// The CSV is RFC 4180 (CRLF, a header row) and reads back with
// encoding/csv to the same numbers as the JSON.
func TestStatsCSVReadsBack(t *testing.T) {
	f := newStatsFixture(t, 5)
	out, _, err := f.run(t, "--csv", "--since", "2026-10-01", "--until", "2026-10-31")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "\r\n") {
		t.Error("CSV lines do not end in CRLF")
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 32 || strings.Join(rows[0], ",") != strings.Join(statsCSVHeader, ",") {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	for _, row := range rows[1:] {
		c := f.counts[row[0]]
		due, _ := strconv.Atoi(row[3])
		skipped, _ := strconv.Atoi(row[10])
		if due != c.Due || skipped != c.Skipped {
			t.Errorf("%s: due %d skipped %d, generated %d %d", row[0], due, skipped, c.Due, c.Skipped)
		}
	}
}

func TestStatsBadFlagsExit2(t *testing.T) {
	f := newStatsFixture(t, 6)
	for _, args := range [][]string{{"--since", "yesterday"}, {"--by", "year"}, {"--since", "2026-11-02", "--until", "2026-11-01"}} {
		_, _, err := f.run(t, args...)
		if exitCode(err) != 2 || !strings.Contains(err.Error(), "--") {
			t.Errorf("%v: %v (code %d), want exit 2 naming the flag", args, err, exitCode(err))
		}
	}
}

func TestStatsExportRaw(t *testing.T) {
	f := newStatsFixture(t, 7)
	dir := t.TempDir()
	csvPath, jsonPath := filepath.Join(dir, "all.csv"), filepath.Join(dir, "all.json")
	if _, _, err := f.run(t, "export", "--raw", "--csv", csvPath); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.run(t, "export", "--raw", "--json", jsonPath); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(csvPath)
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || len(rows) != len(f.recs)+1 {
		t.Fatalf("raw CSV: %d rows (want %d records and a header): %v", len(rows), len(f.recs), err)
	}
	var recs []journal.Record
	b, _ = os.ReadFile(jsonPath)
	if err := json.Unmarshal(b, &recs); err != nil || len(recs) != len(f.recs) {
		t.Fatalf("raw JSON: %d records, want %d: %v", len(recs), len(f.recs), err)
	}
	if fi, _ := os.Stat(csvPath); fi.Mode().Perm() != 0o600 {
		t.Errorf("export mode %v", fi.Mode().Perm())
	}
}

// An export to a path that cannot be written names it and leaves nothing.
func TestStatsExportUnwritableLeavesNothing(t *testing.T) {
	f := newStatsFixture(t, 8)
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	bad := []string{filepath.Join(dir, "missing", "x.csv"), ro}
	if os.Geteuid() != 0 { // root writes into a read-only directory
		bad = append(bad, filepath.Join(ro, "x.csv"))
	}
	for _, p := range bad {
		_, _, err := f.run(t, "export", "--raw", "--csv", p)
		if err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("export to %s: %v, want an error naming it", p, err)
		}
	}
	if left, _ := os.ReadDir(ro); len(left) != 0 {
		t.Errorf("left behind in %s: %v", ro, left)
	}
	all, _ := os.ReadDir(dir)
	if len(all) != 1 {
		t.Errorf("left behind in %s: %v", dir, all)
	}
}
