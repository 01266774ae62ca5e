package prefs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestAdminLayerIsUnderTheUserAndLocksKeys(t *testing.T) {
	dir := t.TempDir()
	sys := filepath.Join(dir, "etc", "limber", "config.toml")
	os.MkdirAll(filepath.Dir(sys), 0o755)
	os.WriteFile(sys, []byte(`
[admin]
locked = ["breaks.strict", "breaks.rest.every"]

[breaks]
strict = true
skip_budget = 1

[breaks.rest]
every = "90m"

[breaks.posture]
every = "25m"
`), 0o644)
	user := writeFile(t, "[breaks]\nstrict = false\nskip_budget = 5\n\n[breaks.posture]\nevery = \"15m\"\n")
	cfg, probs := Load(user, Options{SystemFiles: []string{sys}, Environ: []string{"LIMBER_BREAKS_REST_EVERY=3h"}})
	if !cfg.Strict || cfg.Breaks["rest"].Every != 90*time.Minute {
		t.Fatalf("locked keys keep the administrator's value: strict=%v rest=%v", cfg.Strict, cfg.Breaks["rest"].Every)
	}
	if cfg.SkipBudget != 5 || cfg.Breaks["posture"].Every != 15*time.Minute {
		t.Fatalf("unlocked keys: the user's file wins: %+v", cfg)
	}
	if !strings.Contains(cfg.Locked["breaks.strict"], sys) {
		t.Fatalf("locked reason: %q", cfg.Locked)
	}
	if len(probs) != 1 || probs[0].Key != "breaks.strict" || probs[0].Line != 2 || !strings.Contains(probs[0].Msg, "locked") {
		t.Fatalf("problems: %v", probs)
	}
	// With no user file the administrator's values are the defaults.
	cfg2, _ := Load(filepath.Join(dir, "none.toml"), Options{SystemFiles: []string{sys}, Environ: []string{}})
	if cfg2.Breaks["posture"].Every != 25*time.Minute || cfg2.SkipBudget != 1 {
		t.Fatalf("system defaults: %+v", cfg2)
	}
}

// On Windows the administrator's layer is %ProgramData%\Limber\config.toml
// (what an MSI or group policy writes), whatever XDG says.
func TestSystemFilesOnWindows(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"ProgramData": `C:\ProgramData`}, `C:\ProgramData\Limber\config.toml`},
		{map[string]string{"ProgramData": `D:\PD\`, "XDG_CONFIG_DIRS": "/etc/xdg"}, `D:\PD\Limber\config.toml`},
		{map[string]string{"XDG_CONFIG_DIRS": "/etc/xdg"}, ""},
		{map[string]string{"ProgramData": `relative`}, ""},
	} {
		if got := strings.Join(systemFilesFor("windows", env(c.env)), ","); got != c.want {
			t.Errorf("%v: %q, want %q", c.env, got, c.want)
		}
	}
	if got := systemFilesFor("linux", env(map[string]string{"ProgramData": `C:\ProgramData`})); len(got) != 1 || got[0] != "/etc/xdg/limber/config.toml" {
		t.Errorf("linux with a ProgramData variable: %q", got)
	}
}

func TestSystemFilesFollowXDG(t *testing.T) {
	t.Setenv("XDG_CONFIG_DIRS", "/opt/a:/opt/b:relative")
	got := strings.Join(SystemFiles(), ",")
	if got != "/opt/a/limber/config.toml,/opt/b/limber/config.toml" {
		t.Fatal(got)
	}
	t.Setenv("XDG_CONFIG_DIRS", "")
	if SystemFiles()[0] != "/etc/xdg/limber/config.toml" {
		t.Fatal(SystemFiles())
	}
}

func TestSavingWithLockedKeysLeavesThemOut(t *testing.T) {
	dir := t.TempDir()
	sys := filepath.Join(dir, "sys.toml")
	os.WriteFile(sys, []byte("[admin]\nlocked = [\"breaks.strict\"]\n[breaks]\nstrict = true\n"), 0o644)
	user := filepath.Join(dir, "config.toml")
	cfg, _ := Load(user, Options{SystemFiles: []string{sys}, Environ: []string{}})
	if err := Save(user, cfg); err != nil {
		t.Fatal(err)
	}
	again, probs := Load(user, Options{SystemFiles: []string{sys}, Environ: []string{}})
	if len(probs) != 0 || !again.Strict {
		t.Fatalf("after saving, a locked key must not be reported: %v", probs)
	}
	b, _ := os.ReadFile(user)
	if !strings.Contains(string(b), "# strict = true") {
		t.Fatalf("the locked key should be a comment:\n%s", b)
	}
}

// A bad value falls back to the administrator's value, and a bad value in
// the administrator's file is reported against that file.
func TestBadValuesFallBackToTheAdministratorsAndNameTheirFile(t *testing.T) {
	sys := writeAdmin(t, "[admin]\nlocked = [\"breaks.postpone_for\"]\n\n[breaks]\nskip_budget = 1\nmax_postpones = 99\npostpone_for = \"soon\"\n")
	user := writeFile(t, "[breaks]\nskip_budget = \"many\"\n")
	cfg, probs := Load(user, Options{SystemFiles: []string{sys}, Environ: []string{}})
	if cfg.SkipBudget != 1 {
		t.Fatalf("skip budget %d, want the administrator's 1", cfg.SkipBudget)
	}
	if cfg.MaxPostpones != 3 || cfg.PostponeFor != 5*time.Minute {
		t.Fatalf("bad administrator's values keep the defaults: %d, %v", cfg.MaxPostpones, cfg.PostponeFor)
	}
	want := map[string]Problem{
		"breaks.skip_budget":   {File: user, Line: 2},
		"breaks.max_postpones": {File: sys, Line: 6},
		"breaks.postpone_for":  {File: sys, Line: 7},
	}
	if len(probs) != len(want) {
		t.Fatalf("problems: %v", probs)
	}
	for _, p := range probs {
		w, ok := want[p.Key]
		if !ok || p.File != w.File || p.Line != w.Line {
			t.Fatalf("problem %v, want %s:%d", p, w.File, w.Line)
		}
	}
	if !strings.Contains(probs[0].Msg+probs[1].Msg+probs[2].Msg, "using the administrator's 1") {
		t.Fatalf("messages: %v", probs)
	}
}
