package platform

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// A crash between writing the temporary file and renaming it (simulated by
// a rename that fails) leaves the old file as it was and no temporary
// file behind.
func TestWriteFileAtomicCrashBeforeRenameKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	if err := WriteFileAtomic(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	var tmpSeen []byte
	renameFile = func(from, to string) error {
		tmpSeen, _ = os.ReadFile(from) // the new data was written in full first
		return errors.New("crash")
	}
	defer func() { renameFile = os.Rename }()
	if err := WriteFileAtomic(path, []byte("new data"), 0o600); err == nil {
		t.Fatal("a failed rename was not reported")
	}
	if string(tmpSeen) != "new data" {
		t.Fatalf("temporary file held %q before the rename", tmpSeen)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "old" {
		t.Fatalf("the old file is %q, %v", b, err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Fatalf("left behind: %v", ents)
	}
}

func TestWriteFileAtomicMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("y"), 0o600); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if b, _ := os.ReadFile(path); err != nil || fi.Mode().Perm() != 0o600 || string(b) != "y" {
		t.Fatalf("%v %v %q", fi.Mode(), err, b)
	}
}
