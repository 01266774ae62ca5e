package prefs

import (
	"fmt"
	"strings"
	"time"

	"github.com/limberapp/limber/msg"
)

// valueType is the type of a setting's value.
type valueType int

const (
	tBool valueType = iota
	tDuration
	tInt
	tString
	tStrings
)

// Key describes one setting: its dotted name, default, accepted range and
// where it lives in Config. The table drives defaults, validation, the
// README's key list and saving, so they cannot drift apart.
type Key struct {
	Name    string // dotted, lower case: "breaks.posture.every"
	Doc     string
	Default any
	typ     valueType
	min     int64 // durations in ns, ints as is; both 0 = unchecked
	max     int64
	choices []string // for strings: accepted values (empty = any)
	spans   bool     // for strings: each a time range "HH:MM-HH:MM"
	clock   bool     // for a string: a time of day "HH:MM"
	get     func(*Config) any
	set     func(*Config, any)
}

// Expect says what the key accepts, for error messages and docs.
func (k Key) Expect() string {
	switch k.typ {
	case tBool:
		return "true or false"
	case tDuration:
		if k.min != 0 || k.max != 0 {
			return fmt.Sprintf("a duration such as \"%s\" between %s and %s", fmtDur(time.Duration(k.Default.(time.Duration))), fmtDur(time.Duration(k.min)), fmtDur(time.Duration(k.max)))
		}
		return "a duration such as \"20m\" or \"30s\""
	case tInt:
		return fmt.Sprintf("a whole number from %d to %d", k.min, k.max)
	case tString:
		if len(k.choices) > 0 {
			return "one of " + quoteList(k.choices)
		}
		return "a string"
	case tStrings:
		if len(k.choices) > 0 {
			return "a list of strings from " + quoteList(k.choices)
		}
		if k.spans {
			return "a list of time ranges such as [\"09:00-12:30\", \"13:30-17:30\"]"
		}
		return "a list of strings"
	}
	return "?"
}

// DefaultString renders the default the way it is written in the file.
func (k Key) DefaultString() string { return formatValue(k.typ, k.Default) }

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = tomlQuote(x)
	}
	return strings.Join(q, ", ")
}

