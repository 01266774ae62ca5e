package i18n

import (
	"fmt"
	"sort"
	"text/template/parse"
)

// Placeholders lists, sorted and without duplicates, the named
// placeholders ("{{.Minutes}}" gives "Minutes") of a text/template
// string, so a translation can be checked against its English original.
// A template that does not parse is an error naming the problem.
func Placeholders(text string) ([]string, error) {
	trees, err := parse.Parse("t", text, "{{", "}}")
	if err != nil {
		return nil, fmt.Errorf("template does not parse: %v", err)
	}
	set := map[string]bool{}
	for _, t := range trees {
		walk(t.Root, set)
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out, nil
}

func walk(n parse.Node, set map[string]bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(c, set)
		}
	case *parse.ActionNode:
		walk(n.Pipe, set)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walk(c, set)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walk(a, set)
		}
	case *parse.FieldNode:
		if len(n.Ident) > 0 {
			set[n.Ident[0]] = true
		}
	case *parse.IfNode:
		walk(n.Pipe, set)
		walk(n.List, set)
		walk(n.ElseList, set)
	case *parse.RangeNode:
		walk(n.Pipe, set)
		walk(n.List, set)
		walk(n.ElseList, set)
	case *parse.WithNode:
		walk(n.Pipe, set)
		walk(n.List, set)
		walk(n.ElseList, set)
	}
}

// SamePlaceholders reports, as an error saying which names differ,
// whether a translation uses exactly the placeholders of its English
// original.
func SamePlaceholders(english, translated string) error {
	want, err := Placeholders(english)
	if err != nil {
		return fmt.Errorf("English: %v", err)
	}
	got, err := Placeholders(translated)
	if err != nil {
		return err
	}
	var missing, extra []string
	in := func(s []string, x string) bool {
		for _, y := range s {
			if y == x {
				return true
			}
		}
		return false
	}
	for _, w := range want {
		if !in(got, w) {
			missing = append(missing, w)
		}
	}
	for _, g := range got {
		if !in(want, g) {
			extra = append(extra, g)
		}
	}
	if len(missing) == 0 && len(extra) == 0 {
		return nil
	}
	msg := "placeholders differ from English:"
	if len(missing) > 0 {
		msg += fmt.Sprintf(" missing %v", missing)
	}
	if len(extra) > 0 {
		msg += fmt.Sprintf(" not in English %v", extra)
	}
	return fmt.Errorf("%s", msg)
}
