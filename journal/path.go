package journal

import (
	"path/filepath"

	"github.com/limberapp/limber/platform"
)

// FileName is the journal's name inside the state directory.
const FileName = "journal.jsonl"

// DefaultPath returns the journal's usual path in platform.StateDir(),
// creating the directory (mode 0700) if it is missing.
func DefaultPath() (string, error) {
	dir, err := platform.StateDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, FileName), nil
}
