package cmd

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"github.com/gen2brain/beeep"
	"github.com/spf13/cobra"

	"github.com/limberapp/limber/agent"
	"github.com/limberapp/limber/assets"
	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/prefs"
	"github.com/limberapp/limber/recovery"
	"github.com/limberapp/limber/schedule"
	"github.com/limberapp/limber/ui"
)

var uiCmd = &cobra.Command{
	Use:   "ui VIEW",
	Short: "Open one of Limber's windows (the agent starts these itself)",
}

var (
	uiKind     string
	uiExercise string
	uiHidden   bool
	uiControl  bool
)

var uiBreakCmd = &cobra.Command{
	Use:   "break --kind posture|mobility|rest [--exercise ID]",
	Short: "The break window: a guided exercise with a countdown",
	Args:  cobra.NoArgs,
	RunE:  runBreakView,
}

// newApp creates the Fyne app of a view process.
func newApp() fyne.App {
	if err := platform.WindowProblem(); err != nil {
		// Said plainly, as the last line the agent passes on; Fyne
		// would only panic.
		fmt.Fprintln(os.Stderr, "limber: cannot open a window:", err)
		os.Exit(4)
	}
	a := app.NewWithID("org.limber.Limber")
	a.SetIcon(fyne.NewStaticResource("limber.png", assets.Icon256))
	return a
}

// loadLibrary loads the embedded content in the person's language
// (loadContent) plus their own exercises;
// a bad user file is reported on stderr and skipped.
func loadLibrary() (*content.Library, error) {
	lib, err := loadContent()
	if err != nil {
		return nil, err
	}
	if dir, err := platform.ConfigDir(); err == nil {
		user := filepath.Join(dir, "exercises")
		if st, err := os.Stat(user); err == nil && st.IsDir() {
			for _, e := range lib.AddUserExercises(os.DirFS(user)) {
				fmt.Fprintln(os.Stderr, "limber: your exercises:", e)
			}
		}
	}
	return lib, nil
}

