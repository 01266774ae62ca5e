package prefs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSaveRoundTripAtomicPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "limber")
	p := filepath.Join(dir, "config.toml")
	c := Defaults()
	c.Breaks["posture"] = Break{Enabled: true, Every: 25 * time.Minute, Duration: 40 * time.Second, WarnBefore: 5 * time.Second}
	c.Strict = true
	c.AvoidAreas = []string{"neck"}
	if err := Save(p, c); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("file mode: %v %v", st.Mode(), err)
	}
	if dst, _ := os.Stat(dir); dst.Mode().Perm() != 0o700 {
		t.Fatalf("dir mode %v", dst.Mode())
	}
	got, probs := Load(p, Options{NoEnv: true})
	if len(probs) != 0 {
		t.Fatalf("problems reading back: %v", probs)
	}
	if got.Breaks["posture"] != c.Breaks["posture"] || !got.Strict || strings.Join(got.AvoidAreas, ",") != "neck" {
		t.Fatalf("round trip: %+v", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

func TestSaveKeepsBrokenFileAside(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "config.toml")
	broken := "[breaks\nthis is not toml"
	os.WriteFile(p, []byte(broken), 0o600)
	if err := Save(p, Defaults()); err != nil {
		t.Fatal(err)
	}
	matches, _ := filepath.Glob(p + ".broken-*")
	if len(matches) != 1 {
		t.Fatalf("broken copy: %v", matches)
	}
	kept, _ := os.ReadFile(matches[0])
	if string(kept) != broken {
		t.Fatal("the broken file's text was not kept")
	}
}

func TestMarshalListsEveryKeyWithItsDefault(t *testing.T) {
	text := string(Marshal(Defaults()))
	for _, k := range Keys {
		_, name := splitKey(k.Name)
		if !strings.Contains(text, name+" = ") {
			t.Errorf("key %s missing from the file", k.Name)
		}
	}
	if !strings.Contains(text, "[breaks.posture]\n") || !strings.Contains(text, `every = "20m"`) {
		t.Fatalf("layout:\n%s", text)
	}
}
