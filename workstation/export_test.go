package workstation

import (
	"html/template"
	"strings"
	"testing"

	"github.com/limberapp/limber/content"
)

// exportFixture answers No to items of each impact, Not sure to one, and
// compares with an earlier check.
func exportFixture(t *testing.T) (Report, []*content.ChecklistItem) {
	t.Helper()
	lib := library(t)
	ans := Answers{}
	for _, it := range lib.Checklist {
		ans[it.ID] = Yes
	}
	noIDs := []string{"chair-base", "monitor-height", "desk-phone", "habits-breaks", "lighting-glare", "keyboard-height", "chair-seat-depth"}
	for _, id := range noIDs {
		ans[id] = No
	}
	ans["monitor-distance"] = Unsure
	delete(ans, "habits-eyes")
	prevAns := Answers{}
	for id := range ans {
		prevAns[id] = No
	}
	prev := NewCheck(lib.Checklist, DeskMonitor, prevAns, 0, day1)
	cur := NewCheck(lib.Checklist, DeskMonitor, ans, 168, day2)
	fixes := Fixes(lib.Checklist, DeskMonitor, ans, No)
	if len(fixes) != len(noIDs) {
		t.Fatalf("%d fixes for %d No answers", len(fixes), len(noIDs))
	}
	var items []*content.ChecklistItem
	for _, f := range fixes {
		items = append(items, f.Item)
	}
	return Report{Check: cur, Previous: &prev, Items: lib.Checklist, Sources: lib.Sources}, items
}

// inOrder checks that every string appears in text, each after the last.
func inOrder(t *testing.T, format, text string, parts []string) {
	t.Helper()
	at := 0
	for _, p := range parts {
		i := strings.Index(text[at:], p)
		if i < 0 {
			t.Errorf("%s: %q missing or out of order", format, p)
			return
		}
		at += i + len(p)
	}
}

func TestMarkdownHasEveryFixInImpactOrder(t *testing.T) {
	r, fixes := exportFixture(t)
	md := r.Markdown()
	var parts []string
	for i := 1; i < len(fixes); i++ {
		if fixes[i-1].Impact < fixes[i].Impact {
			t.Fatalf("fixture fixes not in impact order")
		}
	}
	for _, f := range fixes {
		parts = append(parts, f.Fix)
	}
	inOrder(t, "markdown", md, parts)
	if strings.Count(md, "high impact") != 3 { // monitor-height, keyboard-height, habits-breaks
		t.Errorf("high-impact fixes: %d", strings.Count(md, "high impact"))
	}
	for _, s := range []string{"# Workstation check — 1 April 2026", "Desk with a monitor", "up ", "since 3 March 2026",
		"| Chair |", "Worth a closer look", "Is the screen about an arm's length away?", "1 item was not answered",
		"## Estimated heights", "Drillis & Contini", "ANSI/HFS 100", "## Sources", "not a medical assessment"} {
		if !strings.Contains(md, s) {
			t.Errorf("markdown lacks %q", s)
		}
	}
}

func TestHTMLHasEveryFixInImpactOrder(t *testing.T) {
	r, fixes := exportFixture(t)
	h := r.HTML()
	var parts []string
	for _, f := range fixes {
		parts = append(parts, template.HTMLEscapeString(f.Fix))
	}
	inOrder(t, "html", h, parts)
	for _, s := range []string{"<!DOCTYPE html>", "@media print", "<title>Workstation check — 1 April 2026</title>", "impact-high",
		"since 3 March 2026", "Drillis &amp; Contini", "not a medical assessment"} {
		if !strings.Contains(h, s) {
			t.Errorf("html lacks %q", s)
		}
	}
	for _, s := range []string{"<script", "<link", "src=\"http"} {
		if strings.Contains(h, s) {
			t.Errorf("html not self-contained: has %q", s)
		}
	}
}

func TestExportEscapesHTML(t *testing.T) {
	items := []*content.ChecklistItem{{ID: "x", Area: "desk", Impact: 2, Check: "Is <b>it</b> ok?", Fix: "Move it & <script>alert(1)</script>", Target: "t"}}
	r := Report{Check: NewCheck(items, DeskMonitor, Answers{"x": No}, 0, day1), Items: items}
	h := r.HTML()
	if strings.Contains(h, "<script>alert") || !strings.Contains(h, "Move it &amp; &lt;script&gt;") {
		t.Errorf("not escaped: %s", h)
	}
}

func TestExportWithoutFixes(t *testing.T) {
	r := Report{Check: NewCheck(testItems, DeskMonitor, Answers{"a": Yes, "b": Yes, "c": Yes}, 0, day1), Items: testItems}
	md := r.Markdown()
	if !strings.Contains(md, "Nothing answered “No”") || strings.Contains(md, "Estimated heights") || strings.Contains(md, "since") {
		t.Errorf("markdown:\n%s", md)
	}
	if !strings.Contains(r.HTML(), "Nothing answered “No”") {
		t.Error("html lacks the no-fixes line")
	}
}

func TestSourceText(t *testing.T) {
	src := map[string]*content.Source{"s": {ID: "s", Title: "T", Publisher: "P", Year: 2001, URL: "https://x"}}
	if got := SourceText(src, "s"); got != "T — P (2001). https://x" {
		t.Error(got)
	}
	if SourceText(src, "missing") != "missing" {
		t.Error("missing source")
	}
}
