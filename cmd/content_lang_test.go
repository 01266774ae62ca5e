package cmd

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/limberapp/limber/content"
)

// withTestLanguage makes the content library the embedded one plus the
// test-only language xx (content/testdata/i18n/xx.toml), and sets the
// environment's language to lang.
func withTestLanguage(t *testing.T, lang string) {
	t.Helper()
	withLanguageFile(t, lang, "xx", "../content/testdata/i18n/xx.toml")
}

// withLanguageFile makes the content library the embedded one plus file
// as the language tag's file, and sets the environment's language to lang.
func withLanguageFile(t *testing.T, lang, tag, file string) {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(content.DataFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(content.DataFS(), p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	m["i18n/"+tag+".toml"] = &fstest.MapFile{Data: b}
	old := contentData
	contentData = func() fs.FS { return m }
	t.Cleanup(func() { contentData = old })
	for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LIMBER_CONFIG"} {
		t.Setenv(k, "")
	}
	t.Setenv("LANG", lang)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // no ui.language setting
}

func TestContentShowInThePersonsLanguage(t *testing.T) {
	withTestLanguage(t, "xx_XX.UTF-8")
	out, err := runContent(t, "show", "cat-cow")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Xx Katzenkuh (exercise cat-cow)", "1. Xx kneel on all fours.", "Xx pad your knees.",
		"Breathe out and round your back up", // not translated in xx: English
		"Xx national guidance"} {             // xx's own source, cited
		if !strings.Contains(out, want) {
			t.Errorf("content show cat-cow under LANG=xx_XX lacks %q:\n%s", want, out)
		}
	}
	out, err = runContent(t, "list", "--type", "exercise")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Xx Katzenkuh") {
		t.Errorf("content list under LANG=xx_XX lacks the translated name:\n%s", out)
	}

	withTestLanguage(t, "en_US.UTF-8")
	out, err = runContent(t, "show", "cat-cow")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Cat-cow (exercise cat-cow)") || strings.Contains(out, "Xx") {
		t.Errorf("content show cat-cow under LANG=en_US:\n%s", out)
	}
}

// The recovery commands print the plan's phases in the person's language.
func TestRecoveryInThePersonsLanguage(t *testing.T) {
	withTestLanguage(t, "xx_XX.UTF-8")
	f := newRecoveryFixture(t)
	out, _, err := f.run(t, "start", "--since", "2026-03-04", "--pain", "6")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Phase: Xx protect (first days)") {
		t.Errorf("recovery start under LANG=xx_XX:\n%s", out)
	}
	out, _, err = f.run(t, "status")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Xx protect (first days)") {
		t.Errorf("recovery status under LANG=xx_XX:\n%s", out)
	}
	f.now = f.now.AddDate(0, 0, 2)
	out, _, err = f.run(t, "checkin", "--pain", "3", "--function", "better")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Phase: Xx mobilize") {
		t.Errorf("recovery checkin under LANG=xx_XX:\n%s", out)
	}
}

// The example: LANG=de_DE.UTF-8 limber content show cat-cow
// prints German (with a German sample of cat-cow's texts as de.toml).
func TestContentShowCatCowInGerman(t *testing.T) {
	withLanguageFile(t, "de_DE.UTF-8", "de", "../content/testdata/i18n/de-cat-cow.toml")
	out, err := runContent(t, "show", "cat-cow")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Katze-Kuh (exercise cat-cow)", "1. Gehen Sie in den Vierfüßlerstand", "(Katze)", "Polstern Sie die Knie", "Bewegen Sie sich langsam"} {
		if !strings.Contains(out, want) {
			t.Errorf("content show cat-cow under LANG=de_DE.UTF-8 lacks %q:\n%s", want, out)
		}
	}
}

// The ui.language setting chooses the content's language over the
// desktop's.
func TestContentFollowsTheLanguageSetting(t *testing.T) {
	withLanguageFile(t, "en_US.UTF-8", "de", "../content/testdata/i18n/de-cat-cow.toml")
	cfg := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(cfg, []byte("[ui]\nlanguage = \"de\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("LIMBER_CONFIG", cfg)
	lib, err := loadContent()
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := lib.Exercise("cat-cow"); lib.Lang != "de" || e.Name != "Katze-Kuh" {
		t.Errorf("with ui.language = de under LANG=en_US: Lang %q, cat-cow %q", lib.Lang, e.Name)
	}
}