func runBreakView(cmd *cobra.Command, args []string) error {
	kind, err := schedule.ParseKind(uiKind)
	if err != nil {
		return &exitError{code: 2, err: fmt.Errorf("--kind: %s", i18n.Msg(schedule.ErrorText(err)))}
	}
	path, err := platform.ConfigFile(configPath)
	if err != nil {
		return err
	}
	cfg, _ := prefs.Load(path, prefs.Options{})
	lib, err := loadLibrary()
	if err != nil {
		return err
	}

	now := time.Now()
	today := todaysRecords(now)
	since := journal.DayStart(now, time.Local)
	bt := breakToday(kind, cfg)
	req := recovery.ExerciseRequest{Kind: string(kind), Shown: exercisesShown(today, string(kind), since),
		Disabled: cfg.DisabledExercises, Avoid: cfg.AvoidAreas, Seed: now.UnixNano()}
	ad := recoveryAdaptation(now)
	var choice recovery.ExerciseChoice
	var routine recovery.Routine
	if uiExercise != "" {
		e, ok := lib.Exercise(uiExercise)
		if !ok {
			return &exitError{code: 2, err: errors.New(i18n.L("cli.ui.no_exercise", i18n.Args{"ID": strconv.Quote(uiExercise)}))}
		}
		choice.Exercise = e
	} else {
		routine = recovery.PlanRoutine(lib, ad, recovery.RoutineRequest{Kind: string(kind), Duration: bt.duration,
			Worked: exercisesShown(today, "", since), Shown: req.Shown, Disabled: req.Disabled, Avoid: req.Avoid, Seed: req.Seed})
		choice.Note = routine.Note
		for _, e := range routine.Exercises() {
			req.Shown = append(req.Shown, e.ID) // "Next exercise" offers none of the routine's
		}
		choice.Others = len(recovery.RoutineCandidates(lib, ad, string(kind), req.Disabled, req.Avoid)) > len(routine.Exercises())
	}
	next := func(cur *content.Exercise) *content.Exercise {
		if cur != nil {
			req.Shown = append(req.Shown, cur.ID)
		}
		req.Seed = rand.Int64()
		return recovery.ChooseExercise(lib, ad, req).Exercise
	}

	if uiExercise == "" && (!choice.Others || bt.walk || kind == schedule.Rest) {
		next = nil // nothing else to offer: no "Next exercise"
	}

	// The window's live Go heap is some 19 MB and the figure allocates
	// little per frame; Go's default (GOGC 100) lets the heap reach
	// twice the live size before collecting, 25 % collects every few
	// seconds for well under 1 % of a core and keeps the process's RSS
	// under 150 MB while the figure moves (measured with
	// scripts/bench-break-cpu.sh; a memory limit near the live heap
	// made the collector run hundreds of times a second instead).
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(25)
	}
	a := newApp()
	// Every monitor, and strict mode's hold, through X11/XWayland (EWMH;
	// sway's IPC under sway); without it (a Wayland-only or other
	// system), Fyne's own placement.
	var scr ui.Screens
	if x, err := platform.OpenScreen(); err == nil {
		defer x.Close()
		scr = x11Screens{x}
	}
	var spread *ui.Spread
	v := ui.NewBreakView(a, ui.BreakOptions{
		Kind:          string(kind),
		Duration:      bt.duration,
		Routine:       routine,
		Walk:          bt.walk,
		Exercise:      choice.Exercise,
		Caution:       lib.BreakCaution(),
		Note:          choice.Note,
		Sources:       lib.Sources,
		Strict:        cfg.Strict,
		PostponesLeft: bt.postponesLeft,
		Fullscreen:    cfg.Fullscreen && scr == nil, // else Spread makes it full screen on its monitor
		OnShow: func() {
			if spread != nil {
				spread.Start()
			}
		},
		OnTick: func(left time.Duration) {
			if spread != nil {
				spread.Tick(left)
			}
		},
		Next: next,
		Report: func(outcome, exercise string, spent time.Duration) error {
			_, err := call(agent.Request{Cmd: "outcome", Kind: string(kind), Outcome: outcome, Exercise: exercise, Seconds: spent.Seconds()})
			if err == agent.ErrNoAgent || exitCode(err) == 3 {
				return nil // opened by hand with no agent: nothing to tell
			}
			return err
		},
		Cue: func(end bool) {
			if cfg.Sound {
				go beeep.Beep(660, 120)
			}
		},
	})
	v.Window().SetMaster() // closing the break window closes the backdrops
	if scr != nil {
		spread = ui.NewSpread(a, v, scr, cfg.Fullscreen, cfg.Strict)
		if cfg.Strict {
			a.Lifecycle().SetOnExitedForeground(spread.Hold)
		}
	}
	// quit ends a view the agent closed (or left): its window is already
	// hidden and it has nothing to report, so it exits at once. Fyne's own
	// teardown (a.Quit) could crash: a cursor event that arrives while it
	// destroys the window meets a nil native window (Fyne 2.7.1,
	// processMouseMoved), and the agent would count a crash.
	quit := func() { os.Exit(0) }
	if uiHidden {
		// Everything but the native window is ready now: make it, its GL
		// context and first frame too, unseen, so that "show" has only
		// the map left; where that cannot be, load the GL driver at least.
		a.Lifecycle().SetOnStarted(func() {
			if !v.Prepare() {
				ui.WarmGL()
			}
		})
	}
	switch {
	case uiControl:
		// Started by the agent: its commands on stdin (show, close,
		// postpones N); EOF means it is gone.
		go v.Control(os.Stdin, os.Stderr, quit)
		if !uiHidden {
			v.Show()
		}
	case uiHidden:
		// Pre-started by an agent without the command channel: wait for
		// "show" on stdin.
		go func() {
			sc := bufio.NewScanner(os.Stdin)
			for sc.Scan() {
				if sc.Text() == "show" {
					fyne.Do(v.Show)
					return
				}
			}
			quit() // the agent went away
		}()
	default:
		v.Show()
	}
	a.Run()
	return nil
}

// todaysRecords is today's journal records; nil if it cannot be read.
func todaysRecords(now time.Time) []journal.Record {
	jp, err := journal.DefaultPath()
	if err != nil {
		return nil
	}
	recs, _, _ := journal.ReadTail(jp, journal.DayStart(now, time.Local))
	return recs
}

