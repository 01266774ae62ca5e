package journal

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// monthsJournal writes a single-file journal (as before archives) with
// records over several months, a malformed line and a torn last line.
func monthsJournal(t *testing.T, rng *rand.Rand, path string) []byte {
	t.Helper()
	var buf bytes.Buffer
	at := time.Date(2026, 8, 20, 9, 0, 0, 0, time.Local)
	for i := 0; i < 300; i++ {
		at = at.Add(time.Duration(1+rng.IntN(20*60)) * time.Minute)
		if rng.IntN(40) == 0 {
			buf.WriteString("{torn\n")
		}
		r := Record{Time: at, Event: []string{"completed", "skipped", "natural", "warned"}[rng.IntN(4)], Kind: "posture"}
		line, _ := r.encode()
		buf.Write(line)
	}
	buf.WriteString(`{"time":"2026-12-01T08:00:00Z","ev`)
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func recordKeys(recs []Record) []string {
	out := make([]string, len(recs))
	for i, r := range recs {
		out[i] = r.Time.UTC().Format(time.RFC3339Nano) + " " + r.Event
	}
	slices.Sort(out)
	return out
}

// warningCount counts warnings that are not about the live file's torn
// end, whose line number moves when lines leave the live file.
func badLines(ws []string) int { return len(ws) }

func TestRotateMigratesASingleFileAndLosesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	monthsJournal(t, rand.New(rand.NewPCG(1, 2)), path)
	before, beforeWarn := mustRead(t, path)
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local)
	if err := Rotate(path, now, time.Local); err != nil {
		t.Fatal(err)
	}
	after, afterWarn := mustRead(t, path)
	if !slices.Equal(recordKeys(before), recordKeys(after)) || badLines(beforeWarn) != badLines(afterWarn) {
		t.Fatalf("rotation changed the journal: %d records %d warnings before, %d and %d after", len(before), len(beforeWarn), len(after), len(afterWarn))
	}
	files, _ := Files(path)
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
		fi, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", f, fi.Mode().Perm())
		}
	}
	if want := []string{"2026-08.jsonl", "2026-09.jsonl", "2026-10.jsonl", "2026-11.jsonl", "journal.jsonl"}; !slices.Equal(names, want) {
		t.Errorf("files %v, want %v", names, want)
	}
	if fi, err := os.Stat(ArchiveDir(path)); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("archive dir: %v %v", fi, err)
	}
	live, _, _ := read(path, time.Time{}, defaultLocker)
	for _, r := range live {
		if month(r.Time, time.Local) < "2026-12" {
			t.Errorf("live file still holds %v", r.Time)
		}
	}
	// Rotating again changes nothing.
	if err := Rotate(path, now, time.Local); err != nil {
		t.Fatal(err)
	}
	again, _ := mustRead(t, path)
	if !slices.Equal(recordKeys(after), recordKeys(again)) {
		t.Error("a second rotation changed the records")
	}
}

// A crash at any step leaves a journal that reads the same records (none
// twice, none lost), and the next rotation finishes the job.
func TestRotateSurvivesACrashAtEveryStep(t *testing.T) {
	steps := []string{"marker", "archive-half 2026-08", "archive 2026-08", "archive-half 2026-10", "archive 2026-10", "archive 2026-11", "live"}
	for _, step := range steps {
		for seed := uint64(1); seed <= 3; seed++ {
			t.Run(fmt.Sprintf("%s/seed%d", step, seed), func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "journal.jsonl")
				monthsJournal(t, rand.New(rand.NewPCG(seed, 2)), path)
				// An earlier rotation already archived part of August.
				if err := Rotate(path, time.Date(2026, 9, 1, 0, 0, 0, 0, time.Local), time.Local); err != nil {
					t.Fatal(err)
				}
				// A record for August left in the live file (written there
				// early in September by a process that had not rotated)
				// joins its archive at the next rotation.
				late, _ := Record{Time: time.Date(2026, 8, 25, 9, 0, 0, 0, time.Local), Event: "natural", Kind: "rest"}.encode()
				live, _ := os.ReadFile(path)
				if err := os.WriteFile(path, append(late, live...), 0o600); err != nil {
					t.Fatal(err)
				}
				pre, _ := mustRead(t, path)
				want := recordKeys(pre)
				crash = func(s string) bool { return s == step }
				err := Rotate(path, time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local), time.Local)
				crash = nil
				if !errors.Is(err, errCrash) {
					t.Fatalf("rotation went past the crash at %q: %v", step, err)
				}
				mid, _ := mustRead(t, path)
				if got := recordKeys(mid); !slices.Equal(got, want) {
					t.Fatalf("after a crash at %q: %d records read, want %d", step, len(got), len(want))
				}
				tail, _, err := ReadTail(path, time.Date(2026, 11, 1, 0, 0, 0, 0, time.Local))
				if err != nil {
					t.Fatal(err)
				}
				since, _, _ := ReadSince(path, time.Date(2026, 11, 1, 0, 0, 0, 0, time.Local))
				if !slices.Equal(recordKeys(tail), recordKeys(since)) {
					t.Fatalf("after a crash at %q: tail read %d records, ReadSince %d", step, len(tail), len(since))
				}
				if err := Rotate(path, time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local), time.Local); err != nil {
					t.Fatal(err)
				}
				done, _ := mustRead(t, path)
				if got := recordKeys(done); !slices.Equal(got, want) {
					t.Fatalf("after finishing: %d records, want %d", len(got), len(want))
				}
				if _, err := os.Stat(filepath.Join(ArchiveDir(path), markerName)); err == nil {
					t.Error("the marker is still there")
				}
			})
		}
	}
}

