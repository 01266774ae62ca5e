package content

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// withLangs is the embedded library folder plus language files.
func withLangs(t *testing.T, files map[string]string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(DataFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(p, LangDir+"/") {
			return err
		}
		b, err := fs.ReadFile(DataFS(), p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		m[LangDir+"/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	return m
}

func testLang(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/i18n/xx.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestLoadLangTranslatesAndFallsBack(t *testing.T) {
	fsys := withLangs(t, map[string]string{"xx.toml": testLang(t)})
	en, err := LoadFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := LoadLangFS(fsys, []string{"xx_XX.UTF-8", "en"})
	if err != nil {
		t.Fatal(err)
	}
	if lib.Lang != "xx" || en.Lang != "en" {
		t.Errorf("Lang = %q (English %q), want xx (en)", lib.Lang, en.Lang)
	}
	cc, _ := lib.Exercise("cat-cow")
	ecc, _ := en.Exercise("cat-cow")
	if cc.Name != "Xx Katzenkuh" || cc.Steps[0].Text != "Xx kneel on all fours." || cc.Cautions[1] != "Xx pad your knees." {
		t.Errorf("cat-cow not translated: %q, %q, %q", cc.Name, cc.Steps[0].Text, cc.Cautions[1])
	}
	// Per text, the rest stays English: never a key.
	if cc.Steps[1].Text != ecc.Steps[1].Text || cc.Cautions[0] != ecc.Cautions[0] || cc.Why != ecc.Why {
		t.Errorf("untranslated cat-cow texts changed: %q / %q", cc.Steps[1].Text, cc.Why)
	}
	// Timings, ids and poses stay as they are.
	if cc.Steps[1].Reps != ecc.Steps[1].Reps || len(cc.Animation().Keys) != len(ecc.Animation().Keys) {
		t.Error("translation changed a timing or the animation")
	}
	// Its own source joins the sources, and cat-cow cites it besides
	// the English ones.
	if s := lib.Sources["xx-body"]; s == nil || s.Publisher != "Xx body" {
		t.Errorf("source xx-body = %+v", s)
	}
	if want := append(slices.Clone(ecc.Sources), "xx-body"); !slices.Equal(cc.Sources, want) {
		t.Errorf("cat-cow sources = %v, want %v", cc.Sources, want)
	}
	// Check-in choices: the label is translated, the stored value not.
	for _, c := range lib.Checkins {
		if c.ID == "trend" && (c.Labels[0] != "xx-better" || c.Choices[0] != "better") {
			t.Errorf("trend choice %q label %q, want better / xx-better", c.Choices[0], c.Labels[0])
		}
	}
	var cue *Cue
	for _, c := range lib.Cues {
		if c.ID == "cue-chin-tuck" {
			cue = c
		}
	}
	if cue == nil || cue.Title != "Xx chin tuck" {
		t.Errorf("cue-chin-tuck = %+v", cue)
	}
}

func TestLoadLangChoosesTheFirstLanguageWithAFile(t *testing.T) {
	fsys := withLangs(t, map[string]string{"xx.toml": testLang(t)})
	for _, c := range []struct {
		langs []string
		want  string
	}{
		{[]string{"xx"}, "xx"},
		{[]string{"xx-YY", "en"}, "xx"},
		{[]string{"fr_FR.UTF-8", "xx", "en"}, "xx"}, // no fr file: the next one
		{[]string{"en", "xx"}, "en"},                // English first: English
		{[]string{"fr", "en"}, "en"},
		{nil, "en"},
		{[]string{"C"}, "en"},
	} {
		lib, err := LoadLangFS(fsys, c.langs)
		if err != nil {
			t.Fatalf("%v: %v", c.langs, err)
		}
		if lib.Lang != c.want {
			t.Errorf("LoadLangFS(%q).Lang = %q, want %q", c.langs, lib.Lang, c.want)
		}
	}
}

func TestLangTags(t *testing.T) {
	for in, want := range map[string][]string{
		"de_DE.UTF-8":     {"de-de", "de"},
		"pt-BR":           {"pt-br", "pt"},
		"sr_RS@latin":     {"sr-rs", "sr"},
		"es":              {"es"},
		"C":               {"en"},
		"POSIX":           {"en"},
		"de_AT:de_DE:en":  {"de-at", "de", "de-de", "en"}, // a LANGUAGE list
		"en_GB.ISO8859-1": {"en-gb", "en"},
	} {
		if got := LangTags([]string{in}); !slices.Equal(got, want) {
			t.Errorf("LangTags(%q) = %q, want %q", in, got, want)
		}
	}
}

// problems loads fsys in xx and returns the error's text.
func problems(t *testing.T, text string) string {
	t.Helper()
	fsys := withLangs(t, map[string]string{"xx.toml": text})
	lib, err := LoadLangFS(fsys, []string{"xx"})
	if err == nil {
		t.Fatalf("no error for:\n%s", text)
	}
	if lib == nil || lib.Lang != "en" {
		t.Errorf("a bad language file must give the English library, got %+v", lib)
	} else if e, _ := lib.Exercise("cat-cow"); e.Name != "Cat-cow" {
		t.Errorf("a bad language file changed the library: cat-cow is %q", e.Name)
	}
	var ce *Error
	if !errors.As(err, &ce) || ce.File != "i18n/xx.toml" {
		t.Errorf("error %v does not name i18n/xx.toml", err)
	}
	return err.Error()
}

func TestLoadLangRejects(t *testing.T) {
	good := `"exercise.cat-cow.name" = "Xx"` + "\n"
	for _, c := range []struct{ name, text, want string }{
		{"unknown key", good + `"exercise.cat-cow.nmae" = "Xx"`, `i18n/xx.toml:2: exercise.cat-cow.nmae: unknown key`},
		{"unknown item", good + "\n" + `"exercise.no-such.name" = "Xx"`, `i18n/xx.toml:3: exercise.no-such.name: unknown key`},
		{"step out of range", `"exercise.cat-cow.steps.9.text" = "Xx"`, `i18n/xx.toml:1: exercise.cat-cow.steps.9.text: unknown key`},
		{"an id is no text", `"exercise.cat-cow.id" = "xx"`, `exercise.cat-cow.id: unknown key`},
		{"bare key", good + `exercise.cat-cow.why = "Xx"`, `i18n/xx.toml:2: exercise: unknown key: write each key in quotes`},
		{"empty text", good + `"exercise.cat-cow.why" = "  "`, `i18n/xx.toml:2: exercise.cat-cow.why: empty text`},
		{"not a text", `"exercise.cat-cow.why" = 3`, `i18n/xx.toml:1: exercise.cat-cow.why: expected a text`},
		{"placeholder added", good + `"cue.cue-chin-tuck.title" = "Xx {{.Count}}"`, `i18n/xx.toml:2: cue.cue-chin-tuck.title: placeholders differ from English: not in English [Count]`},
		{"not a template", good + `"cue.cue-chin-tuck.title" = "Xx {{.Count"`, `i18n/xx.toml:2: cue.cue-chin-tuck.title: template does not parse`},
		{"bad toml", good + `"exercise.cat-cow.why" = "Xx`, `i18n/xx.toml:2`},
		{"duplicate key", good + good, `i18n/xx.toml:2`},
		{"unknown source", `"exercise.cat-cow.sources+" = ["no-such"]`, `i18n/xx.toml:1: exercise.cat-cow.sources+: unknown source id "no-such"`},
		{"sources of no item", `"exercise.no-such.sources+" = ["nhs"]`, `exercise.no-such.sources+: unknown key`},
		{"empty sources", `"exercise.cat-cow.sources+" = []`, `exercise.cat-cow.sources+: expected a non-empty list`},
		{"source taken", good + "[[source]]\nid = \"nhs\"\ntitle = \"X\"\npublisher = \"X\"\n", `i18n/xx.toml:3: source "nhs": id: duplicate source id`},
		{"source lacks publisher", good + "[[source]]\nid = \"xx-a\"\ntitle = \"X\"\n", `i18n/xx.toml:3: source "xx-a": publisher: missing (required)`},
		{"source unknown field", good + "[[source]]\nid = \"xx-a\"\ntitle = \"X\"\npublisher = \"X\"\nauthor = \"Y\"\n", `i18n/xx.toml:6: source.author: unknown key`},
		{"other table", good + "[exercise]\nname = \"X\"\n", `i18n/xx.toml:2: unexpected table [exercise]`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := problems(t, c.text); !strings.Contains(got, c.want) {
				t.Errorf("error:\n  %s\nwant it to contain:\n  %s", got, c.want)
			}
		})
	}
}

// A translated template keeps English's placeholders (in any order).
func TestPlaceholdersMustMatchEnglish(t *testing.T) {
	lib := loadLib(t)
	lib.Cues[0].Text = "Hold for {{.Seconds}} s, {{ .Count }} times."
	key := "cue." + lib.Cues[0].ID + ".text"
	for text, ok := range map[string]bool{
		"{{.Count}} Mal, je {{.Seconds}} s.": true,
		"{{.Count}} Mal.":                    false,
		"{{.Count}} Mal, {{.Secs}} s.":       false,
		"{{.Count}} {{.Count}} {{.Seconds}}": true, // the same names: repeats are fine
		"Nur Text.":                          false,
	} {
		err := lib.Localize("xx", "i18n/xx.toml", []byte(fmt.Sprintf("%q = %q\n", key, text)))
		if (err == nil) != ok {
			t.Errorf("%q: error %v, want ok=%v", text, err, ok)
		}
		if err != nil && !strings.Contains(err.Error(), "placeholders") {
			t.Errorf("%q: error %v does not say placeholders", text, err)
		}
	}
}

// The check: a file that lacks a key English has, or has one English no
// longer has, fails; a complete one passes.
func TestCheckLang(t *testing.T) {
	lib := loadLib(t)
	full := string(lib.DumpTexts())
	if errs := lib.CheckLang("i18n/xx.toml", []byte(full)); len(errs) > 0 {
		t.Fatalf("the full dump: %v", errs)
	}
	// Missing: cat-cow's name.
	lack := strings.Replace(full, `"exercise.cat-cow.name" = "Cat-cow"`+"\n", "", 1)
	errs := lib.CheckLang("i18n/xx.toml", []byte(lack))
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `i18n/xx.toml: exercise.cat-cow.name: missing: English has "Cat-cow"`) {
		t.Errorf("lacking cat-cow's name: %v", errs)
	}
	// Extra: a text English no longer has (its step 3 dropped).
	lib.Exercises[0].Steps = lib.Exercises[0].Steps[:2]
	key := "exercise." + lib.Exercises[0].ID + ".steps.3.text"
	errs = lib.CheckLang("i18n/xx.toml", []byte(full))
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), key+": unknown key") {
		t.Errorf("a step English dropped: %v", errs)
	}
	// The test-only language is incomplete: the check says so.
	errs = loadLib(t).CheckLang("i18n/xx.toml", []byte(testLang(t)))
	if n := len(loadLib(t).Texts()) - 7; len(errs) != n {
		t.Errorf("xx: %d problems, want %d missing", len(errs), n)
	}
	miss := loadLib(t).MissingTexts("i18n/xx.toml", []byte(testLang(t)))
	if n := len(loadLib(t).Texts()) - 7; len(miss) != n || slices.ContainsFunc(miss, func(x Text) bool { return x.Key == "exercise.cat-cow.name" }) {
		t.Errorf("xx: %d missing texts (want %d), cat-cow's name among them: %v", len(miss), n, miss[:3])
	}
	if got := string(FormatTexts(miss[:1])); !strings.HasPrefix(got, "\n# "+miss[0].Item) || !strings.Contains(got, quoteTOML(miss[0].Key)+" = ") {
		t.Errorf("FormatTexts = %q", got)
	}
}

