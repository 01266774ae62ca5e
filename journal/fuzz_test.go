package journal

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to the journal's line decoder as a
// journal file, then appends one record to them as Append would. It checks
// that nothing panics; that every non-blank line is either a record or one
// warning naming its line number, in order; that the record appended reads
// back equal to what was written, with the records before it unchanged;
// and that the tail read from the start gives exactly the full read.
func FuzzParse(f *testing.F) {
	good, _ := rec(1).encode()
	f.Add([]byte(""), "completed", "posture", 30.0, int64(1748858400), "k", "v", uint8(3))
	f.Add(append(append([]byte{}, good...), good[:20]...), "skipped", "", 0.0, int64(0), "", "", uint8(0))
	f.Add([]byte("{not json}\n\n  \n"+string(good)), "quiz", "lifting", 1e9, int64(-62135596800), "a", "\n", uint8(1))
	// Found while writing the target: a record dated in year 0 (before
	// Go's zero time) stopped the tail read with no start, which then
	// also dropped it; ReadTail now treats a zero since as Read does.
	f.Add([]byte(`{"time":"2025-06-02T10:00:00Z","event":"x","seconds":-1}`+"\n"+`{"time":"0000-01-01T00:00:00Z","event":"y"}`), "e", "k", 1.5, int64(253402300799), "", "", uint8(255))
	f.Fuzz(func(t *testing.T, data []byte, event, kind string, secs float64, unix int64, key, val string, blk uint8) {
		const path = "j.jsonl"
		recs, warnings := parse(path, data)
		checkLines(t, data, recs, warnings)

		// Append one record the way Journal.Append does.
		r := Record{Time: time.Unix(unix, 0).UTC(), Event: event, Kind: kind, Seconds: secs}
		if key != "" {
			r.Data = map[string]any{key: val}
		}
		line, err := r.encode()
		if err != nil {
			return // not a record Append would write
		}
		for _, s := range []string{event, kind, key, val} {
			if !utf8.ValidString(s) {
				return // JSON writes invalid UTF-8 as U+FFFD: it cannot read back equal
			}
		}
		file := slices.Clone(data)
		if len(file) > 0 && file[len(file)-1] != '\n' {
			file = append(file, '\n')
		}
		file = append(file, line...)
		recs2, warnings2 := parse(path, file)
		checkLines(t, file, recs2, warnings2)
		if len(recs2) != len(recs)+1 {
			t.Fatalf("%d records before the append, %d after", len(recs), len(recs2))
		}
		for i := range recs {
			if !sameRecord(recs[i], recs2[i]) {
				t.Fatalf("record %d changed by the append: %+v then %+v", i, recs[i], recs2[i])
			}
		}
		if got := recs2[len(recs2)-1]; !sameRecord(got, r) || got.Time.Location() == nil {
			t.Fatalf("appended %+v, read back %+v", r, got)
		}

		// The tail read with no start reads it all, in any block size.
		dir := t.TempDir()
		p := filepath.Join(dir, path)
		if err := os.WriteFile(p, file, 0o600); err != nil {
			t.Fatal(err)
		}
		want, wantWarn, err := Read(p)
		if err != nil {
			t.Fatal(err)
		}
		got, gotWarn, err := readTail(p, time.Time{}, defaultLocker, 1+int(blk))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || !slices.Equal(gotWarn, wantWarn) {
			t.Fatalf("tail read %d records %q, full read %d %q", len(got), gotWarn, len(want), wantWarn)
		}
		for i := range want {
			if !sameRecord(got[i], want[i]) {
				t.Fatalf("record %d: tail %+v, full %+v", i, got[i], want[i])
			}
		}
	})
}

// checkLines checks that every non-blank line of data is accounted for,
// as a record or as one warning with its line number, in order.
func checkLines(t *testing.T, data []byte, recs []Record, warnings []string) {
	t.Helper()
	var nonBlank []int
	for n, l := range bytes.Split(data, []byte{'\n'}) {
		if len(bytes.TrimSpace(l)) > 0 {
			nonBlank = append(nonBlank, n+1)
		}
	}
	if len(recs)+len(warnings) != len(nonBlank) {
		t.Fatalf("%d non-blank lines, %d records and %d warnings", len(nonBlank), len(recs), len(warnings))
	}
	last := 0
	for _, w := range warnings {
		rest, ok := strings.CutPrefix(w, "j.jsonl:")
		num, _, ok2 := strings.Cut(rest, ": skipped ")
		n, err := strconv.Atoi(num)
		if !ok || !ok2 || err != nil || n <= last || !slices.Contains(nonBlank, n) {
			t.Fatalf("warning %q: want j.jsonl:N: skipped… with N a non-blank line after %d (lines %v)", w, last, nonBlank)
		}
		last = n
	}
	for _, r := range recs {
		if err := r.validate(); err != nil {
			t.Fatalf("an invalid record was read: %+v: %v", r, err)
		}
	}
}
