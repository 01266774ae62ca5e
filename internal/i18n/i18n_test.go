package i18n

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestLanguagesExamples(t *testing.T) {
	for _, c := range []struct {
		env     map[string]string
		setting string
		want    []string
	}{
		{nil, "", []string{"en"}},
		{map[string]string{"LANG": "de_DE.UTF-8"}, "auto", []string{"de-DE", "de", "en"}},
		{map[string]string{"LANG": "de_DE.UTF-8"}, "es", []string{"es", "de-DE", "de", "en"}},
		{map[string]string{"LANG": "de_DE.UTF-8", "LC_ALL": "es_ES.UTF-8"}, "", []string{"es-ES", "es", "en"}},
		{map[string]string{"LANG": "de_DE.UTF-8", "LC_MESSAGES": "es_MX"}, "", []string{"es-MX", "es", "en"}},
		{map[string]string{"LANG": "de_DE.UTF-8", "LC_ALL": "C.UTF-8"}, "", []string{"en"}},
		{map[string]string{"LANG": "POSIX", "LANGUAGE": "de"}, "", []string{"en"}},
		{map[string]string{"LANG": "fr_FR.UTF-8", "LANGUAGE": "de_AT:de:es"}, "", []string{"de-AT", "de", "es", "fr-FR", "fr", "en"}},
		{map[string]string{"LANGUAGE": "de"}, "", []string{"de", "en"}},
		{map[string]string{"LANG": "sr_RS.UTF-8@latin"}, "", []string{"sr-RS", "sr", "en"}},
		{map[string]string{"LANG": "en_GB.UTF-8", "LANGUAGE": "en_GB:de"}, "", []string{"en-GB", "en"}},
		{map[string]string{"LANG": "de_DE.UTF-8"}, "en", []string{"en"}},
		{map[string]string{"LANG": "???", "LANGUAGE": "::x1:"}, "Auto", []string{"en"}},
		{map[string]string{"LANG": "es_419"}, "de-de", []string{"de-DE", "de", "es-419", "es", "en"}},
	} {
		if got := Languages(env(c.env), c.setting); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Languages(%v, %q) = %q, want %q", c.env, c.setting, got, c.want)
		}
	}
}

// pieces the random environments are made of: good locales, odd ones and
// junk.
var pieces = []string{"", "C", "C.UTF-8", "POSIX", "en", "en_US.UTF-8", "en_GB", "de", "de_DE.UTF-8",
	"de_AT@euro", "es", "es_ES.utf8", "es_419", "fr_FR", "pt_BR", "zh_Hant", "sr_RS@latin", "x", "123",
	"de-DE", "DE", "toolong_XX", "ja_JP.eucJP", " de "}

func pick(r *rand.Rand) string { return pieces[r.Intn(len(pieces))] }

// TestLanguagesInvariants checks, on random environments, that the list
// ends in English, has no duplicates, puts the setting first, holds only
// normalized tags each with its bare language, and that LC_ALL overrides
// LC_MESSAGES and LANG.
func TestLanguagesInvariants(t *testing.T) {
	seed := time.Now().UnixNano()
	r := rand.New(rand.NewSource(seed))
	for i := 0; i < 20000; i++ {
		m := map[string]string{}
		for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if r.Intn(2) == 0 {
				m[k] = pick(r)
			}
		}
		if r.Intn(2) == 0 {
			var l []string
			for n := r.Intn(4); n >= 0; n-- {
				l = append(l, pick(r))
			}
			m["LANGUAGE"] = strings.Join(l, ":")
		}
		setting := []string{"", "auto", pick(r)}[r.Intn(3)]
		got := Languages(env(m), setting)
		fail := func(why string) {
			t.Fatalf("seed %d: Languages(%q, %q) = %q: %s", seed, m, setting, got, why)
		}
		if len(got) == 0 || got[len(got)-1] != English {
			fail("does not end in English")
		}
		seen := map[string]bool{}
		for _, g := range got {
			if seen[g] {
				fail("duplicate " + g)
			}
			seen[g] = true
			if n, ok := Normalize(g); !ok || n != g {
				fail("not a normalized tag: " + g)
			}
		}
		for _, g := range got {
			if !seen[Base(g)] {
				fail("no bare language for " + g)
			}
		}
		if tags := expand(setting); setting != "auto" && len(tags) > 0 && got[0] != tags[0] {
			fail("setting not first")
		}
		// With no setting and no LANGUAGE, the first set of LC_ALL,
		// LC_MESSAGES, LANG decides alone.
		if setting == "" || setting == "auto" {
			delete(m, "LANGUAGE")
			first := ""
			for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
				if m[k] != "" {
					first = m[k]
					break
				}
			}
			want := expand(first)
			if len(want) == 0 || want[len(want)-1] != English {
				want = append(want, English)
			}
			if again := Languages(env(m), setting); !reflect.DeepEqual(again, want) {
				t.Fatalf("seed %d: Languages(%q) = %q, want %q", seed, m, again, want)
			}
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"de_DE.UTF-8": "de-DE", "de-de": "de-DE", "ES": "es",
		"zh_hant": "zh-Hant", "es_419": "es-419", "sr_RS@latin": "sr-RS", "": "", "d": "", "de_DE_x": "", "de_D": ""} {
		got, ok := Normalize(in)
		if got != want || ok != (want != "") {
			t.Errorf("Normalize(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestWithSystem(t *testing.T) {
	ui := func() []string { return []string{"es-ES", "en-US"} }
	if got := Languages(withSystem(env(nil), ui), ""); !reflect.DeepEqual(got, []string{"es-ES", "es", "en-US", "en"}) {
		t.Errorf("no variables: %q", got)
	}
	if got := Languages(withSystem(env(map[string]string{"LANG": "de_DE"}), ui), ""); !reflect.DeepEqual(got, []string{"de-DE", "de", "en"}) {
		t.Errorf("LANG set: %q", got)
	}
}

func TestDecimal(t *testing.T) {
	for _, c := range []struct {
		tag  string
		v    float64
		prec int
		want string
	}{
		{"en", 2.5, 1, "2.5"}, {"de", 2.5, 1, "2,5"}, {"de-DE", 1.234, 2, "1,23"}, {"de-CH", 2.5, 1, "2.5"},
		{"es-ES", 0.85, 2, "0,85"}, {"es-MX", 0.85, 2, "0.85"}, {"es", 3, 0, "3"}, {"de", -0.01, 1, "0,0"},
		{"de", -1.5, 1, "-1,5"}, {"xx", 2.5, 1, "2.5"},
	} {
		if got := Decimal(c.tag, c.v, c.prec); got != c.want {
			t.Errorf("Decimal(%q, %v, %d) = %q, want %q", c.tag, c.v, c.prec, got, c.want)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	got, err := Placeholders("{{.Minutes}} min, {{if .Strict}}strict {{.Count}}{{end}} {{.Minutes}}")
	if err != nil || !reflect.DeepEqual(got, []string{"Count", "Minutes", "Strict"}) {
		t.Fatalf("got %q, %v", got, err)
	}
	if _, err := Placeholders("{{.Minutes"); err == nil {
		t.Fatal("a broken template parsed")
	}
	if err := SamePlaceholders("{{.A}} and {{.B}}", "{{.B}} und {{.A}}"); err != nil {
		t.Fatal(err)
	}
	err = SamePlaceholders("{{.A}} and {{.B}}", "{{.A}} und {{.C}}")
	if err == nil || !strings.Contains(err.Error(), "missing [B]") || !strings.Contains(err.Error(), "not in English [C]") {
		t.Fatalf("got %v", err)
	}
}
