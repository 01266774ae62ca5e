package i18n

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/limberapp/limber/internal/i18n"
)

// ImportPath is this package's import path, which the source check looks
// for.
const ImportPath = "github.com/limberapp/limber/i18n"

// MsgImportPath is the pure packages' message package: its msg.L calls
// are checked like L's.
const MsgImportPath = "github.com/limberapp/limber/msg"

// Check compares every language of c with English: each problem names the
// file, the key and what differs — a key English has that the language
// lacks, a key English no longer has, a plain message against a plural one,
// or placeholders that differ from English's.
func Check(c *Catalog) []string {
	var out []string
	en := c.Texts(i18n.English)
	for _, lang := range c.langs {
		if lang == i18n.English {
			continue
		}
		texts, file := c.Texts(lang), lang+".json"
		for _, key := range sortedKeys(en) {
			t, ok := texts[key]
			if !ok {
				out = append(out, fmt.Sprintf("%s: key %q is missing (English: %q)", file, key, en[key].Forms["other"]))
				continue
			}
			if plural(en[key]) != plural(t) {
				out = append(out, fmt.Sprintf("%s: key %q: English is %s, this is %s", file, key, kind(en[key]), kind(t)))
			}
			for _, f := range sortedKeys(t.Forms) {
				if err := i18n.SamePlaceholders(en[key].Forms["other"], t.Forms[f]); err != nil {
					out = append(out, fmt.Sprintf("%s: key %q, form %s: %v", file, key, f, err))
				}
			}
		}
		for _, key := range sortedKeys(texts) {
			if _, ok := en[key]; !ok {
				out = append(out, fmt.Sprintf("%s: key %q is not in en.json (removed or renamed in English?)", file, key))
			}
		}
	}
	for _, key := range sortedKeys(en) {
		for _, f := range sortedKeys(en[key].Forms) {
			if err := i18n.SamePlaceholders(en[key].Forms["other"], en[key].Forms[f]); err != nil {
				out = append(out, fmt.Sprintf("en.json: key %q, form %s: %v", key, f, err))
			}
		}
	}
	return out
}

func plural(t Text) bool { return len(t.Forms) > 1 || t.Forms["other"] == "" }

func kind(t Text) string {
	if plural(t) {
		return "a plural message"
	}
	return "a plain string"
}

func sortedKeys[V any](m map[string]V) []string {
	k := make([]string, 0, len(m))
	for x := range m {
		k = append(k, x)
	}
	sort.Strings(k)
	return k
}

// Call is one literal key a Go file passes to L or N.
type Call struct {
	Pos    string // file:line
	Key    string
	Plural bool     // N
	Args   []string // the names of a literal Args{…}; nil if not literal
}

// Uses finds, in the Go files under root (tests and testdata left out),
// every call of this package's L or N, or a Localizer's, with a literal
// key. Calls with a computed key are listed in dynamic as file:line.
func Uses(root string) (uses []Call, dynamic []string, err error) {
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); p != root && (n == "testdata" || strings.HasPrefix(n, ".") || n == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, p, src, 0)
		if err != nil {
			return err
		}
		names := map[string]bool{}
		for _, im := range f.Imports {
			if v, _ := strconv.Unquote(im.Path.Value); v == ImportPath || v == MsgImportPath {
				n := path.Base(v)
				if im.Name != nil {
					n = im.Name.Name
				}
				names[n] = true
			}
		}
		self := f.Name.Name == "i18n" && filepath.Dir(p) == filepath.Join(root, "i18n")
		if len(names) == 0 && !self {
			return nil
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "L" && sel.Sel.Name != "N") {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); !ok || !names[id.Name] {
				return true
			}
			pos := fset.Position(call.Pos())
			where := fmt.Sprintf("%s:%d", pos.Filename, pos.Line)
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				dynamic = append(dynamic, where)
				return true
			}
			key, _ := strconv.Unquote(lit.Value)
			u := Call{Pos: where, Key: key, Plural: sel.Sel.Name == "N"}
			last := call.Args[len(call.Args)-1]
			if cl, ok := last.(*ast.CompositeLit); ok && len(call.Args) > 1 && (sel.Sel.Name == "L" || len(call.Args) > 2) {
				u.Args = []string{}
				for _, e := range cl.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if k, ok := kv.Key.(*ast.BasicLit); ok && k.Kind == token.STRING {
							s, _ := strconv.Unquote(k.Value)
							u.Args = append(u.Args, s)
						}
					}
				}
			}
			uses = append(uses, u)
			return true
		})
		return nil
	})
	return uses, dynamic, err
}

// CheckUses compares the literal uses with English: a key en.json lacks,
// N on a plain message or L on a plural one, and a literal Args whose
// names differ from the message's placeholders ({{.Count}} comes from N).
func CheckUses(c *Catalog, uses []Call) []string {
	var out []string
	en := c.Texts(i18n.English)
	for _, u := range uses {
		t, ok := en[u.Key]
		if !ok {
			out = append(out, fmt.Sprintf("%s: key %q is not in en.json", u.Pos, u.Key))
			continue
		}
		if u.Plural != plural(t) {
			out = append(out, fmt.Sprintf("%s: key %q is %s; use %s", u.Pos, u.Key, kind(t), map[bool]string{true: "N", false: "L"}[plural(t)]))
			continue
		}
		if u.Args == nil && !u.Plural {
			if ph, _ := i18n.Placeholders(t.Forms["other"]); len(ph) > 0 {
				out = append(out, fmt.Sprintf("%s: key %q needs the placeholders %v", u.Pos, u.Key, ph))
			}
			continue
		}
		if u.Args == nil {
			continue
		}
		have := map[string]bool{}
		for _, a := range u.Args {
			have[a] = true
		}
		if u.Plural {
			have["Count"] = true
		}
		var want []string
		for _, f := range t.Forms {
			ph, _ := i18n.Placeholders(f)
			want = append(want, ph...)
		}
		for _, w := range want {
			if !have[w] {
				out = append(out, fmt.Sprintf("%s: key %q: no value for the placeholder %s", u.Pos, u.Key, w))
				have[w] = true
			}
		}
		need := map[string]bool{}
		for _, w := range want {
			need[w] = true
		}
		for _, a := range u.Args {
			if !need[a] {
				out = append(out, fmt.Sprintf("%s: key %q has no placeholder %s", u.Pos, u.Key, a))
			}
		}
	}
	return out
}
