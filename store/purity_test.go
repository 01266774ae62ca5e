package store

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/limberapp/limber/"

// forbiddenDirect may not be imported by a pure package's own files.
func forbiddenDirect(imp string) bool {
	return imp == "os" || strings.HasPrefix(imp, "os/") || imp == "io/ioutil" || imp == "syscall" ||
		forbiddenAnywhere(imp)
}

// forbiddenAnywhere may not be reached through the module's packages.
func forbiddenAnywhere(imp string) bool {
	return imp == module+"prefs" || imp == module+"platform" || imp == module+"store" ||
		imp == module+"journal" || strings.HasPrefix(imp, "fyne.io/")
}

// imports lists the imports of the non-test Go files in dir (relative to
// the module root).
func imports(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	seen := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, is := range af.Imports {
			p, _ := strconv.Unquote(is.Path.Value)
			seen[p] = true
		}
	}
	var out []string
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// The pure packages take and return values: they import neither os nor
// prefs, platform, store, journal or Fyne, directly or through another of
// the module's packages.
func TestPurePackagesDoNoIO(t *testing.T) {
	if _, err := os.Stat(filepath.Join("..", "go.mod")); err != nil {
		t.Skip("needs the module's source")
	}
	for _, pkg := range []string{"recovery", "quiz", "workstation", "schedule", "content", "lifting"} {
		for _, imp := range imports(t, pkg) {
			if forbiddenDirect(imp) {
				t.Errorf("%s imports %s", pkg, imp)
			}
		}
		// Follow the module's own packages.
		seen := map[string]string{pkg: ""}
		queue := []string{pkg}
		for len(queue) > 0 {
			p := queue[0]
			queue = queue[1:]
			for _, imp := range imports(t, p) {
				if !strings.HasPrefix(imp, module) {
					if strings.HasPrefix(imp, "fyne.io/") {
						t.Errorf("%s reaches %s through %s", pkg, imp, p)
					}
					continue
				}
				if forbiddenAnywhere(imp) {
					t.Errorf("%s reaches %s through %s", pkg, imp, p)
					continue
				}
				rel := strings.TrimPrefix(imp, module)
				if _, ok := seen[rel]; !ok {
					seen[rel] = p
					queue = append(queue, rel)
				}
			}
		}
	}
}
