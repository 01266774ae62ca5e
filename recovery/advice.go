package recovery

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/msg"
)

// Advice levels, least to most urgent.
const (
	LevelSelfCare     = "self-care"     // keep following the plan
	LevelSeeClinician = "see-clinician" // book a doctor or physiotherapist
	LevelUrgent       = "urgent"        // get medical advice today
	LevelEmergency    = "emergency"     // get urgent care now
)

// Levels lists the advice levels, least urgent first.
var Levels = []string{LevelSelfCare, LevelSeeClinician, LevelUrgent, LevelEmergency}

// HeadlineTexts says plainly what to do at each level.
var HeadlineTexts = map[string]msg.Text{
	LevelSelfCare:     msg.L("recovery.headline.self_care", "Keep following the plan. Mild soreness is expected; sharp or rising pain means ease back."),
	LevelSeeClinician: msg.L("recovery.headline.see_clinician", "Book an appointment with your doctor or a physiotherapist."),
	LevelUrgent:       msg.L("recovery.headline.urgent", "Get medical advice today: an urgent appointment with your doctor, or an urgent-care line such as NHS 111."),
	LevelEmergency:    msg.L("recovery.headline.emergency", "Get urgent care now: call your local emergency number or go to the emergency department (A&E)."),
}

// Headlines are HeadlineTexts in English.
var Headlines = func() map[string]string {
	m := map[string]string{}
	for k, t := range HeadlineTexts {
		m[k] = t.English
	}
	return m
}()

// SeekCareIfTexts are the seed guide's signs that a strain needs a
// professional evaluation, in Limber's words. Sources: SeekCareSources.
var SeekCareIfTexts = []msg.Text{
	msg.L("recovery.seek_care.worse", "Your back gets worse instead of better over 1–2 weeks."),
	msg.L("recovery.seek_care.weakness", "You notice weakness, or changes in how well you control your posture or movements (a leg getting weaker, or a dragging foot: get advice today)."),
	msg.L("recovery.seek_care.numbness", "Numbness or tingling spreads into a hip or leg (in both legs: get urgent care now)."),
	msg.L("recovery.seek_care.history", "You have had spine problems or a back injury before."),
	msg.L("recovery.seek_care.recurring", "Strains keep coming back in the same area."),
	msg.L("recovery.seek_care.stiff", "Your back is stiff for more than 30 minutes each morning and eases as you move."),
}

// SeekCareIf are SeekCareIfTexts in English.
var SeekCareIf = msg.Englishes(SeekCareIfTexts)

// SeekCareSources back SeekCareIf.
var SeekCareSources = []string{"seed-back-strain", "nhs", "ahcpr-1994", "nice-ng59"}

// Advice is what the plan tells the person to do now.
type Advice struct {
	Level    string   // self-care, see-clinician, urgent, emergency
	Headline string   // what to do, for the level (English)
	Reasons  []string // English
	// HeadlineText and ReasonTexts are Headline and Reasons as messages,
	// for a window or command to render in the person's language.
	HeadlineText msg.Text
	ReasonTexts  []msg.Text
	// Flags are the red flags behind the advice, most urgent first; each
	// has its own Action text.
	Flags []*content.RedFlag
	// Review is "worsening" or "not-improving" when the 1–2 week review
	// advises an evaluation.
	Review string
	// ScaledBack is true when the plan has stepped back after sharp or
	// rising pain.
	ScaledBack bool
}

// Rank orders advice levels: 0 for self-care up to 3 for emergency; -1 for
// an unknown level.
func Rank(level string) int { return slices.Index(Levels, level) }

// FlagLevel maps a red flag's level to the advice level it calls for.
func FlagLevel(f *content.RedFlag) string {
	switch f.Level {
	case "emergency":
		return LevelEmergency
	case "same-day":
		return LevelUrgent
	}
	return LevelSeeClinician
}

// FlagsAt returns the library's red flags of a content level ("emergency",
// "same-day", "routine") in library order.
func FlagsAt(lib *content.Library, level string) []*content.RedFlag {
	var out []*content.RedFlag
	for _, f := range lib.RedFlags {
		if f.Level == level {
			out = append(out, f)
		}
	}
	return out
}

// flagsAt returns the flags among ids whose advice level is level.
func flagsAt(lib *content.Library, ids []string, level string) []*content.RedFlag {
	var out []*content.RedFlag
	for _, id := range ids {
		if f, ok := redFlag(lib, id); ok && FlagLevel(f) == level {
			out = append(out, f)
		}
	}
	return out
}

