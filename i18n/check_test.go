package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/limberapp/limber/prefs"
)

// TestCatalogsMatchEnglish is the check `make unit` runs: every language
// has exactly English's keys, the same kind of message, and the same
// placeholders in every form.
func TestCatalogsMatchEnglish(t *testing.T) {
	c, err := Load(embedded, "translations") // every file parsed, strictly
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range Check(c) {
		t.Error(p)
	}
}

// TestSourceKeysInEnglish: every literal key the Go sources pass to L or N
// is in en.json, as the right kind, with a value for each placeholder.
func TestSourceKeysInEnglish(t *testing.T) {
	uses, _, err := Uses("..")
	if err != nil {
		t.Fatal(err)
	}
	if len(uses) == 0 {
		t.Fatal("found no uses of i18n.L or i18n.N: the scan is broken")
	}
	for _, p := range CheckUses(Default(), uses) {
		t.Error(p)
	}
}

// TestCheckCatches: the check reports each kind of mismatch.
func TestCheckCatches(t *testing.T) {
	c := load(t, "two")
	got := strings.Join(Check(c), "\n")
	for _, want := range []string{`de.json: key "only.english" is missing`, `de.json: key "minutes.left" is missing`} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
	c.raw["de"]["gone"] = Text{Forms: map[string]string{"other": "weg"}}
	c.raw["de"]["greeting"] = Text{Forms: map[string]string{"other": "Hallo, {{.Nom}}"}}
	c.raw["de"]["only.english"] = Text{Forms: map[string]string{"one": "x", "other": "y"}}
	got = strings.Join(Check(c), "\n")
	for _, want := range []string{`de.json: key "gone" is not in en.json`, `de.json: key "greeting", form other: placeholders differ from English: missing [Name] not in English [Nom]`,
		`de.json: key "only.english": English is a plain string, this is a plural message`} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
}

// TestUsesCatches: the source scan finds literal keys, their kind and
// their arguments, and CheckUses reports what does not match en.json.
func TestUsesCatches(t *testing.T) {
	dir := t.TempDir()
	src := `package x

import t "github.com/limberapp/limber/i18n"

func f(k string, n int) {
	_ = t.L("greeting", t.Args{"Name": "a"})
	_ = t.L("greeting")
	_ = t.L("greeting", t.Args{"Nom": "a"})
	_ = t.L("missing.key")
	_ = t.N("minutes", n)
	_ = t.L("minutes")
	_ = t.N("minutes.left", n, t.Args{"Kind": "x"})
	_ = t.L(k)
}
`
	if err := os.WriteFile(dir+"/x.go", []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	uses, dynamic, err := Uses(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(uses) != 7 || len(dynamic) != 1 {
		t.Fatalf("uses %v, dynamic %v", uses, dynamic)
	}
	got := strings.Join(CheckUses(load(t, "two"), uses), "\n")
	for _, want := range []string{
		`x.go:7: key "greeting" needs the placeholders [Name]`,
		`x.go:8: key "greeting": no value for the placeholder Name`,
		`x.go:8: key "greeting" has no placeholder Nom`,
		`x.go:9: key "missing.key" is not in en.json`,
		`x.go:11: key "minutes" is a plural message; use N`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != 5 {
		t.Errorf("%d problems, want 5:\n%s", n, got)
	}
}

// TestEveryKeyHasALabel: the settings window labels each setting from the
// catalog, so every prefs key has a settings.key.<name> message.
func TestEveryKeyHasALabel(t *testing.T) {
	for _, k := range prefs.Keys {
		if !Has("settings.key." + k.Name) {
			t.Errorf("en.json has no settings.key.%s (the settings window's label of %s)", k.Name, k.Name)
		}
	}
}

// TestComputedKeys: the keys code builds from ids (a break kind's parts, a
// state, a calendar item, a weekday, a month, an area) are all in en.json,
// so no person reads a key name.
func TestComputedKeys(t *testing.T) {
	var keys []string
	for _, k := range []string{"posture", "mobility", "rest"} {
		for _, part := range []string{"title", "name", "short", "word", "body", "due"} {
			keys = append(keys, "break."+k+"."+part)
		}
		keys = append(keys, "plan.count."+k)
	}
	for _, s := range []string{"running", "paused", "idle", "in_break", "outside_hours"} {
		keys = append(keys, "cli.state."+s)
	}
	for _, c := range []string{"lifting", "lifting-day", "workstation", "recovery-checkin"} {
		keys = append(keys, "calendar."+c+".title", "calendar."+c+".body")
	}
	for _, th := range []string{"ice", "heat"} {
		for _, part := range []string{"started", "advice", "failed", "done"} {
			keys = append(keys, "thermal."+th+"."+part)
		}
	}
	for _, d := range []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"} {
		keys = append(keys, "weekday."+d, "weekday."+d+".short")
	}
	for m := 1; m <= 12; m++ {
		keys = append(keys, "month."+strconv.Itoa(m), "month."+strconv.Itoa(m)+".short")
	}
	for _, v := range []string{"wizard", "lifting", "recovery", "history"} {
		keys = append(keys, "tray."+v, "tray."+v+".tip")
	}
	for _, g := range []string{"breaks", "schedule", "notifications", "exercises", "recovery", "startup", "advanced"} {
		keys = append(keys, "settings.group."+g)
	}
	for _, k := range prefs.Keys {
		for _, c := range k.Choices() {
			if k.Name == "exercises.avoid_areas" || c == "auto" {
				keys = append(keys, "settings.choice."+c)
			}
		}
	}
	for _, key := range keys {
		if !Has(key) {
			t.Errorf("en.json has no %s", key)
		}
	}
}

// TestNoFyneLangStrings: Limber's own text goes through this catalog, not
// Fyne's lang.L/X/N (whose catalog is Fyne's and whose language Limber
// cannot set on every system); a call there would bypass the check.
func TestNoFyneLangStrings(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); p != ".." && (n == "testdata" || strings.HasPrefix(n, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		name := ""
		for _, im := range f.Imports {
			if im.Path.Value == `"fyne.io/fyne/v2/lang"` {
				name = "lang"
				if im.Name != nil {
					name = im.Name.Name
				}
			}
		}
		if name == "" {
			return nil
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == name {
					switch sel.Sel.Name {
					case "L", "X", "N", "XN", "Localize", "LocalizeKey", "LocalizePlural", "LocalizePluralKey":
						t.Errorf("%s: lang.%s: use i18n.L or i18n.N with a key in en.json", fset.Position(sel.Pos()), sel.Sel.Name)
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
