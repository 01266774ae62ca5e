package prefs

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the loader as the person's file and as
// the administrator's. Load never panics; every Problem names a file and a
// key or a line; and what the loader accepted round-trips: Save writes it,
// and Load reads back the same settings with no problem (only the
// cross-check problems of locked values that do not fit, which no file
// the person writes can fix, come back).
func FuzzLoad(f *testing.F) {
	for _, seed := range [][2]string{
		{"", ""},
		{"[breaks.posture]\nevery = \"15m\"\nduration = \"45s\"\n[breaks]\nstrict = true\nskip_budget = 0\nresume_at = \"00:00\"\n", ""},
		{"[breaks.rest]\nevery = \"30m\"\nduration = \"30m\"\n", "[admin]\nlocked = [\"breaks.rest.enabled\"]\n[breaks.rest]\nenabled = false\n"},
		{"[breaks\nevery = 5", "[admin]\nlocked = \"breaks.strict\"\n"},
		{"[exercises]\ndisabled = [\"a\\\"b\", \"c\\\\d\", \"e\\nf\", \"\\u00e9\\t\"]\n[dnd]\napps = [\"zoom\"]\n", ""},
		{"[hours]\nenabled = true\nmonday = [\"22:00-02:00\"]\ntuesday = [\"25:00-26:00\"]\n[lifting]\ndays = [\"monday\", \"someday\"]\n", "[admin]\nlocked = [\"hours.monday\", \"nope\", 3]\n[hours]\nmonday = [\"08:00-12:00\"]\n"},
		{"[breaks.posture]\nevery = 5\nwarn_before = \"30m\"\nBogus = 1\n[[breaks.mobility]]\nevery = \"1h\"\n", "[breaks.posture]\nevery = \"soon\"\n[admin]\nlocked = [\"breaks.posture.every\"]\n"},
		{"breaks = 3\nidle = { enabled = false, threshold = \"1m\" }\n", "x = 1979-05-27T07:32:00Z\n"},
	} {
		f.Add([]byte(seed[0]), []byte(seed[1]))
	}
	f.Fuzz(func(t *testing.T, user, admin []byte) {
		dir := t.TempDir()
		userPath := filepath.Join(dir, "config.toml")
		adminPath := filepath.Join(dir, "etc", "limber", "config.toml")
		if err := os.MkdirAll(filepath.Dir(adminPath), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(userPath, user, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(adminPath, admin, 0o600); err != nil {
			t.Fatal(err)
		}
		opt := Options{SystemFiles: []string{adminPath}, Environ: []string{}}
		cfg, probs := Load(userPath, opt)
		for _, p := range probs {
			if p.File != userPath && p.File != adminPath {
				t.Fatalf("problem names no file of ours: %+v", p)
			}
			if p.Key == "" && p.Line <= 0 {
				t.Fatalf("problem names neither a key nor a line: %+v", p)
			}
			if p.Msg == "" {
				t.Fatalf("problem without a message: %+v", p)
			}
		}
		for name := range cfg.Locked {
			if _, ok := Lookup(name); !ok {
				t.Fatalf("locked %q is not a setting", name)
			}
		}

		// What was accepted round-trips.
		saved := filepath.Join(dir, "saved.toml")
		if err := Save(saved, cfg); err != nil {
			t.Fatal(err)
		}
		again, probs2 := Load(saved, opt)
		locked := map[string]bool{}
		for _, p := range Check(cfg) {
			locked[p.Key] = true // locked values that do not fit: reported again
		}
		for _, p := range probs2 {
			if p.File == saved && !locked[p.Key] {
				b, _ := os.ReadFile(saved)
				t.Fatalf("the saved file has a problem: %v\n%s", p, b)
			}
		}
		for _, k := range Keys {
			if got, want := k.Get(&again), k.Get(&cfg); !reflect.DeepEqual(got, want) {
				b, _ := os.ReadFile(saved)
				t.Fatalf("%s: saved %#v, read back %#v\n%s", k.Name, want, got, b)
			}
		}
		if !reflect.DeepEqual(again.Locked, cfg.Locked) {
			t.Fatalf("locked: %v, read back %v", cfg.Locked, again.Locked)
		}
	})
}
