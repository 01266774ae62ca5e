// Package msg carries a message for a person out of a pure package as a
// catalog key, its placeholder values and its English wording, so the
// package needs no catalog or language: the UI and command line render it
// with i18n.Msg, and the English wording stays the package's own (tests
// and JSON output keep using it).
//
// msg.L("recovery.headline.urgent", "Get medical advice today…") and
// msg.L("key", fmt.Sprintf(…), msg.Args{"Pain": 5}) are read by the check
// in i18n (go test ./i18n/) like i18n.L calls: the key must be in en.json
// with the same placeholders.
package msg

import (
	"math"
	"strconv"
	"strings"
)

// Args are a message's placeholder values, by name.
type Args = map[string]any

// Text is one message: Key in the catalog with Args, and English, the same
// message as the package words it in English.
// An argument that is itself a Text renders in the reader's language too.
// Plural is set by N: the message has plural forms chosen by Count.
type Text struct {
	Key     string
	Args    Args
	English string
	Plural  bool
	Count   int
}

// L makes a Text.
func L(key, english string, args ...Args) Text {
	t := Text{Key: key, English: english}
	if len(args) > 0 {
		t.Args = args[0]
	}
	return t
}

// N makes a Text with plural forms chosen by count ({{.Count}}).
func N(key string, count int, english string, args ...Args) Text {
	t := L(key, english, args...)
	t.Plural, t.Count = true, count
	return t
}

// Number is a decimal argument: Prec digits after the separator, which
// is the reader's language's ("2,5" in German). English is "%.*f".
// With Short, at most one decimal and no trailing zero ("2.5", "3").
type Number struct {
	V     float64
	Prec  int
	Short bool
}

// Dec makes a Number.
func Dec(v float64, prec int) Number { return Number{V: v, Prec: prec} }

// Short makes a Number written with at most one decimal and no trailing
// zero.
func Short(v float64) Number { return Number{V: v, Prec: 1, Short: true} }

// String writes the number the English way.
func (n Number) String() string {
	if !n.Short {
		return strconv.FormatFloat(n.V, 'f', n.Prec, 64)
	}
	if math.IsNaN(n.V) || math.IsInf(n.V, 0) || math.Abs(n.V) >= 1e9 {
		return strconv.FormatFloat(n.V, 'g', -1, 64)
	}
	s := strconv.FormatFloat(n.V, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}

// Plain is a text that has no catalog key (content already in the
// reader's language, such as a content library title): it renders as is.
func Plain(s string) Text { return Text{English: s} }

// String is the English wording.
func (t Text) String() string { return t.English }

// Englishes lists the English wordings of ts.
func Englishes(ts []Text) []string {
	if ts == nil {
		return nil
	}
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.English
	}
	return out
}
