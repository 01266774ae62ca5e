package content

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// overlay returns the valid fixture library with the files of a broken
// case laid over it.
func overlay(t *testing.T, brokenCase string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	add := func(root string) {
		err := fs.WalkDir(os.DirFS(root), ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path.Join(root, p))
			if err != nil {
				return err
			}
			m[p] = &fstest.MapFile{Data: b}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	add("testdata/valid")
	if brokenCase != "" {
		add(path.Join("testdata/broken", brokenCase))
	}
	return m
}

func TestLoadFSValidFixture(t *testing.T) {
	lib, err := LoadFS(overlay(t, ""))
	if err != nil {
		t.Fatalf("valid fixture: %v", err)
	}
	if len(lib.Exercises) != 2 || len(lib.Cues) != 1 || len(lib.LiftingSteps) != 2 || len(lib.Mistakes) != 1 ||
		len(lib.Quiz) != 1 || len(lib.Checklist) != 6 || len(lib.Phases) != 2 || len(lib.Thermal) != 1 ||
		len(lib.Checkins) != 2 || len(lib.RedFlags) != 1 || len(lib.Sources) != 2 {
		t.Fatalf("unexpected counts: %+v", lib)
	}
	tuck, ok := lib.Exercise("tuck")
	if !ok {
		t.Fatal("tuck missing")
	}
	if tuck.File != "exercises/basic.toml" || tuck.Line != 2 {
		t.Errorf("tuck at %s:%d, want exercises/basic.toml:2", tuck.File, tuck.Line)
	}
	if got := len(tuck.Animation().Keys); got != 3 {
		t.Fatalf("tuck has %d keys, want 3", got)
	}
	// keyframe 3 is keyframe 2 mirrored
	k2, k3 := tuck.Animation().Keys[1].Pose, tuck.Animation().Keys[2].Pose
	if k2.V[NeckFlex] != -10 || k3.V[NeckFlex] != -10 || k2.Mirror() != k3 {
		t.Errorf("like/mirror not applied: %v %v", k2.V[NeckFlex], k3.V[NeckFlex])
	}
	if tuck.Animation().Keys[0].Move != defaultMove || tuck.Animation().Keys[0].Ease != EaseInOut {
		t.Errorf("defaults not applied: %+v", tuck.Animation().Keys[0])
	}
	arch, _ := lib.Exercise("floor-arch")
	if k := arch.Animation().Keys[1]; k.Ease != EaseLinear || k.Move.Seconds() != 2 || k.Pose.Anchor != AnchorFloor {
		t.Errorf("floor-arch key 2: %+v", k)
	}
	if lib.Phases[0].WalkEvery.D().Minutes() != 45 {
		t.Errorf("walk_every = %v", lib.Phases[0].WalkEvery.D())
	}
}

func TestLoadFSBrokenFixtures(t *testing.T) {
	cases := []struct {
		name string
		want []string // substrings of the error; the first names the file (and line)
	}{
		{"unknown-key", []string{"exercises/basic.toml:4:", "exercise.colour", "unknown key"}},
		{"bad-duration", []string{"exercises/basic.toml:7:", "exercise.duration", `bad duration "30 seconds"`}},
		{"duplicate-id", []string{"exercises/basic.toml:41:", `exercise "tuck": id`, "duplicate id (already used at exercises/basic.toml:2)"}},
		{"dangling-source", []string{"exercises/basic.toml:41:", "sources", `unknown source id "no-such-source"`}},
		{"out-of-limit", []string{"exercises/basic.toml:41:", "keyframes[2].pose", "l_elbow = 200 is outside the joint limit 0..150"}},
		{"syntax-error", []string{"exercises/basic.toml:8:", "basic strings cannot have new lines"}},
		{"missing-field", []string{"exercises/basic.toml:2:", `exercise "tuck": name`, "missing (required)"}},
		{"unknown-param", []string{"exercises/basic.toml:41:", "keyframes[2].pose.lumbar_flexion", "unknown pose parameter"}},
		{"too-few-keyframes", []string{"exercises/basic.toml:41:", "keyframes", "has 1 (expected at least 2"}},
		{"floor-posture", []string{"exercises/basic.toml:41:", "kinds", "floor exercise cannot be offered in a posture break"}},
		{"dangling-step-ref", []string{"exercises/basic.toml:41:", "steps[1].ref", `unknown lifting step id "lift-zero"`}},
		{"dangling-exercise", []string{"cues.toml:2:", `cue "cue-one": exercise`, `unknown exercise id "untuck"`}},
		{"dangling-phase-exercise", []string{"recovery.toml:17:", `phase "mobilize": exercises`, `unknown exercise id "levitate"`}},
		{"duplicate-across-files", []string{"redflags.toml:2:", `flag "cue-one": id`, "already used at cues.toml:2"}},
		{"bad-level", []string{"redflags.toml:2:", "level", `"urgent-ish" is not one of emergency, same-day, routine`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lib, err := LoadFS(overlay(t, c.name))
			if err == nil {
				t.Fatalf("loaded a broken library: %d exercises", len(lib.Exercises))
			}
			if lib != nil {
				t.Error("library returned with an error")
			}
			msg := err.Error()
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error does not mention %q:\n%s", w, msg)
				}
			}
			if c.name == "unknown-key" || c.name == "syntax-error" || c.name == "bad-duration" {
				if strings.Count(msg, "\n") != 0 {
					t.Errorf("a file that does not decode should give one error, not a cascade:\n%s", msg)
				}
			}
			var le *Error
			if !errors.As(err, &le) || le.File == "" {
				t.Errorf("error is not a content.Error naming a file: %T", err)
			}
		})
	}
}