// tomlQuote writes s as a TOML basic string, escaping what TOML requires
// (quote, backslash, control characters).
func tomlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// fmtDur prints a duration the short way people write it: 20m, 1h30m, 30s.
func fmtDur(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

func formatValue(t valueType, v any) string {
	switch t {
	case tBool:
		return fmt.Sprint(v.(bool))
	case tDuration:
		return `"` + fmtDur(v.(time.Duration)) + `"`
	case tInt:
		return fmt.Sprint(v.(int))
	case tString:
		return tomlQuote(v.(string))
	case tStrings:
		return "[" + quoteList(v.([]string)) + "]"
	}
	return ""
}

const (
	second = int64(time.Second)
	minute = int64(time.Minute)
	hour   = int64(time.Hour)
)

func breakKeys(kind string, every, dur, warn time.Duration, durMin, durMax int64) []Key {
	p := "breaks." + kind + "."
	b := func(c *Config) *Break {
		x := c.Breaks[kind]
		return &x
	}
	put := func(c *Config, x *Break) { c.Breaks[kind] = *x }
	return []Key{
		{Name: p + "enabled", Doc: "whether " + kind + " breaks happen", Default: true, typ: tBool,
			get: func(c *Config) any { return b(c).Enabled },
			set: func(c *Config, v any) { x := b(c); x.Enabled = v.(bool); put(c, x) }},
		{Name: p + "every", Doc: "active (keyboard and mouse) time between " + kind + " breaks", Default: every, typ: tDuration, min: 2 * minute, max: 8 * hour,
			get: func(c *Config) any { return b(c).Every },
			set: func(c *Config, v any) { x := b(c); x.Every = v.(time.Duration); put(c, x) }},
		{Name: p + "duration", Doc: "how long a " + kind + " break lasts", Default: dur, typ: tDuration, min: durMin, max: durMax,
			get: func(c *Config) any { return b(c).Duration },
			set: func(c *Config, v any) { x := b(c); x.Duration = v.(time.Duration); put(c, x) }},
		{Name: p + "warn_before", Doc: "notice given before a " + kind + " break (\"0s\" for none)", Default: warn, typ: tDuration, min: 0, max: 10 * minute,
			get: func(c *Config) any { return b(c).WarnBefore },
			set: func(c *Config, v any) { x := b(c); x.WarnBefore = v.(time.Duration); put(c, x) }},
	}
}

// Keys lists every setting, in the order the README and the file show them.
var Keys = buildKeys()

func buildKeys() []Key {
	var ks []Key
	ks = append(ks, breakKeys("posture", 20*time.Minute, 30*time.Second, 10*time.Second, 10*second, 5*minute)...)
	ks = append(ks, breakKeys("mobility", 60*time.Minute, 3*time.Minute, 30*time.Second, 30*second, 15*minute)...)
	ks = append(ks, breakKeys("rest", 120*time.Minute, 10*time.Minute, 60*time.Second, 1*minute, 60*minute)...)
	ks = append(ks,
		Key{Name: "breaks.strict", Doc: "strict mode: no skipping, postpones limited to strict_max_postpones", Default: false, typ: tBool,
			get: func(c *Config) any { return c.Strict }, set: func(c *Config, v any) { c.Strict = v.(bool) }},
		Key{Name: "breaks.postpone_for", Doc: "active time a postpone adds", Default: 5 * time.Minute, typ: tDuration, min: 1 * minute, max: 60 * minute,
			get: func(c *Config) any { return c.PostponeFor }, set: func(c *Config, v any) { c.PostponeFor = v.(time.Duration) }},
		Key{Name: "breaks.max_postpones", Doc: "postpones allowed for one break", Default: 3, typ: tInt, min: 0, max: 20,
			get: func(c *Config) any { return c.MaxPostpones }, set: func(c *Config, v any) { c.MaxPostpones = v.(int) }},
		Key{Name: "breaks.strict_max_postpones", Doc: "postpones allowed for one break in strict mode", Default: 1, typ: tInt, min: 0, max: 5,
			get: func(c *Config) any { return c.StrictMaxPostpones }, set: func(c *Config, v any) { c.StrictMaxPostpones = v.(int) }},
		Key{Name: "breaks.skip_budget", Doc: "skips allowed per day (-1 = no limit)", Default: 3, typ: tInt, min: -1, max: 100,
			get: func(c *Config) any { return c.SkipBudget }, set: func(c *Config, v any) { c.SkipBudget = v.(int) }},
		Key{Name: "breaks.resume_at", Doc: "local time of day when \"pause until tomorrow\" ends", Default: "06:00", typ: tString, clock: true,
			get: func(c *Config) any { return c.ResumeAt }, set: func(c *Config, v any) { c.ResumeAt = v.(string) }},
		Key{Name: "notifications.open_window", Doc: "open the break window at break time (false: notify only)", Default: true, typ: tBool,
			get: func(c *Config) any { return c.OpenWindow }, set: func(c *Config, v any) { c.OpenWindow = v.(bool) }},
		Key{Name: "break_window.fullscreen", Doc: "show breaks full screen", Default: false, typ: tBool,
			get: func(c *Config) any { return c.Fullscreen }, set: func(c *Config, v any) { c.Fullscreen = v.(bool) }},
		Key{Name: "break_window.prestart", Doc: "start the break window hidden when the warning goes out, so it appears at once", Default: true, typ: tBool,
			get: func(c *Config) any { return c.Prestart }, set: func(c *Config, v any) { c.Prestart = v.(bool) }},
		Key{Name: "break_window.sound", Doc: "a soft sound at step changes and at the end of a break", Default: false, typ: tBool,
			get: func(c *Config) any { return c.Sound }, set: func(c *Config, v any) { c.Sound = v.(bool) }},
		Key{Name: "exercises.disabled", Doc: "exercise ids never offered", Default: []string{}, typ: tStrings,
			get: func(c *Config) any { return c.DisabledExercises }, set: func(c *Config, v any) { c.DisabledExercises = v.([]string) }},
		Key{Name: "exercises.avoid_areas", Doc: "body areas to leave out of breaks", Default: []string{}, typ: tStrings,
			choices: []string{"neck", "shoulders", "upper-back", "lower-back", "hips", "legs", "circulation", "wrists-hands", "eyes", "whole-body"},
			get:     func(c *Config) any { return c.AvoidAreas }, set: func(c *Config, v any) { c.AvoidAreas = v.([]string) }},
		Key{Name: "idle.enabled", Doc: "notice when you are away: idle time stops the break clocks and counts as a natural break", Default: true, typ: tBool,
			get: func(c *Config) any { return c.IdleEnabled }, set: func(c *Config, v any) { c.IdleEnabled = v.(bool) }},
		Key{Name: "idle.threshold", Doc: "no input for this long stops the break clocks", Default: 5 * time.Minute, typ: tDuration, min: 10 * second, max: hour,
			get: func(c *Config) any { return c.IdleThreshold }, set: func(c *Config, v any) { c.IdleThreshold = v.(time.Duration) }},
		Key{Name: "hours.enabled", Doc: "breaks only inside working hours", Default: false, typ: tBool,
			get: func(c *Config) any { return c.HoursEnabled }, set: func(c *Config, v any) { c.HoursEnabled = v.(bool) }},
	)
	for _, d := range weekdays {
		d := d
		def := []string{"09:00-17:30"}
		if d == time.Saturday || d == time.Sunday {
			def = []string{}
		}
		ks = append(ks, Key{Name: "hours." + strings.ToLower(d.String()), Doc: "working hours on " + d.String() + " (ranges like \"09:00-12:30\"; [] for none)", Default: def, typ: tStrings, spans: true,
			get: func(c *Config) any { return c.Hours[d] }, set: func(c *Config, v any) { c.Hours[d] = v.([]string) }})
	}
	ks = append(ks,
		Key{Name: "dnd.desktop", Doc: "hold breaks while the desktop's do-not-disturb is on", Default: true, typ: tBool,
			get: func(c *Config) any { return c.DNDDesktop }, set: func(c *Config, v any) { c.DNDDesktop = v.(bool) }},
		Key{Name: "dnd.fullscreen", Doc: "hold breaks while a full-screen window is active", Default: true, typ: tBool,
			get: func(c *Config) any { return c.DNDFullscreen }, set: func(c *Config, v any) { c.DNDFullscreen = v.(bool) }},
		Key{Name: "dnd.camera", Doc: "hold breaks while a camera is in use", Default: true, typ: tBool,
			get: func(c *Config) any { return c.DNDCamera }, set: func(c *Config, v any) { c.DNDCamera = v.(bool) }},
		Key{Name: "dnd.apps", Doc: "hold breaks while any of these programs runs", Default: []string{}, typ: tStrings,
			get: func(c *Config) any { return c.DNDApps }, set: func(c *Config, v any) { c.DNDApps = v.([]string) }},
		Key{Name: "dnd.max_deferral", Doc: "the longest a break is held for do-not-disturb", Default: 30 * time.Minute, typ: tDuration, min: minute, max: 4 * hour,
			get: func(c *Config) any { return c.DNDMaxDeferral }, set: func(c *Config, v any) { c.DNDMaxDeferral = v.(time.Duration) }},
	)
	dayNames := []string{}
	for _, d := range weekdays {
		dayNames = append(dayNames, strings.ToLower(d.String()))
	}
	ks = append(ks,
		Key{Name: "lifting.refresher", Doc: "a one-minute lifting-technique refresher now and then", Default: true, typ: tBool,
			get: func(c *Config) any { return c.LiftingRefresher }, set: func(c *Config, v any) { c.LiftingRefresher = v.(bool) }},
		Key{Name: "lifting.every_days", Doc: "days between lifting refreshers", Default: 7, typ: tInt, min: 1, max: 90,
			get: func(c *Config) any { return c.LiftingEveryDays }, set: func(c *Config, v any) { c.LiftingEveryDays = v.(int) }},
		Key{Name: "lifting.days", Doc: "days you lift (moving, a warehouse shift, the gym): a refresher each of these mornings", Default: []string{}, typ: tStrings, choices: dayNames,
			get: func(c *Config) any { return c.LiftingDays }, set: func(c *Config, v any) { c.LiftingDays = v.([]string) }},
		Key{Name: "lifting.at", Doc: "time of day for the refresher", Default: "09:30", typ: tString, clock: true,
			get: func(c *Config) any { return c.LiftingAt }, set: func(c *Config, v any) { c.LiftingAt = v.(string) }},
		Key{Name: "workstation.checkin", Doc: "a short workstation check-in now and then", Default: true, typ: tBool,
			get: func(c *Config) any { return c.WorkstationCheckin }, set: func(c *Config, v any) { c.WorkstationCheckin = v.(bool) }},
		Key{Name: "workstation.every_days", Doc: "days between workstation check-ins", Default: 28, typ: tInt, min: 1, max: 365,
			get: func(c *Config) any { return c.WorkstationEveryDays }, set: func(c *Config, v any) { c.WorkstationEveryDays = v.(int) }},
		Key{Name: "workstation.at", Doc: "time of day for the workstation check-in", Default: "10:30", typ: tString, clock: true,
			get: func(c *Config) any { return c.WorkstationAt }, set: func(c *Config, v any) { c.WorkstationAt = v.(string) }},
		Key{Name: "ui.language", Doc: "the language of windows, tray and messages (\"auto\": the desktop's)", Default: "auto", typ: tString,
			choices: []string{"auto", "en", "de", "es"},
			get:     func(c *Config) any { return c.Language }, set: func(c *Config, v any) { c.Language = v.(string) }},
	)
	return ks
}

// weekdays in the order people read a week.
var weekdays = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// keyByName finds a key in the table.
func keyByName(name string) (Key, bool) {
	for _, k := range Keys {
		if k.Name == name {
			return k, true
		}
	}
	return Key{}, false
}

// Kind names a key's value type for editors: "bool", "duration", "int",
// "string", "strings".
func (k Key) Kind() string {
	return [...]string{"bool", "duration", "int", "string", "strings"}[k.typ]
}

// Choices lists the accepted values of a string or list key (nil: any).
func (k Key) Choices() []string { return k.choices }

// Range is the accepted range of a duration or int key (ok false: none).
func (k Key) Range() (min, max int64, ok bool) { return k.min, k.max, k.min != 0 || k.max != 0 }

// Get reads the key's value from c.
func (k Key) Get(c *Config) any { return cloneValue(k.get(c)) }

// Set parses raw (a value as written in the file, or text typed by the
// person) and stores it in c; the error says what was expected, exactly as
// the loader says it.
func (k Key) Set(c *Config, raw any) error {
	v, err := k.parse(raw)
	if err != nil {
		t := errText(err)
		return &valueError{
			t:     msg.L("prefs.value.set", fmt.Sprintf("%s: %v; expected %s", k.Name, err, k.Expect()), msg.Args{"Key": k.Name, "Error": t, "Expected": k.Expect()}),
			field: msg.L("prefs.value.expected", fmt.Sprintf("%v; expected %s", err, k.Expect()), msg.Args{"Error": t, "Expected": k.Expect()}),
		}
	}
	k.set(c, v)
	return nil
}

// Format renders a value of this key the way the file writes it.
func (k Key) Format(v any) string { return formatValue(k.typ, v) }

// Lookup finds a key by its dotted name.
func Lookup(name string) (Key, bool) { return keyByName(name) }

// Check reports the cross-key problems of c (a break's duration not
// shorter than its interval, …) without changing c.
func Check(c Config) []Problem {
	cp := c
	cp.Breaks = map[string]Break{}
	for k, v := range c.Breaks {
		cp.Breaks[k] = v
	}
	return crossCheck(&cp, Defaults())
}
