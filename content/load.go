package content

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

//go:embed data
var embedded embed.FS

// ExerciseDir is the folder of exercise files inside a library folder.
const ExerciseDir = "exercises"

// Error is one problem in a data file.
type Error struct {
	File  string // file name inside the library folder
	Line  int    // 1-based; 0 when unknown
	Field string // key path, e.g. `exercise "chin-tuck": steps[2].hold`
	Msg   string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Field != "" {
		b.WriteString(": " + e.Field)
	}
	b.WriteString(": " + e.Msg)
	return b.String()
}

// Load reads and validates the embedded library.
func Load() (*Library, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, err
	}
	return LoadFS(sub)
}

// The documents of the library's files.
type (
	sourcesDoc struct {
		Source []*Source `toml:"source"`
	}
	cuesDoc struct {
		Cue []*Cue `toml:"cue"`
	}
	liftingDoc struct {
		Step    []*LiftingStep `toml:"step"`
		Mistake []*Mistake     `toml:"mistake"`
	}
	quizDoc struct {
		Question []*Question `toml:"question"`
	}
	checklistDoc struct {
		Item []*ChecklistItem `toml:"item"`
	}
	recoveryDoc struct {
		Phase   []*Phase   `toml:"phase"`
		Thermal []*Thermal `toml:"thermal"`
		Checkin []*Checkin `toml:"checkin"`
	}
	redflagsDoc struct {
		Flag []*RedFlag `toml:"flag"`
	}
	cautionsDoc struct {
		Caution []*Caution `toml:"caution"`
	}
	exercisesDoc struct {
		Exercise []*Exercise `toml:"exercise"`
	}
)

// loader collects a library and its problems.
type loader struct {
	fsys fs.FS
	lib  *Library
	errs []error
	raw  map[string][]byte
	ids  map[string]map[string][]int // file → id → lines, built on first use
	occ  occurrences                 // exercise id occurrences per file

	// failed names files that did not decode, so that references into
	// them are not reported as dangling too.
	failed map[string]bool
}

// broken reports whether a file (or, for ExerciseDir, any exercise file)
// failed to decode.
func (ld *loader) broken(file string) bool {
	if file == ExerciseDir {
		for f := range ld.failed {
			if strings.HasPrefix(f, ExerciseDir+"/") {
				return true
			}
		}
		return false
	}
	return ld.failed[file]
}

