package cmd

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/recovery"
)

// recoveryFixture is a test environment: a temporary plan file, a clock,
// the journal records and agent pings.
type recoveryFixture struct {
	env     recoveryEnv
	path    string
	now     time.Time
	records []journal.Record
	pings   int
}

func newRecoveryFixture(t *testing.T) *recoveryFixture {
	t.Helper()
	f := &recoveryFixture{path: filepath.Join(t.TempDir(), "state", "recovery.json"),
		now: time.Date(2026, 3, 5, 10, 0, 0, 0, time.Local)}
	f.env = recoveryEnv{
		now:       func() time.Time { return f.now },
		statePath: func() (string, error) { return f.path, nil },
		journal:   func(r journal.Record) error { f.records = append(f.records, r); return nil },
		notify:    func() { f.pings++ },
	}
	return f
}

// run runs `recovery args…` on a fresh command tree.
func (f *recoveryFixture) run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	c := newRecoveryCmd(f.env)
	c.SilenceUsage, c.SilenceErrors = true, true
	var out, errOut bytes.Buffer
	c.SetOut(&out)
	c.SetErr(&errOut)
	c.SetArgs(args)
	err := c.Execute()
	return out.String(), errOut.String(), err
}

func (f *recoveryFixture) status(t *testing.T) map[string]any {
	t.Helper()
	out, _, err := f.run(t, "status", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("bad JSON %v:\n%s", err, out)
	}
	return m
}

func TestRecoveryStartCheckinStatusStop(t *testing.T) {
	f := newRecoveryFixture(t)
	if m := f.status(t); m["phase"] != nil || m["advice"] != "self-care" || m["day"] != float64(0) {
		t.Fatalf("no plan yet: %v", m)
	}
	out, _, err := f.run(t, "start", "--since", "2026-03-02", "--how", "lifting a box", "--pain", "6")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "day 3 since the strain") || !strings.Contains(out, "Phase: Protect") || f.pings != 1 {
		t.Fatalf("start output (pings %d):\n%s", f.pings, out)
	}
	if st, err := os.Stat(f.path); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("plan file: %v %v", st, err)
	}
	if m := f.status(t); m["phase"] != "protect" || m["day"] != float64(3) || m["advice"] != "self-care" || m["checkin_due"] != true {
		t.Fatalf("after start: %v", m)
	}

	out, _, err = f.run(t, "checkin", "--pain", "4", "--function", "better", "--sleep", "good", "--walked", "yes")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Checked in for 2026-03-05: pain 4") || !strings.Contains(out, "Phase: Mobilize") {
		t.Fatalf("checkin output:\n%s", out)
	}
	if len(f.records) != 1 || f.records[0].Event != journal.EventCheckin || f.records[0].Kind != "recovery" ||
		f.records[0].Data["pain"] != 4 || f.records[0].Data["walking"] != "yes" || f.records[0].Data["phase"] != "mobilize" {
		t.Fatalf("journal %+v", f.records)
	}
	m := f.status(t)
	if m["phase"] != "mobilize" || m["checkin_due"] != false || m["last_checkin"].(map[string]any)["pain"] != float64(4) {
		t.Fatalf("after checkin: %v", m)
	}

	out, _, err = f.run(t, "stop")
	if err != nil || !strings.Contains(out, "Stopped the recovery plan on day 3") {
		t.Fatalf("stop: %v\n%s", err, out)
	}
	if m := f.status(t); m["phase"] != nil || m["stopped"] != true {
		t.Fatalf("after stop: %v", m)
	}
	if _, _, err := f.run(t, "checkin", "--pain", "3"); err == nil || !strings.Contains(err.Error(), "no recovery plan is active") {
		t.Fatalf("checkin after stop: %v", err)
	}
	if f.pings != 3 {
		t.Fatalf("pings %d, want one per change (start, checkin, stop)", f.pings)
	}
}

func TestRecoveryBadInputExits2(t *testing.T) {
	f := newRecoveryFixture(t)
	if _, _, err := f.run(t, "start", "--since", "2026-03-02", "--pain", "5"); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"start", "--since", "yesterday", "--replace"}, "--since"},
		{[]string{"start", "--since", "2026-03-09", "--replace"}, "--since: 2026-03-09 is in the future"},
		{[]string{"start", "--pain", "12", "--replace"}, "--pain"},
		{[]string{"start", "--flag", "flag-nope", "--replace"}, `--flag: unknown red-flag id "flag-nope"`},
		{[]string{"checkin"}, "--pain: required"},
		{[]string{"checkin", "--pain", "eleven"}, `--pain: "eleven"`},
		{[]string{"checkin", "--pain", "11"}, "--pain"},
		{[]string{"checkin", "--pain", "-1"}, "--pain"},
		{[]string{"checkin", "--pain", "3", "--date", "2026-03-06"}, "--date: 2026-03-06 is in the future"},
		{[]string{"checkin", "--pain", "3", "--date", "2026-03-04"}, "--date: 2026-03-04 is before the plan started"},
		{[]string{"checkin", "--pain", "3", "--date", "5 March"}, "--date"},
		{[]string{"checkin", "--pain", "3", "--flag", "flag-x"}, "--flag"},
		{[]string{"checkin", "--pain", "3", "--function", "ok"}, "--function"},
		{[]string{"checkin", "--pain", "3", "--sleep", "fine"}, "--sleep"},
		{[]string{"checkin", "--pain", "3", "--walked", "lots"}, "--walked"},
		{[]string{"checkin", "--pain", "3", "--nope"}, "unknown flag: --nope"},
		{[]string{"status", "extra"}, "takes flags only"},
	}
	for _, tc := range cases {
		_, _, err := f.run(t, tc.args...)
		if exitCode(err) != 2 || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: exit %d, %v; want exit 2 mentioning %q", tc.args, exitCode(err), err, tc.want)
		}
	}
	if len(f.records) != 0 {
		t.Fatalf("rejected check-ins reached the journal: %+v", f.records)
	}
}

