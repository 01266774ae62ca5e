package content

import (
	"fmt"
	"time"

	"github.com/limberapp/limber/msg"
)

// Duration is a Go duration written as a string in the data files ("30s",
// "2m", "1m30s").
type Duration time.Duration

// UnmarshalText parses a Go duration; it must be positive.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("bad duration %q: expected a Go duration such as \"30s\" or \"2m\"", string(b))
	}
	if v <= 0 {
		return fmt.Errorf("bad duration %q: must be more than zero", string(b))
	}
	*d = Duration(v)
	return nil
}

// MarshalText writes the duration as Go does.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// D returns the time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

// Break kinds an exercise can suit.
const (
	KindPosture  = "posture"
	KindMobility = "mobility"
	KindRest     = "rest"
)

// Kinds lists the break kinds.
var Kinds = []string{KindPosture, KindMobility, KindRest}

// Areas lists the body areas exercises name.
var Areas = []string{"neck", "shoulders", "upper-back", "lower-back", "hips", "legs", "circulation", "wrists-hands", "eyes", "whole-body"}

// Positions lists where an exercise is done.
var Positions = []string{"seated", "standing", "floor"}

// Step is one instruction of an exercise, with its timing: a hold or a
// number of repetitions, and the side it works.
type Step struct {
	Text string   `toml:"text" i18n:"text"`
	Hold Duration `toml:"hold"`          // hold this long …
	Reps int      `toml:"reps"`          // … or repeat this many times
	Rep  Duration `toml:"rep"`           // time per repetition (default 3s)
	Side string   `toml:"side" i18n:"-"` // both (default), left, right
	Ref  string   `toml:"ref" i18n:"-"`  // optional: the lifting step it shows
}

// DefaultRep is the time one repetition takes when a step does not say.
const DefaultRep = 3 * time.Second

// Duration is the step's time: its hold, or reps × rep.
func (s Step) Duration() time.Duration {
	if s.Hold > 0 {
		return s.Hold.D()
	}
	r := s.Rep.D()
	if r <= 0 {
		r = DefaultRep
	}
	return time.Duration(s.Reps) * r
}

// Keyframe is one key pose as written in the data: the base it starts
// from, what it changes, and its timing.
type Keyframe struct {
	Step   int                `toml:"step"`            // 1-based step number
	Base   string             `toml:"base" i18n:"-"`   // optional: overrides the exercise's base pose
	Anchor string             `toml:"anchor" i18n:"-"` // optional: feet, seat, floor or none
	Like   int                `toml:"like"`            // optional: start from keyframe N's pose (1-based, earlier)
	Mirror bool               `toml:"mirror"`          // swap left and right (after like and pose)
	Pose   map[string]float64 `toml:"pose" i18n:"-"`
	Move   Duration           `toml:"move"`          // time to move into this pose (default 1s)
	Ease   string             `toml:"ease" i18n:"-"` // linear, ease-in-out (default), hold
	Hold   Duration           `toml:"hold"`          // time to stay
}

