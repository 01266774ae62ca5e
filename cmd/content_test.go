package cmd

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runContent runs `content args…` on a fresh command tree with no user
// exercises.
func runContent(t *testing.T, args ...string) (string, error) {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	c := newContentCmd()
	c.SilenceUsage, c.SilenceErrors = true, true
	var out bytes.Buffer
	c.SetOut(&out)
	c.SetErr(&out)
	c.SetArgs(args)
	err := c.Execute()
	return out.String(), err
}

func TestContentListJSON(t *testing.T) {
	out, err := runContent(t, "list", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out[:min(len(out), 300)])
	}
	count := map[string]int{}
	for _, it := range items {
		typ, _ := it["type"].(string)
		count[typ]++
		if id, _ := it["id"].(string); id == "" {
			t.Errorf("item without id: %v", it)
		}
		if title, _ := it["title"].(string); title == "" {
			t.Errorf("%v without title", it["id"])
		}
		if srcs, _ := it["sources"].([]any); len(srcs) == 0 {
			t.Errorf("%v without sources", it["id"])
		}
		switch typ {
		case "exercise":
			if n, _ := it["keyframes"].(float64); n < 2 {
				t.Errorf("%v: keyframes %v", it["id"], it["keyframes"])
			}
			if areas, _ := it["areas"].([]any); len(areas) == 0 {
				t.Errorf("%v: no areas", it["id"])
			}
			if _, ok := it["kinds"].([]any); !ok {
				t.Errorf("%v: no kinds list", it["id"])
			}
		case "red-flag":
			switch it["level"] {
			case "emergency", "same-day", "routine":
			default:
				t.Errorf("%v: level %v", it["id"], it["level"])
			}
		}
	}
	for typ, want := range map[string]int{"exercise": 40, "cue": 12, "lifting-step": 8, "quiz": 12, "checklist": 43, "red-flag": 30} {
		if count[typ] < want {
			t.Errorf("%d %s items, want at least %d", count[typ], typ, want)
		}
	}
}

func TestContentListType(t *testing.T) {
	out, err := runContent(t, "list", "--type", "red-flag")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], "TYPE") || len(lines) < 11 {
		t.Fatalf("table:\n%s", out)
	}
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "red-flag ") {
			t.Errorf("not a red flag: %q", l)
		}
	}
	if _, err := runContent(t, "list", "--type", "recipe"); err == nil || !strings.Contains(err.Error(), "exercise, cue") {
		t.Errorf("bad type: %v", err)
	}
}

func TestContentShow(t *testing.T) {
	out, err := runContent(t, "show", "chin-tuck")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Chin tuck (exercise chin-tuck)", "Steps:", "  2. ", "(8 times)", "Take care:", "ask a clinician", "Sources:", "[sira-nsw]"} {
		if !strings.Contains(out, w) {
			t.Errorf("show lacks %q:\n%s", w, out)
		}
	}
	if _, err := runContent(t, "show", "no-such-thing"); err == nil || exitCode(err) != 2 {
		t.Errorf("unknown id: %v", err)
	}
	out, err = runContent(t, "show", "lift-box")
	if err != nil || !strings.Contains(out, "a demonstration") {
		t.Errorf("demo: %v\n%s", err, out)
	}
}

func TestContentRenderAndSheet(t *testing.T) {
	dir := t.TempDir()
	strip := filepath.Join(dir, "strip.svg")
	if _, err := runContent(t, "render", "cat-cow", "--svg", strip); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(strip)
	if err != nil || !bytes.HasPrefix(b, []byte("<svg")) || !bytes.Contains(b, []byte("step 2")) {
		t.Fatalf("strip: %v %.80s", err, b)
	}
	out, err := runContent(t, "render", "cat-cow", "--svg", "-", "--frames", "4", "--size", "100")
	if err != nil || strings.Count(out, "<g ") != 4 || !strings.Contains(out, `width="400"`) {
		t.Errorf("render to stdout: %v", err)
	}
	if _, err := runContent(t, "render", "nope", "--svg", strip); err == nil || exitCode(err) != 2 {
		t.Errorf("unknown exercise: %v", err)
	}
	if _, err := runContent(t, "render", "cat-cow"); err == nil {
		t.Error("render without --svg accepted")
	}
	sheet := filepath.Join(dir, "sheet.svg")
	if _, err := runContent(t, "sheet", "--svg", sheet, "--size", "80"); err != nil {
		t.Fatal(err)
	}
	b, _ = os.ReadFile(sheet)
	for _, id := range []string{"chin-tuck", "bird-dog", "lift-box"} {
		if !bytes.Contains(b, []byte(id)) {
			t.Errorf("sheet lacks %s", id)
		}
	}
}

func TestContentUserExercises(t *testing.T) {
	cfg := t.TempDir()
	dir := filepath.Join(cfg, "limber", "exercises")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	good := "[[exercise]]\nid = \"my-stretch\"\nname = \"My stretch\"\nareas = [\"neck\"]\nposition = \"seated\"\nkinds = [\"posture\"]\nduration = \"20s\"\nwhy = \"Mine.\"\ncautions = [\"Gently.\"]\n" +
		"[[exercise.steps]]\ntext = \"Tilt.\"\nhold = \"10s\"\n[[exercise.keyframes]]\nstep = 1\n[[exercise.keyframes]]\nstep = 1\npose = { neck_bend = 20 }\n"
	os.WriteFile(filepath.Join(dir, "mine.toml"), []byte(good), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.toml"), []byte("[[exercise]]\nid = \"x\"\nnonsense = 1\n"), 0o644)
	c := newContentCmd()
	c.SilenceUsage, c.SilenceErrors = true, true
	t.Setenv("XDG_CONFIG_HOME", cfg)
	var out bytes.Buffer
	c.SetOut(&out)
	c.SetArgs([]string{"list", "--type", "exercise", "--json"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"my-stretch"`) || !strings.Contains(out.String(), `"user": true`) {
		t.Errorf("user exercise not listed")
	}
	if strings.Contains(out.String(), `"x"`) {
		t.Errorf("broken user file listed")
	}
}