func TestRecoveryEmergencyStartsNoPlan(t *testing.T) {
	f := newRecoveryFixture(t)
	out, _, err := f.run(t, "start", "--pain", "7", "--flag", "flag-saddle-numbness")
	if !errors.Is(err, recovery.ErrEmergency) || exitCode(err) != 1 {
		t.Fatalf("err %v", err)
	}
	if !strings.HasPrefix(out, banner+"\nEMERGENCY: Get urgent care now") || !strings.Contains(out, "Numbness around the groin or bottom") {
		t.Fatalf("the emergency should be printed first:\n%s", out)
	}
	if _, err := os.Stat(f.path); !os.IsNotExist(err) || f.pings != 0 {
		t.Fatalf("a plan was saved (%v) or the agent told (%d)", err, f.pings)
	}
}

func TestRecoveryUrgentCheckinPrintedFirst(t *testing.T) {
	f := newRecoveryFixture(t)
	f.run(t, "start", "--pain", "5")
	out, _, err := f.run(t, "checkin", "--pain", "5", "--flag", "flag-leg-pain", "--flag", "flag-fever")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, banner+"\nURGENT: Get medical advice today") || !strings.Contains(out, "Also:\n  • Pain spreading down a leg") {
		t.Fatalf("output:\n%s", out)
	}
	if m := f.status(t); m["advice"] != "urgent" || len(m["red_flags"].([]any)) != 2 {
		t.Fatalf("status %v", m)
	}
}

func TestRecoveryStartTwiceNeedsReplace(t *testing.T) {
	f := newRecoveryFixture(t)
	f.run(t, "start", "--pain", "5")
	if _, _, err := f.run(t, "start", "--pain", "4"); err == nil || !strings.Contains(err.Error(), "already running") {
		t.Fatalf("second start: %v", err)
	}
	if _, _, err := f.run(t, "start", "--pain", "4", "--replace"); err != nil {
		t.Fatal(err)
	}
}

func TestRecoveryCorruptStateIsKeptAsideAndReported(t *testing.T) {
	f := newRecoveryFixture(t)
	os.MkdirAll(filepath.Dir(f.path), 0o700)
	os.WriteFile(f.path, []byte("{not json"), 0o600)
	out, errOut, err := f.run(t, "status", "--json")
	if err != nil || !strings.Contains(errOut, "kept it as "+f.path+".broken-") {
		t.Fatalf("err %v stderr %q", err, errOut)
	}
	if !strings.Contains(out, `"phase": null`) {
		t.Fatalf("status:\n%s", out)
	}
	kept, _ := filepath.Glob(f.path + ".broken-*")
	if len(kept) != 1 {
		t.Fatalf("kept %v", kept)
	}
	if _, _, err := f.run(t, "start", "--pain", "5"); err != nil {
		t.Fatalf("starting after a corrupt file: %v", err)
	}
}

func TestRecoveryStatusText(t *testing.T) {
	f := newRecoveryFixture(t)
	out, _, _ := f.run(t, "status")
	if !strings.Contains(out, "No recovery plan is active") || !strings.Contains(out, "Get urgent care now if you have:") {
		t.Fatalf("%s", out)
	}
	f.run(t, "start", "--since", "2026-02-20", "--pain", "5") // no check-in: still protect
	out, _, _ = f.run(t, "status")
	if !strings.Contains(out, "Day 13 since the strain") || !strings.Contains(out, "Today's check-in is due") || !strings.Contains(out, "Walking prompts: every 30 minutes.") {
		t.Fatalf("%s", out)
	}
}

// A history flag holds the plan until `limber recovery assessed`.
func TestRecoveryAssessedLiftsTheHold(t *testing.T) {
	f := newRecoveryFixture(t)
	if _, _, err := f.run(t, "start", "--since", "2026-03-02", "--pain", "4", "--flag", "flag-spine-history"); err != nil {
		t.Fatal(err)
	}
	p, err := loadRecoveryState(f.path)
	if err != nil || len(p.AwaitingAssessment()) == 0 {
		t.Fatalf("the spine-history flag should hold the plan: %v", err)
	}
	out, _, err := f.run(t, "assessed")
	if err != nil || !strings.Contains(out, "Noted: you have been assessed") {
		t.Fatalf("assessed: %v\n%s", err, out)
	}
	p, err = loadRecoveryState(f.path)
	if err != nil || len(p.AwaitingAssessment()) != 0 || p.Assessed.IsZero() {
		t.Fatalf("after assessed the hold is lifted: %v %v", err, p.Assessed)
	}
	out, _, _ = f.run(t, "assessed")
	if !strings.Contains(out, "Nothing in your plan waits") {
		t.Fatalf("a second assessed: %s", out)
	}
}
