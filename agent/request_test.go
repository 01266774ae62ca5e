package agent

import (
	"encoding/json"
	"strings"
	"testing"
)

// Defect 14: every field is checked and capped; unknown ones are refused
// with a message.
func TestDecodeRequestChecksEveryField(t *testing.T) {
	bad := map[string]string{
		`{"cmd":"pause","seconds":1800,"until_tomorrow":true}`:                "not both",
		`{"cmd":"pause","seconds":1e300}`:                                     "between 1 and 86400",
		`{"cmd":"pause","seconds":-5}`:                                        "between 1 and 86400",
		`{"cmd":"pause"}`:                                                     "between 1 and 86400",
		`{"cmd":"status","colour":"red"}`:                                     `unknown field "colour"`,
		`{"cmd":"status","kind":"rest"}`:                                      `field "kind" does not go with this command`,
		`{"cmd":"outcome","kind":"rest","outcome":"won"}`:                     "expected completed, ended_early",
		`{"cmd":"outcome","kind":"nap","outcome":"completed"}`:                "expected posture, mobility or rest",
		`{"cmd":"outcome","kind":"rest","outcome":"completed","seconds":1e9}`: "seconds must be between 0",
		`{"cmd":"open","view":"../../etc"}`:                                   "unknown view",
		`{"cmd":"dance"}`:                                                     `unknown command "dance"`,
		`{"cmd":"status"} {"cmd":"quit"}`:                                     "one request per connection",
		`["status"]`:                                                          "not a request",
		`{"cmd":"break","kind":"` + strings.Repeat("x", 200) + `"}`:           "longer than 100 bytes",
		`{"cmd":"status","pad":"` + strings.Repeat("x", maxRequest) + `"}`:    "request too large",
	}
	for in, want := range bad {
		_, err := decodeRequest(strings.NewReader(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%.60s: %v, want an error with %q", in, err, want)
		}
	}
	good := []string{`{"cmd":"status"}`, `{"cmd":"pause","seconds":1800}`, `{"cmd":"pause","until_tomorrow":true}`,
		`{"cmd":"break","kind":"rest"}`, `{"cmd":"break"}`, `{"cmd":"outcome","kind":"posture","outcome":"ended_early","exercise":"neck-tilt","seconds":3.5}`,
		`{"cmd":"open","view":"settings"}`, "{\"cmd\":\"quit\"}\n"}
	for _, in := range good {
		if _, err := decodeRequest(strings.NewReader(in)); err != nil {
			t.Errorf("%s: %v", in, err)
		}
	}
}

// The pause the socket accepts is what was asked: never "until tomorrow"
// by overflow.
func TestHandleRefusesAnOverflowingPause(t *testing.T) {
	h := newHarness(t, false)
	if r := h.a.Handle(Request{Cmd: "pause", Seconds: 1e300}); r.OK {
		t.Fatal("a pause of 1e300 s was accepted")
	}
	if r := h.a.Handle(Request{Cmd: "pause", Seconds: 60, UntilTomorrow: true}); r.OK {
		t.Fatal("seconds with until_tomorrow was accepted")
	}
}

// FuzzDecodeRequest: any bytes give a request that passes every check or
// an error, never a panic; an accepted request encodes and decodes to
// itself.
func FuzzDecodeRequest(f *testing.F) {
	for _, s := range []string{`{"cmd":"status"}`, `{"cmd":"pause","seconds":1800}`, `{"cmd":"pause","until_tomorrow":true}`,
		`{"cmd":"outcome","kind":"posture","outcome":"completed","exercise":"x","seconds":30}`, `{"cmd":"open","view":"wizard"}`,
		`{"cmd":"pause","seconds":1e309}`, `{"cmd":"break","kind":""}`, `{}`, `null`, `{"cmd":"status"}{}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := decodeRequest(strings.NewReader(string(data)))
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an empty error message")
			}
			return
		}
		if err := req.validate(nil); err != nil {
			t.Fatalf("accepted %q but validate says %v", data, err)
		}
		b, _ := json.Marshal(req)
		back, err := decodeRequest(strings.NewReader(string(b)))
		if err != nil || back != req {
			t.Fatalf("%q: re-encoded %s gives %+v, %v", data, b, back, err)
		}
	})
}
