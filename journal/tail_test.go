package journal

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// randomJournal writes a journal of records over several days, in time
// order but for backward clock steps that never take a record back more
// than tailMargin before the latest one written earlier, with
// malformed and blank lines here and there and, sometimes, a torn or an
// unterminated last line. It returns the days' starts it spans.
func randomJournal(t testing.TB, r *rand.Rand, path string) []time.Time {
	t.Helper()
	loc := time.FixedZone("X", 3600*(r.IntN(25)-12))
	at := time.Date(2026, 1, 1+r.IntN(300), r.IntN(24), r.IntN(60), 0, 0, loc)
	var buf bytes.Buffer
	var days []time.Time
	latest := at
	n := r.IntN(400)
	for i := 0; i < n; i++ {
		switch r.IntN(20) {
		case 0:
			buf.WriteString("{not json}\n")
			continue
		case 1:
			buf.WriteString("\n  \n")
			continue
		case 2: // the clock stepped back, to less than tailMargin before the latest record
			at = at.Add(-time.Duration(r.IntN(int(tailMargin/time.Minute))) * time.Minute)
			if lim := latest.Add(-tailMargin + time.Minute); at.Before(lim) {
				at = lim
			}
		}
		at = at.Add(time.Duration(r.IntN(600)) * time.Minute)
		if at.After(latest) {
			latest = at
		}
		rec := Record{Time: at, Event: EventCompleted, Kind: "posture", Exercise: fmt.Sprintf("ex-%d", i), Data: map[string]any{"i": i}}
		line, err := rec.encode()
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(line)
		if d := DayStart(at, loc); len(days) == 0 || !days[len(days)-1].Equal(d) {
			days = append(days, d)
		}
	}
	switch r.IntN(4) {
	case 0: // torn last line
		line, _ := Record{Time: at.Add(time.Minute), Event: EventSkipped}.encode()
		buf.Write(line[:1+r.IntN(len(line)-2)])
	case 1: // a whole last record without its newline
		line, _ := Record{Time: at.Add(time.Minute), Event: EventSkipped}.encode()
		buf.Write(line[:len(line)-1])
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if len(days) == 0 {
		days = append(days, DayStart(at, loc))
	}
	return days
}

// testSeed is $LIMBER_SEED, or the time; logged so a failure can be rerun.
func testSeed(t *testing.T) int64 {
	seed := time.Now().UnixNano()
	if s := os.Getenv("LIMBER_SEED"); s != "" {
		fmt.Sscan(s, &seed)
	}
	t.Logf("seed %d (rerun with LIMBER_SEED=%d)", seed, seed)
	return seed
}

// The tail read returns exactly what the full read filtered to the same
// day returns, whatever the block size, and its warnings are the full
// read's for the lines it read.
func TestReadTailMatchesFullRead(t *testing.T) {
	seed := testSeed(t)
	r := rand.New(rand.NewPCG(uint64(seed), 11))
	dir := t.TempDir()
	for round := 0; round < 200; round++ {
		path := filepath.Join(dir, fmt.Sprintf("j%d.jsonl", round))
		days := randomJournal(t, r, path)
		sinces := []time.Time{days[len(days)-1], days[r.IntN(len(days))], days[0].Add(-time.Hour), days[len(days)-1].Add(48 * time.Hour), {}}
		for _, since := range sinces {
			block := []int{1, 2, 7, 100, 4096, tailBlock}[r.IntN(6)]
			want, wantWarn, err := ReadSince(path, since)
			if err != nil {
				t.Fatal(err)
			}
			got, gotWarn, err := readTail(path, since, defaultLocker, block)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("seed %d round %d since %v block %d: tail read %d records, full read %d", seed, round, since, block, len(got), len(want))
			}
			for i := range want {
				if !sameRecord(got[i], want[i]) {
					t.Fatalf("seed %d round %d since %v block %d: record %d\n tail %+v\n full %+v", seed, round, since, block, i, got[i], want[i])
				}
			}
			for _, w := range gotWarn {
				if !slices.Contains(wantWarn, w) {
					t.Fatalf("seed %d round %d: tail warning %q is not among the full read's %q", seed, round, w, wantWarn)
				}
			}
			if since.IsZero() && !slices.Equal(gotWarn, wantWarn) {
				t.Fatalf("seed %d round %d: reading it all back, warnings %q, want %q", seed, round, gotWarn, wantWarn)
			}
		}
	}
}