// Invariant, over random subsets of keys translated: a translated key
// shows its translation, every other text its English, and the keys and
// their number never change.
func TestLocalizeRandomSubsets(t *testing.T) {
	seed := rand.Int63()
	r := rand.New(rand.NewSource(seed))
	en := loadLib(t).Texts()
	for round := 0; round < 20; round++ {
		lib := loadLib(t)
		chosen := map[string]string{}
		var b strings.Builder
		for _, tx := range en {
			if r.Intn(4) == 0 {
				chosen[tx.Key] = fmt.Sprintf("xx%d %s", r.Intn(1000), tx.Text)
				fmt.Fprintf(&b, "%s = %s\n", quoteTOML(tx.Key), quoteTOML(chosen[tx.Key]))
			}
		}
		if err := lib.Localize("xx", "i18n/xx.toml", []byte(b.String())); err != nil {
			t.Fatalf("seed %d round %d: %v", seed, round, err)
		}
		got := lib.Texts()
		if len(got) != len(en) {
			t.Fatalf("seed %d: %d texts after, %d before", seed, len(got), len(en))
		}
		for i, tx := range got {
			want := en[i].Text
			if s, ok := chosen[tx.Key]; ok {
				want = s
			}
			if tx.Key != en[i].Key || tx.Text != want {
				t.Fatalf("seed %d round %d: %s = %q, want %s = %q", seed, round, tx.Key, tx.Text, en[i].Key, want)
			}
		}
	}
}

