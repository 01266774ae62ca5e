package cmd

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/limberapp/limber/agent"
	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/recovery"
	"github.com/limberapp/limber/store"
	"github.com/limberapp/limber/ui"
)

func init() {
	rootCmd.AddCommand(newRecoveryCmd(defaultRecoveryEnv()))
	uiCmd.AddCommand(&cobra.Command{
		Use:   "recovery",
		Short: "The back-strain recovery window: red-flag screening, intake, today's plan",
		Args:  cobra.NoArgs,
		RunE:  func(c *cobra.Command, _ []string) error { return runRecoveryView(defaultRecoveryEnv(), false) },
	}, &cobra.Command{
		Use:   "recovery-checkin",
		Short: "The daily recovery check-in (opens the intake when no plan is active)",
		Args:  cobra.NoArgs,
		RunE:  func(c *cobra.Command, _ []string) error { return runRecoveryView(defaultRecoveryEnv(), true) },
	})
}

// runRecoveryView opens the recovery window, or the check-in when asked
// and a plan is active.
func runRecoveryView(env recoveryEnv, checkin bool) error {
	lib, err := loadLibrary()
	if err != nil {
		return err
	}
	var warning strings.Builder
	p, path, err := loadPlan(env, &warning)
	if err != nil {
		return err
	}
	save := func(p *recovery.Plan) error {
		if err := store.Save(path, p); err != nil {
			return err
		}
		env.notify()
		return nil
	}
	a := newApp()
	openCheckin := func(p *recovery.Plan) *ui.CheckinView {
		return ui.NewCheckinView(a, ui.CheckinOptions{Library: lib, Plan: p, Now: env.now, Save: save, Journal: env.journal,
			Warning: strings.TrimSpace(strings.TrimPrefix(warning.String(), "limber: warning: "))})
	}
	if p != nil {
		p.UseLibrary(lib)
	}
	if checkin && p.Active() {
		openCheckin(p).Show()
		a.Run()
		return nil
	}
	var v *ui.RecoveryView
	v = ui.NewRecoveryView(a, ui.RecoveryOptions{
		Library: lib, Plan: p, Now: env.now, Save: save,
		Warning: strings.TrimSpace(strings.TrimPrefix(warning.String(), "limber: warning: ")),
		OnCheckin: func() {
			// The check-in takes over: closing it ends the process.
			c := openCheckin(v.Plan())
			c.Window().SetOnClosed(a.Quit)
			c.Show()
			v.Window().Hide()
		},
	})
	v.Show()
	a.Run()
	return nil
}

// recoveryEnv is what the recovery commands take from outside; tests use
// their own.
type recoveryEnv struct {
	now       func() time.Time
	statePath func() (string, error)
	journal   func(journal.Record) error // append a record
	notify    func()                     // tell a running agent the plan changed
}

func defaultRecoveryEnv() recoveryEnv {
	return recoveryEnv{now: time.Now, statePath: recoveryStatePath, journal: appendJournal, notify: notifyAgent}
}

// appendJournal adds one record to the default journal.
func appendJournal(r journal.Record) error {
	path, err := journal.DefaultPath()
	if err != nil {
		return err
	}
	j, err := journal.Open(path)
	if err != nil {
		return err
	}
	defer j.Close()
	return j.Append(r)
}

// notifyAgent pings a running agent after the plan file changed, so that it
// picks the change up; with no agent running there is nobody to tell.
func notifyAgent() {
	call(agent.Request{Cmd: "reload-recovery"})
}

// newRecoveryCmd builds `limber recovery` and its subcommands, with fresh
// flag storage on each call.
func newRecoveryCmd(env recoveryEnv) *cobra.Command {
	c := &cobra.Command{
		Use:   "recovery",
		Short: "Follow a back-strain recovery plan: start, daily check-in, status, stop",
		Long: `A day-by-day plan for a strained back, after the seed guide: protect early
but keep moving, gentle mobility, progressive strengthening, a gradual return,
then prevention. It screens for red flags first and says plainly when to get
care. Guidance, not a diagnosis.

The commands read and write the plan file in Limber's state directory, so
they work whether or not the tray agent runs; a running agent picks the
changes up.`,
		Args: cobra.NoArgs,
	}
	c.AddCommand(newRecoveryStartCmd(env), newRecoveryCheckinCmd(env), newRecoveryStatusCmd(env), newRecoveryStopCmd(env), newRecoveryAssessedCmd(env))
	return c
}

