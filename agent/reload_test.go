package agent

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

func TestReloadAppliesGoodAndKeepsLastGood(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "config.toml")
		os.WriteFile(p, []byte("[breaks.posture]\nevery = \"20m\"\n"), 0o600)
		n := &fakeNotifier{}
		a := New(Options{ConfigPath: p, Notifier: n, Journal: &fakeJournal{}, Log: &strings.Builder{}, Prefs: hermetic})
		ctx, cancel := context.WithCancel(context.Background())
		go a.Run(ctx)
		defer func() { cancel(); synctest.Wait() }()

		os.WriteFile(p, []byte("[breaks.posture]\nevery = \"25m\"\n[breaks.mobility]\nenabled = false\n"), 0o600)
		if probs := a.Reload(); len(probs) != 0 {
			t.Fatal(probs)
		}
		st := a.Status()
		if st.Next[0].Kind != "posture" || st.Next[0].DueInSeconds != 1500 || len(st.Next) != 2 {
			t.Fatalf("reloaded: %+v", st)
		}

		os.WriteFile(p, []byte("[breaks.posture]\nevery = \"soon\"\n[breaks.mobility]\nenabled = true\n"), 0o600)
		probs := a.Reload()
		if len(probs) != 1 || probs[0].Key != "breaks.posture.every" {
			t.Fatalf("problems: %v", probs)
		}
		st = a.Status()
		if st.Next[0].DueInSeconds != 1500 || len(st.Next) != 3 {
			t.Fatalf("a bad value keeps the last good one (25m), the good ones apply: %+v", st)
		}
		if got := n.titles(); len(got) == 0 || got[len(got)-1] != "Limber: problem in your settings" {
			t.Fatalf("the person is told: %q", got)
		}

		os.WriteFile(p, []byte("[breaks.posture\nevery = 1"), 0o600)
		if probs := a.Reload(); len(probs) != 1 || probs[0].Line != 1 {
			t.Fatalf("syntax: %v", probs)
		}
		if st := a.Status(); st.Next[0].DueInSeconds != 1500 || len(st.Next) != 3 {
			t.Fatalf("a broken file keeps every last good value: %+v", st)
		}
		_ = time.Second
	})
}
