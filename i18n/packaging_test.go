package i18n

import (
	"bufio"
	"encoding/xml"
	"os"
	"strings"
	"testing"

	"github.com/limberapp/limber/internal/i18n"
)

// packagingTexts reads the translatable strings of the .desktop and
// AppStream files: catalog key → language ("" for the untranslated one) →
// text.
func packagingTexts(t *testing.T) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	put := func(key, lang, text string) {
		if out[key] == nil {
			out[key] = map[string]string{}
		}
		out[key][lang] = text
	}
	f, err := os.Open("../packaging/org.limber.Limber.desktop")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[]")
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		field, lang, _ := strings.Cut(strings.TrimSuffix(k, "]"), "[")
		key := ""
		switch {
		case section == "Desktop Entry" && field == "Name":
			key = "packaging.name"
		case section == "Desktop Entry" && field == "GenericName":
			key = "packaging.generic_name"
		case section == "Desktop Entry" && field == "Comment":
			key = "packaging.comment"
		case strings.HasPrefix(section, "Desktop Action ") && field == "Name":
			key = "packaging.action." + strings.TrimPrefix(section, "Desktop Action ")
		}
		if key != "" {
			put(key, lang, v)
		}
	}
	data, err := os.ReadFile("../packaging/org.limber.Limber.metainfo.xml")
	if err != nil {
		t.Fatal(err)
	}
	type text struct {
		Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		Text string `xml:",chardata"`
	}
	var comp struct {
		Name    []text `xml:"name"`
		Summary []text `xml:"summary"`
	}
	if err := xml.Unmarshal(data, &comp); err != nil {
		t.Fatal(err)
	}
	for _, n := range comp.Name {
		put("packaging.name", n.Lang, n.Text)
	}
	for _, s := range comp.Summary {
		put("packaging.summary", s.Lang, s.Text)
	}
	return out
}

// TestPackagingMatchesCatalogs: the .desktop file's Name, GenericName,
// Comment and actions, and the AppStream name and summary, are the
// catalogs' packaging.* messages — English untranslated, and each
// language that has a catalog under its [lang] / xml:lang. Every language
// the settings offer is in both files.
func TestPackagingMatchesCatalogs(t *testing.T) {
	c := Default()
	files := packagingTexts(t)
	for key := range c.Texts(i18n.English) {
		if !strings.HasPrefix(key, "packaging.") {
			continue
		}
		got, ok := files[key]
		if !ok {
			t.Errorf("%s: not in the packaging files", key)
			continue
		}
		if want := c.Texts(i18n.English)[key].Forms["other"]; got[""] != want {
			t.Errorf("%s: the files say %q, en.json %q", key, got[""], want)
		}
		for _, n := range Names {
			if n.Tag == i18n.English {
				continue
			}
			text, ok := got[n.Tag]
			if !ok {
				t.Errorf("%s: no %s translation in the packaging files", key, n.Tag)
				continue
			}
			if cat := c.Texts(n.Tag); cat != nil {
				if want := cat[key].Forms["other"]; text != want {
					t.Errorf("%s[%s]: the files say %q, %s.json %q", key, n.Tag, text, n.Tag, want)
				}
			}
		}
	}
	for key := range files {
		if !Has(key) {
			t.Errorf("%s: in the packaging files but not in en.json", key)
		}
	}
}
