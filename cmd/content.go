package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/i18n"
)

// contentOpts holds the flags of one `content` command tree.
type contentOpts struct {
	json   bool
	typ    string
	svg    string
	frames int
	size   float64
}

// newContentCmd builds the `content` command tree.
func newContentCmd() *cobra.Command {
	o := &contentOpts{}
	c := &cobra.Command{
		Use:   "content",
		Short: "List, show and render the teaching library (exercises, cues, lifting, checklist, recovery)",
	}
	list := &cobra.Command{
		Use:   "list [--json] [--type TYPE]",
		Short: "List every item with its type, title and sources",
		Args:  cobra.NoArgs,
		RunE:  o.runList,
	}
	list.Flags().BoolVar(&o.json, "json", false, "print a JSON array")
	list.Flags().StringVar(&o.typ, "type", "", "only items of this type: "+strings.Join(content.ItemTypes, ", "))
	show := &cobra.Command{
		Use:   "show ID",
		Short: "Show one item in full",
		Args:  cobra.ExactArgs(1),
		RunE:  o.runShow,
	}
	render := &cobra.Command{
		Use:   "render ID --svg FILE",
		Short: "Write an exercise's key poses as an SVG frame strip",
		Args:  cobra.ExactArgs(1),
		RunE:  o.runRender,
	}
	render.Flags().StringVar(&o.svg, "svg", "", "SVG file to write (- for standard output)")
	render.Flags().IntVar(&o.frames, "frames", 0, "frames to draw, spread over the loop (0: one per keyframe)")
	render.Flags().Float64Var(&o.size, "size", 200, "size of each frame in pixels")
	_ = render.MarkFlagRequired("svg")
	sheet := &cobra.Command{
		Use:   "sheet --svg FILE",
		Short: "Write every exercise's key poses in one SVG grid, for review",
		Args:  cobra.NoArgs,
		RunE:  o.runSheet,
	}
	sheet.Flags().StringVar(&o.svg, "svg", "", "SVG file to write (- for standard output)")
	sheet.Flags().Float64Var(&o.size, "size", 200, "size of each cell in pixels")
	_ = sheet.MarkFlagRequired("svg")
	c.AddCommand(list, show, render, sheet)
	return c
}

func init() {
	rootCmd.AddCommand(newContentCmd())
}