// Loading a language does not change another library loaded before.
func TestLoadLangLeavesOtherLibrariesAlone(t *testing.T) {
	en := loadLib(t)
	fsys := withLangs(t, map[string]string{"xx.toml": testLang(t)})
	if _, err := LoadLangFS(fsys, []string{"xx"}); err != nil {
		t.Fatal(err)
	}
	if e, _ := en.Exercise("cat-cow"); e.Name != "Cat-cow" {
		t.Errorf("English library changed: %q", e.Name)
	}
}

// The general exercise cautions are library texts (cautions.toml, where =
// "exercise"), so they are translated like the rest.
func TestGeneralCautionsAreTranslated(t *testing.T) {
	lib := loadLib(t)
	gen := lib.GeneralCautions()
	if len(gen) != 3 || !strings.HasPrefix(gen[0].Text, "Move slowly and breathe") || !strings.HasPrefix(gen[2].Text, "After recent surgery") {
		t.Fatalf("general cautions = %+v", gen)
	}
	for _, c := range gen {
		if len(c.Sources) == 0 {
			t.Errorf("%s has no sources", c.ID)
		}
	}
	key := "caution." + gen[0].ID + ".text"
	if err := lib.Localize("xx", "i18n/xx.toml", []byte(quoteTOML(key)+` = "Xx langsam"`)); err != nil {
		t.Fatal(err)
	}
	if got := lib.GeneralCautions()[0].Text; got != "Xx langsam" {
		t.Errorf("translated general caution = %q", got)
	}
}

