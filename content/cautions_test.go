package content

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func cautionsOf(t *testing.T, lib *Library, id string) string {
	t.Helper()
	e, ok := lib.Exercise(id)
	if !ok {
		t.Fatalf("exercise %s missing", id)
	}
	return strings.ToLower(strings.Join(e.Cautions, " "))
}

// A caution must not contradict the plan that prescribes the exercise.
func TestCautionsDoNotContradictThePlan(t *testing.T) {
	lib := loadLib(t)
	for _, ph := range lib.Phases {
		for _, id := range ph.Exercises {
			if c := cautionsOf(t, lib, id); strings.Contains(c, "after a back strain") {
				t.Errorf("%s (prescribed in %s) says %q", id, ph.ID, c)
			}
		}
	}
	for _, id := range []string{"cat-cow", "childs-pose", "knee-rolls", "pelvic-tilt", "bridge"} {
		c := cautionsOf(t, lib, id)
		if !strings.Contains(c, "stop if pain turns sharp or spreads") || !strings.Contains(c, "ask a clinician if you are unsure") {
			t.Errorf("%s cautions %q: want stop if sharp/spreading, ask if unsure", id, c)
		}
	}
}

func TestCautionsForOsteoporosisPregnancyAndBackPain(t *testing.T) {
	lib := loadLib(t)
	for word, ids := range map[string][]string{
		"osteoporosis": {"knee-to-chest", "seated-knee-hug", "childs-pose"},
		"pregnan":      {"bridge", "dead-bug", "pelvic-tilt"},
		"back pain":    {"standing-hamstring-stretch", "seated-knee-hug", "overhead-reach"},
	} {
		for _, id := range ids {
			if c := cautionsOf(t, lib, id); !strings.Contains(c, word) {
				t.Errorf("%s cautions lack %q: %q", id, word, c)
			}
		}
	}
}

// The general line every break window shows, with its source.
func TestBreakCaution(t *testing.T) {
	lib := loadLib(t)
	c := lib.BreakCaution()
	if c == nil || !strings.Contains(strings.ToLower(c.Text), "stop if pain increases") {
		t.Fatalf("break caution %+v", c)
	}
	if len(c.Sources) == 0 {
		t.Fatal("break caution has no source")
	}
	for _, s := range c.Sources {
		if _, ok := lib.Sources[s]; !ok {
			t.Errorf("break caution source %q does not resolve", s)
		}
	}
}

var (
	holdRange = regexp.MustCompile(`(?i)hold (?:for )?(\d+) (?:to|–) (\d+) seconds`)
	holdOne   = regexp.MustCompile(`(?i)hold (?:for )?(\d+) seconds`)
	startWith = regexp.MustCompile(`(?i)start with (\d+)\b`)
)

// What a step says matches what its timer does.
func TestStepTextMatchesTimer(t *testing.T) {
	lib := loadLib(t)
	for _, e := range lib.Exercises {
		for i, s := range e.Steps {
			if s.Hold > 0 && !strings.Contains(strings.ToLower(s.Text), "repeat") { // "hold …; repeat twice more" times the repeats
				lo, hi := -1, -1
				if m := holdRange.FindStringSubmatch(s.Text); m != nil {
					lo, _ = strconv.Atoi(m[1])
					hi, _ = strconv.Atoi(m[2])
				} else if m := holdOne.FindStringSubmatch(s.Text); m != nil {
					lo, _ = strconv.Atoi(m[1])
					hi = lo
				}
				if lo >= 0 && (s.Hold.D() < time.Duration(lo)*time.Second || s.Hold.D() > time.Duration(hi)*time.Second) {
					t.Errorf("%s step %d says hold %d–%d s, the timer holds %v", e.ID, i+1, lo, hi, s.Hold.D())
				}
			}
			if m := startWith.FindStringSubmatch(s.Text); m != nil && s.Reps > 0 {
				if n, _ := strconv.Atoi(m[1]); n != s.Reps {
					t.Errorf("%s step %d says start with %d, reps = %d", e.ID, i+1, n, s.Reps)
				}
			}
		}
	}
}
