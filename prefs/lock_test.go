package prefs

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// writeAdmin writes an administrator's file under a temp etc/ and returns
// its path.
func writeAdmin(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "etc", "limber", "config.toml")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// The scenario: the administrator turns rest breaks off and locks
// that; the person's rest break with duration = every must not bring them
// back through the cross-check's fallback.
func TestCrossCheckFallbackKeepsLockedKeys(t *testing.T) {
	sys := writeAdmin(t, "[admin]\nlocked = [\"breaks.rest.enabled\"]\n[breaks.rest]\nenabled = false\n")
	user := writeFile(t, "[breaks.rest]\nevery = \"30m\"\nduration = \"30m\"\n")
	cfg, probs := Load(user, Options{SystemFiles: []string{sys}, Environ: []string{}})
	if cfg.Breaks["rest"].Enabled {
		t.Fatal("a locked rest.enabled = false came back as true after the cross-check")
	}
	if len(probs) != 1 || probs[0].Key != "breaks.rest.duration" || probs[0].File != user || probs[0].Line != 3 {
		t.Fatalf("problems: %v", probs)
	}
	if cfg.Schedule().Breaks["rest"].Enabled {
		t.Fatal("the engine gets rest breaks")
	}
	// The unlocked keys fall back to the built-in values.
	if b := cfg.Breaks["rest"]; b.Every != 2*time.Hour || b.Duration != 10*time.Minute {
		t.Fatalf("rest after the fallback: %+v", b)
	}
}

// When a cross-check fails, the unlocked keys fall back to the
// administrator's values before the built-in ones.
func TestCrossCheckFallsBackToTheAdministratorsValues(t *testing.T) {
	sys := writeAdmin(t, "[admin]\nlocked = [\"breaks.posture.every\"]\n[breaks.posture]\nevery = \"5m\"\nduration = \"1m\"\nwarn_before = \"20s\"\n")
	user := writeFile(t, "[breaks.posture]\nduration = \"5m\"\nwarn_before = \"0s\"\n")
	cfg, probs := Load(user, Options{SystemFiles: []string{sys}, Environ: []string{}})
	if b := cfg.Breaks["posture"]; b.Every != 5*time.Minute || b.Duration != time.Minute || b.WarnBefore != 20*time.Second {
		t.Fatalf("posture: %+v, want the administrator's 5m, 1m, 20s", b)
	}
	if len(probs) != 1 || probs[0].File != user || probs[0].Line != 2 || probs[0].Key != "breaks.posture.duration" {
		t.Fatalf("problems: %v", probs)
	}
	// A locked duration the person's interval does not fit: the problem
	// names the key they can change, and the locked value stays.
	sys = writeAdmin(t, "[admin]\nlocked = [\"breaks.rest.duration\"]\n[breaks.rest]\nduration = \"30m\"\n")
	user = writeFile(t, "[breaks.rest]\nevery = \"20m\"\n")
	cfg, probs = Load(user, Options{SystemFiles: []string{sys}, Environ: []string{}})
	if b := cfg.Breaks["rest"]; b.Duration != 30*time.Minute || b.Every != 2*time.Hour {
		t.Fatalf("rest: %+v, want the locked 30m and the default every", b)
	}
	if len(probs) != 1 || probs[0].Key != "breaks.rest.every" || probs[0].Line != 2 {
		t.Fatalf("problems: %v", probs)
	}
}

// durationPool and intPool hold values in and out of the keys' ranges.
var (
	durationPool = []string{"0s", "5s", "10s", "30s", "1m", "2m", "3m", "5m", "10m", "15m", "20m", "30m", "1h", "2h", "8h", "9h", "soon"}
	intPool      = []int{-2, -1, 0, 1, 3, 5, 20, 21, 100, 101}
	clockPool    = []string{"00:00", "06:00", "09:30", "23:59", "24:00", "noon"}
	spanPool     = []string{"09:00-17:30", "22:00-02:00", "08:00-12:00", "25:00-26:00"}
)

