package journal

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Environment of the child processes TestConcurrentProcesses starts.
const (
	envHelper = "LIMBER_JOURNAL_TEST_HELPER" // "1" in a child
	envPath   = "LIMBER_JOURNAL_TEST_PATH"   // the journal both children append to
	envWriter = "LIMBER_JOURNAL_TEST_WRITER" // the child's name
	envCount  = "LIMBER_JOURNAL_TEST_COUNT"  // how many records it appends
	envGate   = "LIMBER_JOURNAL_TEST_GATE"   // a file whose appearance starts both
)

// processPad is a record's payload: over 4 KiB, and different for every
// writer and sequence number, so that a torn or interleaved write shows.
func processPad(writer string, seq int) string {
	return strings.Repeat(fmt.Sprintf("%s%04d.", writer, seq), 900)
}

// TestHelperProcess is the child: it is only run by TestConcurrentProcesses.
func TestHelperProcess(t *testing.T) {
	if os.Getenv(envHelper) != "1" {
		t.Skip("child process of TestConcurrentProcesses")
	}
	path, writer, gate := os.Getenv(envPath), os.Getenv(envWriter), os.Getenv(envGate)
	n, err := strconv.Atoi(os.Getenv(envCount))
	if err != nil {
		t.Fatalf("%s: %v", envCount, err)
	}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(time.Millisecond) {
		if _, err := os.Stat(gate); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the start gate never opened")
		}
	}
	j, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		r := Record{Time: time.Now(), Event: EventCompleted, Kind: "posture", Exercise: writer,
			Data: map[string]any{"writer": writer, "seq": i, "pad": processPad(writer, i)}}
		if err := j.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
}

// Two processes append to one journal at once; no record may be torn or
// interleaved with another, and each writer's records stay in order.
func TestConcurrentProcesses(t *testing.T) {
	const n = 500
	dir := t.TempDir()
	path := filepath.Join(dir, "journal.jsonl")
	gate := filepath.Join(dir, "go")
	writers := []string{"A", "B"}

	var cmds []*exec.Cmd
	var outs []*bytes.Buffer
	for _, w := range writers {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), envHelper+"=1", envPath+"="+path, envWriter+"="+w,
			envCount+"="+strconv.Itoa(n), envGate+"="+gate)
		out := new(bytes.Buffer)
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, out)
	}
	if err := os.WriteFile(gate, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("writer %s: %v\n%s", writers[i], err, outs[i])
		}
	}

	recs, warnings := mustRead(t, path)
	if len(warnings) != 0 {
		t.Fatalf("%d warnings, first: %s", len(warnings), warnings[0])
	}
	if len(recs) != n*len(writers) {
		t.Fatalf("read %d records, want %d", len(recs), n*len(writers))
	}
	next := map[string]int{}
	switches := 0
	for i, r := range recs {
		w, _ := r.Data["writer"].(string)
		seq, _ := r.Data["seq"].(float64)
		if int(seq) != next[w] {
			t.Fatalf("record %d: writer %q seq %v, want seq %d", i, w, seq, next[w])
		}
		if r.Data["pad"] != processPad(w, int(seq)) {
			t.Fatalf("record %d (writer %q seq %v): payload corrupted", i, w, seq)
		}
		next[w]++
		if i > 0 && recs[i-1].Data["writer"] != w {
			switches++
		}
	}
	for _, w := range writers {
		if next[w] != n {
			t.Errorf("writer %s: %d records, want %d", w, next[w], n)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if lines := bytes.Count(data, []byte{'\n'}); lines != n*len(writers) {
		t.Errorf("file has %d lines, want %d", lines, n*len(writers))
	}
	t.Logf("%d bytes; the writers took turns %d times", len(data), switches)
}
