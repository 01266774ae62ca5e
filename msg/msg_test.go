package msg

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"
	"time"
)

// Short numbers write like fmt's "%.1f" without a trailing ".0" (and
// never "-0"), for random values (seeded).
func TestShortNumbers(t *testing.T) {
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	for i := 0; i < 10000; i++ {
		v := (rng.Float64() - 0.5) * math.Pow(10, float64(rng.Intn(8)))
		want := fmt.Sprintf("%.1f", v)
		want = strings.TrimSuffix(want, ".0")
		if want == "-0" {
			want = "0"
		}
		if got := Short(v).String(); got != want {
			t.Fatalf("seed %d: Short(%v) = %q, want %q", seed, v, got, want)
		}
	}
	for v, want := range map[float64]string{2.5: "2.5", 3: "3", -0.04: "0", 1e9: "1e+09"} {
		if got := Short(v).String(); got != want {
			t.Errorf("Short(%v) = %q, want %q", v, got, want)
		}
	}
	if got := Dec(2.345, 2).String(); got != "2.35" && got != "2.34" {
		t.Errorf("Dec = %q", got)
	}
}

func TestTexts(t *testing.T) {
	m := N("k", 3, "3 things", Args{"X": 1})
	if !m.Plural || m.Count != 3 || m.Args["X"] != 1 || m.String() != "3 things" {
		t.Errorf("%+v", m)
	}
	if got := Englishes([]Text{L("a", "A"), Plain("B")}); strings.Join(got, ",") != "A,B" {
		t.Errorf("%v", got)
	}
	if Englishes(nil) != nil {
		t.Error("Englishes(nil) is not nil")
	}
}
