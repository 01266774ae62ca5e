package schedule

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// TestAgentLoopDefaults drives the engine the way the agent does: one
// timer armed for Next().At, then Advance; every break completed after its
// duration. With the defaults the breaks come at 20, 40 minutes of active
// time, mobility at 60 (covering posture), 80, 100, rest at 120 (covering
// both), and the warnings for a coalesced break announce only the break
// actually taken.
func TestAgentLoopDefaults(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		cfg := utcConfig()
		start := time.Now()
		e := New(cfg, start)
		var active time.Duration // wall time outside breaks, tallied here
		last := start
		inBreak := false
		var dues, warns []string
		var dueActive []time.Duration
		for len(dues) < 7 {
			a, ok := e.Next(time.Now())
			if !ok {
				t.Fatal("nothing scheduled")
			}
			timer := time.NewTimer(a.At.Sub(time.Now()))
			<-timer.C
			now := time.Now()
			if !now.Equal(a.At) {
				t.Fatalf("timer fired at %v, want %v", now, a.At)
			}
			if !inBreak {
				active += now.Sub(last)
			}
			last = now
			acts := e.Advance(now, Inputs{})
			if len(acts) == 0 || !sameAction(acts[0], a) {
				t.Fatalf("Next promised %v, Advance returned %v", a, acts)
			}
			if again := e.Advance(now, Inputs{}); len(again) != 0 {
				t.Fatalf("repeated Advance returned %v", again)
			}
			for _, act := range acts {
				switch act.Type {
				case Warn:
					warns = append(warns, string(act.Kind))
				case Due:
					if inBreak {
						t.Fatalf("two breaks at once: %v", act)
					}
					inBreak = true
					name := string(act.Kind)
					for _, c := range act.Covers {
						name += "+" + string(c)
					}
					dues = append(dues, name)
					dueActive = append(dueActive, active)
					time.Sleep(cfg.Breaks[act.Kind].Duration)
					last = time.Now()
					if err := e.Complete(act.Kind, time.Now()); err != nil {
						t.Fatal(err)
					}
					inBreak = false
					if act.Kind == Rest {
						for _, k := range Kinds {
							if got := mustIn(t, e, time.Now(), k); got != cfg.Breaks[k].Every {
								t.Errorf("after rest, %s due in %v, want %v", k, got, cfg.Breaks[k].Every)
							}
						}
					}
				}
			}
		}
		wantDues := []string{"posture", "posture", "mobility+posture", "posture", "posture", "rest+posture+mobility", "posture"}
		if !reflect.DeepEqual(dues, wantDues) {
			t.Errorf("dues %v, want %v", dues, wantDues)
		}
		wantActive := []time.Duration{20, 40, 60, 80, 100, 120, 140}
		for i, m := range wantActive {
			if dueActive[i] != m*time.Minute {
				t.Errorf("due %d (%s) after %v of active time, want %v", i, dues[i], dueActive[i], m*time.Minute)
			}
		}
		wantWarns := []string{"posture", "posture", "mobility", "posture", "posture", "rest", "posture"}
		if !reflect.DeepEqual(warns, wantWarns) {
			t.Errorf("warns %v, want %v", warns, wantWarns)
		}
	})
}

func TestCoalesceWithin(t *testing.T) {
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	t.Run("longer break due within the window is taken", func(t *testing.T) {
		cfg := only(utcConfig(), Posture, Mobility)
		b := cfg.Breaks[Posture]
		b.Every = 56 * time.Minute
		cfg.Breaks[Posture] = b
		e := New(cfg, start)
		acts := drive(t, e, start, start.Add(56*time.Minute), Inputs{})
		want := []Action{
			{Type: Warn, Kind: Mobility, At: start.Add(56*time.Minute - 10*time.Second), Lead: 10 * time.Second},
			{Type: Due, Kind: Mobility, At: start.Add(56 * time.Minute), Covers: []Kind{Posture}},
		}
		if len(acts) != len(want) {
			t.Fatalf("got %v, want %v", acts, want)
		}
		for i := range want {
			if !sameAction(acts[i], want[i]) {
				t.Errorf("action %d: got %v, want %v", i, acts[i], want[i])
			}
		}
	})
	t.Run("longer break outside the window waits its turn", func(t *testing.T) {
		cfg := only(utcConfig(), Posture, Mobility)
		b := cfg.Breaks[Posture]
		b.Every = 54 * time.Minute
		cfg.Breaks[Posture] = b
		e := New(cfg, start)
		acts := drive(t, e, start, start.Add(54*time.Minute), Inputs{})
		if got := types(acts); !reflect.DeepEqual(got, []string{"warn posture", "due posture"}) {
			t.Fatalf("got %v", acts)
		}
		if err := e.Complete(Posture, start.Add(54*time.Minute)); err != nil {
			t.Fatal(err)
		}
		acts = drive(t, e, start.Add(54*time.Minute), start.Add(60*time.Minute), Inputs{})
		if got := types(acts); !reflect.DeepEqual(got, []string{"warn mobility", "due mobility"}) || !acts[1].At.Equal(start.Add(60*time.Minute)) {
			t.Fatalf("got %v", acts)
		}
	})
	t.Run("at 120 minutes rest wins and resets all", func(t *testing.T) {
		cfg := utcConfig()
		cfg.Breaks[Posture] = BreakConfig{Enabled: true, Every: 120 * time.Minute, Duration: 30 * time.Second}
		cfg.Breaks[Mobility] = BreakConfig{Enabled: true, Every: 120 * time.Minute, Duration: 3 * time.Minute}
		e := New(cfg, start)
		acts := drive(t, e, start, start.Add(2*time.Hour), Inputs{})
		last := acts[len(acts)-1]
		if last.Type != Due || last.Kind != Rest || !reflect.DeepEqual(last.Covers, []Kind{Posture, Mobility}) {
			t.Fatalf("got %v", acts)
		}
		for _, a := range acts[:len(acts)-1] {
			if a.Type == Due {
				t.Errorf("a second break: %v", a)
			}
		}
		if err := e.Complete(Rest, start.Add(2*time.Hour+10*time.Minute)); err != nil {
			t.Fatal(err)
		}
		for _, k := range Kinds {
			if got := mustIn(t, e, start, k); got != 120*time.Minute {
				t.Errorf("%s due in %v after rest", k, got)
			}
		}
	})
}

