// Package i18n is the catalog of the text Limber's windows, tray, status
// and command line show people, and the current language's view of it.
//
// The catalogs are the JSON files in translations/ (embedded): en.json is
// the source, every other file (de.json, es.json) has the same keys. See
// README.md for how to add a language. Code asks for text by key:
//
//	i18n.L("tray.pause")                               // plain
//	i18n.L("tray.next", i18n.Args{"Minutes": 12})       // a placeholder
//	i18n.N("unit.minutes", n)                          // plural forms, {{.Count}}
//
// A key a language lacks falls back to English; the check in
// check_test.go keeps every language's keys and placeholders equal to
// English's. The package never starts Fyne: the agent uses it too.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing/fstest"
	"text/template"

	cldr "golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/limberapp/limber/internal/i18n"
	"github.com/limberapp/limber/msg"
)

//go:embed translations/*.json
var embedded embed.FS

// Args are a message's placeholder values, by name: {{.Minutes}} takes
// Args{"Minutes": 5}.
type Args = map[string]any

// Catalog is a set of languages' messages with English as the source.
// A language's messages are parsed the first time something asks for
// them: the resident agent speaks one language all day and holds only
// that one (and English, its fallback), not every file.
type Catalog struct {
	fsys  fs.FS
	dir   string
	langs []string // languages with a file, "en" first

	mu   sync.Mutex
	msgs map[string]map[string]entry // language → key → templates, for speaking
	raw  map[string]map[string]Text  // language → key → text, for the check
}

// Text is one message as its file writes it: Other alone for a plain
// message, or the plural forms ("one", "other", …) it gives.
type Text struct {
	Forms map[string]string // plural category → template; "other" for a plain message
}

// Load reads and checks the catalogs in dir of fsys: one <language>.json
// per language, en.json required. A file whose name is not a language,
// that is not JSON of strings and plural-form objects, or whose templates
// do not parse, is an error naming the file and the key.
func Load(fsys fs.FS, dir string) (*Catalog, error) {
	c, err := open(fsys, dir)
	if err != nil {
		return nil, err
	}
	for _, tag := range c.langs {
		if _, err := c.texts(tag); err != nil {
			return nil, err
		}
		if _, err := c.messages(tag); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// open lists the catalogs in dir; each language is read when first
// used.
func open(fsys fs.FS, dir string) (*Catalog, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	c := &Catalog{fsys: fsys, dir: dir, msgs: map[string]map[string]entry{}, raw: map[string]map[string]Text{}}
	hasEnglish := false
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".json") {
			continue
		}
		tag, ok := i18n.Normalize(strings.TrimSuffix(name, ".json"))
		if !ok || tag != strings.TrimSuffix(name, ".json") {
			return nil, fmt.Errorf("%s: the file name is not a language tag such as de.json or pt-BR.json", path.Join(dir, name))
		}
		hasEnglish = hasEnglish || tag == i18n.English
		c.langs = append(c.langs, tag)
	}
	if !hasEnglish {
		return nil, fmt.Errorf("%s: no en.json, the English source catalog", dir)
	}
	sort.Slice(c.langs, func(i, j int) bool {
		if (c.langs[i] == i18n.English) != (c.langs[j] == i18n.English) {
			return c.langs[i] == i18n.English
		}
		return c.langs[i] < c.langs[j]
	})
	return c, nil
}

func (c *Catalog) read(tag string) ([]byte, error) {
	return fs.ReadFile(c.fsys, path.Join(c.dir, tag+".json"))
}

func (c *Catalog) has(tag string) bool {
	for _, l := range c.langs {
		if l == tag {
			return true
		}
	}
	return false
}

// texts reads a language's file and checks it strictly (every template
// parsed): its messages by key, for the check.
func (c *Catalog) texts(tag string) (map[string]Text, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t := c.raw[tag]; t != nil {
		return t, nil
	}
	data, err := c.read(tag)
	if err != nil {
		return nil, err
	}
	t, err := parseFile(path.Join(c.dir, tag+".json"), data)
	if err != nil {
		return nil, err
	}
	c.raw[tag] = t
	return t, nil
}

