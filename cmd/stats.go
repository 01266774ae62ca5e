package cmd

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/stats"
)

// statsEnv is what `limber stats` reads: the clock and the journal path.
type statsEnv struct {
	now         func() time.Time
	journalPath func() (string, error)
}

func defaultStatsEnv() statsEnv {
	return statsEnv{now: time.Now, journalPath: journal.DefaultPath}
}

func init() {
	rootCmd.AddCommand(newStatsCmd(defaultStatsEnv()))
}

type statsOpts struct {
	since, until, by string
	json, csv, raw   bool
}

// newStatsCmd builds `limber stats` and `limber stats export`; each call
// makes fresh flag storage, so tests can run it repeatedly.
func newStatsCmd(env statsEnv) *cobra.Command {
	var o statsOpts
	c := &cobra.Command{
		Use:   "stats [--since DATE] [--until DATE] [--by day|week|month] [--json|--csv]",
		Short: "Break statistics from the journal: due, taken, by outcome, active time, longest stretch",
		Long: "Prints the history's numbers per day, week or month from --since to --until (dates YYYY-MM-DD, local; " +
			"default the last 30 days). Breaks due are those that ended: completed, ended early, natural (idle long " +
			"enough) or skipped; postponed, closed and interrupted breaks came back or gave way to another and are " +
			"listed on their own. --csv is RFC 4180 with a header row.",
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runStats(c, env, o)
		},
	}
	f := c.Flags()
	f.StringVar(&o.since, "since", "", "first day, YYYY-MM-DD (default 29 days before --until)")
	f.StringVar(&o.until, "until", "", "last day, YYYY-MM-DD (default today)")
	f.StringVar(&o.by, "by", "day", "group by day, week (ISO) or month")
	f.BoolVar(&o.json, "json", false, "print JSON")
	f.BoolVar(&o.csv, "csv", false, "print CSV (RFC 4180, header row)")
	c.MarkFlagsMutuallyExclusive("json", "csv")

	var e statsOpts
	export := &cobra.Command{
		Use:   "export [--raw] --csv|--json FILE",
		Short: "Write the statistics (or, with --raw, every journal record) to FILE",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return runStatsExport(c, env, e, args[0])
		},
	}
	ef := export.Flags()
	ef.BoolVar(&e.raw, "raw", false, "every record as journaled, not the statistics")
	ef.BoolVar(&e.json, "json", false, "write JSON")
	ef.BoolVar(&e.csv, "csv", false, "write CSV (RFC 4180, header row)")
	ef.StringVar(&e.since, "since", "", "first day, YYYY-MM-DD (statistics only)")
	ef.StringVar(&e.until, "until", "", "last day, YYYY-MM-DD (statistics only)")
	ef.StringVar(&e.by, "by", "day", "group by day, week or month (statistics only)")
	export.MarkFlagsMutuallyExclusive("json", "csv")
	export.MarkFlagsOneRequired("json", "csv")
	c.AddCommand(export)
	return c
}

// statsReport is what `limber stats --json` prints.
type statsReport struct {
	Since   string       `json:"since"`
	Until   string       `json:"until"`
	By      stats.By     `json:"by"`
	Periods []periodJSON `json:"periods"`
	Total   periodJSON   `json:"total"`
	Streak  stats.Streak `json:"streak"`
	Notes   []string     `json:"notes"`
	Journal []string     `json:"journal_files"`
}

type periodJSON struct {
	Period         string         `json:"period"`
	Start          string         `json:"start"`
	Days           int            `json:"days_with_records"`
	Due            int            `json:"due"`
	Taken          int            `json:"taken"`
	Share          float64        `json:"share_taken"`
	Completed      int            `json:"completed"`
	EndedEarly     int            `json:"ended_early"`
	Natural        int            `json:"natural"`
	Postponed      int            `json:"postponed"`
	Skipped        int            `json:"skipped"`
	Closed         int            `json:"closed"`
	Interrupted    int            `json:"interrupted"`
	TakenByKind    map[string]int `json:"taken_by_kind"`
	ActiveSeconds  float64        `json:"active_seconds"`
	ActiveMeasured bool           `json:"active_measured"`
	LongestStretch float64        `json:"longest_stretch_seconds"`
}