func TestNextNothingScheduled(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	e := New(only(utcConfig()), now)
	if a, ok := e.Next(now); ok {
		t.Fatalf("all kinds disabled, yet Next = %v", a)
	}
	e = New(utcConfig(), now)
	e.Pause(now, 0)
	if a, ok := e.Next(now); ok {
		t.Fatalf("paused until resumed, yet Next = %v", a)
	}
	e.Resume(now.Add(time.Minute))
	if a, ok := e.Next(now); !ok || a.Type != Warn || !a.At.Equal(now.Add(time.Minute+19*time.Minute+50*time.Second)) {
		t.Fatalf("after resume Next = %v, %v", a, ok)
	}
	e.Pause(now.Add(2*time.Minute), 10*time.Minute)
	if a, ok := e.Next(now); !ok || a.Type != Wake || !a.At.Equal(now.Add(12*time.Minute)) {
		t.Fatalf("paused for 10m: Next = %v, %v", a, ok)
	}
}

func TestSetConfigKeepsActiveTime(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	cfg := only(utcConfig(), Posture, Rest)
	e := New(cfg, now)
	now = now.Add(15 * time.Minute)
	if acts := e.Advance(now, Inputs{}); len(acts) != 0 {
		t.Fatalf("before any break: %v", acts)
	}
	cfg = utcConfig()
	cfg.Breaks[Posture] = BreakConfig{Enabled: true, Every: 10 * time.Minute, Duration: 30 * time.Second, WarnBefore: 10 * time.Second}
	cfg.Breaks[Mobility] = BreakConfig{Enabled: true, Every: 30 * time.Minute, Duration: 3 * time.Minute}
	e.SetConfig(cfg, now)
	if got := mustIn(t, e, now, Rest); got != 105*time.Minute {
		t.Errorf("rest due in %v, want 105m (active time kept)", got)
	}
	if got := mustIn(t, e, now, Mobility); got != 30*time.Minute {
		t.Errorf("newly enabled mobility due in %v, want 30m (from zero)", got)
	}
	acts := e.Advance(now, Inputs{})
	if len(acts) != 1 || acts[0].Type != Due || acts[0].Kind != Posture || !acts[0].At.Equal(now) {
		t.Fatalf("posture past its new 10m interval should be due at once, got %v", acts)
	}
	if st := e.Status(now); st.State != InBreak || st.InBreak != Posture {
		t.Errorf("status %+v", st)
	}
}

func TestIdleMarks(t *testing.T) {
	e := New(utcConfig(), time.Now())
	want := []time.Duration{30 * time.Second, 3 * time.Minute, 5 * time.Minute, 10 * time.Minute}
	if got := e.IdleMarks(); !reflect.DeepEqual(got, want) {
		t.Errorf("IdleMarks %v, want %v", got, want)
	}
}

func TestUnknownKind(t *testing.T) {
	now := time.Now()
	e := New(utcConfig(), now)
	if _, err := e.StartNow("nap", now); err == nil || errors.Is(err, ErrDisabled) {
		t.Errorf("StartNow(nap) = %v", err)
	}
	for name, f := range map[string]func(Kind, time.Time) error{"Complete": e.Complete, "Postpone": e.Postpone, "Skip": e.Skip, "Close": e.Close} {
		if err := f("nap", now); err == nil {
			t.Errorf("%s(nap) accepted", name)
		}
	}
	if _, err := ParseKind("nap"); err == nil || !strings.Contains(err.Error(), "expected posture, mobility or rest") {
		t.Errorf("ParseKind error %v", err)
	}
}
