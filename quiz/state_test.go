package quiz

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestStateRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", FileName)
	clk := newClock()
	d := NewDeck(nil, clk.now)
	d.Begin(bank, 3, 1)
	d.Answer("a", true)
	d.Answer("b", false)
	if err := Save(path, d.State()); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("saved file: %v, mode %v", err, fi.Mode())
	}
	st, aside, problem, err := Load(path, clk.t)
	if err != nil || problem != nil || aside != "" {
		t.Fatalf("Load: %v %v %q", err, problem, aside)
	}
	if st.Sessions != 1 || st.Cards["a"].Box != 2 || st.Cards["b"].Box != 1 || !st.Cards["b"].Wrong || !st.Cards["a"].Last.Equal(clk.t) {
		t.Fatalf("round trip: %+v a=%+v b=%+v", st, st.Cards["a"], st.Cards["b"])
	}
	// The loaded state schedules as the saved one did.
	if got := NewDeck(st, clk.now).Begin(bank, 1, 5); got[0] != "b" {
		t.Fatalf("after reload the missed question should come first, got %v", got)
	}
}

func TestLoadMissingFileIsEmpty(t *testing.T) {
	st, aside, problem, err := Load(filepath.Join(t.TempDir(), FileName), time.Now())
	if err != nil || problem != nil || aside != "" || st.Sessions != 0 || len(st.Cards) != 0 || st.Cards == nil {
		t.Fatalf("missing file: %+v %q %v %v", st, aside, problem, err)
	}
}

func TestCorruptStateIsKeptAsideAndReset(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"not json", "{nope", "not valid quiz state"},
		{"wrong version", `{"version": 7, "sessions": 1, "cards": {}}`, `field "version": 7`},
		{"box out of range", `{"version": 1, "sessions": 2, "cards": {"quiz-x": {"box": 9, "due": 3}}}`, `"cards.quiz-x.box": 9; expected 1 to 5`},
		{"negative sessions", `{"version": 1, "sessions": -1}`, `"sessions": -1`},
		{"unknown field", `{"version": 1, "boxes": []}`, `unknown field "boxes"`},
		{"right above asked", `{"version": 1, "cards": {"q": {"box": 1, "asked": 1, "right": 2}}}`, `right ≤ asked`},
		{"trailing data", `{"version": 1} {}`, "extra data"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), FileName)
			if err := os.WriteFile(path, []byte(c.data), 0o600); err != nil {
				t.Fatal(err)
			}
			now := time.Date(2026, 3, 2, 9, 30, 5, 0, time.UTC)
			st, aside, problem, err := Load(path, now)
			if err != nil {
				t.Fatal(err)
			}
			if problem == nil || !strings.Contains(problem.Error(), c.want) || !strings.Contains(problem.Error(), path) {
				t.Fatalf("problem %v, want it to name %s and say %q", problem, path, c.want)
			}
			if aside != path+".corrupt-20260302-093005" {
				t.Fatalf("aside %q", aside)
			}
			kept, err := os.ReadFile(aside)
			if err != nil || string(kept) != c.data {
				t.Fatalf("the corrupt file should be kept as it was: %q %v", kept, err)
			}
			if _, err := os.Stat(path); !os.IsNotExist(err) {
				t.Fatalf("the corrupt file should no longer be at %s", path)
			}
			if st == nil || st.Sessions != 0 || len(st.Cards) != 0 {
				t.Fatalf("state should be reset: %+v", st)
			}
			if err := Save(path, st); err != nil {
				t.Fatalf("saving after a reset: %v", err)
			}
		})
	}
}

func TestDefaultPathIsInTheStateDirectory(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	p, err := DefaultPath()
	if err != nil || p != filepath.Join(dir, "limber", FileName) {
		t.Fatalf("DefaultPath = %q, %v", p, err)
	}
	if fi, err := os.Stat(filepath.Dir(p)); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("state directory: %v %v", fi, err)
	}
}
