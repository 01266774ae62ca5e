package journal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadMissingFileIsEmpty(t *testing.T) {
	recs, warnings, err := Read(filepath.Join(t.TempDir(), "nope", "journal.jsonl"))
	if err != nil || recs != nil || warnings != nil {
		t.Fatalf("Read(missing) = %v, %v, %v; want nothing and no error", recs, warnings, err)
	}
}

func TestReadUnreadableIsAnError(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := Read(dir); err == nil || !strings.Contains(err.Error(), dir) {
		t.Fatalf("Read(a directory) error = %v, want one naming it", err)
	}
}

func TestReadSkipsTruncatedLastLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := mustOpen(t, path)
	mustAppend(t, j, rec(0), rec(1))
	line, err := rec(2).encode()
	if err != nil {
		t.Fatal(err)
	}
	appendRaw(t, path, line[:40])

	got, warnings := mustRead(t, path)
	checkRecords(t, got, []Record{rec(0), rec(1)})
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], path+":3: ") || !strings.Contains(warnings[0], "truncated") {
		t.Fatalf("warnings = %q, want one saying %s:3 is truncated", warnings, path)
	}
}

func TestReadSkipsMalformedLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	good0, _ := rec(0).encode()
	good1, _ := rec(1).encode()
	content := string(good0) +
		"not json\n" +
		"\n" + // blank lines are ignored silently
		`{"time":"2025-06-02T10:00:00Z"}` + "\n" + // no event
		"  \r\n" +
		string(good1)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	got, warnings := mustRead(t, path)
	checkRecords(t, got, []Record{rec(0), rec(1)})
	if len(warnings) != 2 ||
		!strings.HasPrefix(warnings[0], path+":2: ") ||
		!strings.HasPrefix(warnings[1], path+":4: ") || !strings.Contains(warnings[1], `"event"`) {
		t.Fatalf("warnings = %q, want lines 2 and 4, the second naming the event field", warnings)
	}
}

func TestReadSince(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := mustOpen(t, path)
	mustAppend(t, j, rec(0), rec(5), rec(1), rec(9))
	got, _, err := ReadSince(path, rec(5).Time)
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, got, []Record{rec(5), rec(9)})
}