func (o *contentOpts) runList(cmd *cobra.Command, args []string) error {
	if o.typ != "" && !slices.Contains(content.ItemTypes, o.typ) {
		return &exitError{code: 2, err: fmt.Errorf("--type %q: expected one of %s", o.typ, strings.Join(content.ItemTypes, ", "))}
	}
	lib, err := loadLibrary()
	if err != nil {
		return err
	}
	items := []content.Item{}
	for _, it := range lib.Items() {
		if o.typ == "" || it.Type == o.typ {
			items = append(items, it)
		}
	}
	out := cmd.OutOrStdout()
	if o.json {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(items)
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TYPE\tID\tTITLE\tSOURCES")
	for _, it := range items {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", it.Type, it.ID, it.Title, strings.Join(it.Sources, ", "))
	}
	return tw.Flush()
}

func (o *contentOpts) runShow(cmd *cobra.Command, args []string) error {
	lib, err := loadLibrary()
	if err != nil {
		return err
	}
	v, ok := lib.Find(args[0])
	if !ok {
		return &exitError{code: 2, err: fmt.Errorf("no item with id %q (see `limber content list`)", args[0])}
	}
	w := cmd.OutOrStdout()
	p := func(format string, a ...any) { fmt.Fprintf(w, format+"\n", a...) }
	list := func(title string, xs []string) {
		if len(xs) == 0 {
			return
		}
		p("%s:", title)
		for _, x := range xs {
			p("  - %s", x)
		}
	}
	var sources []string
	switch x := v.(type) {
	case *content.Exercise:
		p("%s (exercise %s)", x.Name, x.ID)
		kinds := strings.Join(x.Kinds, ", ")
		if x.Demo {
			kinds = "none (a demonstration)"
		}
		p("Areas: %s · Position: %s · Breaks: %s · Takes about %s", strings.Join(x.Areas, ", "), x.Position, kinds, x.Duration.D())
		if len(x.Props) > 0 {
			var props []string
			for _, pr := range x.Props {
				props = append(props, pr.Kind)
			}
			p("You need: %s", strings.Join(props, ", "))
		}
		p("Why: %s", x.Why)
		p("Steps:")
		for i, s := range x.Steps {
			p("  %d. %s (%s)", i+1, s.Text, i18n.Msg(x.StepTimingText(i)))
		}
		cautions := slices.Clone(x.Cautions)
		for _, c := range lib.GeneralCautions() {
			cautions = append(cautions, c.Text)
		}
		list("Take care", cautions)
		p("Figure: %d keyframes, %s view, loop of %s", len(x.Keyframes), x.View, x.Animation().Duration())
		if x.User {
			p("From your exercises: %s", x.File)
		}
		sources = x.Sources
	case *content.Cue:
		p("%s (posture cue %s, %d s)", x.Title, x.ID, x.Seconds)
		p("%s", x.Text)
		p("Why: %s", x.Why)
		if x.Exercise != "" {
			p("Exercise: %s", x.Exercise)
		}
		sources = x.Sources
	case *content.LiftingStep:
		p("%d. %s (lifting step %s)", x.Order, x.Title, x.ID)
		p("%s", x.Text)
		sources = x.Sources
	case *content.Mistake:
		p("%s (lifting mistake %s)", x.Title, x.ID)
		p("%s", x.Text)
		p("Instead: %s", x.Fix)
		sources = x.Sources
	case *content.Question:
		p("%s (quiz %s)", x.Question, x.ID)
		for i, c := range x.Choices {
			mark := " "
			if i == x.Answer {
				mark = "*"
			}
			p(" %s %c) %s", mark, 'a'+i, c)
		}
		p("Why: %s", x.Explanation)
		sources = x.Sources
	case *content.ChecklistItem:
		p("%s (workstation check %s, %s)", x.Check, x.ID, x.Area)
		p("Target: %s", x.Target)
		p("Fix: %s", x.Fix)
		sources = x.Sources
	case *content.Phase:
		to := fmt.Sprintf("day %d", x.ToDay)
		if x.ToDay == 0 {
			to = "onward"
		}
		p("%s (recovery phase %s: day %d to %s)", x.Title, x.ID, x.FromDay, to)
		p("%s", x.Summary)
		list("Do", x.Do)
		list("Avoid", x.Avoid)
		list("Exercises", x.Exercises)
		p("Move on when: %s", x.AdvanceWhen)
		sources = x.Sources
	case *content.Thermal:
		p("%s (%s, %d–%d min, %d min apart)", x.Title, x.ID, x.MinMinutes, x.MaxMinutes, x.GapMinutes)
		list("Rules", x.Rules)
		sources = x.Sources
	case *content.Checkin:
		p("%s (check-in %s, %s)", x.Question, x.ID, x.Type)
		list("Choices", x.Choices)
		sources = x.Sources
	case *content.RedFlag:
		p("%s (red flag %s, %s)", x.Title, x.ID, x.Level)
		p("%s", x.Text)
		p("Ask yourself: %s", x.Question)
		p("What to do: %s", x.Action)
		sources = x.Sources
	case *content.Source:
		p("%s — %s", x.Title, x.Publisher)
		if x.Year > 0 {
			p("Year: %d", x.Year)
		}
		if x.URL != "" {
			p("%s", x.URL)
		}
		return nil
	}
	p("Sources:")
	for _, id := range sources {
		if s, ok := lib.Sources[id]; ok {
			p("  [%s] %s — %s", id, s.Title, s.Publisher)
		} else {
			p("  [%s]", id)
		}
	}
	return nil
}

// svgOutput opens the --svg file ("-" is standard output).
func (o *contentOpts) svgOutput(cmd *cobra.Command) (io.Writer, func() error, error) {
	if o.svg == "-" {
		return cmd.OutOrStdout(), func() error { return nil }, nil
	}
	f, err := os.Create(o.svg)
	if err != nil {
		return nil, nil, err
	}
	return f, f.Close, nil
}

func (o *contentOpts) runRender(cmd *cobra.Command, args []string) error {
	lib, err := loadLibrary()
	if err != nil {
		return err
	}
	ex, ok := lib.Exercise(args[0])
	if !ok {
		return &exitError{code: 2, err: fmt.Errorf("no exercise with id %q (see `limber content list --type exercise`)", args[0])}
	}
	w, done, err := o.svgOutput(cmd)
	if err != nil {
		return err
	}
	if err := content.RenderSVG(w, ex, o.frames, o.size); err != nil {
		done()
		return err
	}
	return done()
}

func (o *contentOpts) runSheet(cmd *cobra.Command, args []string) error {
	lib, err := loadLibrary()
	if err != nil {
		return err
	}
	w, done, err := o.svgOutput(cmd)
	if err != nil {
		return err
	}
	if err := content.RenderSheet(w, lib.Exercises, o.size); err != nil {
		done()
		return err
	}
	return done()
}
