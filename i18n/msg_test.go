package i18n_test

import (
	"math/rand"
	"strconv"
	"testing"
	"time"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/msg"
	"github.com/limberapp/limber/recovery"
)

// englishMatches fails when a pure package's English wording of a
// message differs from en.json's, rendered with its arguments: the two
// must say the same thing, or English readers of the window and of the
// JSON status would read different text.
func englishMatches(t *testing.T, where string, ts ...msg.Text) {
	t.Helper()
	for _, m := range ts {
		if m.Key == "" {
			continue
		}
		if !i18n.Has(m.Key) {
			t.Errorf("%s: key %q is not in en.json", where, m.Key)
			continue
		}
		if got := i18n.Msg(m); got != m.English {
			t.Errorf("%s: %s renders\n  %q\nbut the package says\n  %q", where, m.Key, got, m.English)
		}
	}
}

func TestRecoveryStaticTextsMatchEnglish(t *testing.T) {
	i18n.UseLanguages([]string{"en"})
	for _, l := range recovery.Levels {
		englishMatches(t, "headline "+l, recovery.HeadlineTexts[l])
	}
	englishMatches(t, "seek care", recovery.SeekCareIfTexts...)
	if len(recovery.SeekCareIf) != len(recovery.SeekCareIfTexts) {
		t.Fatal("SeekCareIf and SeekCareIfTexts differ in length")
	}
}

// TestRecoveryAdviceMatchesEnglish runs random plans (seeded; the seed is
// printed on failure) and checks every headline and reason the advice
// gives renders in English exactly as the package words it.
func TestRecoveryAdviceMatchesEnglish(t *testing.T) {
	i18n.UseLanguages([]string{"en"})
	lib, err := recovery.DefaultLibrary()
	if err != nil {
		t.Fatal(err)
	}
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	zone := time.FixedZone("UTC+1", 3600)
	day0 := time.Date(2026, 3, 2, 0, 0, 0, 0, zone)
	keys := map[string]bool{}
	for run := 0; run < 200; run++ {
		var flags []string
		for _, f := range lib.RedFlags {
			if rng.Intn(12) == 0 {
				flags = append(flags, f.ID)
			}
		}
		p, a, err := recovery.Start(day0, day0.Add(10*time.Hour), recovery.Intake{How: "lifting", Pain: rng.Intn(11), Flags: flags})
		if err != nil {
			continue // an emergency sign at intake starts no plan
		}
		check := func(where string, a recovery.Advice) {
			if len(a.ReasonTexts) != len(a.Reasons) || a.HeadlineText.English != a.Headline {
				t.Fatalf("seed %d %s: texts and English differ: %+v", seed, where, a)
			}
			englishMatches(t, where, a.HeadlineText)
			englishMatches(t, where, a.ReasonTexts...)
			for _, r := range a.ReasonTexts {
				keys[r.Key] = true
			}
		}
		check("start", a)
		d := 0
		for d < 28 {
			d += 1 + rng.Intn(5)
			c := recovery.Checkin{Date: day0.AddDate(0, 0, d), Pain: rng.Intn(11), Function: recovery.FunctionValues[rng.Intn(3)]}
			if rng.Intn(15) == 0 && len(lib.RedFlags) > 0 {
				c.Flags = []string{lib.RedFlags[rng.Intn(len(lib.RedFlags))].ID}
			}
			a, err := p.CheckIn(c, day0.AddDate(0, 0, d).Add(20*time.Hour))
			if err != nil {
				continue // a stopped or held plan
			}
			check("check-in", a)
			check("later", p.Advice(day0.AddDate(0, 0, d+rng.Intn(10)).Add(9*time.Hour)))
		}
	}
	if t.Failed() {
		t.Logf("seed %d", seed)
	}
	for _, k := range []string{"recovery.reason.flag", "recovery.reason.worsening", "recovery.reason.no_checkin"} {
		if !keys[k] {
			t.Errorf("seed %d: the random plans never gave %s (keys seen: %v)", seed, k, keys)
		}
	}
}

func TestMsgSpeaksTheLanguage(t *testing.T) {
	restore := i18n.WithLanguage("de", map[string]string{
		"recovery.headline.urgent":  "Heute ärztlichen Rat holen.",
		"recovery.reason.worsening": "Schmerz {{.Pain}} jetzt, {{.Start}} am Anfang.",
	})
	defer restore()
	if got := i18n.Msg(recovery.HeadlineTexts[recovery.LevelUrgent]); got != "Heute ärztlichen Rat holen." {
		t.Errorf("headline %q", got)
	}
	if got := i18n.Msg(msg.L("recovery.reason.worsening", "…", msg.Args{"Pain": 6, "Start": 4})); got != "Schmerz 6 jetzt, 4 am Anfang." {
		t.Errorf("reason %q", got)
	}
	// A message without a key is content already in the reader's language.
	if got := i18n.Msg(msg.Plain("Mobilisieren")); got != "Mobilisieren" {
		t.Errorf("plain %q", got)
	}
	// A key the language lacks is English, not the key.
	if got := i18n.Msg(recovery.HeadlineTexts[recovery.LevelSelfCare]); got != recovery.Headlines[recovery.LevelSelfCare] {
		t.Errorf("fallback %q", got)
	}
}

// TestThermalReasonsMatchEnglish asks random timers (every phase, random
// earlier sessions and times; seeded) whether ice or heat may start, and
// checks each refusal renders in English as the package words it.
func TestThermalReasonsMatchEnglish(t *testing.T) {
	i18n.UseLanguages([]string{"en"})
	lib, err := recovery.DefaultLibrary()
	if err != nil {
		t.Fatal(err)
	}
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	rules := recovery.ThermalRules(lib)
	phases := append([]*content.Phase{nil}, recovery.Phases(lib)...)
	keys := map[string]bool{}
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 3000; i++ {
		ph := phases[rng.Intn(len(phases))]
		tt := recovery.ThermalTimer{Rules: rules}
		if ph != nil {
			tt.Phase, tt.PhaseTitle = ph.ID, ph.Title
		}
		now := day.Add(time.Duration(rng.Intn(24*60)) * time.Minute)
		var last []recovery.Session
		for n := rng.Intn(6); n > 0; n-- {
			k := []string{"ice", "heat"}[rng.Intn(2)]
			last = append(last, recovery.Session{Kind: k, Start: now.Add(-time.Duration(rng.Intn(6*60)) * time.Minute)})
		}
		kind := []string{"ice", "heat"}[rng.Intn(2)]
		ok, why := tt.CanStartText(kind, now, last)
		if _, eng := tt.CanStart(kind, now, last); eng != why.English {
			t.Fatalf("seed %d: CanStart %q, CanStartText %q", seed, eng, why.English)
		}
		if ok {
			continue
		}
		if why.Key == "" {
			t.Errorf("seed %d: %q has no key", seed, why.English)
		}
		keys[why.Key] = true
		englishMatches(t, "seed "+strconv.FormatInt(seed, 10), why)
	}
	t.Logf("refusals seen: %v", keys)
	for _, k := range []string{"recovery.thermal.no_plan", "recovery.thermal.no_heat_at_night", "recovery.thermal.gap"} {
		if !keys[k] {
			t.Errorf("seed %d: never refused with %s (%v)", seed, k, keys)
		}
	}
}
