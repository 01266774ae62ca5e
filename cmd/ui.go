package cmd

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
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

	// Today's exercises of this kind, so the rotation does not repeat.
	var recent []string
	if jp, err := journal.DefaultPath(); err == nil {
		recs, _, _ := journal.ReadTail(jp, journal.DayStart(time.Now(), time.Local))
		recent = journal.LastExercises(recs, string(kind), journal.DayStart(time.Now(), time.Local))
	}
	pool := recoveryPool(lib, string(kind), lib.ForKind(string(kind)))
	seed := time.Now().UnixNano()
	var ex *content.Exercise
	if uiExercise != "" {
		e, ok := lib.Exercise(uiExercise)
		if !ok {
			return &exitError{code: 2, err: fmt.Errorf("--exercise: no exercise with id %q (see `limber content list --type exercise`)", uiExercise)}
		}
		ex = e
	} else {
		ex = content.Choose(pool, string(kind), recent, cfg.DisabledExercises, cfg.AvoidAreas, seed)
		if ex == nil { // nothing left after the filters: the whole library
			pool = lib.ForKind(string(kind))
			ex = content.Choose(pool, string(kind), recent, nil, nil, seed)
		}
	}
	shown := []string{}
	next := func(cur *content.Exercise) *content.Exercise {
		if cur != nil {
			shown = append(shown, cur.ID)
		}
		avoid := append(append([]string{}, recent...), shown...)
		n := content.Choose(pool, string(kind), avoid, cfg.DisabledExercises, cfg.AvoidAreas, rand.Int64())
		if n == nil || (cur != nil && n.ID == cur.ID) {
			shown = shown[:0] // every exercise shown: start the round again
			n = content.Choose(pool, string(kind), []string{cur.ID}, cfg.DisabledExercises, cfg.AvoidAreas, rand.Int64())
		}
		return n
	}

	postponesLeft := cfg.MaxPostpones
	if cfg.Strict {
		postponesLeft = cfg.StrictMaxPostpones
	}
	if resp, err := call(agent.Request{Cmd: "status"}); err == nil {
		for _, n := range resp.Status.Next {
			if n.Kind == string(kind) {
				postponesLeft = n.PostponesLeft
			}
		}
	}

	a := newApp()
	v := ui.NewBreakView(a, ui.BreakOptions{
		Kind:          string(kind),
		Duration:      cfg.Breaks[string(kind)].Duration,
		Exercise:      ex,
		Sources:       lib.Sources,
		Strict:        cfg.Strict,
		PostponesLeft: postponesLeft,
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
	if uiHidden {
		// Pre-started by the agent: wait for "show" on stdin.
		go func() {
			sc := bufio.NewScanner(os.Stdin)
			for sc.Scan() {
				if sc.Text() == "show" {
					fyne.Do(v.Show)
					return
				}
			}
			fyne.Do(a.Quit) // the agent went away
		}()
	} else {
		v.Show()
	}
	a.Run()
	return nil
}

// strengthening are the exercises a recovery plan holds back until its
// strengthen phase (the progression pelvic tilt → bridge → bird-dog →
// side plank → dead bug, less the gentle first step).
var strengthening = map[string]bool{"bridge": true, "bird-dog": true, "side-plank-modified": true, "dead-bug": true}

// recoveryPool narrows a break's exercises while a back-strain recovery
// plan runs: mobility breaks use the phase's exercises, and nothing
// strengthening comes before the strengthen phase.
func recoveryPool(lib *content.Library, kind string, pool []*content.Exercise) []*content.Exercise {
	path, err := recoveryStatePath()
	if err != nil {
		return pool
	}
	plan, err := loadRecoveryState(path)
	if err != nil || !plan.Active() {
		return pool
	}
	ad := plan.Adapt(time.Now())
	if !ad.Active {
		return pool
	}
	if kind == string(schedule.Mobility) && len(ad.MobilityExercises) > 0 {
		var phase []*content.Exercise
		for _, id := range ad.MobilityExercises {
			if ex, ok := lib.Exercise(id); ok && !ex.Demo {
				phase = append(phase, ex)
			}
		}
		if len(phase) > 0 {
			pool = phase
		}
	}
	if !ad.AllowStrengthen {
		var out []*content.Exercise
		for _, ex := range pool {
			if !strengthening[ex.ID] {
				out = append(out, ex)
			}
		}
		pool = out
	}
	return pool
}

func init() {
	uiBreakCmd.Flags().StringVar(&uiKind, "kind", "posture", "posture, mobility or rest")
	uiBreakCmd.Flags().StringVar(&uiExercise, "exercise", "", "show this exercise id instead of the rotation")
	uiBreakCmd.Flags().BoolVar(&uiHidden, "hidden", false, "start hidden and show on a \"show\" line on stdin (pre-start)")
	uiCmd.AddCommand(uiBreakCmd)
	rootCmd.AddCommand(uiCmd)
}
