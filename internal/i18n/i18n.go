// Package i18n decides which languages Limber speaks and formats numbers
// the way each language writes them. It is pure: the environment comes in
// as a getenv function, so the choice can be tested without touching the
// process's environment. The catalogs themselves live in the i18n/
// directory at the module root; this package knows nothing about Fyne.
package i18n

import (
	"strconv"
	"strings"
)

// English is the language every preference list ends in: the catalogs are
// complete in English, so it is the last fallback.
const English = "en"

// Auto is the value of the language setting that means "from the desktop".
const Auto = "auto"

// Languages returns the ordered language preference, most wanted first, as
// BCP 47 tags ("de-DE", "de", …), without duplicates and always ending in
// English.
//
// The order is: the language setting (unless it is "" or "auto"); then the
// GNU LANGUAGE variable (a colon-separated list); then the messages locale,
// which is the first set of LC_ALL, LC_MESSAGES and LANG (POSIX: LC_ALL
// overrides the others, LC_MESSAGES overrides LANG). As in GNU gettext,
// LANGUAGE is ignored when that locale is "C" or "POSIX", which mean
// English. A locale's codeset and modifier are dropped ("de_DE.UTF-8@euro"
// gives "de-DE"), and each tag with a region is followed by its bare
// language ("de-DE", then "de"). Entries that are not language tags are
// skipped. Nothing after English is kept: English is complete, so a
// language after it would never be used.
func Languages(getenv func(string) string, setting string) []string {
	var out []string
	seen := map[string]bool{}
	done := false
	add := func(raw string) {
		if done {
			return
		}
		for _, t := range expand(raw) {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
			if t == English {
				done = true
				return
			}
		}
	}
	if s := strings.TrimSpace(setting); s != "" && !strings.EqualFold(s, Auto) {
		add(s)
	}
	locale := ""
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			locale = v
			break
		}
	}
	if !isC(locale) {
		for _, l := range strings.Split(getenv("LANGUAGE"), ":") {
			add(l)
		}
	}
	add(locale)
	add(English)
	return out
}

// isC reports whether a locale is the C or POSIX locale, with or without a
// codeset ("C.UTF-8").
func isC(locale string) bool {
	base, _, _ := strings.Cut(locale, ".")
	base, _, _ = strings.Cut(base, "@")
	return base == "C" || base == "POSIX"
}

// expand turns one locale or tag into its tags: "de_DE.UTF-8" gives
// "de-DE" and "de"; "C" gives "en"; anything that is not a tag gives none.
func expand(raw string) []string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil
	}
	if isC(raw) {
		return []string{English}
	}
	tag, ok := Normalize(raw)
	if !ok {
		return nil
	}
	if lang, _, found := strings.Cut(tag, "-"); found {
		return []string{tag, lang}
	}
	return []string{tag}
}

// Normalize turns a POSIX locale name or a language tag into a BCP 47 tag
// of a language and an optional region or script: "de_DE.UTF-8" and
// "de-de" give "de-DE", "sr_RS@latin" gives "sr-RS", "zh-Hant" stays
// "zh-Hant", "ES" gives "es". It reports false for anything else.
func Normalize(raw string) (string, bool) {
	raw, _, _ = strings.Cut(strings.TrimSpace(raw), ".")
	raw, _, _ = strings.Cut(raw, "@")
	parts := strings.FieldsFunc(raw, func(r rune) bool { return r == '_' || r == '-' })
	if len(parts) == 0 || len(parts) > 2 || !letters(parts[0], 2, 3) {
		return "", false
	}
	tag := strings.ToLower(parts[0])
	if len(parts) == 2 {
		p := parts[1]
		switch {
		case letters(p, 2, 2):
			tag += "-" + strings.ToUpper(p)
		case len(p) == 3 && digits(p):
			tag += "-" + p
		case letters(p, 4, 4):
			tag += "-" + strings.ToUpper(p[:1]) + strings.ToLower(p[1:])
		default:
			return "", false
		}
	}
	return tag, true
}

func letters(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Base returns a tag's language: "de-DE" gives "de".
func Base(tag string) string {
	lang, _, _ := strings.Cut(tag, "-")
	return lang
}

// withSystem answers LANGUAGE from the system's list of the user's UI
// languages (Windows) when no locale variable is set.
func withSystem(getenv func(string) string, ui func() []string) func(string) string {
	for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if getenv(k) != "" {
			return getenv
		}
	}
	langs := strings.Join(ui(), ":")
	return func(k string) string {
		if k == "LANGUAGE" {
			return langs
		}
		return getenv(k)
	}
}

// commaLanguages write a decimal comma; every other language a point.
// pointRegions are the regions of comma languages that write a point.
var (
	commaLanguages = map[string]bool{"de": true, "es": true, "fr": true, "it": true, "pt": true, "nl": true,
		"ru": true, "pl": true, "cs": true, "sk": true, "da": true, "nb": true, "sv": true, "fi": true,
		"tr": true, "el": true, "uk": true, "id": true, "ro": true, "hu": true}
	pointRegions = map[string]bool{"de-CH": true, "de-LI": true, "es-419": true, "es-MX": true, "es-US": true,
		"es-PR": true, "es-DO": true, "es-GT": true, "es-HN": true, "es-NI": true, "es-PA": true, "es-SV": true,
		"es-PE": true, "fr-CH": true, "it-CH": true}
)

// DecimalSeparator is the mark between the whole and the fraction in a
// number written in the language of tag: "," for "de" and "es-ES", "." for
// "en", "de-CH" and "es-MX".
func DecimalSeparator(tag string) string {
	if pointRegions[tag] || !commaLanguages[Base(tag)] {
		return "."
	}
	return ","
}

// Decimal writes v with prec digits after the separator the language of
// tag uses: Decimal("de-DE", 2.5, 1) is "2,5", Decimal("en", 2.5, 1) is
// "2.5". It does not group thousands (Limber prints no number that large).
func Decimal(tag string, v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
		s = s[1:]
	}
	if sep := DecimalSeparator(tag); sep != "." {
		s = strings.Replace(s, ".", sep, 1)
	}
	return s
}