func TestLoadFSMissingSources(t *testing.T) {
	m := overlay(t, "").(fstest.MapFS)
	delete(m, "sources.toml")
	_, err := LoadFS(m)
	if err == nil || !strings.Contains(err.Error(), "sources.toml") {
		t.Fatalf("want an error naming sources.toml, got %v", err)
	}
}

func TestDurationText(t *testing.T) {
	var d Duration
	for _, ok := range []string{"30s", "2m", "1m30s", "500ms"} {
		if err := d.UnmarshalText([]byte(ok)); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	if d.D().Milliseconds() != 500 {
		t.Errorf("got %v", d.D())
	}
	for _, bad := range []string{"30", "soon", "-5s", "0s", ""} {
		if err := d.UnmarshalText([]byte(bad)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	b, _ := Duration(90e9).MarshalText()
	if string(b) != "1m30s" {
		t.Errorf("MarshalText = %s", b)
	}
}

func TestAddUserExercises(t *testing.T) {
	lib, err := LoadFS(overlay(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	good := `[[exercise]]
id = "my-reach"
name = "My reach"
areas = ["shoulders"]
position = "standing"
kinds = ["posture"]
duration = "20s"
why = "Feels good."
cautions = ["Gently."]
[[exercise.steps]]
text = "Reach up."
hold = "10s"
[[exercise.keyframes]]
step = 1
[[exercise.keyframes]]
step = 1
pose = { shoulder_elev = 170 }
`
	fsys := fstest.MapFS{
		"good.toml":       {Data: []byte(good)},
		"bad-syntax.toml": {Data: []byte("[[exercise]\nid = 1\n")},
		"clash.toml":      {Data: []byte(strings.Replace(good, `"my-reach"`, `"tuck"`, 1))},
		"limits.toml":     {Data: []byte(strings.NewReplacer(`"my-reach"`, `"my-other"`, "170", "250").Replace(good))},
		"notes.txt":       {Data: []byte("not toml")},
	}
	errs := lib.AddUserExercises(fsys)
	if len(errs) != 3 {
		t.Fatalf("want 3 errors (one per bad file), got %d: %v", len(errs), errs)
	}
	joined := errors.Join(errs...).Error()
	for _, w := range []string{"bad-syntax.toml:1", "clash.toml:2", "duplicate id", "limits.toml:2", "l_shoulder_elev = 250"} {
		if !strings.Contains(joined, w) {
			t.Errorf("errors do not mention %q:\n%s", w, joined)
		}
	}
	e, ok := lib.Exercise("my-reach")
	if !ok {
		t.Fatal("good user exercise not added")
	}
	if !e.User || e.File != "good.toml" || len(e.Sources) != 1 || e.Sources[0] != UserSource {
		t.Errorf("user exercise: %+v", e)
	}
	if _, ok := lib.Sources[UserSource]; !ok {
		t.Error("user source not registered")
	}
	if _, ok := lib.Exercise("my-other"); ok {
		t.Error("exercise from a bad file was added")
	}
	if tuck, _ := lib.Exercise("tuck"); tuck.User {
		t.Error("library exercise replaced by a user one")
	}
	if got := len(lib.ForKind(KindPosture)); got != 2 {
		t.Errorf("posture exercises after adding: %d, want 2", got)
	}
	// Adding the same file again clashes with the id it added.
	if errs := lib.AddUserExercises(fstest.MapFS{"good.toml": {Data: []byte(good)}}); len(errs) != 1 {
		t.Errorf("re-adding: %v", errs)
	}
}

func TestErrorFormat(t *testing.T) {
	e := &Error{File: "cues.toml", Line: 4, Field: `cue "x": seconds`, Msg: "must be more than zero"}
	if got := e.Error(); got != `cues.toml:4: cue "x": seconds: must be more than zero` {
		t.Errorf("got %q", got)
	}
	e = &Error{File: "sources.toml", Msg: "cannot read"}
	if got := e.Error(); got != "sources.toml: cannot read" {
		t.Errorf("got %q", got)
	}
}

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
