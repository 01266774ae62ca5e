package quiz

import (
	"bytes"
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

// FileName is the lifting quiz's state file inside the state directory.
const FileName = "lifting-quiz.json"

// DefaultPath is platform.StateDir()/lifting-quiz.json.
func DefaultPath() (string, error) {
	dir, err := platform.StateDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, FileName), nil
}

// Load reads the state file at path. A missing file gives an empty state.
// A file that is not valid quiz state is moved aside to
// path.corrupt-YYYYMMDD-HHMMSS (its name returned as aside) and an empty
// state is returned with problem saying what was wrong; the caller should
// tell the person and carry on. err is set only when the file cannot be read
// or moved aside; st is then an empty state too.
func Load(path string, now time.Time) (st *State, aside string, problem, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return NewState(), "", nil, nil
	}
	if err != nil {
		return NewState(), "", nil, fmt.Errorf("reading the quiz state %s: %w", path, err)
	}
	st, problem = decode(path, data)
	if problem == nil {
		return st, "", nil, nil
	}
	aside = path + ".corrupt-" + now.Format("20060102-150405")
	if err := os.Rename(path, aside); err != nil {
		return NewState(), "", problem, fmt.Errorf("moving the unreadable quiz state %s aside: %w", path, err)
	}
	return NewState(), aside, problem, nil
}

// decode parses and checks a state file's bytes; errors name the file and
// the field.
func decode(path string, data []byte) (*State, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	st := &State{}
	if err := dec.Decode(st); err != nil {
		return nil, fmt.Errorf("%s: not valid quiz state: %w", path, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%s: not valid quiz state: extra data after the JSON object", path)
	}
	if st.Version != StateVersion {
		return nil, fmt.Errorf("%s: field \"version\": %d; expected %d", path, st.Version, StateVersion)
	}
	if st.Sessions < 0 {
		return nil, fmt.Errorf("%s: field \"sessions\": %d; expected 0 or more", path, st.Sessions)
	}
	if st.Cards == nil {
		st.Cards = map[string]*Card{}
	}
	for id, c := range st.Cards {
		switch {
		case c == nil:
			return nil, fmt.Errorf("%s: field \"cards.%s\": null; expected an object", path, id)
		case c.Box < FirstBox || c.Box > MaxBox:
			return nil, fmt.Errorf("%s: field \"cards.%s.box\": %d; expected %d to %d", path, id, c.Box, FirstBox, MaxBox)
		case c.Due < 0:
			return nil, fmt.Errorf("%s: field \"cards.%s.due\": %d; expected 0 or more", path, id, c.Due)
		case c.Asked < 0 || c.Right < 0 || c.Right > c.Asked:
			return nil, fmt.Errorf("%s: fields \"cards.%s.asked\"/\"right\": %d/%d; expected 0 ≤ right ≤ asked", path, id, c.Asked, c.Right)
		}
	}
	return st, nil
}

// Save writes st to path atomically with mode 0600, creating the
// directory (0700) if needed.
func Save(path string, st *State) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("saving the quiz state: %w", err)
	}
	st.Version = StateVersion
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("saving the quiz state: %w", err)
	}
	if err := prefs.WriteFileAtomic(path, append(data, '\n'), 0o600); err != nil {
		return fmt.Errorf("saving the quiz state %s: %w", path, err)
	}
	return nil
}
