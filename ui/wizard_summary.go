package ui

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/workstation"
)

// currentCheck is the check the answers so far make.
func (v *WizardView) currentCheck() workstation.Check {
	return workstation.NewCheck(v.opt.Items, v.draft.Setup, v.draft.Answers, v.heightCm(), v.opt.Now())
}

// previous is the check to compare with: the last one saved before this
// session's.
func (v *WizardView) previous() (workstation.Check, bool) {
	if v.savedAt >= 0 {
		return v.state.History.Before(v.savedAt)
	}
	return v.state.History.Last()
}

// Report is the summary as an export would write it.
func (v *WizardView) Report() workstation.Report {
	r := workstation.Report{Check: v.currentCheck(), Items: v.opt.Items, Sources: v.opt.Sources, Say: i18n.Msg, Lang: i18n.Language()}
	if p, ok := v.previous(); ok {
		r.Previous = &p
	}
	return r
}

func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

func (v *WizardView) summaryPage() fyne.CanvasObject {
	v.heading.SetText(i18n.L("workstation.step.summary"))
	c := v.currentCheck()
	prev, hasPrev := v.previous()
	var changes []workstation.AreaChange
	if hasPrev {
		changes = workstation.Compare(prev, c)
	}
	box := container.NewVBox()

	v.overall = widget.NewLabel("")
	v.overall.TextStyle.Bold = true
	v.overall.SizeName = theme.SizeNameHeadingText
	if c.Result.Answered == 0 {
		v.overall.SetText(i18n.L("wizard.summary.no_answers"))
	} else {
		v.overall.SetText(i18n.L("wizard.summary.overall", i18n.Args{"Score": i18n.Decimal(c.Result.Overall, 0)}))
	}
	sub := i18n.N("wizard.summary.answered", c.Result.Items, i18n.Args{"Setup": setupName(c.Setup), "Answered": c.Result.Answered})
	if hasPrev && c.Result.Answered > 0 && prev.Result.Answered > 0 {
		sub += " · " + i18n.L("wizard.summary.since", i18n.Args{"Change": changeWords(c.Result.Overall - prev.Result.Overall), "Date": checkDate(prev)})
	}
	box.Add(v.overall)
	box.Add(wrapped(sub))

	grid := container.NewGridWithColumns(3)
	for _, a := range c.Result.Areas {
		grid.Add(widget.NewLabel(areaName(a.Area)))
		if !a.Scored() {
			none := widget.NewLabel(i18n.L("wizard.summary.not_answered"))
			none.Importance = widget.LowImportance
			grid.Add(none)
			grid.Add(widget.NewLabel(""))
			continue
		}
		bar := widget.NewProgressBar()
		score := a.Score
		bar.Max = 100
		bar.SetValue(score)
		bar.TextFormatter = func() string { return i18n.Decimal(score, 0) }
		change := ""
		if ch, ok := workstation.Change(changes, a.Area); ok {
			change = changeArrow(ch.Delta)
		}
		if a.Answered < a.Items {
			parts := []string{}
			if change != "" {
				parts = append(parts, change)
			}
			change = strings.Join(append(parts, i18n.L("wizard.summary.area_answered", i18n.Args{"Answered": a.Answered, "Items": a.Items})), " · ")
		}
		grid.Add(bar)
		grid.Add(widget.NewLabel(change))
	}
	box.Add(grid)
	box.Add(muted(i18n.L("wizard.summary.scoring")))

	v.saveCheck = widget.NewButtonWithIcon(i18n.L("wizard.summary.save"), theme.DocumentSaveIcon(), v.OnSaveCheck)
	v.saveCheck.Importance = widget.HighImportance
	if v.saved {
		v.saveCheck.SetText(i18n.L("wizard.summary.saved"))
		v.saveCheck.Disable()
	}
	if c.Result.Answered == 0 {
		v.saveCheck.Disable()
	}
	v.exportMD = widget.NewButtonWithIcon(i18n.L("wizard.summary.export_md"), theme.DownloadIcon(), func() { v.OnExport(ExportMarkdown) })
	v.exportHTML = widget.NewButtonWithIcon(i18n.L("wizard.summary.export_html"), theme.DocumentPrintIcon(), func() { v.OnExport(ExportHTML) })
	box.Add(container.NewHBox(v.saveCheck, v.exportMD, v.exportHTML))

	box.Add(heading(i18n.L("wizard.summary.fixes")))
	v.fixLabels = nil
	fixes := workstation.Fixes(v.opt.Items, c.Setup, c.Answers, workstation.No)
	if len(fixes) == 0 {
		box.Add(wrapped(i18n.L("wizard.summary.no_fixes")))
	}
	for i, f := range fixes {
		l := wrapped(i18n.L("wizard.summary.fix", i18n.Args{"Number": i + 1, "Fix": f.Item.Fix, "Area": areaName(f.Item.Area), "Impact": impactName(f.Item.Impact)}))
		v.fixLabels = append(v.fixLabels, l)
		box.Add(l)
	}
	if unsure := workstation.Fixes(v.opt.Items, c.Setup, c.Answers, workstation.Unsure); len(unsure) > 0 {
		box.Add(heading(i18n.L("wizard.summary.unsure")))
		for _, f := range unsure {
			box.Add(wrapped("• " + i18n.L("wizard.summary.unsure_item", i18n.Args{"Check": f.Item.Check, "Target": f.Item.Target})))
		}
	}

	box.Add(heading(i18n.L("wizard.summary.past")))
	v.historyRows = nil
	if len(v.state.History) == 0 {
		box.Add(wrapped(i18n.L("wizard.summary.past_none")))
	}
	for i := len(v.state.History) - 1; i >= 0; i-- {
		h := v.state.History[i]
		l := widget.NewLabel(i18n.L("wizard.summary.past_item", i18n.Args{"Date": checkDate(h), "Setup": setupName(h.Setup), "Score": i18n.Decimal(h.Result.Overall, 0)}))
		v.historyRows = append(v.historyRows, l)
		box.Add(l)
	}
	box.Add(muted(i18n.Msg(workstation.DisclaimerText)))
	return container.NewVScroll(box)
}

