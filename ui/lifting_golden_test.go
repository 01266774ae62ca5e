package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Golden renders of the lifting window: a technique step, a question
// answered wrong with its explanation, and the calculator's results.
func TestLiftingGolden(t *testing.T) {
	t.Run("technique", func(t *testing.T) {
		f := newTestLifting(t, false)
		r := f.v.refresher
		r.pause()
		for range 3 {
			r.OnNext()
		}
		// The pose of the step's first key, reached.
		anim := r.ex.Animation()
		for k, key := range anim.Keys {
			if key.Step == r.demoStep(3) {
				r.figure.SetTime(anim.KeyTime(k))
				break
			}
		}
		test.AssertImageMatches(t, "lifting_technique.png", f.v.win.Canvas().Capture())
	})
	t.Run("question", func(t *testing.T) {
		f := newTestLifting(t, false)
		r := f.v.refresher
		for r.Screen() == LiftScreenTechnique {
			r.OnNext()
		}
		q := r.Questions()[0]
		r.Choose((q.Answer + 1) % len(q.Choices))
		r.OnAnswer()
		f.v.win.Canvas().Unfocus()
		test.AssertImageMatches(t, "lifting_question.png", f.v.win.Canvas().Capture())
	})
	t.Run("calculator", func(t *testing.T) {
		f := newTestLifting(t, true)
		f.v.win.Resize(fyne.NewSize(1080, 720))
		test.AssertImageMatches(t, "lifting_calc.png", f.v.win.Canvas().Capture())
	})
}