// adviceBuilder collects reasons and flags and settles the level.
type adviceBuilder struct {
	lib     *content.Library
	level   string
	reasons []leveled
	flags   []*content.RedFlag
}

type leveled struct {
	rank int
	text msg.Text
}

func (b *adviceBuilder) raise(level string) {
	if Rank(level) > Rank(b.level) {
		b.level = level
	}
}

// flag adds a red flag; a reason without key or text uses the flag's own
// title and text.
func (b *adviceBuilder) flag(id string, reason msg.Text) {
	f, ok := redFlag(b.lib, id)
	if !ok || slices.Contains(b.flags, f) {
		return
	}
	if reason.Key == "" && reason.English == "" {
		reason = msg.L("recovery.reason.flag", f.Title+": "+f.Text, msg.Args{"Title": f.Title, "Text": f.Text})
	}
	b.flags = append(b.flags, f)
	b.reason(FlagLevel(f), reason)
}

func (b *adviceBuilder) reason(level string, text msg.Text) {
	b.raise(level)
	b.reasons = append(b.reasons, leveled{Rank(level), text})
}

func (b *adviceBuilder) advice() Advice {
	sort.SliceStable(b.reasons, func(i, j int) bool { return b.reasons[i].rank > b.reasons[j].rank })
	sort.SliceStable(b.flags, func(i, j int) bool { return Rank(FlagLevel(b.flags[i])) > Rank(FlagLevel(b.flags[j])) })
	a := Advice{Level: b.level, Headline: Headlines[b.level], HeadlineText: HeadlineTexts[b.level], Flags: b.flags}
	for _, r := range b.reasons {
		a.Reasons = append(a.Reasons, r.text.English)
		a.ReasonTexts = append(a.ReasonTexts, r.text)
	}
	return a
}

// adviceFor is the advice for a set of red flags alone.
func adviceFor(lib *content.Library, ids []string) Advice {
	b := &adviceBuilder{lib: lib, level: LevelSelfCare}
	for _, id := range ids {
		b.flag(id, msg.Text{})
	}
	return b.advice()
}

