package content

import (
	"strings"
	"testing"
)

// Source corrections (issue 13): the right journal year and pages, the
// standard that replaced ANSI/HFS 100-1988, and no palming under AAO/AOA.
func TestSourceCorrections(t *testing.T) {
	lib := loadLib(t)
	b, ok := lib.Sources["balci-2003"]
	if !ok || b.Year != 2003 || !strings.Contains(b.Title, "46(5):455–465") {
		t.Errorf("Balci and Aghazadeh: %+v, want Ergonomics 2003;46(5):455–465", b)
	}
	if _, old := lib.Sources["balci-2004"]; old {
		t.Error("balci-2004 is still listed")
	}
	if a := lib.Sources["ansi-hfs-100"]; a == nil || !strings.Contains(a.Title, "superseded by ANSI/HFES 100-2007") {
		t.Errorf("ANSI/HFS 100-1988: %+v", a)
	}
	for id, want := range map[string]string{"mclean-2001": "32:225", "galinsky-2000": "43:622", "buckley-2015": "49:1357", "ahcpr-1994": "Table 1", "nhs": "999", "nice-ng59": "ng59"} {
		s := lib.Sources[id]
		if s == nil || !strings.Contains(s.Title+" "+s.URL, want) {
			t.Errorf("%s: %+v does not point at %q", id, s, want)
		}
	}
	e, _ := lib.Exercise("palming-blink")
	for _, st := range e.Steps {
		if strings.Contains(strings.ToLower(st.Text), "palm") {
			t.Errorf("palming-blink still teaches palming (not in AAO/AOA): %q", st.Text)
		}
	}
}
