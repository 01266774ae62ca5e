package agent

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// residentClean sums the resident kB of the mappings cleanFileSpans lists.
func residentClean(t *testing.T) int {
	t.Helper()
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps:", err)
	}
	keep := map[span]bool{}
	for _, s := range cleanFileSpans(smaps) {
		keep[s] = true
	}
	total, in := 0, false
	for _, line := range strings.Split(string(smaps), "\n") {
		if s, ok := parseRange(firstField(line)); ok {
			in = keep[s]
			continue
		}
		var kb int
		if in && len(line) > 4 && line[:4] == "Rss:" {
			if _, err := fmt.Sscan(line[4:], &kb); err == nil {
				total += kb
			}
		}
	}
	return total
}

// Dropping the clean file pages of a running program leaves it running
// right (its code and constants come back from the file), and leaves
// fewer of them resident than before.
func TestDropCleanFilePages(t *testing.T) {
	want := sha256.Sum256([]byte(smapsSample))
	before := residentClean(t)
	dropCleanFilePages()
	// Run code again: hashing, JSON, the spans' own parser.
	sum := sha256.Sum256([]byte(smapsSample))
	var v map[string]any
	if err := json.Unmarshal([]byte(`{"a": [1, 2, {"b": "c"}]}`), &v); err != nil || len(v["a"].([]any)) != 3 {
		t.Fatalf("json after the drop: %v %v", v, err)
	}
	if len(cleanFileSpans([]byte(smapsSample))) != 4 || sum != want {
		t.Fatal("code after the drop")
	}
	after := residentClean(t)
	t.Logf("clean file pages resident: %d kB before, %d kB after", before, after)
	if after >= before {
		t.Fatalf("resident clean file pages %d kB after the drop, %d kB before", after, before)
	}
}

func firstField(line string) string {
	if f := strings.Fields(line); len(f) > 0 {
		return f[0]
	}
	return ""
}