func (ld *loader) fail(file string, line int, field, format string, args ...any) {
	ld.errs = append(ld.errs, &Error{File: file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// decode reads file strictly into doc. A missing optional file is not an
// error; it reports whether the file was read.
func (ld *loader) decode(file string, doc any, optional bool) bool {
	b, err := fs.ReadFile(ld.fsys, file)
	if err != nil {
		if optional && errors.Is(err, fs.ErrNotExist) {
			return false
		}
		ld.fail(file, 0, "", "cannot read: %v", err)
		return false
	}
	if errs := decodeStrict(file, b, doc); len(errs) > 0 {
		ld.errs = append(ld.errs, errs...)
		if ld.failed == nil {
			ld.failed = map[string]bool{}
		}
		ld.failed[file] = true
		return false
	}
	ld.raw[file] = b
	return true
}

// decodeStrict decodes TOML rejecting unknown keys, and turns go-toml's
// errors into Errors with the file, line and key.
func decodeStrict(file string, b []byte, doc any) []error {
	dec := toml.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	err := dec.Decode(doc)
	if err == nil {
		return nil
	}
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		var errs []error
		for _, e := range strict.Errors {
			row, _ := e.Position()
			errs = append(errs, &Error{File: file, Line: row, Field: strings.Join(e.Key(), "."), Msg: "unknown key"})
		}
		return errs
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		return []error{&Error{File: file, Line: row, Field: strings.Join(de.Key(), "."), Msg: strings.TrimPrefix(de.Error(), "toml: ")}}
	}
	return []error{&Error{File: file, Msg: err.Error()}}
}

// lineOf finds the line of the n-th (0-based) `id = "id"` in a file (the
// last one when there are fewer; 0 when there is none).
func lineOf(raw []byte, id string, n int) int {
	lines := idLines(raw)[id]
	if len(lines) == 0 {
		return 0
	}
	return lines[min(n, len(lines)-1)]
}

// lineOf is lineOf with each file's index of id lines built once.
func (ld *loader) lineOf(file, id string, n int) int {
	if ld.ids == nil {
		ld.ids = map[string]map[string][]int{}
	}
	idx, ok := ld.ids[file]
	if !ok {
		idx = idLines(ld.raw[file])
		ld.ids[file] = idx
	}
	lines := idx[id]
	if len(lines) == 0 {
		return 0
	}
	return lines[min(n, len(lines)-1)]
}

// idLines maps each id to the 1-based lines of its `id = "…"` lines.
func idLines(raw []byte) map[string][]int {
	out := map[string][]int{}
	for i, line := range bytes.Split(raw, []byte("\n")) {
		l := bytes.TrimLeft(line, " \t")
		if !bytes.HasPrefix(l, []byte("id")) {
			continue
		}
		l = bytes.TrimLeft(l[2:], " \t")
		if len(l) == 0 || l[0] != '=' {
			continue
		}
		l = bytes.TrimLeft(l[1:], " \t")
		if len(l) < 2 || (l[0] != '"' && l[0] != '\'') {
			continue
		}
		end := bytes.IndexAny(l[1:], "\"'")
		if end < 0 {
			continue
		}
		id := string(l[1 : 1+end])
		out[id] = append(out[id], i+1)
	}
	return out
}

// LoadFS reads and validates a library folder: sources.toml (required),
// cues.toml, lifting.toml, quiz.toml, checklist.toml, recovery.toml,
// redflags.toml, cautions.toml and exercises/*.toml. Every problem found is returned,
// joined; the library is nil if there is any.
func LoadFS(fsys fs.FS) (*Library, error) {
	ld := &loader{fsys: fsys, lib: &Library{Sources: map[string]*Source{}, ids: map[string]string{}}, raw: map[string][]byte{}}
	var (
		src  sourcesDoc
		cues cuesDoc
		lift liftingDoc
		quiz quizDoc
		chk  checklistDoc
		rec  recoveryDoc
		red  redflagsDoc
		cau  cautionsDoc
	)
	ld.decode("sources.toml", &src, false)
	ld.decode("cues.toml", &cues, true)
	ld.decode("lifting.toml", &lift, true)
	ld.decode("quiz.toml", &quiz, true)
	ld.decode("checklist.toml", &chk, true)
	ld.decode("recovery.toml", &rec, true)
	ld.decode("redflags.toml", &red, true)
	ld.decode("cautions.toml", &cau, true)

	files, err := fs.Glob(fsys, ExerciseDir+"/*.toml")
	if err != nil {
		ld.fail(ExerciseDir, 0, "", "cannot list: %v", err)
	}
	sort.Strings(files)
	var exercises []*Exercise
	for _, f := range files {
		var doc exercisesDoc
		if ld.decode(f, &doc, false) {
			for _, e := range doc.Exercise {
				e.File = f
			}
			exercises = append(exercises, doc.Exercise...)
		}
	}

	l := ld.lib
	l.Cues, l.LiftingSteps, l.Mistakes, l.Quiz = cues.Cue, lift.Step, lift.Mistake, quiz.Question
	l.Checklist, l.Phases, l.Thermal, l.Checkins, l.RedFlags = chk.Item, rec.Phase, rec.Thermal, rec.Checkin, red.Flag
	l.Exercises = exercises
	l.Cautions = cau.Caution
	l.Lang = "en"
	for _, c := range l.Checkins {
		c.Labels = slices.Clone(c.Choices)
	}

	v := &validator{ld: ld}
	v.sources(src.Source)
	v.library()
	if len(ld.errs) > 0 {
		return nil, errors.Join(ld.errs...)
	}
	return l, nil
}

// UserSource is the source id given to the person's own exercises that
// name none.
const UserSource = "user"

// AddUserExercises adds the person's own exercises: every *.toml file at
// the top of fsys (the caller opens $XDG_CONFIG_HOME/limber/exercises with
// os.DirFS). A file with any problem is skipped whole and reported by an
// error naming it; the rest are added. Exercises that name no source get
// UserSource.
func (l *Library) AddUserExercises(fsys fs.FS) []error {
	files, err := fs.Glob(fsys, "*.toml")
	if err != nil {
		return []error{fmt.Errorf("user exercises: %w", err)}
	}
	sort.Strings(files)
	var errs []error
	for _, f := range files {
		ld := &loader{fsys: fsys, lib: l, raw: map[string][]byte{}}
		var doc exercisesDoc
		if !ld.decode(f, &doc, false) {
			errs = append(errs, errors.Join(ld.errs...))
			continue
		}
		for _, e := range doc.Exercise {
			e.File, e.User = f, true
			if len(e.Sources) == 0 {
				e.Sources = []string{UserSource}
			}
		}
		if _, ok := l.Sources[UserSource]; !ok {
			l.Sources[UserSource] = &Source{ID: UserSource, Title: "Your own exercises", Publisher: "you"}
		}
		v := &validator{ld: ld}
		ids := map[string]string{}
		for k, val := range l.ids {
			ids[k] = val
		}
		for _, e := range doc.Exercise {
			v.exercise(e, ids)
		}
		if len(ld.errs) > 0 {
			errs = append(errs, errors.Join(ld.errs...))
			continue
		}
		l.ids = ids
		l.Exercises = append(l.Exercises, doc.Exercise...)
	}
	return errs
}

// Exercise returns the exercise with id.
func (l *Library) Exercise(id string) (*Exercise, bool) {
	for _, e := range l.Exercises {
		if e.ID == id {
			return e, true
		}
	}
	return nil, false
}

// ForKind returns the exercises that suit a break kind, in library order
// (demos never suit a kind).
func (l *Library) ForKind(kind string) []*Exercise {
	var out []*Exercise
	for _, e := range l.Exercises {
		if !e.Demo && e.Suits(kind) {
			out = append(out, e)
		}
	}
	return out
}

// Phase returns the recovery phase with id.
func (l *Library) Phase(id string) (*Phase, bool) {
	for _, p := range l.Phases {
		if p.ID == id {
			return p, true
		}
	}
	return nil, false
}
