package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"time"

	"github.com/limberapp/limber/platform"
)

// Validator is a state with rules of its own beyond its JSON shape. Load
// treats a file whose value fails Validate as corrupt, and Save refuses to
// write a value that would fail it once read back.
type Validator interface {
	Validate() error
}

// CorruptError reports a state file that could not be read as its state.
// The file was renamed to KeptAs (empty if even that failed) and the
// value Load was given is unchanged, so the caller carries on afresh.
type CorruptError struct {
	Path   string
	KeptAs string
	Err    error // what was wrong, with the line where JSON gives one
}

func (e *CorruptError) Error() string {
	if e.KeptAs == "" {
		return fmt.Sprintf("%s: %v (and it could not be moved aside)", e.Path, e.Err)
	}
	return fmt.Sprintf("%s: %v; kept it as %s", e.Path, e.Err, e.KeptAs)
}

func (e *CorruptError) Unwrap() error { return e.Err }

// now stamps the names of files kept aside; tests replace it.
var now = time.Now

// keptLayout is the time stamp of a file kept aside, as prefs names its
// broken config copies: NAME.broken-YYYYMMDD-HHMMSS.
const keptLayout = "20060102-150405"

// Path is the state directory (created with mode 0700) joined with name.
func Path(name string) (string, error) {
	dir, err := platform.StateDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, name), nil
}

// Load reads the JSON file at path into v, a non-nil pointer. A missing
// file leaves v as it is and is no error: the caller's starting value (the
// zero value, or a fresh state) stands. A file that is empty, is not valid
// JSON, does not fit v's type, has data after the value, or whose value
// fails Validate (when v's type has it) is renamed aside to
// path.broken-YYYYMMDD-HHMMSS (never over an earlier one) and reported as
// a *CorruptError; v is then left as it was too. Any other failure to read
// is an error naming the file.
func Load(path string, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("store: loading %s: want a non-nil pointer, got %T", path, v)
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	fresh := reflect.New(rv.Elem().Type())
	if err := decode(data, fresh.Interface()); err != nil {
		ce := &CorruptError{Path: path, Err: err}
		ce.KeptAs, _ = keepAside(path)
		return ce
	}
	rv.Elem().Set(fresh.Elem())
	return nil
}

// Save writes v as indented JSON to path atomically (a temporary file in
// the same directory, synced, renamed over the old one, the directory
// synced), mode 0600, creating missing directories with mode 0700. It
// refuses nil and a value that Load would reject.
func Save(path string, v any) error {
	if v == nil {
		return fmt.Errorf("saving %s: nothing to save", path)
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return fmt.Errorf("saving %s: nothing to save (nil %T)", path, v)
	}
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	data = append(data, '\n')
	check := reflect.New(reflect.TypeOf(v))
	if err := decode(data, check.Interface()); err != nil {
		return fmt.Errorf("not saving %s: the value would not read back: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	if err := platform.WriteFileAtomic(path, data, 0o600); err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	return nil
}

// Exists reports whether a file is at path (a marker such as the welcome's).
func Exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// Touch writes a marker file at path holding the time, atomically, mode
// 0600, creating missing directories with mode 0700.
func Touch(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return platform.WriteFileAtomic(path, []byte(now().Format(time.RFC3339)+"\n"), 0o600)
}

// decode parses data as one JSON value into v (a pointer) and validates
// it; errors say what was wrong and, where JSON gives one, on which line.
func decode(data []byte, v any) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return errors.New("the file is empty")
	}
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return errors.New("the file holds null; expected a saved state")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	err := dec.Decode(v)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			return fmt.Errorf("line %d: unexpected data after the JSON value", lineOf(data, dec.InputOffset()))
		}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("the file ends in the middle of the JSON value (truncated)")
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("line %d: not valid JSON: %v", lineOf(data, se.Offset), se)
	case errors.As(err, &te):
		if te.Field == "" {
			return fmt.Errorf("line %d: expected a %s, found a JSON %s", lineOf(data, te.Offset), te.Type, te.Value)
		}
		return fmt.Errorf("line %d: field %q: expected a %s, found a JSON %s", lineOf(data, te.Offset), te.Field, te.Type, te.Value)
	case err != nil:
		return err
	}
	if val, ok := reflect.ValueOf(v).Elem().Interface().(Validator); ok {
		return val.Validate()
	}
	if val, ok := v.(Validator); ok {
		return val.Validate()
	}
	return nil
}

// lineOf is the 1-based line of byte offset off in data.
func lineOf(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return 1 + bytes.Count(data[:off], []byte{'\n'})
}

// keepAside renames path to path.broken-STAMP, adding -2, -3… when a file
// of that name is there already, so no earlier copy is replaced.
func keepAside(path string) (string, error) {
	base := path + ".broken-" + now().Format(keptLayout)
	for n := 1; n < 1000; n++ {
		name := base
		if n > 1 {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		if _, err := os.Lstat(name); !errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err := os.Rename(path, name); err != nil {
			return "", err
		}
		return name, nil
	}
	return "", fmt.Errorf("too many copies of %s kept aside already", path)
}

// Get is Load into a new T: the zero T for a missing file, and the zero T
// with the error for a corrupt or unreadable one.
func Get[T any](path string) (T, error) {
	var v T
	err := Load(path, &v)
	return v, err
}