func toPeriodJSON(p stats.Period) periodJSON {
	k := p.TakenByKind
	if k == nil {
		k = map[string]int{}
	}
	return periodJSON{Period: p.Label, Start: p.Date, Days: p.Days, Due: p.Due, Taken: p.Taken, Share: round3(p.Share()),
		Completed: p.Completed, EndedEarly: p.EndedEarly, Natural: p.Natural, Postponed: p.Postponed, Skipped: p.Skipped,
		Closed: p.Closed, Interrupted: p.Interrupted, TakenByKind: k, ActiveSeconds: p.ActiveSeconds,
		ActiveMeasured: p.ActiveMeasured, LongestStretch: p.LongestStretch}
}

func round3(v float64) float64 { return float64(int(v*1000+0.5)) / 1000 }

// parseDay reads a --since/--until date.
func parseDay(flag, s string) (time.Time, error) {
	t, err := time.ParseInLocation(time.DateOnly, s, time.Local)
	if err != nil {
		return time.Time{}, &exitError{code: 2, err: errors.New(i18n.L("cli.stats.bad_date", i18n.Args{"Flag": flag, "Value": strconv.Quote(s)}))}
	}
	return t, nil
}

// buildReport reads the journal (moving closed months to archives first)
// and sums it for o.
func buildReport(c *cobra.Command, env statsEnv, o statsOpts) (*statsReport, error) {
	by, err := stats.ParseBy(o.by)
	if err != nil {
		return nil, &exitError{code: 2, err: fmt.Errorf("--by %w", err)}
	}
	now := env.now()
	until := journal.DayStart(now, time.Local)
	if o.until != "" {
		if until, err = parseDay("until", o.until); err != nil {
			return nil, err
		}
	}
	since := until.AddDate(0, 0, -29)
	if o.since != "" {
		if since, err = parseDay("since", o.since); err != nil {
			return nil, err
		}
	}
	if since.After(until) {
		return nil, &exitError{code: 2, err: errors.New(i18n.L("cli.stats.since_after_until", i18n.Args{"Since": since.Format(time.DateOnly), "Until": until.Format(time.DateOnly)}))}
	}
	path, err := env.journalPath()
	if err != nil {
		return nil, err
	}
	if err := journal.Rotate(path, now, time.Local); err != nil {
		fmt.Fprintln(c.ErrOrStderr(), "limber: warning:", err)
	}
	from := since.AddDate(0, 0, -1).Format("2006-01")
	days, notes, err := journal.Summary(path, from, now, time.Local)
	if err != nil {
		return nil, err
	}
	s, u := since.Format(time.DateOnly), until.Format(time.DateOnly)
	in := stats.Between(days, s, u)
	r := &statsReport{Since: s, Until: u, By: by, Notes: notes, Streak: stats.Streaks(in)}
	if r.Notes == nil {
		r.Notes = []string{}
	}
	r.Journal, _ = journal.Files(path)
	var total stats.Day
	for _, p := range stats.Group(stats.Fill(in, s, u), by) {
		p.Days = 0
		for _, d := range in {
			if by.Label(d.Date) == p.Label {
				p.Days++
			}
		}
		r.Periods = append(r.Periods, toPeriodJSON(p))
		total = stats.Merge(total, p.Day)
	}
	total.Date = s
	r.Total = toPeriodJSON(stats.Period{Label: s + "/" + u, Days: len(in), Day: total})
	return r, nil
}

func runStats(c *cobra.Command, env statsEnv, o statsOpts) error {
	r, err := buildReport(c, env, o)
	if err != nil {
		return err
	}
	out := c.OutOrStdout()
	switch {
	case o.json:
		return writeJSON(out, r)
	case o.csv:
		printNotes(c, r.Notes)
		return writeStatsCSV(out, r)
	}
	printNotes(c, r.Notes)
	return writeStatsText(out, r)
}

