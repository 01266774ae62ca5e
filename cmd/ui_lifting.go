package cmd

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/lifting"
	"github.com/limberapp/limber/quiz"
	"github.com/limberapp/limber/store"
	"github.com/limberapp/limber/ui"
)

var (
	uiLiftingCalc  bool
	uiLiftingUnits string
)

var uiLiftingCmd = &cobra.Command{
	Use:   "lifting [--calc] [--units metric|us]",
	Short: "The lifting window: a one-minute technique refresher with a short quiz, and the lifting calculator",
	Args:  cobra.NoArgs,
	RunE:  runLiftingView,
}

func runLiftingView(cmd *cobra.Command, args []string) error {
	units, err := lifting.ParseUnits(uiLiftingUnits)
	if err != nil {
		return &exitError{code: 2, err: errors.New(i18n.L("cli.lifting.units", i18n.Args{"Value": strconv.Quote(uiLiftingUnits)}))}
	}
	lib, err := loadLibrary()
	if err != nil {
		return err
	}
	opt := ui.LiftingOptions{Library: lib, Calculator: uiLiftingCalc, Units: units}
	if p, err := journal.DefaultPath(); err == nil {
		opt.JournalPath = p
	} else {
		fmt.Fprintln(os.Stderr, "limber: no journal, answers are not recorded:", err)
	}
	if p, err := store.Path(quiz.FileName); err == nil {
		opt.QuizPath = p
	} else {
		fmt.Fprintln(os.Stderr, "limber: no state directory, the quiz schedule is not kept:", err)
	}
	a := newApp()
	v := ui.NewLiftingView(a, opt)
	v.Show()
	a.Run()
	return nil
}

func init() {
	uiLiftingCmd.Flags().BoolVar(&uiLiftingCalc, "calc", false, "open on the lifting calculator")
	uiLiftingCmd.Flags().StringVar(&uiLiftingUnits, "units", "metric", "the calculator's units: metric (kg, cm) or us (lb, in)")
	uiCmd.AddCommand(uiLiftingCmd)
}
