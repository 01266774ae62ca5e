package content

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// svgSummary parses an SVG and counts its elements and texts.
func svgSummary(t *testing.T, b []byte) (count map[string]int, texts []string) {
	t.Helper()
	count = map[string]int{}
	d := xml.NewDecoder(bytes.NewReader(b))
	inText := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed SVG: %v", err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			count[v.Name.Local]++
			if v.Name.Local == "text" {
				inText = true
			}
		case xml.CharData:
			if inText {
				texts = append(texts, string(v))
			}
		case xml.EndElement:
			if v.Name.Local == "text" {
				inText = false
			}
		}
	}
	return count, texts
}

func TestRenderSVGStrip(t *testing.T) {
	e := testExercise(t, "side-neck-stretch")
	var buf bytes.Buffer
	if err := RenderSVG(&buf, e, 0, 200); err != nil {
		t.Fatal(err)
	}
	count, texts := svgSummary(t, buf.Bytes())
	keys := len(e.Animation().Keys)
	if count["svg"] != 1 || count["g"] != keys {
		t.Errorf("%d frames, want %d", count["g"], keys)
	}
	joined := strings.Join(texts, "|")
	for _, w := range []string{"side-neck-stretch", "step 1", "step 2", "step 3"} {
		if !strings.Contains(joined, w) {
			t.Errorf("labels %q lack %q", joined, w)
		}
	}
	if !strings.Contains(buf.String(), `width="800"`) {
		t.Errorf("4 frames of 200 px should be 800 wide")
	}
	if count["circle"] < keys*2 || count["line"] < keys*20 {
		t.Errorf("too little drawn: %v", count)
	}
	// Sampled frames.
	buf.Reset()
	if err := RenderSVG(&buf, e, 6, 120); err != nil {
		t.Fatal(err)
	}
	if count, _ := svgSummary(t, buf.Bytes()); count["g"] != 6 {
		t.Errorf("6 sampled frames, got %d", count["g"])
	}
	if err := RenderSVG(&buf, e, 0, 10); err == nil {
		t.Error("tiny size accepted")
	}
	if err := RenderSVG(&buf, nil, 0, 200); err == nil {
		t.Error("nil exercise accepted")
	}
}

func TestRenderSheet(t *testing.T) {
	lib := loadLib(t)
	var buf bytes.Buffer
	if err := RenderSheet(&buf, lib.Exercises, 100); err != nil {
		t.Fatal(err)
	}
	count, texts := svgSummary(t, buf.Bytes())
	keys := 0
	for _, e := range lib.Exercises {
		keys += len(e.Animation().Keys)
	}
	if count["g"] != keys {
		t.Errorf("%d cells, want %d", count["g"], keys)
	}
	joined := strings.Join(texts, "|")
	for _, e := range lib.Exercises {
		if !strings.Contains(joined, e.ID) {
			t.Errorf("sheet lacks %s", e.ID)
		}
	}
}