// recoveryFlagError makes flag-parsing errors usage errors (exit 2).
func recoveryFlagError(c *cobra.Command, err error) error {
	return &exitError{code: 2, err: fmt.Errorf("%w; see %s --help", err, c.CommandPath())}
}

// recoveryInputError turns a *recovery.FieldError into "--field: …", exit 2.
func recoveryInputError(err error) error {
	var fe *recovery.FieldError
	if errors.As(err, &fe) {
		return &exitError{code: 2, err: fmt.Errorf("--%s", fe.Error())}
	}
	return err
}

func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return &exitError{code: 2, err: fmt.Errorf("%s takes flags only, not %q; see %s --help", c.CommandPath(), args[0], c.CommandPath())}
	}
	return nil
}

// parsePain reads --pain: a whole number from 0 to 10.
func parsePain(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > 10 {
		return 0, &exitError{code: 2, err: fmt.Errorf("--pain: %q; expected a whole number from 0 (none) to 10 (the worst you can imagine)", s)}
	}
	return n, nil
}

// loadPlan reads the plan file; a corrupt one is reported on stderr (it was
// kept aside) and counts as no plan.
func loadPlan(env recoveryEnv, stderr io.Writer) (*recovery.Plan, string, error) {
	path, err := env.statePath()
	if err != nil {
		return nil, "", err
	}
	p, err := loadRecoveryState(path)
	var ce *store.CorruptError
	if errors.As(err, &ce) {
		fmt.Fprintln(stderr, "limber: warning:", err)
		return nil, path, nil
	}
	if p != nil && err == nil {
		if lib, lerr := loadContent(); lerr == nil {
			p.UseLibrary(lib) // its phases and flags in the person's language
		}
	}
	return p, path, err
}

// --- start -----------------------------------------------------------------

type recoveryStart struct {
	env     recoveryEnv
	since   string
	how     string
	pain    string
	flags   []string
	replace bool
}

func newRecoveryStartCmd(env recoveryEnv) *cobra.Command {
	o := &recoveryStart{env: env}
	c := &cobra.Command{
		Use:   "start [--since YYYY-MM-DD] [--how TEXT] [--pain N] [--flag ID]…",
		Short: "Start a recovery plan for a back strain",
		Long: `Start a recovery plan. Red flags come first: pass each sign you have with
--flag (ids from ` + "`limber content list --type redflag`" + `). Any emergency sign
means get urgent care now, and no plan starts.`,
		Example: `  limber recovery start --since 2026-03-02 --how "lifting a box" --pain 6
  limber recovery start --flag flag-recurring`,
		Args: noArgs,
		RunE: o.run,
	}
	f := c.Flags()
	f.StringVar(&o.since, "since", "", "the date of the strain, YYYY-MM-DD (default today)")
	f.StringVar(&o.how, "how", "", "how it happened, in a few words")
	f.StringVar(&o.pain, "pain", "", "how bad it is now, 0 (none) to 10 (worst)")
	f.StringArrayVar(&o.flags, "flag", nil, "a red-flag id you have; repeat for each")
	f.BoolVar(&o.replace, "replace", false, "replace a plan that is already running")
	c.SetFlagErrorFunc(recoveryFlagError)
	return c
}

func (o *recoveryStart) run(c *cobra.Command, _ []string) error {
	now := o.env.now()
	out := c.OutOrStdout()
	in := recovery.Intake{How: o.how, Pain: -1, Flags: o.flags}
	in.Library, _ = loadContent() // nil (the embedded English) if it cannot load
	var since time.Time
	if o.since != "" {
		d, err := recovery.ParseDate("since", o.since, now.Location())
		if err != nil {
			return recoveryInputError(err)
		}
		since = d
	}
	if c.Flags().Changed("pain") {
		n, err := parsePain(o.pain)
		if err != nil {
			return err
		}
		in.Pain = n
	}
	old, path, err := loadPlan(o.env, c.ErrOrStderr())
	if err != nil {
		return err
	}
	if old.Active() && !o.replace {
		return errors.New(i18n.L("cli.recovery.running", i18n.Args{"Since": old.Since.Format(recovery.DateLayout), "Day": old.Day(now)}))
	}
	p, adv, err := recovery.Start(since, now, in)
	if errors.Is(err, recovery.ErrEmergency) {
		printAdvice(out, adv)
		return err
	}
	if err != nil {
		return recoveryInputError(err)
	}
	if err := store.Save(path, p); err != nil {
		return err
	}
	o.env.notify()
	printAdvice(out, adv)
	ph := p.CurrentPhase(now)
	fmt.Fprintf(out, "%s\n\n", i18n.L("cli.recovery.started", i18n.Args{"Day": p.Day(now), "Since": p.Since.Format(recovery.DateLayout)}))
	printPhase(out, ph, p.Adapt(now))
	fmt.Fprintln(out, "\n"+i18n.L("cli.recovery.checkin_daily"))
	printSeekCare(out, p.Library().RedFlags)
	return nil
}