// randValue is a TOML value for k: any of the pools, valid or not.
func randValue(r *rand.Rand, k Key) string {
	switch k.typ {
	case tBool:
		return fmt.Sprint(r.Intn(2) == 0)
	case tDuration:
		return `"` + durationPool[r.Intn(len(durationPool))] + `"`
	case tInt:
		return fmt.Sprint(intPool[r.Intn(len(intPool))])
	case tString:
		if k.clock {
			return `"` + clockPool[r.Intn(len(clockPool))] + `"`
		}
		return `"x"`
	case tStrings:
		var pool []string
		switch {
		case k.spans:
			pool = spanPool
		case len(k.choices) > 0:
			pool = append([]string{"nope"}, k.choices...)
		default:
			pool = []string{"a", "b"}
		}
		var q []string
		for i := r.Intn(3); i > 0; i-- {
			q = append(q, `"`+pool[r.Intn(len(pool))]+`"`)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	panic(k.Name)
}

// tomlOf renders dotted key = raw value pairs as TOML tables.
func tomlOf(vals map[string]string) string {
	bySection := map[string][]string{}
	for name, raw := range vals {
		sec, key := splitKey(name)
		bySection[sec] = append(bySection[sec], key+" = "+raw)
	}
	var secs []string
	for s := range bySection {
		secs = append(secs, s)
	}
	sort.Strings(secs)
	var b strings.Builder
	for _, s := range secs {
		sort.Strings(bySection[s])
		fmt.Fprintf(&b, "[%s]\n%s\n", s, strings.Join(bySection[s], "\n"))
	}
	return b.String()
}

// Invariant: a locked key always has the administrator's value (or the
// built-in default when the administrator's file does not set it),
// whatever the person's file and the environment say, cross-checks
// included.
func TestLockedKeysAlwaysWin(t *testing.T) {
	seed := time.Now().UnixNano()
	r := rand.New(rand.NewSource(seed))
	t.Logf("seed %d", seed)
	dir := t.TempDir()
	sys := filepath.Join(dir, "sys.toml")
	user := filepath.Join(dir, "user.toml")
	// Most draws are break keys, where the cross-checks live.
	pick := func() Key {
		if r.Intn(3) > 0 {
			return Keys[r.Intn(12)]
		}
		return Keys[r.Intn(len(Keys))]
	}
	for i := 0; i < 400; i++ {
		admin, userVals := map[string]string{}, map[string]string{}
		var locked []string
		for n := r.Intn(8); n > 0; n-- {
			k := pick()
			raw := randValue(r, k)
			if _, err := k.parse(tomlValue(t, raw)); err == nil {
				admin[k.Name] = raw
			}
		}
		for n := 1 + r.Intn(5); n > 0; n-- {
			locked = append(locked, `"`+pick().Name+`"`)
		}
		for n := r.Intn(10); n > 0; n-- {
			k := pick()
			userVals[k.Name] = randValue(r, k)
		}
		// Often a break whose duration is not shorter than its interval.
		if r.Intn(2) == 0 {
			kind := []string{"posture", "mobility", "rest"}[r.Intn(3)]
			d := durationPool[5+r.Intn(6)]
			userVals["breaks."+kind+".every"], userVals["breaks."+kind+".duration"] = `"`+d+`"`, `"`+d+`"`
		}
		adminText := "[admin]\nlocked = [" + strings.Join(locked, ", ") + "]\n" + tomlOf(admin)
		userText := tomlOf(userVals)
		os.WriteFile(sys, []byte(adminText), 0o600)
		os.WriteFile(user, []byte(userText), 0o600)
		var environ []string
		for n := r.Intn(3); n > 0; n-- {
			k := pick()
			environ = append(environ, EnvName(k.Name)+"="+strings.Trim(randValue(r, k), `"[]`))
		}
		cfg, _ := Load(user, Options{SystemFiles: []string{sys}, Environ: environ})
		for name := range cfg.Locked {
			k, _ := keyByName(name)
			want := k.Default
			if raw, ok := admin[name]; ok {
				want, _ = k.parse(tomlValue(t, raw))
			}
			if got := k.Get(&cfg); !reflect.DeepEqual(got, want) {
				t.Fatalf("seed %d, case %d: locked %s is %v, the administrator's value is %v\nadmin file:\n%s\nuser file:\n%s\nenvironment: %q",
					seed, i, name, got, want, adminText, userText, environ)
			}
		}
	}
}

// tomlValue decodes one TOML value the way the loader sees it.
func tomlValue(t *testing.T, raw string) any {
	t.Helper()
	m := map[string]any{}
	if err := toml.Unmarshal([]byte("v = "+raw), &m); err != nil {
		t.Fatalf("%s: %v", raw, err)
	}
	return m["v"]
}