// exercisesShown picks from recs the exercises of kind (any kind for "")
// since a time, in time order, repeats kept.
func exercisesShown(recs []journal.Record, kind string, since time.Time) []string {
	var shown []journal.Record
	for _, r := range recs {
		if r.Exercise != "" && (kind == "" || r.Kind == kind) && r.Event != journal.EventWarned && !r.Time.Before(since) {
			shown = append(shown, r)
		}
	}
	sort.SliceStable(shown, func(i, j int) bool { return shown[i].Time.Before(shown[j].Time) })
	ids := make([]string, len(shown))
	for i, r := range shown {
		ids[i] = r.Exercise
	}
	return ids
}

// recoveryAdaptation is the recovery plan's adaptation now; an inactive
// one when there is no plan or it cannot be read.
func recoveryAdaptation(now time.Time) recovery.Adaptation {
	path, err := recoveryStatePath()
	if err != nil {
		return recovery.Adaptation{}
	}
	plan, err := loadRecoveryState(path)
	if err != nil || !plan.Active() {
		return recovery.Adaptation{}
	}
	return plan.Adapt(now)
}

// breakFacts is what the agent says of a break today.
type breakFacts struct {
	duration      time.Duration // its length today (a recovery plan shortens walking prompts)
	walk          bool          // a walking prompt
	postponesLeft int
}

// breakToday asks the agent for this break's length, walking prompt and
// postpones left; with no agent to ask (or no entry for kind), the
// settings' length and postpone limit. The engine does the counting,
// never the view.
func breakToday(kind schedule.Kind, cfg prefs.Config) breakFacts {
	var st *agent.StatusJSON
	if resp, err := call(agent.Request{Cmd: "status"}); err == nil {
		st = resp.Status
	}
	return breakFactsFrom(st, kind, cfg)
}

// breakFactsFrom reads kind's entry of an agent's status (nil: no agent).
func breakFactsFrom(st *agent.StatusJSON, kind schedule.Kind, cfg prefs.Config) breakFacts {
	if st != nil {
		for _, n := range st.Next {
			if n.Kind == string(kind) {
				f := breakFacts{duration: time.Duration(n.DurationSeconds) * time.Second, walk: n.Walk, postponesLeft: n.PostponesLeft}
				if f.duration <= 0 {
					f.duration = cfg.Breaks[string(kind)].Duration
				}
				return f
			}
		}
	}
	return breakFacts{duration: cfg.Breaks[string(kind)].Duration, postponesLeft: cfg.Schedule().PostponeLimit()}
}

func init() {
	uiBreakCmd.Flags().StringVar(&uiKind, "kind", "posture", "posture, mobility or rest")
	uiBreakCmd.Flags().StringVar(&uiExercise, "exercise", "", "show this exercise id instead of the rotation")
	uiBreakCmd.Flags().BoolVar(&uiHidden, "hidden", false, "start hidden and show on a \"show\" line on stdin (pre-start)")
	uiBreakCmd.Flags().BoolVar(&uiControl, "control", false, "read the agent's commands on stdin: show, close, postpones N")
	uiCmd.AddCommand(uiBreakCmd)
	rootCmd.AddCommand(uiCmd)
}

// x11Screens gives the break window the platform's X11 screen.
type x11Screens struct{ x platform.Screen }

func (s x11Screens) Monitors() []ui.Monitor {
	var out []ui.Monitor
	for _, r := range s.x.Monitors() {
		out = append(out, ui.Monitor(r))
	}
	return out
}
func (s x11Screens) Pointer() (int, int, error) { return s.x.Pointer() }
func (s x11Screens) Fullscreen(w uintptr) error { return s.x.Fullscreen(w) }
func (s x11Screens) KeepAbove(w uintptr) error  { return s.x.KeepAbove(w) }
func (s x11Screens) Activate(w uintptr) error   { return s.x.Activate(w) }
func (s x11Screens) Active() (uintptr, error)   { return s.x.Active() }
func (s x11Screens) Place(w uintptr, m ui.Monitor, size bool) error {
	return s.x.Place(w, platform.Rect(m), size)
}
