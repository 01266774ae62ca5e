package i18n_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/lifting"
	"github.com/limberapp/limber/msg"
	"github.com/limberapp/limber/prefs"
	"github.com/limberapp/limber/recovery"
	"github.com/limberapp/limber/schedule"
	"github.com/limberapp/limber/workstation"
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

// TestWorkstationTextsMatchEnglish checks the measure helper's notes for
// random heights (seeded), its method and the disclaimer.
func TestWorkstationTextsMatchEnglish(t *testing.T) {
	i18n.UseLanguages([]string{"en"})
	englishMatches(t, "method", workstation.MeasureMethodText())
	englishMatches(t, "disclaimer", workstation.DisclaimerText)
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	keys := map[string]bool{}
	for i := 0; i < 2000; i++ {
		cm := 120 + rng.Float64()*100
		m, err := workstation.Measure(cm)
		if err != nil {
			continue
		}
		for _, n := range []msg.Text{
			workstation.FitNoteText(m.Seat, workstation.ANSISeat, msg.Plain("seat height")),
			workstation.FitNoteText(m.Keyboard, workstation.ANSIKeyboard, msg.Plain("keyboard height")),
		} {
			keys[n.Key] = true
			englishMatches(t, fmt.Sprintf("seed %d height %.1f", seed, cm), n)
		}
	}
	if len(keys) < 4 {
		t.Errorf("seed %d: only %v", seed, keys)
	}
}

func TestMsgNumbersUseTheLanguageSeparator(t *testing.T) {
	restore := i18n.WithLanguage("de", map[string]string{"workstation.fit.inside": "{{.What}}: {{.Low}}–{{.High}} cm; passt."})
	defer restore()
	std := workstation.ANSISeat
	inside := workstation.Range{Low: std.Low, Mid: (std.Low + std.High) / 2, High: std.High}
	got := i18n.Msg(workstation.FitNoteText(inside, std, msg.Plain("Sitzhöhe")))
	want := fmt.Sprintf("Sitzhöhe: %s–%s cm; passt.", strings.Replace(fmt.Sprintf("%.1f", workstation.ANSISeat.Low), ".", ",", 1), strings.Replace(fmt.Sprintf("%.1f", workstation.ANSISeat.High), ".", ",", 1))
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestLiftingTextsMatchEnglish computes random lifts (seeded) and checks
// the reading, notes, advice, HSE reductions and zone words render in
// English exactly as the package words them.
func TestLiftingTextsMatchEnglish(t *testing.T) {
	i18n.UseLanguages([]string{"en"})
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	where := "seed " + strconv.FormatInt(seed, 10)
	keys := map[string]bool{}
	pick := func(vs ...float64) float64 { return vs[rng.Intn(len(vs))] }
	for i := 0; i < 3000; i++ {
		l := lifting.Lift{
			LoadKg: pick(5, 12.5, 23), HCm: pick(20, 25, 40, 55, 63, 64), VCm: pick(0, 30, 75, 120, 175, 176),
			DCm: pick(10, 25, 50, 100, 175), ADeg: pick(0, 30, 90, 135, 136), Freq: pick(0.1, 0.2, 1, 3.5, 9, 13, 15, 16),
			Duration: []lifting.DurationBand{lifting.Short, lifting.Moderate, lifting.Long}[rng.Intn(3)],
			Coupling: []lifting.Coupling{lifting.Good, lifting.Fair, lifting.Poor}[rng.Intn(3)],
			Lowering: rng.Intn(2) == 0,
		}
		if rng.Intn(4) == 0 {
			l.Lowering = false
			dv := pick(0, 40, 100)
			if l.VCm+dv <= 180 {
				l.Dest = &lifting.Place{HCm: pick(25, 50, 64), VCm: l.VCm + dv, ADeg: pick(0, 140)}
				l.DCm = dv
			}
		}
		if rng.Intn(5) == 0 { // a bad field
			switch rng.Intn(4) {
			case 0:
				l.HCm = -1
			case 1:
				l.Freq = 2e6
			case 2:
				l.LoadKg = math.Inf(1)
			case 3:
				l.Dest = &lifting.Place{HCm: 30, VCm: l.VCm + 10}
				l.DCm = 50
			}
		}
		r, err := lifting.Compute(l)
		if err != nil {
			var fe *lifting.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("%s: %v is no FieldError", where, err)
			}
			if fe.Text().English != err.Error() {
				t.Fatalf("%s: %q vs %q", where, fe.Text().English, err.Error())
			}
			keys[fe.Text().Key] = true
			englishMatches(t, where, fe.Text())
			if fe.WantText.Key != "" {
				englishMatches(t, where, fe.WantText)
			}
			continue
		}
		ts := []msg.Text{r.ReadingMsg(), l.Duration.WordsText()}
		for _, u := range []lifting.Units{lifting.Metric, lifting.US} {
			ts = append(ts, lifting.NotesText(l, r, u)...)
			for _, a := range r.Advice {
				ts = append(ts, a.DescribeText(u))
			}
		}
		ts = append(ts, lifting.USLimitNotesText(l)...)
		z := lifting.Zones[rng.Intn(len(lifting.Zones))]
		ts = append(ts, z.WordsText())
		if fr, err := lifting.Filter(lifting.FilterInput{Zone: z, Sex: lifting.Men, LoadKg: l.LoadKg, LiftsPerMin: l.Freq, TwistDeg: l.ADeg}); err == nil {
			ts = append(ts, fr.ReductionTexts...)
			if strings.Join(msg.Englishes(fr.ReductionTexts), "|") != strings.Join(fr.Reductions, "|") {
				t.Fatalf("%s: reductions differ", where)
			}
		}
		for _, m := range ts {
			keys[m.Key] = true
		}
		englishMatches(t, where, ts...)
		if t.Failed() {
			t.Fatalf("%s: lift %+v", where, l)
		}
	}
	t.Logf("%d keys seen", len(keys))
	if len(keys) < 30 {
		t.Errorf("%s: only %d keys seen: %v", where, len(keys), keys)
	}
}