// --- checkin ---------------------------------------------------------------

type recoveryCheckin struct {
	env      recoveryEnv
	pain     string
	date     string
	flags    []string
	function string
	sleep    string
	sharp    bool
	walked   string
}

func newRecoveryCheckinCmd(env recoveryEnv) *cobra.Command {
	o := &recoveryCheckin{env: env}
	c := &cobra.Command{
		Use:   "checkin --pain N [--date YYYY-MM-DD] [--flag ID]… [--function better|same|worse] [--sleep good|poor] [--sharp]",
		Short: "Record today's check-in and get the plan's advice",
		Example: `  limber recovery checkin --pain 4 --function better --sleep good
  limber recovery checkin --pain 6 --sharp --flag flag-leg-pain`,
		Args: noArgs,
		RunE: o.run,
	}
	f := c.Flags()
	f.StringVar(&o.pain, "pain", "", "how bad the pain is today, 0 (none) to 10 (worst) (required)")
	f.StringVar(&o.date, "date", "", "the day this check-in is for, YYYY-MM-DD (default today)")
	f.StringArrayVar(&o.flags, "flag", nil, "a red-flag id you have; repeat for each")
	f.StringVar(&o.function, "function", "", "compared with yesterday: better, same or worse")
	f.StringVar(&o.sleep, "sleep", "", "last night: good, or poor if back pain woke you or kept you awake")
	f.BoolVar(&o.sharp, "sharp", false, "an exercise or activity brought on sharp or rising pain")
	f.StringVar(&o.walked, "walked", "", "did you manage some light walking: yes or no")
	c.SetFlagErrorFunc(recoveryFlagError)
	return c
}

func (o *recoveryCheckin) run(c *cobra.Command, _ []string) error {
	now := o.env.now()
	out := c.OutOrStdout()
	if !c.Flags().Changed("pain") {
		return &exitError{code: 2, err: errors.New(i18n.L("cli.recovery.pain_required"))}
	}
	pain, err := parsePain(o.pain)
	if err != nil {
		return err
	}
	ci := recovery.Checkin{Pain: pain, Flags: o.flags, Function: o.function, Sleep: o.sleep, Answers: map[string]string{}}
	if o.date != "" {
		d, err := recovery.ParseDate("date", o.date, now.Location())
		if err != nil {
			return recoveryInputError(err)
		}
		ci.Date = d
	}
	if o.sharp {
		ci.Answers["sharp-pain"] = "yes"
	}
	if o.walked != "" {
		if o.walked != "yes" && o.walked != "no" {
			return &exitError{code: 2, err: fmt.Errorf("--walked: %q; expected yes or no", o.walked)}
		}
		ci.Answers["walking"] = o.walked
	}
	p, path, err := loadPlan(o.env, c.ErrOrStderr())
	if err != nil {
		return err
	}
	if !p.Active() {
		return errors.New(i18n.L("cli.recovery.none_active"))
	}
	adv, err := p.CheckIn(ci, now)
	if err != nil {
		return recoveryInputError(err)
	}
	if err := store.Save(path, p); err != nil {
		return err
	}
	saved := p.CheckinOn(ci.Date, now)
	if saved != nil {
		if err := o.env.journal(journal.Record{Time: now, Event: journal.EventCheckin, Kind: "recovery",
			Data: saved.JournalData(p.Phase, adv.Level, p.Day(now))}); err != nil {
			fmt.Fprintln(c.ErrOrStderr(), "limber: warning: the check-in is saved but not in the journal:", err)
		}
	}
	o.env.notify()
	printAdvice(out, adv)
	if saved != nil {
		fmt.Fprintf(out, "%s\n\n", i18n.L("cli.recovery.checked_in", i18n.Args{"Date": saved.Date.Format(recovery.DateLayout), "Pain": saved.Pain, "Day": p.Day(now)}))
	}
	printPhase(out, p.CurrentPhase(now), p.Adapt(now))
	return nil
}

