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