func TestScheduleErrorsMatchEnglish(t *testing.T) {
	i18n.UseLanguages([]string{"en"})
	for _, err := range []error{schedule.ErrStrict, schedule.ErrSkipBudget, schedule.ErrPostponeLimit, schedule.ErrNotInBreak, schedule.ErrDisabled} {
		m := schedule.ErrorText(fmt.Errorf("wrapped: %w", err))
		if m.Key == "" || m.English != err.Error() {
			t.Errorf("%v: %+v", err, m)
		}
		englishMatches(t, err.Error(), m)
	}
	_, err := schedule.ParseKind("nap")
	m := schedule.ErrorText(err)
	if m.Key != "schedule.error.unknown_kind" || m.English != err.Error() {
		t.Errorf("ParseKind: %+v", m)
	}
	englishMatches(t, "ParseKind", m)
}

// TestWorkstationReportEnglishUnchanged: rendered through the catalog in
// English, random reports (seeded) read exactly as the package writes them;
// in a test German, the page's words and language change.
func TestWorkstationReportEnglishUnchanged(t *testing.T) {
	i18n.UseLanguages([]string{"en"})
	lib, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	day := time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)
	choices := []workstation.Answer{workstation.Yes, workstation.No, workstation.Unsure}
	for i := 0; i < 40; i++ {
		answers := func() workstation.Answers {
			a := workstation.Answers{}
			for _, it := range lib.Checklist {
				if rng.Intn(5) > 0 {
					a[it.ID] = choices[rng.Intn(3)]
				}
			}
			return a
		}
		setup := workstation.Setups[rng.Intn(len(workstation.Setups))]
		height := []float64{0, 150, 172, 195}[rng.Intn(4)]
		cur := workstation.NewCheck(lib.Checklist, setup, answers(), height, day.AddDate(0, 0, 7))
		r := workstation.Report{Check: cur, Items: lib.Checklist, Sources: lib.Sources}
		if rng.Intn(2) == 0 {
			prev := workstation.NewCheck(lib.Checklist, setup, answers(), 0, day)
			r.Previous = &prev
		}
		plainMD, plainHTML := r.Markdown(), r.HTML()
		r.Say, r.Lang = i18n.Msg, i18n.Language()
		if md := r.Markdown(); md != plainMD {
			t.Fatalf("seed %d: Markdown through the catalog differs:\n%s\n---\n%s", seed, md, plainMD)
		}
		if h := r.HTML(); h != plainHTML {
			t.Fatalf("seed %d: HTML through the catalog differs", seed)
		}
	}
	restore := i18n.WithLanguage("de", map[string]string{"workstation.report.by_area": "Punkte nach Bereich", "month.11": "November"})
	defer restore()
	r := workstation.Report{Check: workstation.NewCheck(lib.Checklist, workstation.DeskMonitor, workstation.Answers{}, 0, day), Items: lib.Checklist, Say: i18n.Msg, Lang: i18n.Language()}
	if md := r.Markdown(); !strings.Contains(md, "## Punkte nach Bereich") {
		t.Errorf("German Markdown:\n%s", md)
	}
	if h := r.HTML(); !strings.Contains(h, `<html lang="de">`) || !strings.Contains(h, "<h2>Punkte nach Bereich</h2>") {
		t.Errorf("German HTML:\n%s", h)
	}
}