// An appender open across a rotation follows the new live file.
func TestAppendAfterRotationGoesToTheNewLiveFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := mustOpen(t, path)
	old := Record{Time: time.Date(2026, 10, 5, 9, 0, 0, 0, time.Local), Event: "completed", Kind: "posture"}
	mustAppend(t, j, old)
	if err := Rotate(path, time.Date(2026, 11, 2, 9, 0, 0, 0, time.Local), time.Local); err != nil {
		t.Fatal(err)
	}
	now := Record{Time: time.Date(2026, 11, 2, 9, 5, 0, 0, time.Local), Event: "skipped", Kind: "posture"}
	mustAppend(t, j, now)
	live, _, _ := read(path, time.Time{}, defaultLocker)
	all, _ := mustRead(t, path)
	if len(live) != 1 || live[0].Event != "skipped" || len(all) != 2 || all[0].Event != "completed" {
		t.Errorf("live %v, all %v", live, all)
	}
}

func TestSummaryCachesClosedMonthsAndNamesBadLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	monthsJournal(t, rand.New(rand.NewPCG(7, 2)), path)
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local)
	// Two records after the torn end: one from the future, one after the clock went back.
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("\n" + `{"time":"2027-03-01T09:00:00Z","event":"completed","kind":"posture"}` + "\n")
	f.WriteString(`{"time":"2026-12-01T08:00:00Z","event":"completed","kind":"posture"}` + "\n")
	f.WriteString(`{"time":"2026-11-30T08:00:00Z","event":"skipped","kind":"posture"}` + "\n")
	f.WriteString(`{"time":"2026-11-30T09:00:00Z","event":"teleported","kind":"posture"}` + "\n")
	f.Close()
	raw, rawNotes, err := Summary(path, "", now, time.Local)
	if err != nil {
		t.Fatal(err)
	}
	if err := Rotate(path, now, time.Local); err != nil {
		t.Fatal(err)
	}
	first, _, err := Summary(path, "", now, time.Local) // writes the summaries
	if err != nil {
		t.Fatal(err)
	}
	sums, _ := filepath.Glob(filepath.Join(ArchiveDir(path), "*"+summaryExt))
	if len(sums) != 4 {
		t.Errorf("summaries %v, want one per closed month", sums)
	}
	cached, notes, err := Summary(path, "", now, time.Local)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(raw) != fmt.Sprint(first) || fmt.Sprint(first) != fmt.Sprint(cached) {
		t.Errorf("summaries differ: single file, archived, cached")
	}
	joined := strings.Join(rawNotes, "\n")
	for _, want := range []string{"skipped malformed line", "after now", "the clock went back", "unknown event \"teleported\"", path + ":"} {
		if !strings.Contains(joined, want) {
			t.Errorf("notes lack %q:\n%s", want, joined)
		}
	}
	if len(notes) != len(rawNotes) {
		t.Errorf("%d notes after rotation, %d before:\n%s", len(notes), len(rawNotes), strings.Join(notes, "\n"))
	}
	// A summary whose archive changed is not used.
	arch := filepath.Join(ArchiveDir(path), "2026-09.jsonl")
	g, _ := os.OpenFile(arch, os.O_APPEND|os.O_WRONLY, 0)
	g.WriteString(`{"time":"2026-09-15T09:00:00Z","event":"completed","kind":"rest"}` + "\n")
	g.Close()
	changed, _, _ := Summary(path, "", now, time.Local)
	n1, n2 := 0, 0
	for _, d := range cached {
		n1 += d.Completed
	}
	for _, d := range changed {
		n2 += d.Completed
	}
	if n2 != n1+1 {
		t.Errorf("completed %d after adding one to an archive, %d before", n2, n1)
	}
}

// FuzzRotate rotates arbitrary bytes as a live file and checks that the
// full read finds the same records and as many skipped lines before and
// after, that the live file keeps only lines of now's month or later (or
// of no month), and that a second rotation changes nothing.
func FuzzRotate(f *testing.F) {
	good := func(t time.Time) string {
		b, _ := Record{Time: t, Event: "completed", Kind: "posture"}.encode()
		return string(b)
	}
	f.Add([]byte(good(time.Date(2026, 10, 3, 9, 0, 0, 0, time.UTC))+"{torn\n"+good(time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))), int64(1796000000))
	f.Add([]byte("{x}\n\n"+good(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))+`{"time":"2026-11-01T00:00:00Z","ev`), int64(1760000000))
	f.Add([]byte(good(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))+good(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))), int64(1790000000))
	f.Fuzz(func(t *testing.T, data []byte, unix int64) {
		path := filepath.Join(t.TempDir(), "journal.jsonl")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		now := time.Unix(unix%(1<<34), 0)
		before, bw, err := Read(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := Rotate(path, now, time.UTC); err != nil {
			t.Fatal(err)
		}
		after, aw, err := Read(path)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(recordKeys(before), recordKeys(after)) || len(bw) != len(aw) {
			t.Fatalf("rotation at %v changed the journal: %d records %d warnings, then %d and %d\n%q\n%q", now, len(before), len(bw), len(after), len(aw), bw, aw)
		}
		live, _, _ := read(path, time.Time{}, defaultLocker)
		for _, r := range live {
			if month(r.Time, time.UTC) < month(now, time.UTC) {
				t.Fatalf("live file keeps a record of %v after rotating at %v", r.Time, now)
			}
		}
		if err := Rotate(path, now, time.UTC); err != nil {
			t.Fatal(err)
		}
		again, _, _ := Read(path)
		if !slices.Equal(recordKeys(after), recordKeys(again)) {
			t.Fatal("a second rotation changed the records")
		}
	})
}