// Exercise is one guided exercise with its figure animation.
//
// Exercises are written in TOML, several to a file, in data/exercises/ and
// in the person's $XDG_CONFIG_HOME/limber/exercises/ (same format; sources
// may be left out there). Unknown keys are errors. For example:
//
//	[[exercise]]
//	id = "my-side-bend"               # lowercase words joined by hyphens
//	name = "Side bend"
//	areas = ["upper-back"]            # see Areas
//	position = "standing"             # seated, standing or floor
//	kinds = ["posture", "mobility"]   # break kinds; floor exercises never posture
//	duration = "40s"                  # at least what the steps take
//	view = "front"                    # side (default), front or top
//	frame = "upper"                   # full (default), upper, trunk or hands
//	base = "standing"                 # base pose (default from position; see BaseNames)
//	props = [{ kind = "chair", x = 0.1 }]   # see PropKinds
//	why = "One line on why it helps."
//	cautions = ["When not to do it."]
//	sources = ["mayo"]                # ids from sources.toml
//
//	[[exercise.steps]]
//	text = "Lean to the left and hold."
//	hold = "15s"                      # or reps = 8 (and optionally rep = "4s")
//	side = "left"                     # both (default), left, right, each
//
//	[[exercise.keyframes]]            # at least two; each names its step
//	step = 1
//	pose = { thorax_bend = 20, shoulder_elev = 170 }   # see Params; the rest as the base
//	move = "1.5s"                     # time to move into it (default 1s)
//	ease = "ease-in-out"              # linear, ease-in-out (default) or hold
//	hold = "2s"                       # time to stay
//	# like = N copies keyframe N's pose; mirror = true swaps left and right.
type Exercise struct {
	ID        string     `toml:"id" i18n:"-"`
	Name      string     `toml:"name" i18n:"name"`
	Areas     []string   `toml:"areas" i18n:"-"`
	Position  string     `toml:"position" i18n:"-"`
	Kinds     []string   `toml:"kinds" i18n:"-"`
	Demo      bool       `toml:"demo"` // an illustration (the lifting demo): never offered as a break
	Duration  Duration   `toml:"duration"`
	Why       string     `toml:"why" i18n:"why"`
	Cautions  []string   `toml:"cautions" i18n:"cautions"`
	Sources   []string   `toml:"sources" i18n:"-"`
	Props     []Prop     `toml:"props" i18n:"-"`
	View      string     `toml:"view" i18n:"-"`  // side (default), front, top
	Frame     string     `toml:"frame" i18n:"-"` // full (default), upper, hands
	Base      string     `toml:"base" i18n:"-"`  // base pose of the keyframes
	Steps     []Step     `toml:"steps" i18n:"steps"`
	Keyframes []Keyframe `toml:"keyframes" i18n:"-"`

	// Resolved by the loader.
	File string    `toml:"-" i18n:"-"` // where it was read from
	Line int       `toml:"-"`          // line of its id
	User bool      `toml:"-"`          // from the person's own exercises
	anim Animation `toml:"-"`
}

// Animation returns the exercise's resolved figure animation.
func (e *Exercise) Animation() Animation { return e.anim }

// Suits reports whether the exercise suits a break kind.
func (e *Exercise) Suits(kind string) bool {
	for _, k := range e.Kinds {
		if k == kind {
			return true
		}
	}
	return false
}

// StepTiming is the timing to show for step i, in English: "hold 15 s",
// "10 times", "hold 15 s, then switch sides".
func (e *Exercise) StepTiming(i int) string { return e.StepTimingText(i).English }

// StepTimingText is StepTiming as a message, for the person's language.
func (e *Exercise) StepTimingText(i int) msg.Text {
	s := e.Steps[i]
	var t msg.Text
	if s.Hold > 0 {
		d := humanDuration(s.Hold.D())
		t = msg.L("content.step.hold", "hold "+d.English, msg.Args{"Duration": d})
	} else if s.Reps == 1 {
		t = msg.N("content.step.reps", s.Reps, "1 time")
	} else {
		t = msg.N("content.step.reps", s.Reps, fmt.Sprintf("%d times", s.Reps))
	}
	side := func(key, english string) msg.Text {
		return msg.L(key, fmt.Sprintf(english, t.English), msg.Args{"Timing": t})
	}
	switch s.Side {
	case "left", "right":
		if i+1 < len(e.Steps) && e.Steps[i+1].Side != "" && e.Steps[i+1].Side != "both" && e.Steps[i+1].Side != s.Side {
			t = side("content.step.switch", "%s, then switch sides")
		} else if s.Side == "left" {
			t = side("content.step.left", "%s on the left")
		} else {
			t = side("content.step.right", "%s on the right")
		}
	case "each":
		t = side("content.step.each", "%s each side")
	}
	return t
}

