package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/quiz"
	"github.com/limberapp/limber/store"
)

// liftAnswer picks choice i of the current question and taps Answer.
func liftAnswer(t *testing.T, r *LiftRefresher, i int) {
	t.Helper()
	if r.Screen() != LiftScreenQuestion {
		t.Fatalf("screen %d, want a question", r.Screen())
	}
	if !r.next.Disabled() {
		t.Fatal("Answer should wait for a choice")
	}
	test.Tap(r.choices.Items[i])
	if r.next.Disabled() || r.next.Text != "Answer (Enter)" {
		t.Fatalf("after choosing: %q disabled=%v", r.next.Text, r.next.Disabled())
	}
	test.Tap(r.next)
}

func TestRefresherFlowByTaps(t *testing.T) {
	f := newTestLifting(t, false)
	r := f.v.refresher
	lib := f.v.opt.Library
	if r.Screen() != LiftScreenTechnique || r.CurrentStep() != 0 || len(r.stepRows) != len(lib.LiftingSteps) {
		t.Fatalf("start: screen %d step %d rows %d", r.Screen(), r.CurrentStep(), len(r.stepRows))
	}
	if !r.back.Disabled() {
		t.Fatal("Back should be disabled on the first step")
	}
	// Every technique step, in lifting.toml's order, numbered and highlighted.
	for i := range lib.LiftingSteps {
		if r.CurrentStep() != i {
			t.Fatalf("step %d shown, want %d", r.CurrentStep(), i)
		}
		want := fmt.Sprintf("%d. %s", i+1, r.steps[i].Title)
		row := r.stepRows[i]
		if row.title.Text != want || !row.title.TextStyle.Bold || !row.detail.Visible() || row.text.Text != r.steps[i].Text {
			t.Fatalf("step %d: %q bold=%v detail=%v", i, row.title.Text, row.title.TextStyle.Bold, row.detail.Visible())
		}
		if r.steps[i].Order != i+1 {
			t.Fatalf("step %d has order %d", i, r.steps[i].Order)
		}
		if i > 0 && (r.stepRows[i-1].title.TextStyle.Bold || r.stepRows[i-1].detail.Visible()) {
			t.Fatalf("step %d still highlighted", i-1)
		}
		if r.heading.Text != fmt.Sprintf("Lifting technique · step %d of %d", i+1, len(r.steps)) {
			t.Fatal(r.heading.Text)
		}
		// The figure shows the same step.
		if d := r.demoStep(i); d < 0 || r.ex.Steps[d].Ref != r.steps[i].ID || r.figure.Step() != d {
			t.Fatalf("figure at demo step %d, want %d (%s)", r.figure.Step(), d, r.steps[i].ID)
		}
		test.Tap(r.next)
	}
	// Three questions: right, wrong, right.
	qs := r.Questions()
	if len(qs) != 3 {
		t.Fatalf("%d questions", len(qs))
	}
	picks := []int{qs[0].Answer, (qs[1].Answer + 1) % len(qs[1].Choices), qs[2].Answer}
	for i, q := range qs {
		if r.heading.Text != fmt.Sprintf("Question %d of 3", i+1) || r.qText.Text != q.Question || len(r.choices.Items) != len(q.Choices) {
			t.Fatalf("question %d: %q %q", i, r.heading.Text, r.qText.Text)
		}
		if r.explanation.Visible() {
			t.Fatal("the explanation shows before answering")
		}
		liftAnswer(t, r, picks[i])
		if !r.explanation.Visible() || r.explanation.Text != q.Explanation || !strings.HasPrefix(r.qSource.Text, "Source: ") {
			t.Fatalf("after answering: %q / %q", r.explanation.Text, r.qSource.Text)
		}
		if picks[i] == q.Answer {
			if r.verdict.Text != "Right." {
				t.Fatalf("verdict %q", r.verdict.Text)
			}
		} else if r.verdict.Text != "Not quite. The answer is: "+q.Choices[q.Answer]+"." {
			t.Fatalf("verdict %q", r.verdict.Text)
		}
		if !r.choices.Disabled() {
			t.Fatal("choices stay open after answering")
		}
		test.Tap(r.next)
	}
	if r.Screen() != LiftScreenSummary || r.score.Text != "2 of 3 right" || !r.calcBtn.Visible() {
		t.Fatalf("summary: screen %d %q", r.Screen(), r.score.Text)
	}
	for _, m := range lib.Mistakes {
		if !liftHasText(r.summary, m.Fix) {
			t.Fatalf("summary lacks the fix %q", m.Fix)
		}
	}

	// The journal has each answer and the end.
	recs := liftJournal(t, f.journalPath)
	if len(recs) != 4 {
		t.Fatalf("%d records: %+v", len(recs), recs)
	}
	for i, q := range qs {
		rec := recs[i]
		want := OutcomeRight
		if picks[i] != q.Answer {
			want = OutcomeWrong
		}
		if rec.Event != "quiz" || rec.Kind != "lifting" || rec.Outcome != want || rec.Data["question"] != q.ID || rec.Data["choice"] != float64(picks[i]) {
			t.Fatalf("record %d: %+v", i, rec)
		}
	}
	if end := recs[3]; end.Event != journal.EventCompleted || end.Kind != "lifting" || end.Data["right"] != float64(2) {
		t.Fatalf("end record: %+v", end)
	}

	// The calculator button, then Done closes.
	test.Tap(r.calcBtn)
	if f.v.tabs.Selected() != f.v.calcTab {
		t.Fatal("Open the calculator did not switch tabs")
	}
	f.v.ShowRefresher()
	test.Tap(r.next)
	if !f.v.closed {
		t.Fatal("Done should close the window")
	}
}