// Advice is the plan's advice on now's date:
//
//   - the red flags of the latest check-in (the intake's before the first
//     check-in) at their level: emergency → emergency, same-day → urgent,
//     routine → see-clinician; routine flags from the intake (history,
//     recurring strains) always count;
//   - "I can't manage my daily tasks" counts as the severe-pain flag;
//   - the review from day 7: pain above the start, or reported worse twice
//     in a row → see-clinician ("worsening"); from day 14, pain not lower
//     than at the start → see-clinician ("not-improving");
//   - sharp or rising pain steps the plan back (self-care, said plainly).
func (p *Plan) Advice(now time.Time) Advice {
	lib := p.Library()
	b := &adviceBuilder{lib: lib, level: LevelSelfCare}
	latest := p.Latest(now)
	assessed := !p.Assessed.IsZero() && !now.Before(p.Assessed)
	if latest == nil {
		for _, id := range p.Flags {
			if f, ok := redFlag(lib, id); ok && f.HoldUntilAssessed && assessed {
				continue // a clinician has seen it
			}
			b.flag(id, msg.Text{})
		}
	} else {
		for _, id := range latest.Flags {
			b.flag(id, msg.Text{})
		}
		for _, f := range flagsAt(lib, p.Flags, LevelSeeClinician) {
			if !f.HoldUntilAssessed {
				b.flag(f.ID, msg.Text{})
			}
		}
	}
	if wait := p.AwaitingAssessment(); len(wait) > 0 {
		var titles []string
		for _, f := range wait {
			b.flag(f.ID, msg.Text{})
			titles = append(titles, strings.ToLower(f.Title[:1])+f.Title[1:])
		}
		held := strings.Join(titles, "; ")
		b.reason(LevelSeeClinician, msg.L("recovery.reason.on_hold", "Your plan is on hold until a clinician has assessed you ("+held+"). Until then the plan prescribes no exercises: breaks offer only gentle movement (walking, posture resets, ankle pumps); keep up gentle everyday movement. When you have been assessed, confirm it here and the plan starts.", msg.Args{"Flags": held}))
	}
	if latest != nil {
		if q := checkinQuestion(lib, "function"); q != nil && len(q.Choices) > 0 && latest.Answers["function"] == q.Choices[len(q.Choices)-1] {
			b.flag("flag-severe", msg.Text{})
		}
	}

	review := p.review(now)
	switch review {
	case "worsening":
		b.flag("flag-worsening", msg.L("recovery.reason.worsening", fmt.Sprintf("Your back seems to be getting worse instead of better over 1–2 weeks (pain %d now, %d at the start). A strain usually improves bit by bit; a doctor or physiotherapist can check for slow healing or too much load.", latest.Pain, p.Baseline()), msg.Args{"Pain": latest.Pain, "Start": p.Baseline()}))
	case "not-improving":
		b.flag("flag-no-improvement", msg.L("recovery.reason.not_improving", fmt.Sprintf("Two weeks on, your pain (%d) is no lower than at the start (%d). Most back pain starts to ease within about 2 weeks; a doctor or physiotherapist can look at what is holding it back.", latest.Pain, p.Baseline()), msg.Args{"Pain": latest.Pain, "Start": p.Baseline()}))
	case "no-checkin":
		b.reason(LevelSelfCare, msg.L("recovery.reason.no_checkin", "No check-in for over a week: check in so the plan can follow how you are doing."))
	}

	st := p.PhaseState(now)
	if st.Phase != nil && st.Index+1 < len(Phases(lib)) {
		next := Phases(lib)[st.Index+1]
		switch st.Waiting {
		case "review":
			b.reason(LevelSelfCare, msg.L("recovery.reason.waiting_review", fmt.Sprintf("The plan stays at %s while your check-ins show the pain not easing: it moves on to %s as your back tolerates more, not by the calendar.", st.Phase.Title, next.Title), msg.Args{"Phase": st.Phase.Title, "Next": next.Title}))
		case "tolerance":
			b.reason(LevelSelfCare, msg.L("recovery.reason.waiting_tolerance", fmt.Sprintf("The plan moves on to %s when a check-in shows pain of %d or less and not getting worse, not by the calendar.", next.Title, st.Phase.MaxPainToAdvance), msg.Args{"Next": next.Title, "Pain": st.Phase.MaxPainToAdvance}))
		}
	}
	if st.ScaledBack && st.Phase != nil {
		if st.SteppedBackToday {
			b.reason(LevelSelfCare, msg.L("recovery.reason.stepped_back", "Sharp or rising pain: the plan has stepped back to "+st.Phase.Title+". Ease off, go back to what felt comfortable, and check in again tomorrow.", msg.Args{"Phase": st.Phase.Title}))
		} else {
			b.reason(LevelSelfCare, msg.L("recovery.reason.holding", "The plan is holding at "+st.Phase.Title+" after sharp or rising pain; a check-in with settled pain moves it on again.", msg.Args{"Phase": st.Phase.Title}))
		}
	}
	a := b.advice()
	if review != "no-checkin" {
		a.Review = review
	}
	a.ScaledBack = st.ScaledBack
	return a
}

// review is the 1–2 week review on now's date: "worsening",
// "not-improving", "no-checkin" (nothing recent to judge by) or "".
func (p *Plan) review(now time.Time) string { return p.reviewOn(p.Day(now)) }

// reviewOn is the review on day (days since the strain), from the
// check-ins up to that day.
func (p *Plan) reviewOn(day int) string {
	if day < 7 {
		return ""
	}
	var latest, prev *Checkin
	n := 0
	for i := range p.Checkins {
		if daysBetween(p.Since, p.Checkins[i].Date) <= day {
			prev, latest = latest, &p.Checkins[i]
			n++
		}
	}
	if latest == nil || day-daysBetween(p.Since, latest.Date) > staleAfterDays {
		return "no-checkin"
	}
	base := p.Baseline()
	if base < 0 || (p.Severity < 0 && n == 1) {
		return "" // the only check-in is the baseline itself
	}
	if latest.Pain > base {
		return "worsening"
	}
	if latest.Function == "worse" && prev != nil && prev.Function == "worse" {
		return "worsening"
	}
	if day >= 14 && latest.Pain > 0 && latest.Pain >= base {
		return "not-improving"
	}
	return ""
}

// before is the check-in before c, or nil.
func (p *Plan) before(c *Checkin) *Checkin {
	for i := range p.Checkins {
		if &p.Checkins[i] == c && i > 0 {
			return &p.Checkins[i-1]
		}
	}
	return nil
}

// checkinQuestion finds a check-in question by id.
func checkinQuestion(lib *content.Library, id string) *content.Checkin {
	for _, q := range lib.Checkins {
		if q.ID == id {
			return q
		}
	}
	return nil
}

// ScreenFlags is the advice for red flags answered outside a plan (the
// intake's screening questions).
func ScreenFlags(lib *content.Library, ids []string) (Advice, error) {
	ids, err := checkFlags(lib, ids)
	if err != nil {
		return Advice{}, err
	}
	return adviceFor(lib, ids), nil
}
