package content

import (
	"slices"
	"strings"
	"testing"
)

// wantFlags is every red flag with the level its source gives and the
// sources it must cite (corrected against NHS "Back pain", NICE NG234 and
// AHCPR 1994 Table 1: research/content-facts.md §5).
var wantFlags = []struct {
	id, level string
	sources   []string
	hold      bool // holds the plan until the person confirms an assessment
}{
	// Emergency: call 999 / go to A&E (NHS).
	{"flag-saddle-numbness", "emergency", []string{"nhs"}, false},
	{"flag-bladder-bowel", "emergency", []string{"nhs"}, false},
	{"flag-sexual-dysfunction", "emergency", []string{"nhs"}, false},
	{"flag-both-legs", "emergency", []string{"nhs"}, false},
	{"flag-unsteady", "emergency", []string{"ahcpr-1994"}, false},
	{"flag-chest-pain", "emergency", []string{"nhs"}, false},
	{"flag-after-accident", "emergency", []string{"nhs"}, false},
	// Same day: 111 or an urgent GP appointment (NHS), NG234, AHCPR.
	{"flag-fever", "same-day", []string{"nhs"}, false},
	{"flag-weight-loss", "same-day", []string{"nhs"}, false},
	{"flag-back-swelling", "same-day", []string{"nhs"}, false},
	{"flag-night-pain", "same-day", []string{"nhs"}, false},
	{"flag-rest-pain", "same-day", []string{"nhs"}, false},
	{"flag-cough-sneeze", "same-day", []string{"nhs"}, false},
	{"flag-upper-back-pain", "same-day", []string{"nhs"}, false},
	{"flag-cancer-history", "same-day", []string{"nice-ng234"}, true},
	{"flag-leg-weakness", "same-day", []string{"ahcpr-1994"}, false},
	{"flag-infection-risk", "same-day", []string{"ahcpr-1994"}, true},
	{"flag-fracture-risk", "same-day", []string{"ahcpr-1994"}, true},
	// Routine: book a visit.
	{"flag-worsening", "routine", []string{"seed-back-strain"}, false},
	{"flag-no-improvement", "routine", []string{"nhs"}, false},
	{"flag-severe", "routine", []string{"nhs"}, false},
	{"flag-leg-pain", "routine", []string{"nhs"}, false},
	{"flag-leg-tingling", "routine", []string{"nhs"}, false},
	{"flag-coordination", "routine", []string{"seed-back-strain"}, false},
	{"flag-first-after-50", "same-day", []string{"ahcpr-1994"}, false},
	{"flag-under-20", "same-day", []string{"ahcpr-1994"}, false},
	{"flag-medical-history", "routine", []string{"ccohs", "mayo", "nhs"}, true},
	{"flag-spine-history", "routine", []string{"seed-back-strain"}, true},
	{"flag-recurring", "routine", []string{"seed-back-strain"}, false},
	{"flag-inflammatory", "routine", []string{"nice-ng59"}, false},
}

func TestRedFlagLevels(t *testing.T) {
	lib := loadLib(t)
	byID := map[string]*RedFlag{}
	for _, f := range lib.RedFlags {
		byID[f.ID] = f
	}
	for _, w := range wantFlags {
		t.Run(w.id, func(t *testing.T) {
			f := byID[w.id]
			if f == nil {
				t.Fatalf("red flag %s missing", w.id)
			}
			if f.Level != w.level {
				t.Errorf("level %q, want %q", f.Level, w.level)
			}
			for _, s := range w.sources {
				if !slices.Contains(f.Sources, s) {
					t.Errorf("sources %v lack %q", f.Sources, s)
				}
			}
			if f.HoldUntilAssessed != w.hold {
				t.Errorf("hold_until_assessed %v, want %v", f.HoldUntilAssessed, w.hold)
			}
			// The action says plainly what to do at the level.
			act := strings.ToLower(f.Action)
			switch w.level {
			case "emergency":
				if !strings.Contains(act, "999") || !strings.Contains(act, "a&e") {
					t.Errorf("emergency action %q does not say call 999 / go to A&E", f.Action)
				}
			case "same-day":
				if !strings.Contains(act, "today") || !strings.Contains(act, "111") {
					t.Errorf("same-day action %q does not say today / 111", f.Action)
				}
			case "routine":
				if !strings.Contains(act, "book") {
					t.Errorf("routine action %q does not say book a visit", f.Action)
				}
			}
			// A flag that asks for an assessment before the plan holds it,
			// and only such a flag says so.
			says := strings.Contains(strings.ToLower(f.Text), "before you follow")
			if says != f.HoldUntilAssessed {
				t.Errorf("text %q vs hold_until_assessed %v: text and behaviour disagree", f.Text, f.HoldUntilAssessed)
			}
		})
	}
	// AHCPR Table 1 lists age; NHS "Back pain" does not.
	if f := byID["flag-first-after-50"]; f != nil && slices.Contains(f.Sources, "nhs") {
		t.Errorf("flag-first-after-50 cites nhs: %v", f.Sources)
	}
	if len(lib.RedFlags) != len(wantFlags) {
		t.Errorf("%d red flags, the test knows %d: add the new one here with its level", len(lib.RedFlags), len(wantFlags))
	}
}

// Some flags are checked for what they ask, not only their level.
func TestRedFlagQuestions(t *testing.T) {
	lib := loadLib(t)
	q := func(id string) string {
		for _, f := range lib.RedFlags {
			if f.ID == id {
				return strings.ToLower(f.Question)
			}
		}
		t.Fatalf("red flag %s missing", id)
		return ""
	}
	for id, words := range map[string][]string{
		"flag-both-legs":      {"pain", "both legs"},
		"flag-fever":          {"hot and shivery"},
		"flag-cough-sneeze":   {"sneez", "cough", "bowels"},
		"flag-rest-pain":      {"rest"},
		"flag-infection-risk": {"drug", "immun", "infection", "spinal"},
		"flag-fracture-risk":  {"osteoporosis", "lifting"},
		"flag-under-20":       {"under 20"},
		"flag-leg-weakness":   {"one leg", "foot"},
		"flag-inflammatory":   {"morning", "30 minutes"},
		"flag-cancer-history": {"cancer"},
	} {
		got := q(id)
		for _, w := range words {
			if !strings.Contains(got, w) {
				t.Errorf("%s asks %q: no %q", id, got, w)
			}
		}
	}
}