// liftHasText reports whether a label under o shows text s.
func liftHasText(o fyne.CanvasObject, s string) bool {
	switch x := o.(type) {
	case *widget.Label:
		return strings.Contains(x.Text, s)
	case *fyne.Container:
		for _, c := range x.Objects {
			if liftHasText(c, s) {
				return true
			}
		}
	case *container.Scroll:
		return liftHasText(x.Content, s)
	}
	return false
}

func TestRefresherHighlightFollowsFigure(t *testing.T) {
	f := newTestLifting(t, false)
	r := f.v.refresher
	for _, i := range []int{4, 7, 0} {
		d := r.demoStep(i)
		tm, ok := r.stepTime(i)
		if !ok {
			t.Fatalf("no time for step %d", i)
		}
		r.figure.SetTime(tm + 10*time.Millisecond)
		if r.figure.Step() != d || r.CurrentStep() != i || !r.stepRows[i].title.TextStyle.Bold {
			t.Fatalf("figure at %v: demo step %d, shown %d, want %d", tm, r.figure.Step(), r.CurrentStep(), i)
		}
	}
}

func TestRefresherKeys(t *testing.T) {
	f := newTestLifting(t, false)
	r := f.v.refresher
	r.OnKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	r.OnKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	r.OnKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if r.CurrentStep() != 1 {
		t.Fatalf("Right, Right, Left: step %d", r.CurrentStep())
	}
	for r.Screen() == LiftScreenTechnique {
		r.OnKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	q := r.Questions()[0]
	// Enter without a choice does nothing; a digit chooses; Right waits
	// for the answer; Enter answers, then goes on.
	r.OnKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	r.OnKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if r.answered || r.q != 0 {
		t.Fatal("Enter/Right without a choice moved on")
	}
	r.OnKey(&fyne.KeyEvent{Name: fyne.KeyName(fmt.Sprint(q.Answer + 1))})
	if r.choices.Selected != q.Answer {
		t.Fatalf("digit %d chose %d", q.Answer+1, r.choices.Selected)
	}
	r.OnKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !r.answered || r.verdict.Text != "Right." {
		t.Fatalf("Enter should answer: %v %q", r.answered, r.verdict.Text)
	}
	// Enter on the focused choice goes on, as the window's Enter does.
	r.choices.Items[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if r.q != 1 || r.answered {
		t.Fatalf("Enter on a choice after answering: question %d", r.q)
	}
	// Down moves focus; Space and Enter on a choice choose and answer.
	c := f.v.win.Canvas()
	if c.Focused() != r.choices.Items[0] {
		t.Fatal("the first choice should have the focus")
	}
	r.choices.Items[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if c.Focused() != r.choices.Items[1] {
		t.Fatal("Down should focus the next choice")
	}
	r.choices.Items[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !r.answered || r.chosen[1] != 1 {
		t.Fatalf("Enter on choice 2: answered=%v chosen=%v", r.answered, r.chosen)
	}
}

func TestWrongAnswerIsRescheduledSooner(t *testing.T) {
	f := newTestLifting(t, false)
	r := f.v.refresher
	for r.Screen() == LiftScreenTechnique {
		r.OnNext()
	}
	qs := r.Questions()
	wrongQ, rightQ := qs[0], qs[1]
	r.Choose((wrongQ.Answer + 1) % len(wrongQ.Choices))
	r.OnAnswer()
	r.OnNext()
	r.Choose(rightQ.Answer)
	r.OnAnswer()

	deck := r.Deck()
	w, ok := deck.Card(wrongQ.ID), deck.Card(rightQ.ID)
	if w.Box != 1 || ok.Box != 2 || w.Due >= ok.Due {
		t.Fatalf("wrong %+v, right %+v: the wrong one should be due sooner", w, ok)
	}
	// The schedule was saved after each answer…
	st, err := store.Get[*quiz.State](f.quizPath)
	if err != nil || st == nil || st.Cards[wrongQ.ID].Due != w.Due || st.Cards[rightQ.ID].Due != ok.Due {
		t.Fatalf("saved state: %v %+v", err, st)
	}
	// …so the next refresher asks the missed question first and not the right one.
	f.v.OnClose()
	next := f.open(t, false).refresher
	next.resume()
	var ids []string
	for _, q := range next.Questions() {
		ids = append(ids, q.ID)
	}
	if ids[0] != wrongQ.ID || slices.Contains(ids, rightQ.ID) {
		t.Fatalf("next refresher asks %v; want %s first and not %s", ids, wrongQ.ID, rightQ.ID)
	}
}