// entry is one message as spoken: its "other" template, and the plural
// forms when it has them.
type entry struct {
	other string
	forms map[string]string
}

// messages is a language's messages as spoken, read once. They are kept
// compact (a struct per key), and no template is parsed here: render
// parses one the first time it is spoken, and a message whose template
// does not parse is spoken in English. (The agent holds its messages all
// day; parsing every template at start left it about 1 MB more resident
// memory. The check, through texts, still parses them all.)
func (c *Catalog) messages(tag string) (map[string]entry, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if m := c.msgs[tag]; m != nil {
		return m, nil
	}
	data, err := c.read(tag)
	if err != nil {
		return nil, err
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, fmt.Errorf("%s: not a JSON object of messages: %v", path.Join(c.dir, tag+".json"), err)
	}
	m := make(map[string]entry, len(top))
	for k, v := range top {
		var e entry
		if json.Unmarshal(v, &e.other) != nil {
			if json.Unmarshal(v, &e.forms) != nil {
				continue // the check names it; English speaks for it
			}
			e.other = e.forms["other"]
		}
		if strings.TrimSpace(e.other) == "" {
			continue // empty or null: the same
		}
		m[k] = e
	}
	c.msgs[tag] = m
	return m, nil
}

// hasKey reports whether English has the key.
func (c *Catalog) hasKey(key string) bool {
	en, err := c.messages(i18n.English)
	if err != nil {
		return false
	}
	_, ok := en[key]
	return ok
}

// pluralForms are the CLDR plural categories a message may give.
var pluralForms = map[string]bool{"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}

func parseFile(p string, data []byte) (map[string]Text, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, fmt.Errorf("%s: not a JSON object of messages: %v", p, err)
	}
	out := map[string]Text{}
	for key, v := range top {
		var s string
		if json.Unmarshal(v, &s) == nil {
			out[key] = Text{Forms: map[string]string{"other": s}}
		} else {
			var forms map[string]string
			if err := json.Unmarshal(v, &forms); err != nil {
				return nil, fmt.Errorf("%s: key %q: expected a string or an object of plural forms (\"one\", \"other\", …) with string values", p, key)
			}
			for f := range forms {
				if !pluralForms[f] {
					return nil, fmt.Errorf("%s: key %q: %q is not a plural form; expected zero, one, two, few, many or other", p, key, f)
				}
			}
			if forms["other"] == "" {
				return nil, fmt.Errorf("%s: key %q: a plural message needs an \"other\" form", p, key)
			}
			out[key] = Text{Forms: forms}
		}
		for f, t := range out[key].Forms {
			if strings.TrimSpace(t) == "" {
				return nil, fmt.Errorf("%s: key %q: the %s form is empty", p, key, f)
			}
			if _, err := i18n.Placeholders(t); err != nil {
				return nil, fmt.Errorf("%s: key %q: %v", p, key, err)
			}
			if _, err := template.New("").Parse(t); err != nil {
				return nil, fmt.Errorf("%s: key %q: the %s form is not a template: %v", p, key, f, err)
			}
		}
	}
	return out, nil
}

// Languages lists the languages with a catalog, English first.
func (c *Catalog) Languages() []string { return append([]string(nil), c.langs...) }

// Texts returns a language's messages by key (nil: no such language, or
// a file that does not parse).
func (c *Catalog) Texts(lang string) map[string]Text {
	if !c.has(lang) {
		return nil
	}
	t, _ := c.texts(lang)
	return t
}

// Localizer speaks one catalog language.
type Localizer struct {
	cat    *Catalog
	lang   string           // the catalog language used: "de"
	number string           // the tag numbers are written for: "de-AT"
	msgs   map[string]entry // lang's messages
	en     map[string]entry // English's, the fallback
	plural language.Tag     // whose plural rules pick a form
}

