package cmd

import (
	"encoding/json"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/limberapp/limber/agent"
	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/prefs"
	"github.com/limberapp/limber/schedule"
)

func TestExercisesShownOldestFirstWithRepeats(t *testing.T) {
	day := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	at := func(h int) time.Time { return day.Add(time.Duration(h) * time.Hour) }
	recs := []journal.Record{
		{Time: at(-2), Event: "completed", Kind: "rest", Exercise: "yesterday"},
		{Time: at(11), Event: "completed", Kind: "rest", Exercise: "b"},
		{Time: at(9), Event: "completed", Kind: "rest", Exercise: "a"},
		{Time: at(10), Event: "warned", Kind: "rest", Exercise: "w"},
		{Time: at(12), Event: "closed", Kind: "posture", Exercise: "p"},
		{Time: at(13), Event: "completed", Kind: "rest", Exercise: "a"},
	}
	if got := exercisesShown(recs, "rest", day); !slices.Equal(got, []string{"a", "b", "a"}) {
		t.Fatalf("got %v", got)
	}
}

// fakeAgent answers the control socket and records what it is told.
type fakeAgent struct {
	mu   sync.Mutex
	reqs []agent.Request
}

func (f *fakeAgent) serve(t *testing.T, sock string) {
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			var req agent.Request
			if json.NewDecoder(c).Decode(&req) == nil {
				f.mu.Lock()
				f.reqs = append(f.reqs, req)
				f.mu.Unlock()
				json.NewEncoder(c).Encode(agent.Response{OK: true, Status: &agent.StatusJSON{State: "running"}})
			}
			c.Close()
		}
	}()
}

func (f *fakeAgent) outcomes() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, r := range f.reqs {
		if r.Cmd == "outcome" {
			out = append(out, r.Outcome)
		}
	}
	return out
}

// The command channel end to end with the real binary (needs a display:
// run under scripts/desktop-session.sh): "close" and EOF end the view with
// exit status 0 and no outcome reported.
func TestBreakViewControlChannel(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip("needs a display (scripts/desktop-session.sh)")
	}
	bin := buildLimber(t)
	dir := t.TempDir()
	sock := filepath.Join(dir, "agent.sock")
	fa := &fakeAgent{}
	fa.serve(t, sock)
	for _, c := range []struct {
		name  string
		args  []string
		input string
	}{
		{"close after show", []string{"--hidden"}, "postpones 1\nshow\nclose\n"},
		{"close while hidden", []string{"--hidden"}, "close\n"},
		{"EOF while hidden", []string{"--hidden"}, ""},
		{"EOF while shown", nil, "bogus\n"},
	} {
		rounds := 1
		if c.args == nil {
			// A shown window closed under the pointer: Fyne 2.7.1 crashed
			// (nil window in processMouseMoved) on a cursor event that
			// arrived while it tore the window down, about one run in
			// three here. The view now exits as soon as it is hidden.
			rounds = 6
		}
		for r := 0; r < rounds; r++ {
			cmd := exec.Command(bin, append([]string{"ui", "break", "--kind", "posture", "--control"}, c.args...)...)
			cmd.Env = append(os.Environ(), "LIMBER_SOCKET="+sock, "XDG_CONFIG_HOME="+dir, "XDG_STATE_HOME="+dir, "HOME="+dir)
			in, _ := cmd.StdinPipe()
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			io.WriteString(in, c.input)
			in.Close()
			if err := cmd.Wait(); err != nil {
				t.Errorf("%s (round %d): %v", c.name, r+1, err)
			}
		}
	}
	if got := fa.outcomes(); len(got) != 0 {
		t.Fatalf("outcomes reported: %v", got)
	}
}

// The break view uses the break's real length today from the agent (a
// recovery plan shortens walking prompts) and its walk flag; the config
// only with no agent.
func TestBreakLengthComesFromTheAgent(t *testing.T) {
	cfg := prefs.Defaults()
	st := &agent.StatusJSON{Next: []agent.NextJSON{
		{Kind: "posture", DurationSeconds: 30, PostponesLeft: 2},
		{Kind: "rest", DurationSeconds: 300, Walk: true, PostponesLeft: 1},
	}}
	if f := breakFactsFrom(st, schedule.Rest, cfg); f.duration != 5*time.Minute || !f.walk || f.postponesLeft != 1 {
		t.Fatalf("rest from the agent: %+v", f)
	}
	if f := breakFactsFrom(nil, schedule.Rest, cfg); f.duration != cfg.Breaks["rest"].Duration || f.walk || f.postponesLeft != cfg.Schedule().PostponeLimit() {
		t.Fatalf("rest with no agent: %+v", f)
	}
	if f := breakFactsFrom(st, schedule.Mobility, cfg); f.duration != cfg.Breaks["mobility"].Duration {
		t.Fatalf("a kind the agent does not list: %+v", f)
	}
}

// Areas worked today come from every kind's exercises.
func TestExercisesShownOfAnyKind(t *testing.T) {
	day := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	recs := []journal.Record{
		{Time: day.Add(9 * time.Hour), Event: "completed", Kind: "posture", Exercise: "a"},
		{Time: day.Add(10 * time.Hour), Event: "completed", Kind: "mobility", Exercise: "b"},
	}
	if got := exercisesShown(recs, "", day); !slices.Equal(got, []string{"a", "b"}) {
		t.Fatalf("got %v", got)
	}
}