// humanDuration writes 15 s, 2 min, 1 min 30 s.
func humanDuration(d time.Duration) msg.Text {
	d = d.Round(time.Second)
	m, s := int(d/time.Minute), int((d%time.Minute)/time.Second)
	switch {
	case m == 0:
		return msg.L("time.s", fmt.Sprintf("%d s", s), msg.Args{"Seconds": s})
	case s == 0:
		return msg.L("time.min", fmt.Sprintf("%d min", m), msg.Args{"Minutes": m})
	}
	return msg.L("time.min_s", fmt.Sprintf("%d min %d s", m, s), msg.Args{"Minutes": m, "Seconds": s})
}

// Source is a reference behind the library's text.
type Source struct {
	ID        string `toml:"id" i18n:"-"`
	Title     string `toml:"title" i18n:"-"`
	Publisher string `toml:"publisher" i18n:"-"`
	Year      int    `toml:"year"`
	URL       string `toml:"url" i18n:"-"`
}

// Cue is a posture cue for the short posture break.
type Cue struct {
	ID       string   `toml:"id" i18n:"-"`
	Title    string   `toml:"title" i18n:"title"`
	Text     string   `toml:"text" i18n:"text"`
	Why      string   `toml:"why" i18n:"why"`
	Seconds  int      `toml:"seconds"`
	Exercise string   `toml:"exercise" i18n:"-"`
	Sources  []string `toml:"sources" i18n:"-"`
}

// LiftingStep is one illustrated step of lifting technique.
type LiftingStep struct {
	ID      string   `toml:"id" i18n:"-"`
	Order   int      `toml:"order"`
	Title   string   `toml:"title" i18n:"title"`
	Text    string   `toml:"text" i18n:"text"`
	Sources []string `toml:"sources" i18n:"-"`
}

// Mistake is a common lifting mistake and its fix.
type Mistake struct {
	ID      string   `toml:"id" i18n:"-"`
	Title   string   `toml:"title" i18n:"title"`
	Text    string   `toml:"text" i18n:"text"`
	Fix     string   `toml:"fix" i18n:"fix"`
	Sources []string `toml:"sources" i18n:"-"`
}

// Question is a lifting quiz question; Answer is the 0-based right choice.
type Question struct {
	ID          string   `toml:"id" i18n:"-"`
	Question    string   `toml:"question" i18n:"question"`
	Choices     []string `toml:"choices" i18n:"choices"`
	Answer      int      `toml:"answer"`
	Explanation string   `toml:"explanation" i18n:"explanation"`
	Sources     []string `toml:"sources" i18n:"-"`
}

// ChecklistItem is one workstation check.
type ChecklistItem struct {
	ID        string   `toml:"id" i18n:"-"`
	Area      string   `toml:"area" i18n:"-"`
	Check     string   `toml:"check" i18n:"check"`
	Target    string   `toml:"target" i18n:"target"`
	Fix       string   `toml:"fix" i18n:"fix"`
	Impact    int      `toml:"impact"`
	AppliesTo []string `toml:"applies_to" i18n:"-"`
	Quick     bool     `toml:"quick"`
	Sources   []string `toml:"sources" i18n:"-"`
}

// Phase is one phase of the back-strain recovery plan.
type Phase struct {
	ID               string   `toml:"id" i18n:"-"`
	Order            int      `toml:"order"`
	Title            string   `toml:"title" i18n:"title"`
	FromDay          int      `toml:"from_day"`
	ToDay            int      `toml:"to_day"` // 0 = open-ended
	Summary          string   `toml:"summary" i18n:"summary"`
	Do               []string `toml:"do" i18n:"do"`
	Avoid            []string `toml:"avoid" i18n:"avoid"`
	WalkEvery        Duration `toml:"walk_every"`
	Exercises        []string `toml:"exercises" i18n:"-"`
	AdvanceWhen      string   `toml:"advance_when" i18n:"advance_when"`
	MaxPainToAdvance int      `toml:"max_pain_to_advance"`
	Sources          []string `toml:"sources" i18n:"-"`
}

// Thermal is the ice or heat rule of the recovery plan.
type Thermal struct {
	ID         string   `toml:"id" i18n:"-"`
	Title      string   `toml:"title" i18n:"title"`
	MaxMinutes int      `toml:"max_minutes"`
	MinMinutes int      `toml:"min_minutes"`
	GapMinutes int      `toml:"gap_minutes"`
	Phases     []string `toml:"phases" i18n:"-"`
	Rules      []string `toml:"rules" i18n:"rules"`
	Sources    []string `toml:"sources" i18n:"-"`
}

