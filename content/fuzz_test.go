package content

import (
	"errors"
	"io/fs"
	"maps"
	"strings"
	"testing"
	"testing/fstest"
)

// libraryFiles are the embedded data files, as a map to alter.
func libraryFiles(t testing.TB) fstest.MapFS {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(sub, p)
			m[p] = &fstest.MapFile{Data: b, Mode: 0o644}
		}
		return err
	})
	return m
}

// FuzzLoadFS: one data file of the library replaced by arbitrary bytes
// never panics the strict loader; it either loads or reports problems,
// each naming its file.
func FuzzLoadFS(f *testing.F) {
	files := libraryFiles(f)
	var names []string
	for n := range files {
		names = append(names, n)
	}
	f.Add(uint8(0), []byte("[[exercise]]\nid = \"x\"\n"))
	f.Add(uint8(1), []byte("[[flag]]\nid = 3\nlevel = \"soon\"\n"))
	f.Add(uint8(2), []byte("not = [toml"))
	f.Add(uint8(3), []byte(""))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		m := fstest.MapFS{}
		for k, v := range files {
			m[k] = v
		}
		name := names[int(which)%len(names)]
		m[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		lib, err := LoadFS(m)
		if err == nil {
			if lib == nil {
				t.Fatal("no library and no error")
			}
			return
		}
		for _, e := range unjoin(err) {
			var ce *Error
			if !errors.As(e, &ce) || ce.File == "" || ce.Msg == "" {
				t.Fatalf("%s: a problem that names no file: %v", name, e)
			}
		}
	})
}

// FuzzUserExercises: a person's own exercise file with arbitrary bytes is
// added or skipped with a message naming it, never a panic, and never
// changes the library's own exercises.
func FuzzUserExercises(f *testing.F) {
	f.Add([]byte("[[exercise]]\nid = \"my-stretch\"\nname = \"Mine\"\n"))
	f.Add([]byte("[[exercise]]\nid = \"cat-cow\"\n"))
	f.Add([]byte("\x00\xff"))
	base, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lib := *base // a copy: the fields AddUserExercises changes, cloned
		lib.Exercises = append([]*Exercise(nil), base.Exercises...)
		lib.Sources = maps.Clone(base.Sources)
		lib.ids = maps.Clone(base.ids)
		n := len(lib.Exercises)
		errs := lib.AddUserExercises(fstest.MapFS{"mine.toml": {Data: data, Mode: 0o644}})
		for _, e := range errs {
			if !strings.Contains(e.Error(), "mine.toml") {
				t.Fatalf("a problem that does not name the file: %v", e)
			}
		}
		if len(errs) > 0 && len(lib.Exercises) != n {
			t.Fatalf("a rejected file added %d exercises", len(lib.Exercises)-n)
		}
	})
}

// unjoin flattens errors.Join.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, unjoin(e)...)
		}
		return out
	}
	return []error{err}
}
