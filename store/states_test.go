package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/limberapp/limber/quiz"
	"github.com/limberapp/limber/recovery"
	"github.com/limberapp/limber/workstation"
)

// The three states of the pure packages go through the one store.
func TestRecoveryPlanThroughTheStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), recovery.StateFileName)
	if p, err := Get[*recovery.Plan](path); p != nil || err != nil {
		t.Fatalf("missing file: %v %v", p, err)
	}
	now := time.Date(2026, 3, 3, 10, 0, 0, 0, time.Local)
	p, _, err := recovery.Start(time.Date(2026, 3, 2, 0, 0, 0, 0, time.Local), now, recovery.Intake{Pain: 5})
	if err != nil {
		t.Fatal(err)
	}
	if err := Save(path, p); err != nil {
		t.Fatal(err)
	}
	q, err := Get[*recovery.Plan](path)
	if err != nil || q == nil || q.Severity != 5 || !q.Started.Equal(p.Started) || q.CurrentPhase(now).ID != p.CurrentPhase(now).ID {
		t.Fatalf("loaded %+v %v", q, err)
	}
	var none *recovery.Plan
	if err := Save(path, none); err == nil {
		t.Fatal("saved a nil plan")
	}
	for body, want := range map[string]string{
		"{\n  \"version\": 1,\n  \"since\": \"2026-03-02\"\n  \"started\": 5\n}":                                                        "line 4",
		`{"version":1,"since":"2026-03-02","started":"2026-03-02T10:00:00Z","severity":"bad"}`:                                          `field "severity"`,
		`{"version":1,"since":"2026-03-02","started":"2026-03-02T10:00:00Z","severity":3,"checkins":[{"date":"2026-03-03","pain":42}]}`: "checkins[0].pain",
	} {
		os.WriteFile(path, []byte(body), 0o600)
		p, err := Get[*recovery.Plan](path)
		var ce *CorruptError
		if p != nil || !errors.As(err, &ce) || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
			t.Errorf("%q: %v %v, want a CorruptError naming %s and saying %q", body, p, err, path, want)
		}
	}
}

func TestQuizStateThroughTheStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), quiz.FileName)
	st := quiz.NewState()
	if err := Load(path, st); err != nil || st.Cards == nil {
		t.Fatal(err)
	}
	st.Sessions = 3
	st.Cards["q"] = &quiz.Card{Box: 2, Due: 5, Asked: 2, Right: 1}
	if err := Save(path, st); err != nil {
		t.Fatal(err)
	}
	got := quiz.NewState()
	if err := Load(path, got); err != nil || got.Sessions != 3 || got.Cards["q"].Box != 2 {
		t.Fatalf("%+v %v", got, err)
	}
	os.WriteFile(path, []byte(`{"version": 1, "cards": {"q": {"box": 9}}}`), 0o600)
	fresh := quiz.NewState()
	err := Load(path, fresh)
	var ce *CorruptError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), `"cards.q.box": 9`) || fresh.Sessions != 0 || len(fresh.Cards) != 0 {
		t.Fatalf("%v %+v", err, fresh)
	}
}

func TestWorkstationStateThroughTheStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), workstation.StateFile)
	st := workstation.NewState()
	if err := Load(path, &st); err != nil || st.Version != workstation.StateVersion {
		t.Fatal(st, err)
	}
	if err := Save(path, workstation.State{Draft: &workstation.Draft{Setup: "boat"}}); err == nil {
		t.Fatal("bad state saved")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatal("a refused save wrote the file")
	}
	if err := Save(path, workstation.State{}); err != nil {
		t.Fatal(err)
	}
	if got, err := Get[workstation.State](path); err != nil || got.Version != workstation.StateVersion {
		t.Fatal(got, err)
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
	fi, err := os.Stat(filepath.Join(os.Getenv("XDG_STATE_HOME"), "limber", workstation.WelcomeMarker))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("marker %v %v", fi, err)
	}
}