// Checkin is a recovery check-in question.
type Checkin struct {
	ID       string `toml:"id" i18n:"-"`
	Question string `toml:"question" i18n:"question"`
	Type     string `toml:"type" i18n:"-"`
	// Choices are the answers as the plan stores them (English, never
	// translated: a stored answer must keep meaning the same when the
	// language changes). Labels are what a view shows for them, in the
	// library's language; the loader sets them (Labels[i] names Choices[i]).
	Choices []string `toml:"choices" i18n:"-"`
	Labels  []string `toml:"-" i18n:"choices"`
	Sources []string `toml:"sources" i18n:"-"`
}

// RedFlag is a sign that needs a clinician, with how urgently.
type RedFlag struct {
	ID       string `toml:"id" i18n:"-"`
	Level    string `toml:"level" i18n:"-"`
	Title    string `toml:"title" i18n:"title"`
	Question string `toml:"question" i18n:"question"`
	Text     string `toml:"text" i18n:"text"`
	Action   string `toml:"action" i18n:"action"`
	// HoldUntilAssessed: a flag about the person's history that asks for
	// an assessment before a self-care plan. Answered yes at the intake,
	// it holds the recovery plan (no exercises, no moving on) until the
	// person confirms a clinician has assessed them. The intake asks it
	// once; the daily check-in does not.
	HoldUntilAssessed bool     `toml:"hold_until_assessed"`
	Sources           []string `toml:"sources" i18n:"-"`
}

// Caution is a general caution of the library (cautions.toml), with where
// it is shown: "break" for the line every break window shows.
type Caution struct {
	ID      string   `toml:"id" i18n:"-"`
	Where   string   `toml:"where" i18n:"-"`
	Text    string   `toml:"text" i18n:"text"`
	Sources []string `toml:"sources" i18n:"-"`
}

// CautionPlaces lists the values of Caution.Where: "break" for the line
// every break window shows, "exercise" for the general cautions of every
// exercise.
var CautionPlaces = []string{"break", "exercise"}

// BreakCaution is the general caution every break window shows ("Stop if
// pain increases …") with its sources, or nil for a library without one.
func (l *Library) BreakCaution() *Caution {
	for _, c := range l.Cautions {
		if c.Where == "break" {
			return c
		}
	}
	return nil
}

// GeneralCautions are the cautions that apply to every exercise, in
// library order; views show them with the exercise's own cautions.
func (l *Library) GeneralCautions() []*Caution {
	var out []*Caution
	for _, c := range l.Cautions {
		if c.Where == "exercise" {
			out = append(out, c)
		}
	}
	return out
}

// Library is the whole loaded content.
//
// The i18n tag of a collection is the first part of its texts' keys in a
// language file (data/i18n/README.md); the i18n tag of an item's field is
// the field's part ("-": not text a person reads, never translated).
type Library struct {
	Exercises    []*Exercise        `i18n:"exercise"`
	Cues         []*Cue             `i18n:"cue"`
	LiftingSteps []*LiftingStep     `i18n:"lifting"`
	Mistakes     []*Mistake         `i18n:"mistake"`
	Quiz         []*Question        `i18n:"quiz"`
	Checklist    []*ChecklistItem   `i18n:"checklist"`
	Phases       []*Phase           `i18n:"phase"`
	Thermal      []*Thermal         `i18n:"thermal"`
	Checkins     []*Checkin         `i18n:"checkin"`
	RedFlags     []*RedFlag         `i18n:"redflag"`
	Cautions     []*Caution         `i18n:"caution"`
	Sources      map[string]*Source `i18n:"-"` // titles name the documents cited: kept as published

	// Lang is the language of the texts ("en", or the language file's
	// tag); Localized sets it.
	Lang string `i18n:"-"`

	ids map[string]string // id → "file:line" where it is defined
}