// FuzzLocalize: arbitrary bytes as a language file never panic the loader;
// they either apply or are refused whole, each problem naming the file,
// and a refused file leaves every text English.
func FuzzLocalize(f *testing.F) {
	f.Add([]byte(`"exercise.cat-cow.name" = "Xx"`))
	f.Add([]byte("exercise.cat-cow.name = 3\n[[source]]\nid = \"nhs\"\n"))
	f.Add([]byte("\"cue.cue-chin-tuck.text\" = \"{{.X}}\"\n\"exercise.cat-cow.sources+\" = [1]\n[x]\n"))
	f.Add([]byte(testLangFile))
	en, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	want := en.Texts()
	f.Fuzz(func(t *testing.T, b []byte) {
		lib, err := Load()
		if err != nil {
			t.Fatal(err)
		}
		if err := lib.Localize("xx", "i18n/xx.toml", b); err != nil {
			for _, e := range unjoin(err) {
				var ce *Error
				if !errors.As(e, &ce) || ce.File != "i18n/xx.toml" {
					t.Fatalf("problem %v does not name i18n/xx.toml", e)
				}
			}
			if got := lib.Texts(); !slices.Equal(got, want) || lib.Lang != "en" {
				t.Fatalf("a refused file changed the library")
			}
		}
	})
}

// testLangFile is testdata/i18n/xx.toml, for the fuzz corpus.
var testLangFile = func() string {
	b, _ := os.ReadFile("testdata/i18n/xx.toml")
	return string(b)
}()
