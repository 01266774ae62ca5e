package journal

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// base is a fixed instant so tests do not depend on the clock.
var base = time.Date(2025, 6, 2, 10, 0, 0, 0, time.UTC)

func rec(i int) Record {
	return Record{
		Time:     base.Add(time.Duration(i) * time.Minute),
		Event:    EventCompleted,
		Kind:     "posture",
		Exercise: fmt.Sprintf("ex-%d", i),
		Outcome:  "done",
		Seconds:  float64(30 + i),
		Data:     map[string]any{"i": i},
	}
}

func mustOpen(t *testing.T, path string) *Journal {
	t.Helper()
	j, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = j.Close() })
	return j
}

func mustAppend(t *testing.T, j *Journal, recs ...Record) {
	t.Helper()
	for _, r := range recs {
		if err := j.Append(r); err != nil {
			t.Fatal(err)
		}
	}
}

func mustRead(t *testing.T, path string) ([]Record, []string) {
	t.Helper()
	recs, warnings, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	return recs, warnings
}

// sameRecord compares what a journal line can carry (JSON numbers in Data
// come back as float64).
func sameRecord(a, b Record) bool {
	if !a.Time.Equal(b.Time) || a.Event != b.Event || a.Kind != b.Kind || a.Exercise != b.Exercise ||
		a.Outcome != b.Outcome || a.Seconds != b.Seconds || len(a.Data) != len(b.Data) {
		return false
	}
	for k, v := range a.Data {
		if fmt.Sprint(v) != fmt.Sprint(b.Data[k]) {
			return false
		}
	}
	return true
}

func checkRecords(t *testing.T, got, want []Record) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("read %d records, want %d:\n%+v", len(got), len(want), got)
	}
	for i := range want {
		if !sameRecord(got[i], want[i]) {
			t.Errorf("record %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func appendRaw(t *testing.T, path string, b []byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := mustOpen(t, path)
	want := []Record{rec(0), rec(1), rec(2)}
	want[1].Event, want[1].Outcome, want[1].Data = EventQuiz, "", map[string]any{"answers": []any{"a", "c"}, "score": 2}
	mustAppend(t, j, want...)
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}

	got, warnings := mustRead(t, path)
	if len(warnings) != 0 {
		t.Errorf("unexpected warnings: %v", warnings)
	}
	checkRecords(t, got, want)

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(data, []byte{'\n'}); n != 3 || data[len(data)-1] != '\n' {
		t.Errorf("file has %d newlines (want 3, one per record, ending in one):\n%s", n, data)
	}
}

func TestAppendFillsZeroTime(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := mustOpen(t, path)
	before := time.Now()
	mustAppend(t, j, Record{Event: EventNatural, Kind: "rest"})
	got, _ := mustRead(t, path)
	if len(got) != 1 || got[0].Time.Before(before.Add(-time.Second)) || got[0].Time.After(time.Now().Add(time.Second)) {
		t.Fatalf("a record without a time was not stamped with now: %+v", got)
	}
}

func TestAppendRejectsBadRecordsAndClosedJournal(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := mustOpen(t, path)
	if err := j.Append(Record{Time: base}); err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), `"event"`) {
		t.Errorf("Append without an event: error = %v, want one naming the file and the field", err)
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	if err := j.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if err := j.Append(rec(0)); !errors.Is(err, os.ErrClosed) {
		t.Errorf("Append after Close: error = %v, want os.ErrClosed", err)
	}
	if info, err := os.Stat(path); err != nil || info.Size() != 0 {
		t.Errorf("rejected appends wrote to the file: %v, %v", info, err)
	}
}

func TestPermissions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	path := filepath.Join(dir, "journal.jsonl")
	j := mustOpen(t, path)
	mustAppend(t, j, rec(0))
	for _, d := range []string{dir, filepath.Dir(dir)} {
		fi, err := os.Stat(d)
		if err != nil {
			t.Fatal(err)
		}
		if perm := fi.Mode().Perm(); perm != 0o700 {
			t.Errorf("%s: mode %o, want 700", d, perm)
		}
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 {
		t.Errorf("journal mode %o, want 600", perm)
	}
}

func TestOpenNarrowsAnExistingReadableFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	mustOpen(t, path)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 {
		t.Errorf("journal mode after Open %o, want 600", perm)
	}
}

func TestOpenRejectsADirectory(t *testing.T) {
	path := t.TempDir()
	if j, err := Open(path); err == nil {
		_ = j.Close()
		t.Fatal("Open accepted a directory")
	} else if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the path", err)
	}
}

// A crash in the middle of an append leaves part of a line at the end of
// the file. The next append must start on a fresh line, so only the cut
// line is lost.
func TestCrashMidAppend(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := mustOpen(t, path)
	mustAppend(t, j, rec(0), rec(1), rec(2))
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}

	line, err := rec(3).encode()
	if err != nil {
		t.Fatal(err)
	}
	appendRaw(t, path, line[:len(line)/2]) // the crash: half a record, no newline

	j = mustOpen(t, path)
	mustAppend(t, j, rec(4))

	got, warnings := mustRead(t, path)
	checkRecords(t, got, []Record{rec(0), rec(1), rec(2), rec(4)})
	if len(warnings) != 1 || !strings.Contains(warnings[0], path+":4:") {
		t.Fatalf("warnings = %q, want one naming %s:4", warnings, path)
	}
	data, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 5 || lines[3] != string(line[:len(line)/2]) {
		t.Errorf("the cut line is not on a line of its own:\n%s", data)
	}
}

// A crash just before the newline leaves a whole record without one: it is
// kept, and the next append still starts on a fresh line.
func TestCrashBeforeNewline(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := mustOpen(t, path)
	mustAppend(t, j, rec(0))
	line, err := rec(1).encode()
	if err != nil {
		t.Fatal(err)
	}
	appendRaw(t, path, line[:len(line)-1])
	mustAppend(t, j, rec(2))

	got, warnings := mustRead(t, path)
	if len(warnings) != 0 {
		t.Errorf("unexpected warnings: %v", warnings)
	}
	checkRecords(t, got, []Record{rec(0), rec(1), rec(2)})
}

// Deleting the journal while the agent runs (to clear history) must not
// leave the agent writing into the unlinked file.
func TestAppendFollowsARemovedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := mustOpen(t, path)
	mustAppend(t, j, rec(0))
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	mustAppend(t, j, rec(1))
	got, _ := mustRead(t, path)
	checkRecords(t, got, []Record{rec(1)})
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 {
		t.Errorf("recreated journal mode %o, want 600", perm)
	}
}

// Goroutines sharing one Journal, and two Journals on one file in one
// process, with each kind of lock.
func TestConcurrentAppendsInProcess(t *testing.T) {
	for name, mk := range map[string]lockerFactory{"default": defaultLocker, "sidecar": newSidecarLocker} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "journal.jsonl")
			const writers, each = 4, 50
			journals := make([]*Journal, 2)
			for i := range journals {
				j, err := open(path, mk)
				if err != nil {
					t.Fatal(err)
				}
				defer j.Close()
				journals[i] = j
			}
			pad := strings.Repeat("x", 8<<10)
			var wg sync.WaitGroup
			errs := make(chan error, writers)
			for w := range writers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range each {
						r := Record{Time: base, Event: EventCompleted, Exercise: fmt.Sprint(w), Data: map[string]any{"seq": i, "pad": pad}}
						if err := journals[w%2].Append(r); err != nil {
							errs <- err
							return
						}
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatal(err)
			}
			recs, warnings, err := read(path, time.Time{}, mk)
			if err != nil {
				t.Fatal(err)
			}
			if len(warnings) != 0 || len(recs) != writers*each {
				t.Fatalf("read %d records and %d warnings, want %d and none: %v", len(recs), len(warnings), writers*each, warnings)
			}
			next := map[string]int{}
			for _, r := range recs {
				if seq := int(r.Data["seq"].(float64)); seq != next[r.Exercise] {
					t.Fatalf("writer %s: seq %d, want %d", r.Exercise, seq, next[r.Exercise])
				}
				next[r.Exercise]++
			}
		})
	}
}
