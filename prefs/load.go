package prefs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/spf13/viper"

	"github.com/limberapp/limber/msg"
	"github.com/limberapp/limber/schedule"
)

// EnvPrefix is the prefix of environment overrides: LIMBER_BREAKS_POSTURE_EVERY=15m.
const EnvPrefix = "LIMBER"

// Problem is one thing wrong with the settings. The setting it names keeps
// its default (or its last good value) and the file is left untouched.
type Problem struct {
	File string // the config file, or "environment" for LIMBER_* variables
	Line int    // 1-based line in File, 0 when unknown
	Key  string // dotted key, empty for a syntax error
	Msg  string
	// Text is Msg as a message, for a window or command to show in the
	// person's language (Say); its Key is empty for an old-style Problem.
	Text msg.Text
	// Short is the part of Text a settings field shows beside the value
	// (what is wrong, not what Limber uses instead); empty: all of Text.
	Short msg.Text
}

// with sets the problem's message.
func (p Problem) with(t msg.Text) Problem {
	p.Msg, p.Text = t.English, t
	return p
}

// Say is String with the message rendered by say (i18n.Msg): the file,
// line and key stay as they are.
func (p Problem) Say(say func(msg.Text) string) string {
	if p.Text.Key != "" && say != nil {
		p.Msg = say(p.Text)
	}
	return p.String()
}

// valueError is a parse error as a message; field, when set, is the
// message a settings field shows (without the key).
type valueError struct{ t, field msg.Text }

func (e *valueError) Error() string { return e.t.English }

// errText is err as a message.
func errText(err error) msg.Text {
	var ve *valueError
	if errors.As(err, &ve) {
		return ve.t
	}
	return msg.Plain(err.Error())
}

// verr makes a valueError.
func verr(t msg.Text) error { return &valueError{t: t} }

