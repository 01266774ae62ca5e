package cmd

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/stats"
	"github.com/limberapp/limber/ui"
)

var uiHistoryRange, uiHistoryTab, uiHistoryDate string

var uiHistoryCmd = &cobra.Command{
	Use:   "history [--range today|week|month|year] [--date DATE] [--tab breaks|heatmap|areas|checkins]",
	Short: "The history window: breaks by day, a heatmap, body areas, streaks and check-ins",
	Args:  cobra.NoArgs,
	RunE:  runHistoryView,
}

// historyData reads what the history window shows: every day of the
// journal (closed months moved to their archives first) and the notes on
// lines not counted.
func historyData(now time.Time) ([]stats.Day, []string, error) {
	path, err := journal.DefaultPath()
	if err != nil {
		return nil, nil, err
	}
	var notes []string
	if err := journal.Rotate(path, now, time.Local); err != nil {
		notes = append(notes, err.Error())
	}
	days, more, err := journal.Summary(path, "", now, time.Local)
	return days, append(notes, more...), err
}

// exerciseAreas gives an exercise's body areas from the library.
func exerciseAreas(lib *content.Library) func(string) []string {
	return func(id string) []string {
		if lib == nil {
			return nil
		}
		if e, ok := lib.Exercise(id); ok {
			return e.Areas
		}
		return nil
	}
}

func runHistoryView(cmd *cobra.Command, args []string) error {
	switch uiHistoryRange {
	case "today", "week", "month", "year":
	default:
		return &exitError{code: 2, err: errors.New(i18n.L("cli.history.range", i18n.Args{"Value": strconv.Quote(uiHistoryRange)}))}
	}
	now := time.Now()
	var date time.Time
	if uiHistoryDate != "" {
		var err error
		if date, err = parseDay("date", uiHistoryDate); err != nil {
			return err
		}
		date = date.Add(12 * time.Hour)
	}
	days, notes, err := historyData(now)
	if err != nil {
		return err
	}
	lib, err := loadLibrary()
	if err != nil {
		fmt.Fprintln(os.Stderr, "limber: body areas unavailable:", err)
	}
	a := newApp()
	v := ui.NewHistoryView(a, ui.HistoryOptions{Days: days, Notes: notes, AreasOf: exerciseAreas(lib),
		Recovery: recoveryAdaptation(now).Active, Range: uiHistoryRange, Tab: uiHistoryTab, Date: date})
	v.Show()
	a.Run()
	return nil
}

func init() {
	uiHistoryCmd.Flags().StringVar(&uiHistoryRange, "range", "week", "open on today, week, month or year")
	uiHistoryCmd.Flags().StringVar(&uiHistoryDate, "date", "", "open on the range holding this day, YYYY-MM-DD (default today)")
	uiHistoryCmd.Flags().StringVar(&uiHistoryTab, "tab", "breaks", "open on the breaks, heatmap, areas or checkins tab")
	uiCmd.AddCommand(uiHistoryCmd)
}
