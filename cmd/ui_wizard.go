package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"

	"github.com/spf13/cobra"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/prefs"
	"github.com/limberapp/limber/store"
	"github.com/limberapp/limber/ui"
	"github.com/limberapp/limber/workstation"
)

func init() {
	uiCmd.AddCommand(
		&cobra.Command{
			Use:   "wizard",
			Short: "The workstation set-up wizard: check your chair, desk, screen and habits",
			Args:  cobra.NoArgs,
			RunE:  runWizardView,
		},
		&cobra.Command{
			Use:   "welcome",
			Short: "The first-run welcome: what Limber does, start at login, set up your desk",
			Args:  cobra.NoArgs,
			RunE:  runWelcomeView,
		},
		&cobra.Command{
			Use:   "quickcheck",
			Short: "The five-question workstation check-in",
			Args:  cobra.NoArgs,
			RunE:  runQuickCheckView,
		},
	)
	rootCmd.AddCommand(newWorkstationCmd())
}

// loadWorkstationState reads the saved checks; a broken file is reported on
// stderr (it was kept aside) and an empty state used.
func loadWorkstationState() (string, workstation.State, error) {
	path, err := store.Path(workstation.StateFile)
	if err != nil {
		return "", workstation.State{}, err
	}
	st := workstation.NewState()
	err = store.Load(path, &st)
	var ce *store.CorruptError
	if errors.As(err, &ce) {
		fmt.Fprintln(os.Stderr, "limber:", err)
		err = nil
	}
	return path, st, err
}

// startWizard starts `limber ui wizard` as its own process.
func startWizard() error {
	exe, err := platform.GUIExecutable()
	if err != nil {
		return err
	}
	args := []string{"ui", "wizard"}
	if configPath != "" {
		args = append([]string{"--config", configPath}, args...)
	}
	c := exec.Command(exe, args...)
	c.Stdout, c.Stderr = os.Stdout, os.Stderr
	if err := c.Start(); err != nil {
		return err
	}
	return c.Process.Release()
}

func runWizardView(cmd *cobra.Command, args []string) error {
	lib, err := loadLibrary()
	if err != nil {
		return err
	}
	path, st, err := loadWorkstationState()
	if err != nil {
		return err
	}
	a := newApp()
	v := ui.NewWizardView(a, ui.WizardOptions{
		Items:   lib.Checklist,
		Sources: lib.Sources,
		State:   st,
		Save:    func(s workstation.State) error { return store.Save(path, s) },
	})
	v.Show()
	a.Run()
	return nil
}

func runWelcomeView(cmd *cobra.Command, args []string) error {
	path, err := platform.ConfigFile(configPath)
	if err != nil {
		return err
	}
	cfg, _ := prefs.Load(path, prefs.Options{})
	a := newApp()
	v := ui.NewWelcomeView(a, ui.WelcomeOptions{
		Config:    cfg,
		Autostart: true,
		SetAutostart: func(on bool) error {
			if on {
				return platform.Autostart{}.Enable()
			}
			return platform.Autostart{}.Disable()
		},
		OpenWizard: startWizard,
		MarkShown:  store.MarkWelcomeShown,
	})
	v.Show()
	a.Run()
	return nil
}

func runQuickCheckView(cmd *cobra.Command, args []string) error {
	lib, err := loadLibrary()
	if err != nil {
		return err
	}
	_, st, err := loadWorkstationState()
	if err != nil {
		return err
	}
	setup := workstation.DeskMonitor
	if last, ok := st.History.Last(); ok {
		setup = last.Setup
	} else if st.Draft != nil && st.Draft.SetupSet {
		setup = st.Draft.Setup
	}
	a := newApp()
	v := ui.NewQuickCheckView(a, ui.QuickCheckOptions{
		Items: lib.Checklist,
		Setup: setup,
		Save: func(ans workstation.Answers, r workstation.Result) error {
			return recordQuickCheck(setup, ans, r)
		},
		OpenWizard: startWizard,
	})
	v.Show()
	a.Run()
	return nil
}

// recordQuickCheck appends a quick check-in to the journal.
func recordQuickCheck(setup workstation.Setup, ans workstation.Answers, r workstation.Result) error {
	jp, err := journal.DefaultPath()
	if err != nil {
		return err
	}
	j, err := journal.Open(jp)
	if err != nil {
		return err
	}
	defer j.Close()
	return j.Append(journal.Record{Event: journal.EventCheckin, Kind: workstation.CheckinKind, Data: workstation.CheckinData(setup, ans, r)})
}

// newWorkstationCmd builds `limber workstation` and its subcommands; each
// call makes fresh flag storage, so tests can run it repeatedly.
func newWorkstationCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "workstation",
		Short: "Your saved workstation checks",
		Args:  cobra.NoArgs,
	}
	c.AddCommand(newWorkstationExportCmd())
	return c
}

func newWorkstationExportCmd() *cobra.Command {
	var md, html bool
	c := &cobra.Command{
		Use:   "export --markdown|--html [FILE]",
		Short: "Export your last saved workstation check as Markdown or printable HTML",
		Long: `Export the last workstation check you saved in the wizard (limber ui wizard):
the scores per area and overall, the change since the check before it, and
the fixes ordered by impact. Writes to FILE, or to standard output.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return &exitError{code: 2, err: errors.New(i18n.L("cli.export.args", i18n.Args{"Count": len(args)}))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if md == html {
				return &exitError{code: 2, err: errors.New(i18n.L("cli.export.format"))}
			}
			path, err := store.Path(workstation.StateFile)
			if err != nil {
				return err
			}
			file := ""
			if len(args) == 1 {
				file = args[0]
			}
			return exportWorkstation(path, html, cmd.OutOrStdout(), cmd.ErrOrStderr(), file)
		},
	}
	c.Flags().BoolVar(&md, "markdown", false, "write Markdown")
	c.Flags().BoolVar(&html, "html", false, "write a self-contained printable HTML page")
	return c
}

// exportWorkstation writes the last saved check in state file path to file
// (or out when file is empty); errOut gets the note saying where it went.
func exportWorkstation(path string, html bool, out, errOut io.Writer, file string) error {
	st := workstation.NewState()
	if err := store.Load(path, &st); err != nil {
		return err
	}
	last, ok := st.History.Last()
	if !ok {
		return &exitError{code: 1, err: errors.New(i18n.L("cli.export.none", i18n.Args{"Path": path}))}
	}
	lib, err := loadLibrary()
	if err != nil {
		return err
	}
	r := workstation.Report{Check: last, Items: lib.Checklist, Sources: lib.Sources, Say: i18n.Msg, Lang: i18n.Language()}
	if prev, ok := st.History.Before(len(st.History) - 1); ok {
		r.Previous = &prev
	}
	text := r.Markdown()
	if html {
		text = r.HTML()
	}
	if file == "" {
		_, err = io.WriteString(out, text)
		return err
	}
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		return err
	}
	fmt.Fprintln(errOut, i18n.L("cli.wrote", i18n.Args{"File": file}))
	return nil
}