func TestReadTailWarnsWithLineNumbers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := mustOpen(t, path)
	mustAppend(t, j, rec(0), rec(1))
	appendRaw(t, path, []byte("garbage\n"))
	mustAppend(t, j, rec(2))
	line, _ := rec(3).encode()
	appendRaw(t, path, line[:30])
	got, warnings, err := ReadTail(path, rec(1).Time)
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, got, []Record{rec(1), rec(2)})
	if len(warnings) != 2 || !strings.HasPrefix(warnings[0], path+":3: skipped malformed") || !strings.HasPrefix(warnings[1], path+":5: skipped truncated") {
		t.Fatalf("warnings %q", warnings)
	}
}

func TestReadTailMissingAndEmpty(t *testing.T) {
	dir := t.TempDir()
	if recs, w, err := ReadTail(filepath.Join(dir, "none"), base); recs != nil || w != nil || err != nil {
		t.Fatalf("missing: %v %v %v", recs, w, err)
	}
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, nil, 0o600)
	if recs, w, err := ReadTail(empty, base); len(recs) != 0 || len(w) != 0 || err != nil {
		t.Fatalf("empty: %v %v %v", recs, w, err)
	}
	if _, _, err := ReadTail(dir, base); err == nil || !strings.Contains(err.Error(), dir) {
		t.Fatalf("a directory: %v", err)
	}
}

// The tail read stops soon: in a year of records it reads little more
// than the last two days (today and the margin before it).
func TestReadTailReadsOnlyTheEnd(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	now := writeYear(t, path)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, _, from, err := readTailFrom(path, DayStart(now, time.UTC), defaultLocker, tailBlock)
	if err != nil || len(recs) != recordsPerDay {
		t.Fatal(len(recs), err)
	}
	perDay := fi.Size() / 365
	if read := fi.Size() - from; read > 3*perDay+int64(tailBlock) {
		t.Fatalf("read %d bytes back for one day of about %d", read, perDay)
	}
}

const recordsPerDay = 85

// writeYear writes a year of records (about 31,000 lines, 3 MB) ending at
// the returned time.
func writeYear(t testing.TB, path string) time.Time {
	t.Helper()
	var buf bytes.Buffer
	start := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	var at time.Time
	for d := 0; d < 365; d++ {
		for i := 0; i < recordsPerDay; i++ {
			at = start.AddDate(0, 0, d).Add(8*time.Hour + time.Duration(i)*6*time.Minute)
			line, err := Record{Time: at, Event: EventCompleted, Kind: "mobility", Exercise: "cat-cow", Outcome: "done", Seconds: 30, Data: map[string]any{"n": i}}.encode()
			if err != nil {
				t.Fatal(err)
			}
			buf.Write(line)
		}
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return at
}

// BenchmarkReadToday reads today's records from a year's journal: from the
// tail, and with the full read filtered as before.
func BenchmarkReadToday(b *testing.B) {
	path := filepath.Join(b.TempDir(), "journal.jsonl")
	now := writeYear(b, path)
	since := DayStart(now, time.UTC)
	b.Run("tail", func(b *testing.B) {
		for b.Loop() {
			if recs, _, err := ReadTail(path, since); err != nil || len(recs) != recordsPerDay {
				b.Fatal(len(recs), err)
			}
		}
	})
	b.Run("full", func(b *testing.B) {
		for b.Loop() {
			if recs, _, err := ReadSince(path, since); err != nil || len(recs) != recordsPerDay {
				b.Fatal(len(recs), err)
			}
		}
	})
}