// For picks, from an ordered preference list such as internal/i18n's
// Languages gives, the first language with a catalog (a tag's own catalog,
// else its bare language's), and writes numbers for the most wanted
// region of that language.
func (c *Catalog) For(prefs []string) *Localizer {
	lang := i18n.English
	number := i18n.English
pick:
	for _, p := range prefs {
		for _, t := range []string{p, i18n.Base(p)} {
			if c.has(t) {
				lang, number = t, p
				break pick
			}
		}
	}
	en, err := c.messages(i18n.English)
	if err != nil {
		panic("i18n: the English catalog: " + err.Error())
	}
	m, err := c.messages(lang)
	if err != nil { // a file that does not parse (the check fails on it): English
		lang, number, m = i18n.English, i18n.English, en
	}
	return &Localizer{cat: c, lang: lang, number: number, msgs: m, en: en, plural: language.Make(lang)}
}

// Language is the catalog language this localizer speaks.
func (l *Localizer) Language() string { return l.lang }

// L is the message key in this language, its placeholders filled from
// args. A key the language lacks gives the English text; a key English
// lacks too (a defect the check catches for literal keys) gives the key.
func (l *Localizer) L(key string, args ...Args) string {
	return l.localize(key, nil, args)
}

// N is the plural message key for count, with {{.Count}} set to count and
// the other placeholders filled from args.
func (l *Localizer) N(key string, count int, args ...Args) string {
	a := Args{}
	for _, x := range args {
		for k, v := range x {
			a[k] = v
		}
	}
	a["Count"] = count
	return l.localize(key, count, []Args{a})
}

func (l *Localizer) localize(key string, count any, args []Args) string {
	var data Args
	if len(args) > 0 {
		data = args[0]
	}
	// The language's message; English's when it lacks the key or its
	// template does not parse; the key when English lacks it too.
	if e, ok := l.msgs[key]; ok {
		if s, ok := e.speak(l.plural, count, data); ok {
			return s
		}
	}
	if e, ok := l.en[key]; ok {
		s, _ := e.speak(language.English, count, data)
		return s
	}
	return key
}

// speak is the message for count (nil: not a plural), filled from data;
// false when its template does not parse or run.
func (e entry) speak(tag language.Tag, count any, data Args) (string, bool) {
	src := e.other
	if n, isInt := count.(int); isInt && e.forms != nil {
		if f := e.forms[pluralForm(tag, n)]; f != "" {
			src = f
		}
	}
	return render(src, data)
}

// pluralForm is the CLDR plural category of the whole number n in tag.
func pluralForm(tag language.Tag, n int) string {
	if n < 0 {
		n = -n
	}
	switch cldr.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0) {
	case cldr.Zero:
		return "zero"
	case cldr.One:
		return "one"
	case cldr.Two:
		return "two"
	case cldr.Few:
		return "few"
	case cldr.Many:
		return "many"
	}
	return "other"
}

// templates caches the parsed templates by their source.
var templates sync.Map // string → *template.Template

// render fills a message template's placeholders from data; false
// (and src) when the template does not parse or run.
func render(src string, data Args) (string, bool) {
	if !strings.Contains(src, "{{") {
		return src, true
	}
	var t *template.Template
	if v, ok := templates.Load(src); ok {
		t = v.(*template.Template)
	} else {
		p, err := template.New("").Parse(src)
		if err != nil {
			return src, false // the check parses every template: a defect it catches
		}
		v, _ := templates.LoadOrStore(src, p)
		t = v.(*template.Template)
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return src, false
	}
	return b.String(), true
}

// Decimal writes v with prec digits after the decimal separator this
// language writes ("2,5" in German).
func (l *Localizer) Decimal(v float64, prec int) string { return i18n.Decimal(l.number, v, prec) }

var (
	defaultOnce sync.Once
	defaultCat  *Catalog
	current     atomic.Pointer[Localizer]
)

// Default is the embedded catalog. It panics if the catalog does not load:
// the check tests it, so that is a build defect.
func Default() *Catalog {
	defaultOnce.Do(func() {
		c, err := open(embedded, "translations")
		if err != nil {
			panic("i18n: the embedded catalog: " + err.Error())
		}
		defaultCat = c
	})
	return defaultCat
}