// --- status ----------------------------------------------------------------

func newRecoveryStatusCmd(env recoveryEnv) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "status [--json]",
		Short: "Show today's phase and advice",
		Args:  noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			now := env.now()
			p, _, err := loadPlan(env, c.ErrOrStderr())
			if err != nil {
				return err
			}
			s := p.Status(now)
			out := c.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(s)
			}
			printStatus(out, p, s, now)
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the status as JSON")
	c.SetFlagErrorFunc(recoveryFlagError)
	return c
}

func printStatus(out io.Writer, p *recovery.Plan, s recovery.StatusJSON, now time.Time) {
	if !s.Active {
		fmt.Fprintln(out, s.AdviceText)
		printSeekCare(out, nil)
		return
	}
	printAdvice(out, p.Advice(now))
	fmt.Fprintf(out, "%s\n\n", i18n.L("cli.recovery.day", i18n.Args{"Day": s.Day, "Since": s.Since}))
	printPhase(out, p.CurrentPhase(now), p.Adapt(now))
	fmt.Fprintln(out)
	if s.LastCheckin != nil {
		fmt.Fprintln(out, i18n.L("cli.recovery.last_checkin", i18n.Args{"Date": s.LastCheckin.Date, "Pain": s.LastCheckin.Pain}))
	}
	if s.CheckinDue {
		fmt.Fprintln(out, i18n.L("cli.recovery.checkin_due"))
	}
	printSeekCare(out, p.Library().RedFlags)
}

// --- assessed --------------------------------------------------------------

func newRecoveryAssessedCmd(env recoveryEnv) *cobra.Command {
	c := &cobra.Command{
		Use:   "assessed",
		Short: "Confirm a clinician has assessed your back: the plan's exercises may start",
		Long: `Some answers (a history of spine surgery or of cancer, osteoporosis, an
infection or fracture risk) hold the plan's exercises until a clinician has
assessed you. Run this once you have been assessed and told a self-care plan
is right for you.`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return changeActivePlan(env, c, func(p *recovery.Plan, now time.Time, out io.Writer) (bool, error) {
				if len(p.AwaitingAssessment()) == 0 {
					fmt.Fprintln(out, i18n.L("cli.recovery.nothing_waits"))
					return false, nil
				}
				if err := p.ConfirmAssessed(now); err != nil {
					return false, err
				}
				fmt.Fprintln(out, i18n.L("cli.recovery.assessed"))
				return true, nil
			})
		},
	}
	c.SetFlagErrorFunc(recoveryFlagError)
	return c
}

// changeActivePlan loads the plan, says so when none is active, runs
// change, and saves the plan and tells the agent when change says so.
func changeActivePlan(env recoveryEnv, c *cobra.Command, change func(p *recovery.Plan, now time.Time, out io.Writer) (bool, error)) error {
	now := env.now()
	p, path, err := loadPlan(env, c.ErrOrStderr())
	if err != nil {
		return err
	}
	out := c.OutOrStdout()
	if !p.Active() {
		fmt.Fprintln(out, i18n.L("cli.recovery.no_plan"))
		return nil
	}
	changed, err := change(p, now, out)
	if err != nil || !changed {
		return err
	}
	if err := store.Save(path, p); err != nil {
		return err
	}
	env.notify()
	return nil
}

// --- stop ------------------------------------------------------------------

func newRecoveryStopCmd(env recoveryEnv) *cobra.Command {
	c := &cobra.Command{
		Use:   "stop",
		Short: "Stop the recovery plan (its history is kept)",
		Args:  noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return changeActivePlan(env, c, func(p *recovery.Plan, now time.Time, out io.Writer) (bool, error) {
				p.Stop(now)
				fmt.Fprintln(out, i18n.N("cli.recovery.stopped", len(p.Checkins), i18n.Args{"Day": p.Day(now)}))
				return true, nil
			})
		},
	}
	c.SetFlagErrorFunc(recoveryFlagError)
	return c
}

// --- printing --------------------------------------------------------------

const banner = "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"