// TestPrefsProblemsMatchEnglish writes settings files with random bad
// values (seeded) and checks each problem reads the same through the
// catalog in English, and each Key.Set error too; in a test German the
// file, line and key stay and the words change.
func TestPrefsProblemsMatchEnglish(t *testing.T) {
	i18n.UseLanguages([]string{"en"})
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	raws := []string{`"x"`, `12`, `true`, `"25:00"`, `[1, 2]`, `"20q"`, `-5`, `99999999`, `"1000h"`, `["nope"]`, `"06:00"`}
	dir := t.TempDir()
	keys := map[string]bool{}
	for i := 0; i < 60; i++ {
		var b strings.Builder
		sections := map[string][]string{}
		for n := 0; n < 6; n++ {
			k := prefs.Keys[rng.Intn(len(prefs.Keys))]
			dot := strings.LastIndex(k.Name, ".")
			sections[k.Name[:dot]] = append(sections[k.Name[:dot]], k.Name[dot+1:]+" = "+raws[rng.Intn(len(raws))])
			cfg := prefs.Defaults()
			if err := k.Set(&cfg, strings.Trim(raws[rng.Intn(len(raws))], `"`)); err != nil {
				if got, want := i18n.Msg(prefs.FieldText(err)), prefs.FieldText(err).English; got != want {
					t.Errorf("seed %d: field %q, want %q", seed, got, want)
				}
			}
		}
		if rng.Intn(3) == 0 {
			sections["breaks"] = append(sections["breaks"], "nonsense = 1")
		}
		if i < 4 {
			for _, kind := range []string{"posture", "mobility", "rest"} {
				delete(sections, "breaks."+kind)
			}
		}
		for sec, lines := range sections {
			seen := map[string]bool{}
			fmt.Fprintf(&b, "[%s]\n", sec)
			for _, l := range lines {
				if name := strings.Fields(l)[0]; !seen[name] {
					seen[name] = true
					b.WriteString(l + "\n")
				}
			}
		}
		if i >= 4 && rng.Intn(10) == 0 {
			b.WriteString("this is = = not toml\n")
		}
		// The first files surely, the others now and then: a break whose
		// duration or warning is not shorter than its interval.
		if i < 4 || rng.Intn(3) == 0 {
			kind := []string{"posture", "mobility", "rest"}[rng.Intn(3)]
			if i < 4 {
				kind = "posture" // its every may be 3m
			}
			if _, dup := sections["breaks."+kind]; !dup {
				fmt.Fprintf(&b, "[breaks.%s]\nevery = \"3m\"\n%s = \"4m\"\n", kind, []string{"duration", "warn_before"}[i%2])
			}
		}
		path := fmt.Sprintf("%s/c%d.toml", dir, i)
		if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
			t.Fatal(err)
		}
		_, probs := prefs.Load(path, prefs.Options{Environ: []string{}, SystemFiles: []string{}})
		for _, p := range probs {
			keys[p.Text.Key] = true
			if p.Short.Key != "" && (i18n.Msg(p.Short) != p.Short.English || !strings.HasPrefix(p.Msg, p.Short.English)) {
				t.Errorf("seed %d: short %q of %q", seed, i18n.Msg(p.Short), p.Msg)
			}
			if got := p.Say(i18n.Msg); got != p.String() {
				t.Errorf("seed %d: through the catalog\n  %q\nbut\n  %q", seed, got, p.String())
			}
		}
	}
	for _, k := range []string{"prefs.problem.bad_value_default", "prefs.problem.unknown_key", "prefs.cross.joined", "prefs.cross.warn"} {
		if !keys[k] {
			t.Errorf("seed %d: no %s among %v", seed, k, keys)
		}
	}
	restore := i18n.WithLanguage("de", map[string]string{"prefs.problem.unknown_key": "unbekannter Schlüssel; ignoriert"})
	defer restore()
	path := dir + "/de.toml"
	if err := os.WriteFile(path, []byte("[breaks]\nnonsense = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, probs := prefs.Load(path, prefs.Options{Environ: []string{}, SystemFiles: []string{}})
	if len(probs) != 1 || probs[0].Say(i18n.Msg) != path+":2: breaks.nonsense: unbekannter Schlüssel; ignoriert" {
		t.Errorf("German: %v", probs)
	}
}

func TestRecoveryFieldErrorsMatchEnglish(t *testing.T) {
	i18n.UseLanguages([]string{"en"})
	day := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	var errs []error
	_, _, err := recovery.Start(day.AddDate(0, 0, 3), day, recovery.Intake{Pain: 3})
	errs = append(errs, err)
	_, _, err = recovery.Start(day, day, recovery.Intake{Pain: 3, How: strings.Repeat("x", 2000)})
	errs = append(errs, err)
	p, _, err := recovery.Start(day, day, recovery.Intake{Pain: 3})
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.CheckIn(recovery.Checkin{Date: day.AddDate(0, 0, 2), Pain: 2}, day)
	errs = append(errs, err)
	_, err = p.CheckIn(recovery.Checkin{Date: day.AddDate(0, 0, -2), Pain: 2}, day)
	errs = append(errs, err)
	for i, err := range errs {
		var fe *recovery.FieldError
		if !errors.As(err, &fe) {
			t.Fatalf("case %d: %v", i, err)
		}
		if fe.GotText.English != fe.Got || fe.WantText.English != fe.Want || fe.GotText.Key == "" || fe.WantText.Key == "" {
			t.Errorf("case %d: %+v", i, fe)
		}
		englishMatches(t, fmt.Sprint("case ", i), fe.GotText, fe.WantText)
	}
}
