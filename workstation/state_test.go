package workstation

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStateRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", StateFile)
	s := State{Draft: &Draft{Setup: LaptopExternal, SetupSet: true, Step: "monitor", Answers: Answers{"a": No, "c": Unsure}, HeightText: "5'9", HeightUnit: UnitIn, Started: day1, Updated: day2}}
	s.History = History{NewCheck(testItems, DeskMonitor, Answers{"a": Yes, "b": No}, 172, day1)}
	if err := SaveState(path, s); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	got, err := LoadState(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != StateVersion || got.Draft == nil || got.Draft.Step != "monitor" || got.Draft.Answers["a"] != No ||
		got.Draft.Setup != LaptopExternal || !got.Draft.SetupSet || got.Draft.HeightText != "5'9" || !got.Draft.Updated.Equal(day2) {
		t.Errorf("draft %+v", got.Draft)
	}
	if len(got.History) != 1 || got.History[0].HeightCm != 172 || got.History[0].Answers["b"] != No {
		t.Errorf("history %+v", got.History)
	}
	if chair, _ := got.History[0].Result.Area("chair"); chair.Score != 75 {
		t.Errorf("saved result %+v", got.History[0].Result)
	}
}

func TestLoadMissingIsEmpty(t *testing.T) {
	s, err := LoadState(filepath.Join(t.TempDir(), StateFile))
	if err != nil || s.Draft != nil || len(s.History) != 0 || s.Version != StateVersion {
		t.Errorf("%+v, %v", s, err)
	}
}

func TestCorruptFileKeptAside(t *testing.T) {
	for name, data := range map[string]string{
		"syntax":     `{"version": 1, "history": [`,
		"bad answer": `{"version": 1, "draft": {"setup": "desk-monitor", "answers": {"chair-base": "perhaps"}}}`,
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, StateFile)
			if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := LoadState(path)
			var ce *CorruptError
			if !errors.As(err, &ce) {
				t.Fatalf("error %v, want CorruptError", err)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "kept it as") {
				t.Errorf("message %q", err)
			}
			if s.Draft != nil || len(s.History) != 0 {
				t.Errorf("state %+v", s)
			}
			kept, rerr := os.ReadFile(ce.Aside)
			if rerr != nil || string(kept) != data {
				t.Errorf("aside %s: %q, %v", ce.Aside, kept, rerr)
			}
			if _, err := os.Stat(path); !os.IsNotExist(err) {
				t.Error("corrupt file still in place")
			}
			if name == "bad answer" && !strings.Contains(err.Error(), `draft.answers["chair-base"]`) {
				t.Errorf("does not name the field: %v", err)
			}
		})
	}
}

func TestSaveRefusesBadState(t *testing.T) {
	path := filepath.Join(t.TempDir(), StateFile)
	if err := SaveState(path, State{Draft: &Draft{Setup: "boat"}}); err == nil {
		t.Fatal("bad state saved")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("file written")
	}
}

func TestWelcomeMarker(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	if WelcomeShown() {
		t.Fatal("shown before marking")
	}
	if err := MarkWelcomeShown(); err != nil {
		t.Fatal(err)
	}
	if !WelcomeShown() {
		t.Fatal("not shown after marking")
	}
	p, _ := DefaultPath()
	if filepath.Base(p) != StateFile || !strings.HasPrefix(p, os.Getenv("XDG_STATE_HOME")) {
		t.Errorf("DefaultPath %s", p)
	}
	st, err := os.Stat(filepath.Join(filepath.Dir(p), WelcomeMarker))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("marker %v %v", st, err)
	}
}
