package i18n

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

func load(t *testing.T, dir string) *Catalog {
	t.Helper()
	c, err := Load(os.DirFS("testdata"), dir)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestFallbackToEnglish: a key German lacks gives the English text, with
// English plural forms and the placeholders filled, never the key.
func TestFallbackToEnglish(t *testing.T) {
	de := load(t, "two").For([]string{"de-AT", "de", "en"})
	if de.Language() != "de" {
		t.Fatalf("language %q", de.Language())
	}
	for _, c := range []struct{ got, want string }{
		{de.L("greeting", Args{"Name": "Ana"}), "Hallo, Ana"},
		{de.L("only.english"), "Only in English"},
		{de.N("minutes", 1), "1 Minute"},
		{de.N("minutes", 2), "2 Minuten"},
		{de.N("minutes.left", 1, Args{"Kind": "Pause"}), "1 minute left of Pause"},
		{de.N("minutes.left", 3, Args{"Kind": "Pause"}), "3 minutes left of Pause"},
		{de.Decimal(2.5, 1), "2,5"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	en := load(t, "two").For([]string{"fr-FR", "fr", "en"})
	if en.Language() != "en" || en.N("minutes", 1) != "1 minute" || en.N("minutes", 0) != "0 minutes" || en.Decimal(2.5, 1) != "2.5" {
		t.Errorf("French prefs: %q %q %q", en.Language(), en.N("minutes", 1), en.Decimal(2.5, 1))
	}
	// A key nobody has: the key (the check keeps literal keys in en.json).
	if got := de.L("no.such.key"); got != "no.such.key" {
		t.Errorf("unknown key gave %q", got)
	}
}

// TestEveryEnglishKeyFallsBack: for every key of the embedded English
// catalog, a language with an empty catalog gives the English text, never
// the key name.
func TestEveryEnglishKeyFallsBack(t *testing.T) {
	en, err := embedded.ReadFile("translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Load(fstest.MapFS{"t/en.json": {Data: en}, "t/de.json": {Data: []byte("{}")}}, "t")
	if err != nil {
		t.Fatal(err)
	}
	de, english := c.For([]string{"de"}), c.For(nil)
	if de.Language() != "de" {
		t.Fatalf("language %q", de.Language())
	}
	for key, text := range c.Texts("en") {
		for _, n := range []int{1, 2} {
			got, want := de.N(key, n), english.N(key, n)
			if _, plural := text.Forms["one"]; !plural {
				got, want = de.L(key), english.L(key)
			}
			if got != want || got == key {
				t.Errorf("%s: German gave %q, English %q", key, got, want)
			}
		}
	}
}

func TestLoadErrors(t *testing.T) {
	for name, c := range map[string]struct {
		files map[string]string
		want  string
	}{
		"no english":  {map[string]string{"de.json": `{}`}, "no en.json"},
		"bad name":    {map[string]string{"en.json": `{}`, "german.json": `{}`}, "german.json: the file name is not a language tag"},
		"not json":    {map[string]string{"en.json": `{"a": "b",}`}, "en.json: not a JSON object"},
		"bad form":    {map[string]string{"en.json": `{"a": {"single": "x", "other": "y"}}`}, `key "a": "single" is not a plural form`},
		"no other":    {map[string]string{"en.json": `{"a": {"one": "x"}}`}, `key "a": a plural message needs an "other" form`},
		"bad tmpl":    {map[string]string{"en.json": `{"a": "{{.X"}`}, `key "a": template does not parse`},
		"empty":       {map[string]string{"en.json": `{"a": "  "}`}, `key "a": the other form is empty`},
		"number form": {map[string]string{"en.json": `{"a": 3}`}, `key "a": expected a string or an object of plural forms`},
	} {
		fsys := fstest.MapFS{}
		for f, d := range c.files {
			fsys["t/"+f] = &fstest.MapFile{Data: []byte(d)}
		}
		_, err := Load(fsys, "t")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", name, err, c.want)
		}
	}
}

func TestUse(t *testing.T) {
	t.Cleanup(func() { UseLanguages(nil) })
	if got := UseLanguages([]string{"xx", "en"}); got != "en" || Language() != "en" {
		t.Fatalf("got %q", got)
	}
	if L("app.name") != "Limber" {
		t.Fatalf("app.name = %q", L("app.name"))
	}
}
