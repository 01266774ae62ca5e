package prefs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeFile(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadMissingFileGivesDefaultsAndNoProblems(t *testing.T) {
	cfg, probs := Load(filepath.Join(t.TempDir(), "none.toml"), Options{Environ: []string{}})
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	if got := cfg.Breaks["posture"]; got.Every != 20*time.Minute || got.Duration != 30*time.Second || !got.Enabled {
		t.Fatalf("posture defaults: %+v", got)
	}
	if cfg.Breaks["rest"].Every != 2*time.Hour || cfg.MaxPostpones != 3 || cfg.ResumeAt != "06:00" {
		t.Fatalf("defaults: %+v", cfg)
	}
}

func TestLoadGoodFile(t *testing.T) {
	p := writeFile(t, `
[breaks]
strict = true
skip_budget = 1

[breaks.posture]
every = "15m"
duration = "45s"

[breaks.rest]
enabled = false
`)
	cfg, probs := Load(p, Options{Environ: []string{}})
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	if cfg.Breaks["posture"].Every != 15*time.Minute || cfg.Breaks["posture"].Duration != 45*time.Second {
		t.Fatalf("posture: %+v", cfg.Breaks["posture"])
	}
	if cfg.Breaks["posture"].WarnBefore != 10*time.Second {
		t.Fatalf("unset key should keep its default: %+v", cfg.Breaks["posture"])
	}
	if cfg.Breaks["rest"].Enabled || !cfg.Strict || cfg.SkipBudget != 1 {
		t.Fatalf("cfg: %+v", cfg)
	}
}

func TestLoadSyntaxErrorNamesLineAndKeepsFile(t *testing.T) {
	text := "[breaks.posture]\nevery = \"15m\"\nduration = 30s\n"
	p := writeFile(t, text)
	cfg, probs := Load(p, Options{Environ: []string{}})
	if len(probs) != 1 {
		t.Fatalf("want one problem, got %v", probs)
	}
	msg := probs[0].String()
	if !strings.HasPrefix(msg, p+":3:") || !strings.Contains(msg, "not valid TOML") {
		t.Fatalf("message %q should name %s line 3", msg, p)
	}
	if cfg.Breaks["posture"].Every != 20*time.Minute {
		t.Fatalf("a broken file gives defaults, got %v", cfg.Breaks["posture"].Every)
	}
	after, _ := os.ReadFile(p)
	if string(after) != text {
		t.Fatal("the broken file was rewritten")
	}
}

func TestLoadBadValueNamesKeyLineAndExpectation(t *testing.T) {
	p := writeFile(t, "[breaks.mobility]\nevery = \"45m\"\nduration = \"banana\"\n\n[breaks]\nmax_postpones = 99\n")
	cfg, probs := Load(p, Options{Environ: []string{}})
	if len(probs) != 2 {
		t.Fatalf("want two problems, got %v", probs)
	}
	var dur, post string
	for _, pr := range probs {
		switch pr.Key {
		case "breaks.mobility.duration":
			dur = pr.String()
		case "breaks.max_postpones":
			post = pr.String()
		}
	}
	if !strings.HasPrefix(dur, p+":3: breaks.mobility.duration:") || !strings.Contains(dur, `"banana" is not a duration`) || !strings.Contains(dur, "between 30s and 15m") {
		t.Fatalf("duration problem: %q", dur)
	}
	if !strings.HasPrefix(post, p+":6: breaks.max_postpones:") || !strings.Contains(post, "from 0 to 20") {
		t.Fatalf("postpone problem: %q", post)
	}
	if cfg.Breaks["mobility"].Every != 45*time.Minute {
		t.Fatal("the good key next to a bad one must still apply")
	}
	if cfg.Breaks["mobility"].Duration != 3*time.Minute || cfg.MaxPostpones != 3 {
		t.Fatalf("bad values fall back to defaults: %+v", cfg)
	}
}

func TestLoadUnknownKeyIsReported(t *testing.T) {
	p := writeFile(t, "[breaks.posture]\nevry = \"15m\"\n")
	_, probs := Load(p, Options{Environ: []string{}})
	if len(probs) != 1 || probs[0].Key != "breaks.posture.evry" || probs[0].Line != 2 {
		t.Fatalf("problems: %v", probs)
	}
}

func TestLoadDurationNotShorterThanInterval(t *testing.T) {
	p := writeFile(t, "[breaks.posture]\nevery = \"5m\"\nduration = \"5m\"\n")
	cfg, probs := Load(p, Options{Environ: []string{}})
	if len(probs) != 1 || !strings.Contains(probs[0].String(), "not shorter than every") {
		t.Fatalf("problems: %v", probs)
	}
	if cfg.Breaks["posture"].Every != 20*time.Minute {
		t.Fatal("an inconsistent break falls back to its defaults")
	}
}

func TestEnvironmentOverridesAreAppliedButNotSaved(t *testing.T) {
	p := writeFile(t, "[breaks.posture]\nevery = \"15m\"\n")
	env := []string{"LIMBER_BREAKS_POSTURE_EVERY=25m", "LIMBER_BREAKS_STRICT=true", "LIMBER_EXERCISES_AVOID_AREAS=neck, eyes"}
	cfg, probs := Load(p, Options{Environ: env})
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	if cfg.Breaks["posture"].Every != 25*time.Minute || !cfg.Strict || strings.Join(cfg.AvoidAreas, ",") != "neck,eyes" {
		t.Fatalf("env not applied: %+v", cfg)
	}
	fileOnly, _ := Load(p, Options{NoEnv: true, Environ: env})
	if fileOnly.Breaks["posture"].Every != 15*time.Minute || fileOnly.Strict {
		t.Fatalf("NoEnv must ignore the environment: %+v", fileOnly)
	}
}

func TestEnvironmentBadValueNamesVariable(t *testing.T) {
	_, probs := Load("", Options{Environ: []string{"LIMBER_BREAKS_REST_EVERY=soon"}})
	if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), "environment: LIMBER_BREAKS_REST_EVERY:") {
		t.Fatalf("problems: %v", probs)
	}
}