// changeWords writes a score change as "up 8", "down 3", "no change".
func changeWords(d float64) string {
	switch {
	case d >= 0.5:
		return i18n.L("wizard.change.up", i18n.Args{"Points": i18n.Decimal(d, 0)})
	case d <= -0.5:
		return i18n.L("wizard.change.down", i18n.Args{"Points": i18n.Decimal(-d, 0)})
	}
	return i18n.L("wizard.change.none")
}

// changeArrow writes a score change as "▲ 8", "▼ 3", "no change".
func changeArrow(d float64) string {
	switch {
	case d >= 0.5:
		return "▲ " + i18n.Decimal(d, 0)
	case d <= -0.5:
		return "▼ " + i18n.Decimal(-d, 0)
	}
	return i18n.L("wizard.change.none")
}

// FixTexts returns the summary's fix lines, in order.
func (v *WizardView) FixTexts() []string {
	var out []string
	for _, l := range v.fixLabels {
		out = append(out, l.Text)
	}
	return out
}

// HistoryTexts returns the summary's past-check lines, newest first.
func (v *WizardView) HistoryTexts() []string {
	var out []string
	for _, l := range v.historyRows {
		out = append(out, l.Text)
	}
	return out
}

// OnSaveCheck saves the answers as a finished check in the history.
func (v *WizardView) OnSaveCheck() {
	c := v.currentCheck()
	if c.Result.Answered == 0 {
		return
	}
	if v.savedAt >= 0 && v.savedAt < len(v.state.History) {
		v.state.History[v.savedAt] = c // saved again after a change: replace
		v.state.Draft = nil
	} else {
		v.state.Finish(c)
		v.savedAt = len(v.state.History) - 1
	}
	v.saved = true
	if err := v.opt.Save(v.state); err != nil {
		v.saved = false
		v.setStatus(i18n.L("wizard.summary.save_failed", i18n.Args{"Error": err.Error()}), widget.DangerImportance)
		return
	}
	v.show(v.cur)
	v.setStatus(i18n.L("wizard.summary.saved_at", i18n.Args{"Date": checkDate(c)}), widget.SuccessImportance)
}

// ExportTo writes the summary in a format (ExportMarkdown or ExportHTML).
func (v *WizardView) ExportTo(w io.Writer, format string) error {
	r := v.Report()
	var s string
	switch format {
	case ExportMarkdown:
		s = r.Markdown()
	case ExportHTML:
		s = r.HTML()
	default:
		return fmt.Errorf("unknown export format %q (expected markdown or html)", format)
	}
	_, err := io.WriteString(w, s)
	return err
}

// OnExport asks where to save the export, then writes it.
func (v *WizardView) OnExport(format string) {
	ext := ".md"
	if format == ExportHTML {
		ext = ".html"
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			v.setStatus(i18n.L("wizard.summary.export_failed", i18n.Args{"Error": err.Error()}), widget.DangerImportance)
			return
		}
		if w == nil {
			return // cancelled
		}
		werr := v.ExportTo(w, format)
		if cerr := w.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			v.setStatus(i18n.L("wizard.summary.export_failed", i18n.Args{"Error": werr.Error()}), widget.DangerImportance)
			return
		}
		v.setStatus(i18n.L("wizard.summary.exported", i18n.Args{"Path": w.URI().Path()}), widget.SuccessImportance)
	}, v.win)
	d.SetFileName("workstation-check-" + v.opt.Now().Format("2006-01-02") + ext)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.Show()
}
