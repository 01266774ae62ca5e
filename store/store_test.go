package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

type sample struct {
	Version int               `json:"version"`
	Name    string            `json:"name"`
	Counts  map[string]int    `json:"counts,omitempty"`
	Notes   []string          `json:"notes,omitempty"`
	Extra   map[string]string `json:"extra,omitempty"`
}

// checked is a state with rules of its own.
type checked struct {
	Version int `json:"version"`
	N       int `json:"n"`
}

func (c checked) Validate() error {
	if c.Version != 1 {
		return fmt.Errorf(`field "version": %d; expected 1`, c.Version)
	}
	if c.N < 0 {
		return fmt.Errorf(`field "n": %d; expected 0 or more`, c.N)
	}
	return nil
}

func TestMissingFileIsTheZeroValueAndNoError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none", "state.json")
	v := sample{Name: "kept"}
	if err := Load(path, &v); err != nil {
		t.Fatal(err)
	}
	if v.Name != "kept" {
		t.Fatalf("a missing file must leave the value as it was, got %+v", v)
	}
	var p *sample
	if err := Load(path, &p); err != nil || p != nil {
		t.Fatalf("missing file into a pointer: %v %v", p, err)
	}
	if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
		t.Fatal("Load must not create directories")
	}
}

func TestRoundTripModes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	path := filepath.Join(dir, "state.json")
	in := sample{Version: 1, Name: "x", Counts: map[string]int{"a": 2}, Notes: []string{"é", "\n"}}
	if err := Save(path, in); err != nil {
		t.Fatal(err)
	}
	var out sample
	if err := Load(path, &out); err != nil {
		t.Fatal(err)
	}
	if out.Name != "x" || out.Counts["a"] != 2 || len(out.Notes) != 2 || out.Notes[1] != "\n" {
		t.Fatalf("round trip %+v", out)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("file mode %v %v, want 0600", fi.Mode(), err)
	}
	for _, d := range []string{dir, filepath.Dir(dir)} {
		fi, err := os.Stat(d)
		if err != nil || fi.Mode().Perm() != 0o700 {
			t.Fatalf("dir %s mode %v %v, want 0700", d, fi.Mode(), err)
		}
	}
	// Saving again over a file that is 0644 narrows it to 0600.
	os.Chmod(path, 0o644)
	if err := Save(path, in); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode after resave %v", fi.Mode())
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

var keptName = regexp.MustCompile(`\.broken-\d{8}-\d{6}(-\d+)?$`)

func TestCorruptFileIsKeptAsideAndNamed(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"syntax", "{\n  \"version\": 1,\n  \"name\": \"a\"\n  \"n\": 5\n}", "line 4"},
		{"truncated", `{"version": 1, "name": "a", "notes": [`, "truncated"},
		{"empty", "", "empty"},
		{"blank", " \n\t\n", "empty"},
		{"type", "{\"version\": 1,\n\"n\": \"many\"}", `line 2: field "n": expected a int, found a JSON string`},
		{"trailing", `{"version": 1} {}`, "after the JSON value"},
		{"rule", `{"version": 1, "n": -3}`, `field "n": -3; expected 0 or more`},
		{"version", `{"version": 9}`, `field "version": 9`},
		{"not an object", `[1, 2]`, "expected a"},
		{"null", `null`, "null"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "state.json")
			if err := os.WriteFile(path, []byte(c.body), 0o600); err != nil {
				t.Fatal(err)
			}
			v := checked{Version: 1, N: 42}
			err := Load(path, &v)
			var ce *CorruptError
			if !errors.As(err, &ce) {
				t.Fatalf("err %v, want a *CorruptError", err)
			}
			if v.N != 42 {
				t.Fatalf("a corrupt file must leave the value as it was, got %+v", v)
			}
			msg := err.Error()
			if !strings.Contains(msg, path) || !strings.Contains(msg, c.want) || !strings.Contains(msg, "kept it as "+ce.KeptAs) {
				t.Fatalf("message %q should name %s, say %q and where it was kept", msg, path, c.want)
			}
			if ce.Path != path || !strings.HasPrefix(ce.KeptAs, path+".broken-") || !keptName.MatchString(ce.KeptAs) {
				t.Fatalf("kept as %q", ce.KeptAs)
			}
			kept, rerr := os.ReadFile(ce.KeptAs)
			if rerr != nil || string(kept) != c.body {
				t.Fatalf("the corrupt file must be kept as it was: %q %v", kept, rerr)
			}
			if _, err := os.Stat(path); !os.IsNotExist(err) {
				t.Fatal("the corrupt file is still at its path")
			}
			if err := Load(path, &v); err != nil {
				t.Fatalf("second load: %v", err)
			}
		})
	}
}