func TestEnvName(t *testing.T) {
	if got := EnvName("breaks.posture.warn_before"); got != "LIMBER_BREAKS_POSTURE_WARN_BEFORE" {
		t.Fatal(got)
	}
}

func TestScheduleConversion(t *testing.T) {
	c := Defaults()
	c.ResumeAt = "07:30"
	sc := c.Schedule()
	if sc.ResumeHour != 7*time.Hour+30*time.Minute {
		t.Fatalf("resume hour %v", sc.ResumeHour)
	}
	if sc.Breaks["mobility"].Every != time.Hour || !sc.Breaks["rest"].Enabled {
		t.Fatalf("breaks %+v", sc.Breaks)
	}
}

func TestHoursIdleAndDNDKeys(t *testing.T) {
	p := writeFile(t, `
[idle]
threshold = "15s"

[hours]
enabled = true
monday = ["09:00-12:30", "13:30-17:30"]
saturday = ["22:00-02:00"]
sunday = ["9 to 5"]

[dnd]
apps = ["zoom"]
max_deferral = "10m"
`)
	cfg, probs := Load(p, Options{Environ: []string{}})
	if len(probs) != 1 || probs[0].Key != "hours.sunday" || probs[0].Line != 9 || !strings.Contains(probs[0].Msg, "time ranges") {
		t.Fatalf("problems: %v", probs)
	}
	sc := cfg.Schedule()
	if sc.IdleThreshold != 15*time.Second || sc.MaxDeferral != 10*time.Minute || sc.Hours == nil {
		t.Fatalf("schedule config: %+v", sc)
	}
	if got := len(sc.Hours.Days[time.Monday]); got != 2 {
		t.Fatalf("monday spans: %d", got)
	}
	if got := len(sc.Hours.Days[time.Sunday]); got != 0 {
		t.Fatalf("a bad sunday falls back to its default (none): %d", got)
	}
	if sat := sc.Hours.Days[time.Saturday]; len(sat) != 1 || sat[0].To >= sat[0].From {
		t.Fatalf("saturday crosses midnight: %+v", sat)
	}
	off, _ := Load("", Options{Environ: []string{"LIMBER_IDLE_ENABLED=false"}})
	if off.Schedule().Hours != nil {
		t.Fatal("hours are off by default")
	}
}

func TestKeySetUsesTheLoadersMessages(t *testing.T) {
	c := Defaults()
	k, ok := Lookup("breaks.posture.every")
	if !ok || k.Kind() != "duration" {
		t.Fatal(k)
	}
	if err := k.Set(&c, "1m"); err == nil || !strings.Contains(err.Error(), "between 2m and 8h") {
		t.Fatalf("err = %v", err)
	}
	if err := k.Set(&c, "25m"); err != nil || c.Breaks["posture"].Every != 25*time.Minute {
		t.Fatalf("set: %v %v", err, c.Breaks["posture"])
	}
	if got := k.Format(k.Get(&c)); got != `"25m"` {
		t.Fatal(got)
	}
	bad := Defaults()
	bad.Breaks["rest"] = Break{Enabled: true, Every: 5 * time.Minute, Duration: 10 * time.Minute}
	if p := Check(bad); len(p) != 1 || p[0].Key != "breaks.rest.duration" || bad.Breaks["rest"].Duration != 10*time.Minute {
		t.Fatalf("check: %v (and c must be unchanged)", p)
	}
}