// printNotes tells about skipped journal lines on stderr.
func printNotes(c *cobra.Command, notes []string) {
	const most = 5
	for i, n := range notes {
		if i == most {
			fmt.Fprintf(c.ErrOrStderr(), "limber: journal: %d more notes (see --json)\n", len(notes)-most)
			break
		}
		fmt.Fprintln(c.ErrOrStderr(), "limber: journal:", n)
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

var statsCSVHeader = []string{"period", "start", "days_with_records", "due", "taken", "share_taken", "completed", "ended_early",
	"natural", "postponed", "skipped", "closed", "interrupted", "active_minutes", "active_measured", "longest_stretch_minutes"}

func writeStatsCSV(w io.Writer, r *statsReport) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180
	_ = cw.Write(statsCSVHeader)
	for _, p := range r.Periods {
		_ = cw.Write([]string{p.Period, p.Start, strconv.Itoa(p.Days), strconv.Itoa(p.Due), strconv.Itoa(p.Taken),
			strconv.FormatFloat(p.Share, 'f', 3, 64), strconv.Itoa(p.Completed), strconv.Itoa(p.EndedEarly),
			strconv.Itoa(p.Natural), strconv.Itoa(p.Postponed), strconv.Itoa(p.Skipped), strconv.Itoa(p.Closed),
			strconv.Itoa(p.Interrupted), strconv.FormatFloat(p.ActiveSeconds/60, 'f', 1, 64),
			strconv.FormatBool(p.ActiveMeasured), strconv.FormatFloat(p.LongestStretch/60, 'f', 1, 64)})
	}
	cw.Flush()
	return cw.Error()
}

func minutes(s float64) string {
	d := time.Duration(s) * time.Second
	return fmt.Sprintf("%d:%02d", int(d.Hours()), int(d.Minutes())%60)
}

func writeStatsText(w io.Writer, r *statsReport) error {
	fmt.Fprintf(w, "%s\n\n", i18n.L("cli.stats.title", i18n.Args{"Since": r.Since, "Until": r.Until, "By": r.By}))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, i18n.L("cli.stats.columns")+"\t")
	row := func(p periodJSON) {
		active := minutes(p.ActiveSeconds)
		if !p.ActiveMeasured && p.ActiveSeconds > 0 {
			active = "≈" + active
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s%%\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t\n", p.Period, p.Due, p.Taken, i18n.Decimal(100*p.Share, 0),
			p.Completed, p.EndedEarly, p.Natural, p.Postponed, p.Skipped, active, minutes(p.LongestStretch))
	}
	for _, p := range r.Periods {
		row(p)
	}
	row(r.Total)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\n"+i18n.N("cli.stats.streak", r.Streak.Current, i18n.Args{"Longest": r.Streak.Longest}))
	if r.Total.ActiveSeconds > 0 && !r.Total.ActiveMeasured {
		fmt.Fprintln(w, i18n.L("cli.stats.estimated"))
	}
	return nil
}

func runStatsExport(c *cobra.Command, env statsEnv, o statsOpts, file string) error {
	var buf bytes.Buffer
	if o.raw {
		path, err := env.journalPath()
		if err != nil {
			return err
		}
		recs, warnings, err := journal.Read(path)
		if err != nil {
			return err
		}
		printNotes(c, warnings)
		if o.json {
			if recs == nil {
				recs = []journal.Record{}
			}
			err = writeJSON(&buf, recs)
		} else {
			err = writeRawCSV(&buf, recs)
		}
		if err != nil {
			return err
		}
	} else {
		r, err := buildReport(c, env, o)
		if err != nil {
			return err
		}
		printNotes(c, r.Notes)
		if o.json {
			err = writeJSON(&buf, r)
		} else {
			err = writeStatsCSV(&buf, r)
		}
		if err != nil {
			return err
		}
	}
	if err := writeFileWhole(file, buf.Bytes()); err != nil {
		return fmt.Errorf("export to %s: %w", file, err)
	}
	return nil
}

func writeRawCSV(w io.Writer, recs []journal.Record) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	_ = cw.Write([]string{"time", "event", "kind", "exercise", "outcome", "seconds", "data"})
	for _, r := range recs {
		data := ""
		if len(r.Data) > 0 {
			b, err := json.Marshal(r.Data)
			if err != nil {
				return err
			}
			data = string(b)
		}
		_ = cw.Write([]string{r.Time.Format(time.RFC3339Nano), r.Event, r.Kind, r.Exercise, r.Outcome,
			strconv.FormatFloat(r.Seconds, 'f', -1, 64), data})
	}
	cw.Flush()
	return cw.Error()
}

// writeFileWhole writes data to path through a temporary file beside it
// that is renamed into place, so a failure leaves nothing behind.
func writeFileWhole(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return errors.Unwrap(err)
	}
	name := tmp.Name()
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, 0o600)
	}
	if err == nil {
		err = os.Rename(name, path)
	}
	if err != nil {
		_ = os.Remove(name)
		if pe := (*os.PathError)(nil); errors.As(err, &pe) {
			return pe.Err
		}
		var le *os.LinkError
		if errors.As(err, &le) {
			return le.Err
		}
	}
	return err
}
