package cmd

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"github.com/gen2brain/beeep"
	"github.com/spf13/cobra"

	"github.com/limberapp/limber/agent"
	"github.com/limberapp/limber/assets"
	"github.com/limberapp/limber/content"
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
	a := app.NewWithID("org.limber.Limber")
	a.SetIcon(fyne.NewStaticResource("limber.png", assets.Icon256))
	return a
}

// loadLibrary loads the embedded content plus the person's own exercises;
// a bad user file is reported on stderr and skipped.
func loadLibrary() (*content.Library, error) {
	lib, err := content.Load()
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
		return &exitError{code: 2, err: fmt.Errorf("--kind: %w", err)}
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
	req := recovery.ExerciseRequest{Kind: string(kind), Shown: shownToday(string(kind), now),
		Disabled: cfg.DisabledExercises, Avoid: cfg.AvoidAreas, Seed: now.UnixNano()}
	ad := recoveryAdaptation(now)
	var choice recovery.ExerciseChoice
	if uiExercise != "" {
		e, ok := lib.Exercise(uiExercise)
		if !ok {
			return &exitError{code: 2, err: fmt.Errorf("--exercise: no exercise with id %q (see `limber content list --type exercise`)", uiExercise)}
		}
		choice.Exercise = e
	} else {
		choice = recovery.ChooseExercise(lib, ad, req)
	}
	next := func(cur *content.Exercise) *content.Exercise {
		if cur != nil {
			req.Shown = append(req.Shown, cur.ID)
		}
		req.Seed = rand.Int64()
		return recovery.ChooseExercise(lib, ad, req).Exercise
	}

	if uiExercise == "" && !choice.Others {
		next = nil // nothing else to offer: no "Next exercise"
	}

	a := newApp()
	v := ui.NewBreakView(a, ui.BreakOptions{
		Kind:          string(kind),
		Duration:      cfg.Breaks[string(kind)].Duration,
		Exercise:      choice.Exercise,
		Note:          choice.Note,
		Sources:       lib.Sources,
		Strict:        cfg.Strict,
		PostponesLeft: postponesLeft(kind, cfg),
		Fullscreen:    cfg.Fullscreen,
		Next:          next,
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
	quit := func() { fyne.Do(a.Quit) }
	if uiHidden {
		// Everything but the native window is ready now; load the GL
		// driver too, so that "show" only has the window left to make.
		a.Lifecycle().SetOnStarted(ui.WarmGL)
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

// shownToday is the exercises shown today in breaks of kind, oldest
// first, repeats kept, from the journal; nil if it cannot be read.
func shownToday(kind string, now time.Time) []string {
	jp, err := journal.DefaultPath()
	if err != nil {
		return nil
	}
	since := journal.DayStart(now, time.Local)
	recs, _, _ := journal.ReadTail(jp, since)
	return exercisesShown(recs, kind, since)
}

// exercisesShown picks from recs the exercises of kind since a time, in
// time order, repeats kept.
func exercisesShown(recs []journal.Record, kind string, since time.Time) []string {
	var shown []journal.Record
	for _, r := range recs {
		if r.Exercise != "" && r.Kind == kind && r.Event != journal.EventWarned && !r.Time.Before(since) {
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

// postponesLeft is the agent's count for this break, or with no agent to
// ask the settings' limit. The engine does the counting, never the view.
func postponesLeft(kind schedule.Kind, cfg prefs.Config) int {
	if resp, err := call(agent.Request{Cmd: "status"}); err == nil && resp.Status != nil {
		for _, n := range resp.Status.Next {
			if n.Kind == string(kind) {
				return n.PostponesLeft
			}
		}
	}
	return cfg.Schedule().PostponeLimit()
}

func init() {
	uiBreakCmd.Flags().StringVar(&uiKind, "kind", "posture", "posture, mobility or rest")
	uiBreakCmd.Flags().StringVar(&uiExercise, "exercise", "", "show this exercise id instead of the rotation")
	uiBreakCmd.Flags().BoolVar(&uiHidden, "hidden", false, "start hidden and show on a \"show\" line on stdin (pre-start)")
	uiBreakCmd.Flags().BoolVar(&uiControl, "control", false, "read the agent's commands on stdin: show, close, postpones N")
	uiCmd.AddCommand(uiBreakCmd)
	rootCmd.AddCommand(uiCmd)
}
