package recovery

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/msg"
)

// Plan is one recovery plan: the strain, the intake answers and the daily
// check-ins. The current phase and advice are worked out from these and the
// date, so the same plan read at the same time always gives the same answer.
type Plan struct {
	Since     time.Time // local date (midnight) of the strain: day 0
	Started   time.Time // when the plan was started
	How       string    // how it happened, in the person's words
	Severity  int       // pain 0–10 at the intake; -1 when not given
	Flags     []string  // red-flag ids answered yes at the intake
	Checkins  []Checkin // one per date, oldest first
	Phase     string    // the phase at the last update (Start, CheckIn, Refresh)
	Stopped   bool
	StoppedAt time.Time
	// Assessed is when the person confirmed a clinician has assessed them
	// (zero: not yet); it lifts the hold of the intake's
	// hold_until_assessed flags (see AwaitingAssessment).
	Assessed time.Time

	lib *content.Library
}

// Checkin is one daily check-in.
type Checkin struct {
	Date time.Time // the local date it describes (midnight); zero means today
	At   time.Time // when it was recorded (set by CheckIn)
	Pain int       // 0–10
	// Function answers the "trend" question: is the back better, the same
	// or worse than the day before ("better", "same", "worse"; "" = not
	// answered).
	Function string
	Sleep    string   // "good", or "poor" when pain woke you or kept you awake; "" = not answered
	Flags    []string // red-flag ids answered yes
	// Answers holds the other check-in questions by their content id:
	// "function" (how much the back limits you: one of its choices),
	// "walking" and "sharp-pain" (yes or no).
	Answers map[string]string
}

// Sharp reports whether the check-in says an activity brought on sharp or
// rising pain.
func (c *Checkin) Sharp() bool { return c.Answers["sharp-pain"] == "yes" }

// Intake is what the person tells the plan when it starts.
type Intake struct {
	How   string   // how it happened
	Pain  int      // 0–10; -1 when not given
	Flags []string // red-flag ids answered yes
	// Library supplies the phases, red flags and thermal rules; nil means
	// the embedded library.
	Library *content.Library
}

// Values accepted for Checkin.Function and Checkin.Sleep.
var (
	FunctionValues = []string{"better", "same", "worse"}
	SleepValues    = []string{"good", "poor"}
)

// nightPainFlag is the red flag a "yes" to "back pain woke me" raises.
const nightPainFlag = "flag-night-pain"

// maxHow bounds the free-text "how it happened".
const maxHow = 500

var (
	defaultOnce sync.Once
	defaultLib  *content.Library
	defaultErr  error
)

// DefaultLibrary is the embedded content library, loaded once.
func DefaultLibrary() (*content.Library, error) {
	defaultOnce.Do(func() { defaultLib, defaultErr = content.Load() })
	return defaultLib, defaultErr
}

// UseLibrary sets the library the plan reads its phases, flags and rules
// from (LoadState and Start use the embedded one unless told otherwise).
func (p *Plan) UseLibrary(lib *content.Library) { p.lib = lib }

// Library is the plan's content library.
func (p *Plan) Library() *content.Library {
	if p.lib == nil {
		lib, err := DefaultLibrary()
		if err != nil {
			// The embedded library is checked by content's tests; an
			// empty one keeps the plan from crashing if it ever fails.
			return &content.Library{}
		}
		p.lib = lib
	}
	return p.lib
}