// Two corrupt files in the same second are both kept: the second does not
// replace the first.
func TestCorruptFilesAreNeverOverwritten(t *testing.T) {
	defer func(f func() time.Time) { now = f }(now)
	at := time.Date(2026, 3, 2, 9, 30, 5, 0, time.Local)
	now = func() time.Time { return at }
	path := filepath.Join(t.TempDir(), "state.json")
	var kept []string
	for i := range 3 {
		os.WriteFile(path, []byte(fmt.Sprintf("{bad %d", i)), 0o600)
		var v sample
		var ce *CorruptError
		if err := Load(path, &v); !errors.As(err, &ce) {
			t.Fatal(err)
		}
		kept = append(kept, ce.KeptAs)
	}
	want := []string{path + ".broken-20260302-093005", path + ".broken-20260302-093005-2", path + ".broken-20260302-093005-3"}
	for i, k := range kept {
		b, _ := os.ReadFile(k)
		if k != want[i] || string(b) != fmt.Sprintf("{bad %d", i) {
			t.Fatalf("kept[%d] = %s with %q, want %s", i, k, b, want[i])
		}
	}
}

func TestSaveRefusesWhatLoadWouldReject(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	if err := Save(path, checked{Version: 1, N: -1}); err == nil || !strings.Contains(err.Error(), `"n"`) {
		t.Fatalf("saved a bad value: %v", err)
	}
	var p *checked
	if err := Save(path, p); err == nil {
		t.Fatal("saved a nil pointer")
	}
	if err := Save(path, nil); err == nil {
		t.Fatal("saved nil")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatal("a refused save wrote the file")
	}
}

func TestLoadWantsAPointer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	os.WriteFile(path, []byte(`{}`), 0o600)
	if err := Load(path, sample{}); err == nil {
		t.Fatal("Load into a non-pointer")
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal("a programming error must not move the file aside")
	}
}

func TestUnreadableIsAnErrorNamingTheFile(t *testing.T) {
	dir := t.TempDir()
	var v sample
	err := Load(dir, &v) // a directory cannot be read as a file
	var ce *CorruptError
	if err == nil || errors.As(err, &ce) || !strings.Contains(err.Error(), dir) {
		t.Fatalf("err %v", err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatal("an unreadable path must not be moved")
	}
}

// A reader never sees a partial file at the final path, whatever the moment
// it looks: every Load during many Saves finds one whole version.
func TestSaveNeverExposesAPartialFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	big := func(i int) sample {
		s := sample{Version: i, Name: strings.Repeat("x", 200_000)}
		return s
	}
	if err := Save(path, big(0)); err != nil {
		t.Fatal(err)
	}
	const saves = 40
	var wg sync.WaitGroup
	errs := make(chan error, 1)
	done := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-done:
				return
			default:
			}
			b, err := os.ReadFile(path)
			if err != nil {
				errs <- err
				return
			}
			var s sample
			if err := json.Unmarshal(b, &s); err != nil || len(s.Name) != 200_000 {
				errs <- fmt.Errorf("partial file seen (%d bytes): %v", len(b), err)
				return
			}
		}
	}()
	for i := 1; i <= saves; i++ {
		if err := Save(path, big(i)); err != nil {
			t.Fatal(err)
		}
	}
	close(done)
	wg.Wait()
	select {
	case err := <-errs:
		t.Fatal(err)
	default:
	}
}

func TestPathIsInTheStateDirectory(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	p, err := Path("x.json")
	if err != nil || p != filepath.Join(dir, "limber", "x.json") {
		t.Fatalf("Path = %q, %v", p, err)
	}
	if fi, err := os.Stat(filepath.Dir(p)); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("state directory: %v %v", fi, err)
	}
}

func TestMarker(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d", "welcome-shown")
	if Exists(path) {
		t.Fatal("exists before marking")
	}
	if err := Touch(path); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if !Exists(path) || err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("marker %v %v", fi, err)
	}
}
