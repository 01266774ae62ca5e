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
	r := workstation.Report{Check: v.currentCheck(), Items: v.opt.Items, Sources: v.opt.Sources}
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
	v.heading.SetText("Summary")
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
		v.overall.SetText("No answers yet")
	} else {
		v.overall.SetText(fmt.Sprintf("Overall %.0f / 100", c.Result.Overall))
	}
	sub := fmt.Sprintf("%s · %d of %d questions answered", c.Setup.Name(), c.Result.Answered, c.Result.Items)
	if hasPrev && c.Result.Answered > 0 && prev.Result.Answered > 0 {
		sub += fmt.Sprintf(" · %s since your check on %s", changeWords(c.Result.Overall-prev.Result.Overall), workstation.FormatDate(prev))
	}
	box.Add(v.overall)
	box.Add(wrapped(sub))

	grid := container.NewGridWithColumns(3)
	for _, a := range c.Result.Areas {
		grid.Add(widget.NewLabel(workstation.AreaName(a.Area)))
		if !a.Scored() {
			none := widget.NewLabel("not answered yet")
			none.Importance = widget.LowImportance
			grid.Add(none)
			grid.Add(widget.NewLabel(""))
			continue
		}
		bar := widget.NewProgressBar()
		score := a.Score
		bar.Max = 100
		bar.SetValue(score)
		bar.TextFormatter = func() string { return fmt.Sprintf("%.0f", score) }
		change := ""
		if ch, ok := workstation.Change(changes, a.Area); ok {
			change = changeArrow(ch.Delta)
		}
		if a.Answered < a.Items {
			parts := []string{}
			if change != "" {
				parts = append(parts, change)
			}
			change = strings.Join(append(parts, fmt.Sprintf("%d of %d answered", a.Answered, a.Items)), " · ")
		}
		grid.Add(bar)
		grid.Add(widget.NewLabel(change))
	}
	box.Add(grid)
	box.Add(muted("Each area scores out of 100: yes counts 1, not sure ½, no 0, and each question is weighted by how much fixing it helps. Unanswered questions are left out."))

	v.saveCheck = widget.NewButtonWithIcon("Save this check", theme.DocumentSaveIcon(), v.OnSaveCheck)
	v.saveCheck.Importance = widget.HighImportance
	if v.saved {
		v.saveCheck.SetText("Saved")
		v.saveCheck.Disable()
	}
	if c.Result.Answered == 0 {
		v.saveCheck.Disable()
	}
	v.exportMD = widget.NewButtonWithIcon("Export Markdown…", theme.DownloadIcon(), func() { v.OnExport(ExportMarkdown) })
	v.exportHTML = widget.NewButtonWithIcon("Export printable HTML…", theme.DocumentPrintIcon(), func() { v.OnExport(ExportHTML) })
	box.Add(container.NewHBox(v.saveCheck, v.exportMD, v.exportHTML))

	box.Add(heading("Fixes, most helpful first"))
	v.fixLabels = nil
	fixes := workstation.Fixes(v.opt.Items, c.Setup, c.Answers, workstation.No)
	if len(fixes) == 0 {
		box.Add(wrapped("Nothing answered No."))
	}
	for i, f := range fixes {
		l := wrapped(fmt.Sprintf("%d. %s (%s, %s)", i+1, f.Item.Fix, workstation.AreaName(f.Item.Area), workstation.ImpactName(f.Item.Impact)))
		v.fixLabels = append(v.fixLabels, l)
		box.Add(l)
	}
	if unsure := workstation.Fixes(v.opt.Items, c.Setup, c.Answers, workstation.Unsure); len(unsure) > 0 {
		box.Add(heading("Worth a closer look"))
		for _, f := range unsure {
			box.Add(wrapped(fmt.Sprintf("• %s Target: %s", f.Item.Check, f.Item.Target)))
		}
	}

	box.Add(heading("Past checks"))
	v.historyRows = nil
	if len(v.state.History) == 0 {
		box.Add(wrapped("None yet. Save this check to compare next time."))
	}
	for i := len(v.state.History) - 1; i >= 0; i-- {
		h := v.state.History[i]
		l := widget.NewLabel(fmt.Sprintf("%s · %s · overall %.0f / 100", workstation.FormatDate(h), h.Setup.Name(), h.Result.Overall))
		v.historyRows = append(v.historyRows, l)
		box.Add(l)
	}
	box.Add(muted(workstation.Disclaimer))
	return container.NewVScroll(box)
}

// changeWords writes a score change as "up 8", "down 3", "no change".
func changeWords(d float64) string {
	switch {
	case d >= 0.5:
		return fmt.Sprintf("up %.0f", d)
	case d <= -0.5:
		return fmt.Sprintf("down %.0f", -d)
	}
	return "no change"
}

// changeArrow writes a score change as "▲ 8", "▼ 3", "no change".
func changeArrow(d float64) string {
	switch {
	case d >= 0.5:
		return fmt.Sprintf("▲ %.0f", d)
	case d <= -0.5:
		return fmt.Sprintf("▼ %.0f", -d)
	}
	return "no change"
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
		v.setStatus("Could not save the check: "+err.Error(), widget.DangerImportance)
		return
	}
	v.show(v.cur)
	v.setStatus(fmt.Sprintf("Check saved (%s). Next time, the summary shows what changed since.", workstation.FormatDate(c)), widget.SuccessImportance)
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
			v.setStatus("Could not export: "+err.Error(), widget.DangerImportance)
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
			v.setStatus("Could not export: "+werr.Error(), widget.DangerImportance)
			return
		}
		v.setStatus("Exported to "+w.URI().Path()+".", widget.SuccessImportance)
	}, v.win)
	d.SetFileName("workstation-check-" + v.opt.Now().Format("2006-01-02") + ext)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.Show()
}