// Start screens the intake for red flags and starts a plan for a strain on
// since's date (zero means today). Any emergency flag returns no plan, its
// Advice and ErrEmergency. Bad input returns a *FieldError.
func Start(since, now time.Time, in Intake) (*Plan, Advice, error) {
	lib := in.Library
	if lib == nil {
		var err error
		if lib, err = DefaultLibrary(); err != nil {
			return nil, Advice{}, err
		}
	}
	if since.IsZero() {
		since = now
	}
	since = DateOf(since)
	if d := daysBetween(since, now); d < 0 {
		return nil, Advice{}, &FieldError{Field: "since", Got: fmtDate(since) + " is in the future",
			Want:     "expected the date the strain happened, today (" + fmtDate(now) + ") or earlier",
			GotText:  msg.L("recovery.error.in_future", fmtDate(since)+" is in the future", msg.Args{"Date": fmtDate(since)}),
			WantText: msg.L("recovery.error.want_since", "expected the date the strain happened, today ("+fmtDate(now)+") or earlier", msg.Args{"Today": fmtDate(now)})}
	}
	if in.Pain < -1 || in.Pain > 10 {
		return nil, Advice{}, painError(in.Pain)
	}
	how := strings.TrimSpace(in.How)
	if len(how) > maxHow {
		return nil, Advice{}, &FieldError{Field: "how", Got: fmt.Sprintf("%d characters", len(how)), Want: fmt.Sprintf("expected a short description of at most %d characters", maxHow),
			GotText:  msg.L("recovery.error.characters", fmt.Sprintf("%d characters", len(how)), msg.Args{"N": len(how)}),
			WantText: msg.L("recovery.error.want_how", fmt.Sprintf("expected a short description of at most %d characters", maxHow), msg.Args{"Max": maxHow})}
	}
	flags, err := checkFlags(lib, in.Flags)
	if err != nil {
		return nil, Advice{}, err
	}
	if em := flagsAt(lib, flags, LevelEmergency); len(em) > 0 {
		return nil, adviceFor(lib, flags), ErrEmergency
	}
	p := &Plan{Since: since, Started: now, How: how, Severity: in.Pain, Flags: flags, lib: lib}
	p.Refresh(now)
	return p, p.Advice(now), nil
}

// CheckIn records a daily check-in and returns the advice that follows. A
// second check-in for the same date replaces the first. Bad input returns
// a *FieldError; a stopped plan returns ErrStopped.
func (p *Plan) CheckIn(c Checkin, now time.Time) (Advice, error) {
	if p.Stopped {
		return Advice{}, ErrStopped
	}
	lib := p.Library()
	if c.Date.IsZero() {
		c.Date = now
	}
	c.Date = DateOf(c.Date)
	if daysBetween(c.Date, now) < 0 {
		return Advice{}, &FieldError{Field: "date", Got: fmtDate(c.Date) + " is in the future", Want: "expected today (" + fmtDate(now) + ") or an earlier day",
			GotText:  msg.L("recovery.error.in_future", fmtDate(c.Date)+" is in the future", msg.Args{"Date": fmtDate(c.Date)}),
			WantText: msg.L("recovery.error.want_today", "expected today ("+fmtDate(now)+") or an earlier day", msg.Args{"Today": fmtDate(now)})}
	}
	if start := DateOf(p.Started); daysBetween(start, c.Date) < 0 {
		return Advice{}, &FieldError{Field: "date", Got: fmtDate(c.Date) + " is before the plan started", Want: "expected " + fmtDate(start) + " or later",
			GotText:  msg.L("recovery.error.before_start", fmtDate(c.Date)+" is before the plan started", msg.Args{"Date": fmtDate(c.Date)}),
			WantText: msg.L("recovery.error.want_from", "expected "+fmtDate(start)+" or later", msg.Args{"Start": fmtDate(start)})}
	}
	if c.Pain < 0 || c.Pain > 10 {
		return Advice{}, painError(c.Pain)
	}
	if c.Function != "" && !slices.Contains(FunctionValues, c.Function) {
		return Advice{}, &FieldError{Field: "function", Got: fmt.Sprintf("%q", c.Function), Want: "expected better, same or worse (compared with the day before)"}
	}
	if c.Sleep != "" && !slices.Contains(SleepValues, c.Sleep) {
		return Advice{}, &FieldError{Field: "sleep", Got: fmt.Sprintf("%q", c.Sleep), Want: "expected good, or poor if back pain woke you or kept you awake"}
	}
	flags, err := checkFlags(lib, c.Flags)
	if err != nil {
		return Advice{}, err
	}
	c.Flags = flags
	if err := checkAnswers(lib, c.Answers); err != nil {
		return Advice{}, err
	}
	c.Answers = cloneAnswers(c.Answers)
	// "Did back pain wake you?" yes is night pain: the same-day flag, not
	// only sleep quality (NHS).
	if _, ok := redFlag(lib, nightPainFlag); ok && c.Sleep == "poor" && !slices.Contains(c.Flags, nightPainFlag) {
		c.Flags = append(c.Flags, nightPainFlag)
	}
	c.At = now

	out := p.Checkins[:0:0]
	for _, old := range p.Checkins {
		if !sameDate(old.Date, c.Date) {
			out = append(out, old)
		}
	}
	out = append(out, c)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	p.Checkins = out
	p.Refresh(now)
	return p.Advice(now), nil
}