// printAdvice writes the advice, emergency and urgent advice boxed first.
func printAdvice(out io.Writer, a recovery.Advice) {
	headline, reasons := ui.AdviceHeadline(a), ui.AdviceReasons(a)
	switch a.Level {
	case recovery.LevelEmergency, recovery.LevelUrgent:
		label := i18n.L("cli.recovery.emergency")
		if a.Level == recovery.LevelUrgent {
			label = i18n.L("cli.recovery.urgent")
		}
		fmt.Fprintln(out, banner)
		fmt.Fprintf(out, "%s: %s\n", label, headline)
		for _, f := range a.Flags {
			if recovery.Rank(recovery.FlagLevel(f)) >= recovery.Rank(recovery.LevelUrgent) {
				fmt.Fprintf(out, "  • %s: %s\n    → %s\n", f.Title, f.Text, f.Action)
			}
		}
		fmt.Fprintln(out, banner)
		if rest := reasons[min(countUrgent(a), len(reasons)):]; len(rest) > 0 {
			fmt.Fprintln(out, i18n.L("cli.recovery.also"))
			for _, r := range rest {
				fmt.Fprintln(out, "  • "+r)
			}
		}
		fmt.Fprintln(out)
	case recovery.LevelSeeClinician:
		fmt.Fprintln(out, i18n.L("cli.recovery.see_clinician", i18n.Args{"Headline": headline}))
		for _, r := range reasons {
			fmt.Fprintln(out, "  • "+r)
		}
		fmt.Fprintln(out)
	default:
		fmt.Fprintln(out, headline)
		for _, r := range reasons {
			fmt.Fprintln(out, "  • "+r)
		}
		fmt.Fprintln(out)
	}
}

// countUrgent is how many of a's reasons come from urgent or emergency
// flags (they are listed first).
func countUrgent(a recovery.Advice) int {
	n := 0
	for _, f := range a.Flags {
		if recovery.Rank(recovery.FlagLevel(f)) >= recovery.Rank(recovery.LevelUrgent) {
			n++
		}
	}
	return n
}

// printPhase writes today's phase: its summary, what to do and avoid.
func printPhase(out io.Writer, ph *content.Phase, a recovery.Adaptation) {
	if ph == nil {
		return
	}
	fmt.Fprintf(out, "%s\n%s\n", i18n.L("cli.recovery.phase", i18n.Args{"Phase": ph.Title}), ph.Summary)
	if a.ScaledBack {
		fmt.Fprintln(out, i18n.L("cli.recovery.stepped_back"))
	}
	fmt.Fprintln(out, i18n.L("cli.recovery.do"))
	for _, d := range ph.Do {
		fmt.Fprintln(out, "  • "+d)
	}
	fmt.Fprintln(out, i18n.L("cli.recovery.avoid"))
	for _, d := range ph.Avoid {
		fmt.Fprintln(out, "  • "+d)
	}
	if a.WalkEvery > 0 {
		fmt.Fprintln(out, i18n.L("cli.recovery.walking", i18n.Args{"Every": everyText(a.WalkEvery)}))
	}
}

// printSeekCare writes the seed's reasons to see a clinician and the
// emergency signs.
func printSeekCare(out io.Writer, flags []*content.RedFlag) {
	fmt.Fprintln(out, "\n"+i18n.L("cli.recovery.seek_care"))
	for _, s := range i18n.Msgs(recovery.SeekCareIfTexts) {
		fmt.Fprintln(out, "  • "+s)
	}
	if flags == nil {
		if lib, err := loadContent(); err == nil {
			flags = lib.RedFlags
		}
	}
	var action string
	fmt.Fprintln(out, i18n.L("cli.recovery.urgent_if"))
	for _, f := range flags {
		if f.Level == "emergency" {
			fmt.Fprintln(out, "  • "+f.Title)
			action = f.Action
		}
	}
	if action != "" {
		fmt.Fprintln(out, "  → "+action)
	}
}

// everyText writes 30 minutes, hour, 2 hours.
func everyText(d time.Duration) string {
	switch {
	case d == time.Hour:
		return i18n.L("time.every_hour")
	case d%time.Hour == 0:
		return i18n.N("recovery.thermal.hours", int(d.Hours()))
	}
	return i18n.N("recovery.thermal.minutes", int(d.Minutes()))
}

// recoveryStatePath is the plan's file in the state directory.
func recoveryStatePath() (string, error) { return store.Path(recovery.StateFileName) }

// loadRecoveryState reads the plan at path: nil for none; a corrupt file
// is kept aside and reported as a *store.CorruptError.
func loadRecoveryState(path string) (*recovery.Plan, error) {
	return store.Get[*recovery.Plan](path)
}
