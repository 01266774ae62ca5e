package i18n

import "testing"

// The embedded catalog parses a language only when it is used: a process
// speaking English holds English alone, one speaking German English and
// German (the agent runs all day; every file parsed cost it 3 MB).
func TestCatalogParsesOnlyTheLanguagesUsed(t *testing.T) {
	c, err := open(embedded, "translations")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.langs) < 3 {
		t.Fatalf("languages %v", c.langs)
	}
	l := c.For([]string{"en"})
	if got := l.L("tray.pause"); got != "Pause" {
		t.Fatalf("English tray.pause = %q", got)
	}
	if len(c.msgs) != 1 || c.msgs["en"] == nil || len(c.raw) != 0 {
		t.Fatalf("after English: bundles %v, raw %d", keys(c.msgs), len(c.raw))
	}
	if l := c.For([]string{"de-DE"}); l.Language() != "de" || l.L("tray.pause") == "Pause" {
		t.Fatalf("German: %s %q", l.Language(), l.L("tray.pause"))
	}
	if len(c.msgs) != 2 || c.msgs["es"] != nil {
		t.Fatalf("after German: bundles %v", keys(c.msgs))
	}
	if !c.enKeys["tray.pause"] || c.enKeys["no.such.key"] {
		t.Fatal("English keys")
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
