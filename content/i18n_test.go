package content

import (
	"bytes"
	"io/fs"
	"reflect"
	"strings"
	"testing"
)

// untaggedText lists the exported fields, reachable from t, that hold
// text (a string, or a list or struct with strings) but carry no i18n tag.
func untaggedText(t reflect.Type, path string, seen map[reflect.Type]bool) []string {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return nil
	}
	seen[t] = true
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if _, ok := f.Tag.Lookup("i18n"); !ok && holdsText(f.Type, map[reflect.Type]bool{}) {
			out = append(out, path+"."+f.Name)
		}
		if f.Tag.Get("i18n") != "-" {
			out = append(out, untaggedText(f.Type, path+"."+f.Name, seen)...)
		}
	}
	return out
}

func holdsText(t reflect.Type, seen map[reflect.Type]bool) bool {
	switch t.Kind() {
	case reflect.String:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return holdsText(t.Elem(), seen)
	case reflect.Map:
		return holdsText(t.Key(), seen) || holdsText(t.Elem(), seen)
	case reflect.Struct:
		if seen[t] {
			return false
		}
		seen[t] = true
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).IsExported() && holdsText(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}

// Every field of the library that holds text says whether a person reads
// it (an i18n key) or not (i18n:"-"): a new field cannot be forgotten.
func TestTextFieldsTagged(t *testing.T) {
	if bad := untaggedText(reflect.TypeOf(Library{}), "Library", map[reflect.Type]bool{}); len(bad) > 0 {
		t.Errorf("fields holding text without an i18n tag (give each i18n:\"<key part>\" if a person reads it, i18n:\"-\" if not):\n  %s", strings.Join(bad, "\n  "))
	}
	// The guard itself finds an untagged field.
	type item struct {
		ID   string `i18n:"-"`
		Note string
	}
	type lib struct {
		Items []*item `i18n:"item"`
	}
	if got := untaggedText(reflect.TypeOf(lib{}), "lib", map[reflect.Type]bool{}); len(got) != 1 || got[0] != "lib.Items.Note" {
		t.Errorf("guard on a struct with an untagged Note: got %v, want [lib.Items.Note]", got)
	}
}

// en.toml.reference is the English dump, kept up to date.
func TestEnglishReference(t *testing.T) {
	lib := mustLoad(t)
	want := lib.DumpTexts()
	got, err := fs.ReadFile(DataFS(), LangDir+"/en.toml.reference")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("data/i18n/en.toml.reference is out of date with the library: regenerate it with\n  go run ./content/cmd/i18n-dump > content/data/i18n/en.toml.reference")
	}
	// Every text in the dump is unique by key, and the dump reads back
	// (as a language file) to the same texts.
	seen := map[string]bool{}
	for _, tx := range lib.Texts() {
		if seen[tx.Key] {
			t.Errorf("duplicate key %s", tx.Key)
		}
		seen[tx.Key] = true
	}
	if errs := lib.CheckLang("en.toml.reference", want); len(errs) > 0 {
		t.Errorf("the English dump does not check as a language file: %v", errs)
	}
}

// The check in make test: every language file has exactly English's keys,
// non-empty, with English's placeholders, and valid sources.
func TestLanguageFilesComplete(t *testing.T) {
	lib := mustLoad(t)
	for _, tag := range Langs(DataFS()) {
		file := LangDir + "/" + tag + ".toml"
		b, err := fs.ReadFile(DataFS(), file)
		if err != nil {
			t.Fatal(err)
		}
		errs := lib.CheckLang(file, b)
		for i, e := range errs {
			if i == 20 {
				t.Errorf("… and %d more (go run ./content/cmd/i18n-dump -missing %s lists the missing)", len(errs)-20, tag)
				break
			}
			t.Error(e)
		}
	}
}

func mustLoad(t *testing.T) *Library {
	t.Helper()
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}
