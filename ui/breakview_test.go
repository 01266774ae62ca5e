package ui

import (
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limberapp/limber/content"
)

type report struct {
	outcome, exercise string
	spent             time.Duration
}

// fakeClock is the view's injected clock.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func library(t *testing.T) *content.Library {
	t.Helper()
	lib, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func newTestBreak(t *testing.T, kind string, exID string, strict bool) (*BreakView, *[]report, *fakeClock) {
	t.Helper()
	test.NewTempApp(t)
	lib := library(t)
	ex, ok := lib.Exercise(exID)
	if !ok {
		t.Fatalf("no exercise %s", exID)
	}
	var got []report
	clk := &fakeClock{t: time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)}
	v := NewBreakView(fyne.CurrentApp(), BreakOptions{
		Kind: kind, Duration: 30 * time.Second, Exercise: ex, Sources: lib.Sources,
		Strict: strict, PostponesLeft: 2, Now: clk.now,
		Next: func(cur *content.Exercise) *content.Exercise {
			return content.Choose(lib.ForKind(kind), kind, []string{cur.ID}, nil, nil, 1)
		},
		Report: func(o, e string, d time.Duration) error {
			got = append(got, report{o, e, d})
			return nil
		},
	})
	v.started = clk.t
	t.Cleanup(func() {
		if !v.closed {
			v.win.Close()
		}
	})
	return v, &got, clk
}

func TestTappingDoneReportsCompleted(t *testing.T) {
	v, got, clk := newTestBreak(t, "posture", "chin-tuck", false)
	clk.t = clk.t.Add(12 * time.Second)
	test.Tap(v.done)
	if len(*got) != 1 || (*got)[0].outcome != OutcomeCompleted || (*got)[0].exercise != "chin-tuck" || (*got)[0].spent != 12*time.Second {
		t.Fatalf("reports: %+v", *got)
	}
}

func TestStrictModeHasNoSkip(t *testing.T) {
	v, got, _ := newTestBreak(t, "posture", "chin-tuck", true)
	if v.skip.Visible() && isInWindow(v, v.skip) {
		t.Fatal("strict mode shows Skip")
	}
	v.OnSkip()
	if len(*got) != 0 {
		t.Fatalf("strict skip reported %+v", *got)
	}
	v2, _, _ := newTestBreak(t, "posture", "chin-tuck", false)
	if !isInWindow(v2, v2.skip) {
		t.Fatal("normal mode lacks Skip")
	}
}

func isInWindow(v *BreakView, o fyne.CanvasObject) bool {
	found := false
	var walk func(fyne.CanvasObject)
	walk = func(c fyne.CanvasObject) {
		if c == o {
			found = true
		}
		if cont, ok := c.(*fyne.Container); ok {
			for _, ch := range cont.Objects {
				walk(ch)
			}
		}
	}
	walk(v.win.Content())
	return found
}

func TestCountdownReachingZeroOffersCompletion(t *testing.T) {
	v, got, clk := newTestBreak(t, "posture", "chin-tuck", false)
	clk.t = clk.t.Add(10 * time.Second)
	v.Tick()
	if v.Ended() || v.ring.Text() != "0:20" {
		t.Fatalf("at 10 s: ended=%v ring=%s", v.Ended(), v.ring.Text())
	}
	clk.t = clk.t.Add(21 * time.Second)
	v.Tick()
	if !v.Ended() || !v.message.Visible() || v.done.Text != "Finish (Enter)" || !v.postpone.Disabled() {
		t.Fatalf("at 31 s the window should offer completion: ended=%v msg=%q done=%q", v.Ended(), v.message.Text, v.done.Text)
	}
	v.OnKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(*got) != 1 || (*got)[0].outcome != OutcomeCompleted {
		t.Fatalf("Enter after the end: %+v", *got)
	}
}

func TestEscPostponesAndNSwitchesExercise(t *testing.T) {
	v, got, _ := newTestBreak(t, "posture", "chin-tuck", false)
	v.OnKey(&fyne.KeyEvent{Name: fyne.KeyN})
	if v.ex.ID == "chin-tuck" {
		t.Fatal("N should show another exercise")
	}
	if v.CurrentStep() != 0 || len(v.steps) != len(v.ex.Steps) {
		t.Fatal("the new exercise's steps are shown from the first")
	}
	v.OnKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(*got) != 1 || (*got)[0].outcome != OutcomePostponed || (*got)[0].exercise != v.ex.ID {
		t.Fatalf("Esc: %+v", *got)
	}
	if !v.closed {
		t.Fatal("the window should close after postponing")
	}
}

func TestPostponeButtonShowsWhatIsLeft(t *testing.T) {
	v, _, _ := newTestBreak(t, "posture", "chin-tuck", false)
	if v.postpone.Text != "Postpone (Esc) · 2 left" {
		t.Fatal(v.postpone.Text)
	}
}

func TestRefusedOutcomeKeepsWindowOpenAndSaysWhy(t *testing.T) {
	v, _, _ := newTestBreak(t, "posture", "chin-tuck", false)
	v.opt.Report = func(o, e string, d time.Duration) error { return errors.New("no skips left today") }
	v.OnSkip()
	if v.closed || !v.message.Visible() || v.message.Text != "No skips left today." {
		t.Fatalf("closed=%v message=%q", v.closed, v.message.Text)
	}
}

func TestStepsShowTimingAndHighlightFollowsFigure(t *testing.T) {
	v, _, _ := newTestBreak(t, "posture", "chin-tuck", false)
	if len(v.steps) == 0 || v.steps[0].Text == "" || !v.steps[0].TextStyle.Bold {
		t.Fatal("first step should be shown and highlighted")
	}
	if len(v.steps) > 1 {
		v.onFigureStep(1)
		if v.steps[0].TextStyle.Bold || !v.steps[1].TextStyle.Bold {
			t.Fatal("highlight should follow the figure's step")
		}
	}
}

// Golden renders of each kind's window at a fixed time.
func TestBreakWindowGolden(t *testing.T) {
	for _, c := range []struct{ kind, ex string }{{"posture", "chin-tuck"}, {"mobility", "seated-trunk-rotation"}, {"rest", "stand-and-walk"}} {
		t.Run(c.kind, func(t *testing.T) {
			v, _, clk := newTestBreak(t, c.kind, c.ex, false)
			v.figure.Stop()
			v.figure.SetTime(0)
			clk.t = clk.t.Add(5 * time.Second)
			v.Tick()
			v.win.Resize(fyne.NewSize(820, 560))
			v.relayout()
			test.AssertImageMatches(t, "break_"+c.kind+".png", v.win.Canvas().Capture())
		})
	}
}
