package journal

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"time"
)

func TestRecordEncodeIsOneLine(t *testing.T) {
	r := Record{
		Time:     time.Date(2025, 3, 4, 9, 30, 0, 123, time.FixedZone("X", 3600)),
		Event:    EventCheckin,
		Kind:     "recovery",
		Outcome:  "line one\nline two <b>&</b>",
		Seconds:  12.5,
		Data:     map[string]any{"note": "a\r\nb\u2028c", "pain": 3},
		Exercise: "chin-tuck",
	}
	line, err := r.encode()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Count(line, []byte{'\n'}) != 1 || line[len(line)-1] != '\n' {
		t.Fatalf("encoded record is not exactly one line: %q", line)
	}
	if !bytes.Contains(line, []byte("<b>&</b>")) {
		t.Errorf("HTML characters were escaped: %s", line)
	}
	got, err := decodeRecord(bytes.TrimSpace(line))
	if err != nil {
		t.Fatal(err)
	}
	if !got.Time.Equal(r.Time) || got.Event != r.Event || got.Kind != r.Kind ||
		got.Outcome != r.Outcome || got.Seconds != r.Seconds || got.Exercise != r.Exercise {
		t.Errorf("round trip changed the record:\n got %+v\nwant %+v", got, r)
	}
	if got.Data["note"] != "a\r\nb\u2028c" || got.Data["pain"] != 3.0 {
		t.Errorf("round trip changed Data: %v", got.Data)
	}
}

func TestRecordValidateNamesTheField(t *testing.T) {
	now := time.Now()
	cases := []struct {
		name  string
		r     Record
		field string
	}{
		{"no time", Record{Event: EventCompleted}, `"time"`},
		{"no event", Record{Time: now}, `"event"`},
		{"negative seconds", Record{Time: now, Event: EventCompleted, Seconds: -1}, `"seconds"`},
		{"NaN seconds", Record{Time: now, Event: EventCompleted, Seconds: math.NaN()}, `"seconds"`},
		{"infinite seconds", Record{Time: now, Event: EventCompleted, Seconds: math.Inf(1)}, `"seconds"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.r.encode()
			if err == nil || !strings.Contains(err.Error(), c.field) {
				t.Fatalf("encode() error = %v, want one naming %s", err, c.field)
			}
		})
	}
	if _, err := (Record{Time: now, Event: "x", Data: map[string]any{"c": make(chan int)}}).encode(); err == nil {
		t.Error("encode() accepted a Data value JSON cannot hold")
	}
}

func TestDecodeRecordRejects(t *testing.T) {
	for _, line := range []string{
		`{}`,
		`{"time":"2025-01-01T00:00:00Z"}`,
		`{"event":"completed"}`,
		`{"time":"2025-01-01T00:00:00Z","event":"completed"}{"time":"2025-01-01T00:00:00Z","event":"x"}`,
		`{"time":"2025-01-01T00:00:00Z","event":"comp`,
		`[1,2]`,
		`{"time":"yesterday","event":"completed"}`,
	} {
		if r, err := decodeRecord([]byte(line)); err == nil {
			t.Errorf("decodeRecord(%s) = %+v, want an error", line, r)
		}
	}
}