// FieldText is an error of Key.Set as a settings field shows it: what is
// wrong and what was expected, without the key, as a message.
func FieldText(err error) msg.Text {
	var ve *valueError
	if errors.As(err, &ve) && ve.field.English != "" {
		return ve.field
	}
	return errText(err)
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Key != "" {
		b.WriteString(p.Key + ": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Options change how Load reads.
type Options struct {
	// NoEnv ignores LIMBER_* variables (the settings view edits the file
	// alone, so overrides are never written back).
	NoEnv bool
	// Environ replaces os.Environ for tests; []string{} means no
	// variables at all.
	Environ []string
	// SystemFiles are the administrator's files under the user's, first
	// wins; nil means $XDG_CONFIG_DIRS/limber/config.toml (default
	// /etc/xdg/limber/config.toml) and []string{} means none (tests and
	// harnesses that must not read the machine's /etc/xdg).
	SystemFiles []string
}

// SystemFiles lists the administrator's config files to look for: on
// Windows %ProgramData%\Limber\config.toml, elsewhere config.toml under
// limber/ in each of $XDG_CONFIG_DIRS (default /etc/xdg).
func SystemFiles() []string { return systemFilesFor(runtime.GOOS, os.Getenv) }

// systemFilesFor is SystemFiles' rule for goos, given the environment.
func systemFilesFor(goos string, getenv func(string) string) []string {
	if goos == "windows" {
		// Where an installer or group policy puts machine-wide files;
		// Windows sets %ProgramData% (C:\ProgramData) for every process.
		pd := strings.TrimRight(getenv("ProgramData"), `\/`)
		if len(pd) < 3 || pd[1] != ':' {
			return nil
		}
		return []string{pd + `\Limber\config.toml`}
	}
	dirs := getenv("XDG_CONFIG_DIRS")
	if dirs == "" {
		dirs = "/etc/xdg"
	}
	var out []string
	for _, d := range strings.Split(dirs, ":") {
		if d != "" && filepath.IsAbs(d) {
			out = append(out, filepath.Join(d, "limber", "config.toml"))
		}
	}
	return out
}

// readLayer reads one TOML file into a map; a missing file gives nil and no
// problem.
func readLayer(path string) (map[string]any, []byte, []Problem) {
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, nil
	case err != nil:
		return nil, nil, []Problem{Problem{File: path}.with(msg.L("prefs.problem.cannot_read", "cannot read the file: "+err.Error()+"; using defaults", msg.Args{"Error": err.Error()}))}
	}
	var m map[string]any
	if err := toml.Unmarshal(b, &m); err != nil {
		return nil, b, []Problem{syntaxProblem(path, err)}
	}
	return m, b, nil
}

// flatten turns nested tables into dotted keys.
func flatten(prefix string, m map[string]any, out map[string]any) {
	for k, v := range m {
		full := strings.ToLower(prefix + k)
		if sub, ok := v.(map[string]any); ok {
			flatten(full+".", sub, out)
			continue
		}
		out[full] = v
	}
}

// Load reads the settings from path over the defaults. A missing file is
// not a problem. A file that cannot be read or parsed, and every bad value,
// is reported as a Problem and replaced by its default: Load never fails
// the caller and never writes the file.
func Load(path string, opt Options) (Config, []Problem) {
	cfg := Defaults()
	var probs []Problem
	v := viper.New()
	for _, k := range Keys {
		v.SetDefault(k.Name, k.Default)
	}

	// The administrator's layer: its values replace the defaults, and the
	// keys it lists in [admin] locked keep its value whatever the user's
	// file or the environment says.
	sysFiles := opt.SystemFiles
	if sysFiles == nil {
		sysFiles = SystemFiles()
	}
	sysVals := map[string]any{}
	cfg.Locked = map[string]string{}
	var sysPath string // the administrator's file read, if any
	var sysData []byte
	for _, sp := range sysFiles {
		m, sdata, sp2 := readLayer(sp)
		probs = append(probs, sp2...)
		if m == nil {
			continue
		}
		sysPath, sysData = sp, sdata
		flat := map[string]any{}
		flatten("", m, flat)
		for k, val := range flat {
			if k == "admin.locked" {
				continue
			}
			if _, ok := keyByName(k); !ok {
				probs = append(probs, Problem{File: sp, Line: lineOf(sdata, k), Key: k}.with(msg.L("prefs.problem.unknown_key_admin", "unknown key; ignored")))
				continue
			}
			if _, seen := sysVals[k]; !seen {
				sysVals[k] = val
				v.SetDefault(k, val)
			}
		}
		if raw, ok := flat["admin.locked"]; ok {
			list, isList := raw.([]any)
			if !isList {
				probs = append(probs, Problem{File: sp, Line: lineOf(sdata, "admin.locked"), Key: "admin.locked"}.with(msg.L("prefs.problem.locked_not_list", fmt.Sprintf("%v is not a list; expected a list of setting names such as [\"breaks.strict\"]; nothing is locked", raw), msg.Args{"Value": fmt.Sprintf("%v", raw)})))
			}
			for _, x := range list {
				name, isString := x.(string)
				if !isString {
					probs = append(probs, Problem{File: sp, Line: lineOf(sdata, "admin.locked"), Key: "admin.locked"}.with(msg.L("prefs.problem.locked_not_name", fmt.Sprintf("%v is not a setting name in quotes; ignored", x), msg.Args{"Value": fmt.Sprintf("%v", x)})))
					continue
				}
				name = strings.ToLower(name)
				if _, ok := keyByName(name); !ok {
					probs = append(probs, Problem{File: sp, Line: lineOf(sdata, "admin.locked"), Key: "admin.locked"}.with(msg.L("prefs.problem.locked_unknown", fmt.Sprintf("%q is not a setting; ignored", name), msg.Args{"Value": strconv.Quote(name)})))
					continue
				}
				if _, ok := cfg.Locked[name]; !ok {
					cfg.Locked[name] = "set by your administrator in " + sp
				}
			}
		}
		break // the first system file found wins, as XDG says
	}

	// base is what a setting falls back to when settings do not fit
	// together: the administrator's values over the built-in defaults.
	base := Defaults()
	adminGood := map[string]bool{} // keys whose administrator's value is in base
	for name, raw := range sysVals {
		k, _ := keyByName(name)
		if val, err := k.parse(raw); err == nil {
			k.set(&base, val)
			adminGood[name] = true
		}
	}

	var data []byte
	var fileMap map[string]any
	if path != "" {
		m, b, p := readLayer(path)
		probs = append(probs, p...)
		data = b
		if m != nil {
			if err := v.MergeConfigMap(m); err != nil {
				probs = append(probs, Problem{File: path}.with(msg.L("prefs.problem.using_defaults", err.Error()+"; using defaults", msg.Args{"Error": err.Error()})))
			} else {
				fileMap = m
			}
		}
	}
	userFlat := map[string]any{}
	flatten("", fileMap, userFlat)

	env := map[string]string{}
	if !opt.NoEnv {
		environ := opt.Environ
		if environ == nil {
			environ = os.Environ()
		}
		for _, kv := range environ {
			name, val, ok := strings.Cut(kv, "=")
			if ok && strings.HasPrefix(name, EnvPrefix+"_") {
				env[name] = val
			}
		}
	}

	for _, k := range Keys {
		raw := v.Get(k.Name)
		where := Problem{File: path, Key: k.Name, Line: lineOf(data, k.Name)}
		if why, locked := cfg.Locked[k.Name]; locked {
			if _, set := userFlat[k.Name]; set {
				probs = append(probs, Problem{File: path, Line: lineOf(data, k.Name), Key: k.Name}.with(msg.L("prefs.problem.locked", "this setting is locked ("+why+"); your value is ignored", msg.Args{"Why": why})))
			}
			raw = sysVals[k.Name]
			if raw == nil {
				raw = k.Default
			}
			val, err := k.parse(raw)
			if err != nil {
				probs = append(probs, Problem{File: sysPath, Line: lineOf(sysData, k.Name), Key: k.Name}.with(msg.L("prefs.problem.bad_value_default", fmt.Sprintf("%s; expected %s; using the default %s", err, k.Expect(), k.DefaultString()), msg.Args{"Error": errText(err), "Expected": k.Expect(), "Default": k.DefaultString()})))
				continue
			}
			k.set(&cfg, val)
			continue
		}
		_, fromAdmin := sysVals[k.Name]
		if _, set := userFlat[k.Name]; set {
			fromAdmin = false
		}
		if fromAdmin {
			where = Problem{File: sysPath, Key: k.Name, Line: lineOf(sysData, k.Name)}
		}
		if ev, ok := env[EnvName(k.Name)]; ok {
			raw = ev
			fromAdmin = false
			where = Problem{File: "environment", Key: EnvName(k.Name)}
		}
		val, err := k.parse(raw)
		if err != nil {
			// A bad value falls back to the administrator's value when it
			// is good, otherwise to the built-in default (base has both).
			if adminGood[k.Name] && !fromAdmin {
				admin := k.Format(k.get(&base))
				where = where.with(msg.L("prefs.problem.bad_value_admin", fmt.Sprintf("%s; expected %s; using the administrator's %s", err, k.Expect(), admin), msg.Args{"Error": errText(err), "Expected": k.Expect(), "Admin": admin}))
			} else {
				where = where.with(msg.L("prefs.problem.bad_value_default", fmt.Sprintf("%s; expected %s; using the default %s", err, k.Expect(), k.DefaultString()), msg.Args{"Error": errText(err), "Expected": k.Expect(), "Default": k.DefaultString()}))
			}
			probs = append(probs, where)
			k.set(&cfg, cloneValue(k.get(&base)))
			continue
		}
		k.set(&cfg, val)
	}

	for _, name := range unknownKeys(fileMap) {
		probs = append(probs, Problem{File: path, Line: lineOf(data, name), Key: name}.with(msg.L("prefs.problem.unknown_key", "unknown key; ignored (see the README for the list of keys)")))
	}
	for _, p := range crossCheck(&cfg, base) {
		p.File = path
		p.Line = lineOf(data, p.Key)
		probs = append(probs, p)
	}
	return cfg, probs
}

// EnvName is the environment variable that overrides a key.
func EnvName(key string) string {
	return EnvPrefix + "_" + strings.ToUpper(strings.NewReplacer(".", "_").Replace(key))
}

func syntaxProblem(path string, err error) Problem {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		return Problem{File: path, Line: row}.with(msg.L("prefs.problem.syntax_at", fmt.Sprintf("column %d: %s; the file is not valid TOML, so every setting uses its default until it is fixed", col, de.Error()), msg.Args{"Column": col, "Error": de.Error()}))
	}
	return Problem{File: path}.with(msg.L("prefs.problem.syntax", err.Error()+"; the file is not valid TOML, so every setting uses its default until it is fixed", msg.Args{"Error": err.Error()}))
}

// parse converts a raw value from the file, viper's defaults or the
// environment into the key's type and checks its range.
func (k Key) parse(raw any) (any, error) {
	switch k.typ {
	case tBool:
		switch x := raw.(type) {
		case bool:
			return x, nil
		case string:
			b, err := strconv.ParseBool(x)
			if err != nil {
				return nil, verr(msg.L("prefs.value.not_bool", fmt.Sprintf("%q is not true or false", x), msg.Args{"Value": strconv.Quote(x)}))
			}
			return b, nil
		}
		return nil, verr(msg.L("prefs.value.not_bool", fmt.Sprintf("%v is not true or false", raw), msg.Args{"Value": fmt.Sprintf("%v", raw)}))
	case tDuration:
		var d time.Duration
		switch x := raw.(type) {
		case time.Duration:
			d = x
		case string:
			var err error
			d, err = time.ParseDuration(strings.TrimSpace(x))
			if err != nil {
				return nil, verr(msg.L("prefs.value.not_duration", fmt.Sprintf("%q is not a duration", x), msg.Args{"Value": strconv.Quote(x)}))
			}
		default:
			return nil, verr(msg.L("prefs.value.not_duration_quoted", fmt.Sprintf("%v is not a duration (write it in quotes, like \"20m\")", raw), msg.Args{"Value": fmt.Sprintf("%v", raw)}))
		}
		if (k.min != 0 || k.max != 0) && (int64(d) < k.min || int64(d) > k.max) {
			return nil, verr(msg.L("prefs.value.out_of_range", fmt.Sprintf("%s is out of range", fmtDur(d)), msg.Args{"Value": fmtDur(d)}))
		}
		return d, nil
	case tInt:
		var n int64
		switch x := raw.(type) {
		case int:
			n = int64(x)
		case int64:
			n = x
		case string:
			var err error
			n, err = strconv.ParseInt(strings.TrimSpace(x), 10, 64)
			if err != nil {
				return nil, verr(msg.L("prefs.value.not_int", fmt.Sprintf("%q is not a whole number", x), msg.Args{"Value": strconv.Quote(x)}))
			}
		default:
			return nil, verr(msg.L("prefs.value.not_int", fmt.Sprintf("%v is not a whole number", raw), msg.Args{"Value": fmt.Sprintf("%v", raw)}))
		}
		if n < k.min || n > k.max {
			return nil, verr(msg.L("prefs.value.out_of_range", fmt.Sprintf("%d is out of range", n), msg.Args{"Value": strconv.FormatInt(n, 10)}))
		}
		return int(n), nil
	case tString:
		s, ok := raw.(string)
		if !ok {
			return nil, verr(msg.L("prefs.value.not_string", fmt.Sprintf("%v is not a string", raw), msg.Args{"Value": fmt.Sprintf("%v", raw)}))
		}
		if len(k.choices) > 0 && !contains(k.choices, s) {
			return nil, verr(msg.L("prefs.value.not_accepted", fmt.Sprintf("%q is not accepted", s), msg.Args{"Value": strconv.Quote(s)}))
		}
		if k.clock {
			if _, _, ok := parseClock(s); !ok {
				return nil, verr(msg.L("prefs.value.not_clock", fmt.Sprintf("%q is not a time of day like \"06:00\"", s), msg.Args{"Value": strconv.Quote(s)}))
			}
		}
		return s, nil
	case tStrings:
		var out []string
		switch x := raw.(type) {
		case []string:
			out = append(out, x...)
		case []any:
			for _, e := range x {
				s, ok := e.(string)
				if !ok {
					return nil, verr(msg.L("prefs.value.not_string", fmt.Sprintf("%v is not a string", e), msg.Args{"Value": fmt.Sprintf("%v", e)}))
				}
				out = append(out, s)
			}
		case string: // from the environment: comma separated
			for _, s := range strings.Split(x, ",") {
				if s = strings.TrimSpace(s); s != "" {
					out = append(out, s)
				}
			}
		default:
			return nil, verr(msg.L("prefs.value.not_strings", fmt.Sprintf("%v is not a list of strings", raw), msg.Args{"Value": fmt.Sprintf("%v", raw)}))
		}
		for _, s := range out {
			if len(k.choices) > 0 && !contains(k.choices, s) {
				return nil, verr(msg.L("prefs.value.not_accepted", fmt.Sprintf("%q is not accepted", s), msg.Args{"Value": strconv.Quote(s)}))
			}
			if k.spans {
				if _, err := schedule.ParseSpan(s); err != nil {
					return nil, err
				}
			}
		}
		if out == nil {
			out = []string{}
		}
		return out, nil
	}
	return nil, errors.New("unknown type")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// crossCheck finds settings that are each valid but do not fit together
// and puts the break's unlocked keys back to base's values (the
// administrator's layer over the built-in defaults), or to the built-in
// defaults when those do not fit either. A locked key is never changed:
// when locked values do not fit, they stay and the problem says so.
func crossCheck(c *Config, base Config) []Problem {
	var probs []Problem
	def := Defaults()
	for _, kind := range []string{"posture", "mobility", "rest"} {
		prefix := "breaks." + kind + "."
		locked := func(field string) bool { _, ok := c.Locked[prefix+field]; return ok }
		candidates := []Break{base.Breaks[kind], def.Breaks[kind]}
		b := c.Breaks[kind]
		if b.Duration >= b.Every {
			key := prefix + "duration"
			what := msg.L("prefs.cross.duration", fmt.Sprintf("%s is not shorter than every (%s); expected a duration shorter than the interval", fmtDur(b.Duration), fmtDur(b.Every)), msg.Args{"Duration": fmtDur(b.Duration), "Every": fmtDur(b.Every)})
			if locked("duration") && !locked("every") {
				key = prefix + "every"
				what = msg.L("prefs.cross.every", fmt.Sprintf("%s is not longer than duration (%s, locked); expected an interval longer than the break", fmtDur(b.Every), fmtDur(b.Duration)), msg.Args{"Every": fmtDur(b.Every), "Duration": fmtDur(b.Duration)})
			}
			b = fallBack(b, candidates, locked, func(x Break) bool { return x.Duration < x.Every })
			var then msg.Text
			switch {
			case b.Duration >= b.Every:
				then = msg.L("prefs.cross.locked_stay", "the locked values stay as your administrator set them")
			case anyLocked(c, prefix) || base.Breaks[kind] != def.Breaks[kind]:
				then = msg.L("prefs.cross.using_admin", fmt.Sprintf("using the administrator's values and the defaults for the unlocked keys of [breaks.%s]", kind), msg.Args{"Kind": kind})
			default:
				then = msg.L("prefs.cross.using_defaults", fmt.Sprintf("using the defaults for [breaks.%s]", kind), msg.Args{"Kind": kind})
			}
			p := Problem{Key: key}.with(msg.L("prefs.cross.joined", what.English+"; "+then.English, msg.Args{"Problem": what, "Then": then}))
			p.Short = what
			probs = append(probs, p)
			c.Breaks[kind] = b
			if b.Duration >= b.Every {
				continue
			}
		}
		if b.WarnBefore >= b.Every {
			was := b.WarnBefore
			if locked("warn_before") {
				b = fallBack(b, candidates, locked, func(x Break) bool { return x.Duration < x.Every && x.WarnBefore < x.Every })
			} else {
				b.WarnBefore = 0
				for _, x := range candidates {
					if x.WarnBefore < b.Every {
						b.WarnBefore = x.WarnBefore
						break
					}
				}
			}
			m := msg.L("prefs.cross.warn", fmt.Sprintf("%s is not shorter than every (%s); expected a shorter warning; using %s", fmtDur(was), fmtDur(b.Every), fmtDur(b.WarnBefore)), msg.Args{"Warn": fmtDur(was), "Every": fmtDur(b.Every), "Using": fmtDur(b.WarnBefore)})
			if b.WarnBefore >= b.Every {
				m = msg.L("prefs.cross.warn_locked", fmt.Sprintf("%s is not shorter than every (%s); expected a shorter warning; the locked values stay as your administrator set them", fmtDur(was), fmtDur(b.Every)), msg.Args{"Warn": fmtDur(was), "Every": fmtDur(b.Every)})
			}
			p := Problem{Key: prefix + "warn_before"}.with(m)
			p.Short = msg.L("prefs.cross.warn_short", fmt.Sprintf("%s is not shorter than every (%s); expected a shorter warning", fmtDur(was), fmtDur(b.Every)), msg.Args{"Warn": fmtDur(was), "Every": fmtDur(b.Every)})
			probs = append(probs, p)
			c.Breaks[kind] = b
		}
	}
	return probs
}

// fallBack gives b with its unlocked fields from the first candidate that
// makes it fit; when none does, from the last.
func fallBack(b Break, candidates []Break, locked func(field string) bool, fits func(Break) bool) Break {
	var x Break
	for _, cand := range candidates {
		x = b
		if !locked("enabled") {
			x.Enabled = cand.Enabled
		}
		if !locked("every") {
			x.Every = cand.Every
		}
		if !locked("duration") {
			x.Duration = cand.Duration
		}
		if !locked("warn_before") {
			x.WarnBefore = cand.WarnBefore
		}
		if fits(x) {
			return x
		}
	}
	return x
}

// anyLocked reports whether a key under prefix is locked.
func anyLocked(c *Config, prefix string) bool {
	for name := range c.Locked {
		if strings.HasPrefix(name, prefix) {
			return true
		}
	}
	return false
}

// unknownKeys lists the dotted keys of the file that are not settings.
func unknownKeys(m map[string]any) []string {
	known := map[string]bool{}
	for _, k := range Keys {
		known[k.Name] = true
	}
	var out []string
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for name, v := range m {
			full := strings.ToLower(prefix + name)
			if sub, ok := v.(map[string]any); ok {
				if !isSection(full) {
					out = append(out, full)
					continue
				}
				walk(full+".", sub)
				continue
			}
			if !known[full] {
				out = append(out, full)
			}
		}
	}
	walk("", m)
	sort.Strings(out)
	return out
}

// isSection reports whether some key lives under the dotted prefix.
func isSection(prefix string) bool {
	for _, k := range Keys {
		if strings.HasPrefix(k.Name, prefix+".") {
			return true
		}
	}
	return false
}

// lineOf finds the 1-based line where a dotted key is set in TOML text,
// following [table] headers; 0 when it is not found.
func lineOf(data []byte, dotted string) int {
	if len(data) == 0 {
		return 0
	}
	table := ""
	for i, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[") && !strings.HasPrefix(t, "[[") {
			end := strings.Index(t, "]")
			if end > 0 {
				table = strings.ToLower(strings.TrimSpace(t[1:end]))
			}
			continue
		}
		name, _, ok := strings.Cut(t, "=")
		if !ok || strings.HasPrefix(t, "#") {
			continue
		}
		name = strings.ToLower(strings.Trim(strings.TrimSpace(name), `"`))
		full := name
		if table != "" {
			full = table + "." + name
		}
		if full == dotted {
			return i + 1
		}
	}
	return 0
}