// Use makes the package speak the language the setting and the desktop
// choose (internal/i18n.Preferred): setting is the `language` setting,
// "auto" or "" for the desktop's. It returns the language chosen.
func Use(setting string) string {
	return UseLanguages(i18n.Preferred(setting))
}

// UseLanguages is Use with an explicit preference list.
func UseLanguages(prefs []string) string {
	l := Default().For(prefs)
	current.Store(l)
	return l.lang
}

// Current is the localizer Use set (English before any Use).
func Current() *Localizer {
	if l := current.Load(); l != nil {
		return l
	}
	l := Default().For(nil)
	current.CompareAndSwap(nil, l)
	return current.Load()
}

// L is Current().L: the message key in the current language.
func L(key string, args ...Args) string { return Current().L(key, args...) }

// N is Current().N: the plural message key for count.
func N(key string, count int, args ...Args) string { return Current().N(key, count, args...) }

// Decimal is Current().Decimal: v written the current language's way.
func Decimal(v float64, prec int) string { return Current().Decimal(v, prec) }

// Language is the current catalog language ("en", "de", …).
func Language() string { return Current().Language() }

// Names are the languages the settings window offers, each named in
// itself, in the order it lists them after Auto.
var Names = []struct{ Tag, Name string }{
	{"en", "English"}, {"de", "Deutsch"}, {"es", "Español"},
}

// Has reports whether English has the key: code that builds a key from
// data (a state, a kind) asks first and shows the data itself otherwise,
// so a person never reads a key name.
func Has(key string) bool {
	return Default().hasKey(key)
}

// Replace makes c the catalog Use and Current draw on, for tests that
// need a language the embedded catalog does not have yet; restore puts
// the embedded one back.
func Replace(c *Catalog) (restore func()) {
	Default()
	old := defaultCat
	defaultCat = c
	current.Store(c.For(nil))
	return func() {
		defaultCat = old
		current.Store(old.For(nil))
	}
}

// Point rewrites a number formatted with a decimal point ("2.5") with the
// current language's separator ("2,5" in German).
func Point(s string) string {
	if sep := i18n.DecimalSeparator(Current().number); sep != "." {
		return strings.Replace(s, ".", sep, 1)
	}
	return s
}

// WithLanguage is for tests of other packages: it makes the package speak
// tag with the given messages (the rest falls back to English) until
// restore is called. Tests that use it must not run in parallel.
func WithLanguage(tag string, messages map[string]string) (restore func()) {
	en, err := embedded.ReadFile("translations/en.json")
	if err != nil {
		panic(err)
	}
	if messages == nil {
		messages = map[string]string{}
	}
	data, err := json.Marshal(messages)
	if err != nil {
		panic(err)
	}
	c, err := Load(fstest.MapFS{"t/en.json": {Data: en}, "t/" + tag + ".json": {Data: data}}, "t")
	if err != nil {
		panic(err)
	}
	restore = Replace(c)
	UseLanguages([]string{tag})
	return restore
}

// Msg renders a pure package's message in the current language: its key
// with its arguments, or its own text when it has no key.
func Msg(t msg.Text) string {
	if t.Key == "" || !Has(t.Key) {
		return t.English // a computed key English lacks: the package's words
	}
	var args Args
	if t.Args != nil {
		args = make(Args, len(t.Args))
		for k, v := range t.Args {
			switch m := v.(type) {
			case msg.Text:
				v = Msg(m)
			case msg.Number:
				if m.Short {
					v = Point(m.String())
				} else {
					v = Decimal(m.V, m.Prec)
				}
			}
			args[k] = v
		}
	}
	if t.Plural {
		return N(t.Key, t.Count, args)
	}
	return L(t.Key, args)
}

// Msgs renders each of ts with Msg.
func Msgs(ts []msg.Text) []string {
	if ts == nil {
		return nil
	}
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = Msg(t)
	}
	return out
}
