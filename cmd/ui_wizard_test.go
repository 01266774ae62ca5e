package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/store"
	"github.com/limberapp/limber/workstation"
)

// runWorkstationExport runs `workstation export args…` on a fresh command
// tree with the state directory in a temporary folder holding st.
func runWorkstationExport(t *testing.T, st *workstation.State, args ...string) (string, string, error) {
	t.Helper()
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if st != nil {
		path, err := store.Path(workstation.StateFile)
		if err != nil {
			t.Fatal(err)
		}
		if err := store.Save(path, *st); err != nil {
			t.Fatal(err)
		}
	}
	c := newWorkstationCmd()
	c.SilenceUsage, c.SilenceErrors = true, true
	var out, errOut bytes.Buffer
	c.SetOut(&out)
	c.SetErr(&errOut)
	c.SetArgs(append([]string{"export"}, args...))
	err := c.Execute()
	return out.String(), errOut.String(), err
}

func savedChecks(t *testing.T) (workstation.State, *content.Library) {
	t.Helper()
	lib, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	first := workstation.NewCheck(lib.Checklist, workstation.DeskMonitor,
		workstation.Answers{"monitor-height": workstation.No, "chair-base": workstation.No}, 0, time.Date(2026, 3, 3, 9, 0, 0, 0, time.Local))
	second := workstation.NewCheck(lib.Checklist, workstation.LaptopOnly,
		workstation.Answers{"monitor-height": workstation.Yes, "chair-base": workstation.No, "laptop-prolonged": workstation.No}, 0, time.Date(2026, 4, 1, 9, 0, 0, 0, time.Local))
	return workstation.State{Version: 1, History: workstation.History{first, second}}, lib
}

func TestWorkstationExportMarkdownLastCheck(t *testing.T) {
	st, lib := savedChecks(t)
	out, _, err := runWorkstationExport(t, &st, "--markdown")
	if err != nil {
		t.Fatal(err)
	}
	fix := func(id string) string {
		for _, it := range lib.Checklist {
			if it.ID == id {
				return it.Fix
			}
		}
		t.Fatalf("no item %s", id)
		return ""
	}
	// The last check: laptop-prolonged (impact 3) before chair-base (1);
	// monitor-height is now Yes and must not be listed.
	i, j := strings.Index(out, fix("laptop-prolonged")), strings.Index(out, fix("chair-base"))
	if i < 0 || j < 0 || i > j {
		t.Errorf("fixes missing or out of order:\n%s", out)
	}
	if strings.Contains(out, fix("monitor-height")) {
		t.Error("exported a fix answered Yes")
	}
	if !strings.Contains(out, "# Workstation check — 1 April 2026") || !strings.Contains(out, "since 3 March 2026") || !strings.Contains(out, "Laptop only") {
		t.Errorf("not the last check with its comparison:\n%s", out)
	}
}

func TestWorkstationExportHTMLToFile(t *testing.T) {
	st, _ := savedChecks(t)
	file := filepath.Join(t.TempDir(), "check.html")
	out, errOut, err := runWorkstationExport(t, &st, "--html", file)
	if err != nil {
		t.Fatal(err)
	}
	if out != "" || !strings.Contains(errOut, file) {
		t.Errorf("stdout %q, stderr %q", out, errOut)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "<!DOCTYPE html>") || !strings.Contains(string(b), "@media print") {
		t.Errorf("not the HTML page: %.200s", b)
	}
}

func TestWorkstationExportErrors(t *testing.T) {
	st, _ := savedChecks(t)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{}, 2, "exactly one of --markdown or --html"},
		{[]string{"--markdown", "--html"}, 2, "exactly one of"},
		{[]string{"--markdown", "a", "b"}, 2, "at most one FILE"},
	} {
		_, _, err := runWorkstationExport(t, &st, c.args...)
		if err == nil || exitCode(err) != c.code || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v (code %d), want code %d and %q", c.args, err, exitCode(err), c.code, c.want)
		}
	}
	_, _, err := runWorkstationExport(t, nil, "--markdown")
	if err == nil || !strings.Contains(err.Error(), "no saved workstation check") {
		t.Errorf("no state: %v", err)
	}
}

func TestRecordQuickCheckWritesJournal(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	lib, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	quick := workstation.QuickItems(lib.Checklist, workstation.SitStand)
	ans := workstation.Answers{quick[0].ID: workstation.No, quick[1].ID: workstation.Yes}
	r := workstation.Score(quick, workstation.SitStand, ans)
	if err := recordQuickCheck(workstation.SitStand, ans, r); err != nil {
		t.Fatal(err)
	}
	jp, _ := journal.DefaultPath()
	recs, _, err := journal.Read(jp)
	if err != nil || len(recs) != 1 {
		t.Fatalf("records %+v, %v", recs, err)
	}
	rec := recs[0]
	if rec.Event != journal.EventCheckin || rec.Kind != "workstation" {
		t.Errorf("record %+v", rec)
	}
	got, _ := rec.Data["answers"].(map[string]any)
	if got[quick[0].ID] != "no" || got[quick[1].ID] != "yes" || rec.Data["score"] != r.Overall || rec.Data["setup"] != "sit-stand" {
		t.Errorf("data %#v", rec.Data)
	}
}