// Stop ends the plan; its history stays.
func (p *Plan) Stop(now time.Time) {
	p.Stopped, p.StoppedAt = true, now
}

// Day is the number of days since the strain: 0 on its day.
func (p *Plan) Day(now time.Time) int { return max(daysBetween(p.Since, now), 0) }

// Active reports whether the plan runs (not stopped).
func (p *Plan) Active() bool { return p != nil && !p.Stopped }

// Refresh updates p.Phase for now.
func (p *Plan) Refresh(now time.Time) {
	if ph := p.CurrentPhase(now); ph != nil {
		p.Phase = ph.ID
	}
}

// Latest is the most recent check-in on or before now's date, or nil.
func (p *Plan) Latest(now time.Time) *Checkin {
	for i := len(p.Checkins) - 1; i >= 0; i-- {
		if daysBetween(p.Checkins[i].Date, now) >= 0 {
			return &p.Checkins[i]
		}
	}
	return nil
}

// CheckedInToday reports whether there is a check-in for now's date.
func (p *Plan) CheckedInToday(now time.Time) bool {
	l := p.Latest(now)
	return l != nil && sameDate(l.Date, now)
}

// Baseline is the pain the plan measures progress against: the intake's,
// or the first check-in's when the intake gave none; -1 when unknown.
func (p *Plan) Baseline() int {
	if p.Severity >= 0 {
		return p.Severity
	}
	if len(p.Checkins) > 0 {
		return p.Checkins[0].Pain
	}
	return -1
}

func painError(n int) error {
	return &FieldError{Field: "pain", Got: fmt.Sprint(n), Want: "expected a whole number from 0 (none) to 10 (the worst you can imagine)"}
}

// checkFlags checks red-flag ids against the library and returns them
// without duplicates.
func checkFlags(lib *content.Library, ids []string) ([]string, error) {
	var out []string
	for _, id := range ids {
		id = strings.TrimSpace(id)
		if _, ok := redFlag(lib, id); !ok {
			known := make([]string, 0, len(lib.RedFlags))
			for _, f := range lib.RedFlags {
				known = append(known, f.ID)
			}
			return nil, &FieldError{Field: "flag", Got: fmt.Sprintf("unknown red-flag id %q", id), Want: "expected one of: " + strings.Join(known, ", ")}
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// checkAnswers checks answers to the library's check-in questions, other
// than pain, trend and sleep, which have their own fields.
func checkAnswers(lib *content.Library, ans map[string]string) error {
	keys := make([]string, 0, len(ans))
	for k := range ans {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := ans[k]
		var q *content.Checkin
		for _, c := range lib.Checkins {
			if c.ID == k {
				q = c
			}
		}
		switch {
		case q == nil || k == "pain" || k == "trend" || k == "sleep":
			return &FieldError{Field: "answer", Got: fmt.Sprintf("unknown question %q", k), Want: "expected function, walking or sharp-pain (pain, trend and sleep have their own fields)"}
		case q.Type == "yesno" && v != "yes" && v != "no":
			return &FieldError{Field: "answer", Got: fmt.Sprintf("%s=%q", k, v), Want: "expected yes or no"}
		case q.Type == "choice" && !slices.Contains(q.Choices, v):
			return &FieldError{Field: "answer", Got: fmt.Sprintf("%s=%q", k, v), Want: "expected one of: " + strings.Join(q.Choices, ", ")}
		}
	}
	return nil
}

func cloneAnswers(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// redFlag finds a red flag by id.
func redFlag(lib *content.Library, id string) (*content.RedFlag, bool) {
	for _, f := range lib.RedFlags {
		if f.ID == id {
			return f, true
		}
	}
	return nil, false
}

// CheckinOn is the check-in for date's day (zero date: now's), or nil.
func (p *Plan) CheckinOn(date, now time.Time) *Checkin {
	if date.IsZero() {
		date = now
	}
	for i := range p.Checkins {
		if sameDate(p.Checkins[i].Date, date) {
			return &p.Checkins[i]
		}
	}
	return nil
}
