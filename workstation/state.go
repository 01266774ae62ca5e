package workstation

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/prefs"
)

// StateFile is the state's file name in the state directory.
const StateFile = "workstation.json"

// WelcomeMarker is the file whose presence means the welcome was shown.
const WelcomeMarker = "welcome-shown"

// DefaultPath is platform.StateDir()/workstation.json.
func DefaultPath() (string, error) {
	dir, err := platform.StateDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, StateFile), nil
}

// CorruptError reports a state file that could not be read as state. The
// file was moved to Aside and an empty state used instead.
type CorruptError struct {
	Path, Aside string
	Err         error
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("%s: %v; kept it as %s and started afresh", e.Path, e.Err, e.Aside)
}

func (e *CorruptError) Unwrap() error { return e.Err }

// LoadState reads the state at path. A missing file is an empty state. A
// file that is not valid state is renamed to path.broken-TIME, and an empty
// state is returned with a *CorruptError saying so.
func LoadState(path string) (State, error) {
	empty := State{Version: StateVersion}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return empty, nil
	}
	if err != nil {
		return empty, err
	}
	var s State
	err = json.Unmarshal(data, &s)
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			err = fmt.Errorf("not valid JSON at byte %d: %v", se.Offset, se)
		}
	} else {
		err = s.Validate()
	}
	if err != nil {
		aside := path + ".broken-" + time.Now().Format("20060102-150405")
		if rerr := os.Rename(path, aside); rerr != nil {
			return empty, fmt.Errorf("%s: %v (and could not move it aside: %v)", path, err, rerr)
		}
		return empty, &CorruptError{Path: path, Aside: aside, Err: err}
	}
	return s, nil
}

// SaveState writes the state to path atomically, readable by its owner
// only.
func SaveState(path string, s State) error {
	s.Version = StateVersion
	if s.History == nil {
		s.History = History{}
	}
	if err := s.Validate(); err != nil {
		return fmt.Errorf("not saving bad workstation state: %w", err)
	}
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return prefs.WriteFileAtomic(path, append(data, '\n'), 0o600)
}

// welcomePath is the welcome marker's path.
func welcomePath() (string, error) {
	dir, err := platform.StateDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, WelcomeMarker), nil
}

// WelcomeShown reports whether the first-run welcome has been shown (its
// marker file exists in the state directory). When the state directory
// cannot be found it reports true, so the welcome never nags.
func WelcomeShown() bool {
	p, err := welcomePath()
	if err != nil {
		return true
	}
	_, err = os.Stat(p)
	return err == nil
}

// MarkWelcomeShown records that the welcome was shown.
func MarkWelcomeShown() error {
	p, err := welcomePath()
	if err != nil {
		return err
	}
	return prefs.WriteFileAtomic(p, []byte(time.Now().Format(time.RFC3339)+"\n"), 0o600)
}
