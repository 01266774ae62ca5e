package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limberapp/limber/journal"
)

// liftingFixture is a lifting window with a temporary journal and quiz
// state file and a fake clock.
type liftingFixture struct {
	v           *LiftingView
	journalPath string
	quizPath    string
	clk         *fakeClock
}

func newTestLifting(t *testing.T, calc bool) *liftingFixture {
	t.Helper()
	test.NewTempApp(t)
	dir := t.TempDir()
	f := &liftingFixture{
		journalPath: filepath.Join(dir, "journal.jsonl"),
		quizPath:    filepath.Join(dir, "lifting-quiz.json"),
		clk:         &fakeClock{t: time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)},
	}
	f.v = f.open(t, calc)
	return f
}

// open opens another window on the same files.
func (f *liftingFixture) open(t *testing.T, calc bool) *LiftingView {
	t.Helper()
	v := NewLiftingView(fyne.CurrentApp(), LiftingOptions{
		Library: library(t), Calculator: calc, JournalPath: f.journalPath, QuizPath: f.quizPath,
		Now: f.clk.now, Seed: 7,
	})
	v.win.Resize(fyne.NewSize(1080, 720))
	t.Cleanup(v.OnClose)
	return v
}

func liftJournal(t *testing.T, path string) []journal.Record {
	t.Helper()
	recs, warns, err := journal.Read(path)
	if err != nil || len(warns) > 0 {
		t.Fatalf("journal: %v %v", err, warns)
	}
	return recs
}

func TestLiftingOpensOnTheAskedTab(t *testing.T) {
	f := newTestLifting(t, false)
	if f.v.tabs.Selected() != f.v.refTab || f.v.win.Title() != "Lifting refresher — Limber" {
		t.Fatalf("refresher: tab %v title %q", f.v.tabs.Selected().Text, f.v.win.Title())
	}
}

func TestLiftingCalcFlagOpensTheCalculator(t *testing.T) {
	c := newTestLifting(t, true)
	if c.v.tabs.Selected() != c.v.calcTab || c.v.win.Title() != "Lifting calculator — Limber" {
		t.Fatalf("--calc: tab %v title %q", c.v.tabs.Selected().Text, c.v.win.Title())
	}
	// The calculator alone does not start a refresher.
	if c.v.refresher.Deck() != nil {
		t.Fatal("opening the calculator began a refresher")
	}
	c.v.ShowRefresher()
	if c.v.refresher.Deck() == nil || c.v.refresher.Deck().Session() != 1 || len(c.v.refresher.Questions()) != QuizPerSession {
		t.Fatal("showing the refresher should begin it with 3 questions")
	}
}

func TestLiftingEscClosesAndOtherKeysGoToTheRefresher(t *testing.T) {
	f := newTestLifting(t, false)
	f.v.OnKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if f.v.refresher.CurrentStep() != 1 {
		t.Fatalf("Right: step %d", f.v.refresher.CurrentStep())
	}
	f.v.ShowCalculator()
	f.v.OnKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if f.v.refresher.CurrentStep() != 1 {
		t.Fatal("keys on the calculator tab moved the refresher")
	}
	f.v.OnKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !f.v.closed {
		t.Fatal("Esc should close the window")
	}
}

func TestLiftingJournalProblemIsShown(t *testing.T) {
	f := newTestLifting(t, false)
	f.v.opt.JournalPath = filepath.Join(t.TempDir(), "file", "journal.jsonl")
	if err := os.WriteFile(filepath.Dir(f.v.opt.JournalPath), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	f.v.record(journal.Record{Event: journal.EventQuiz})
	if !f.v.message.Visible() || !strings.HasPrefix(f.v.message.Text, "Could not record this in your history") {
		t.Fatalf("message %q", f.v.message.Text)
	}
}

func TestLiftingCorruptQuizStateIsKeptAsideAndSaid(t *testing.T) {
	test.NewTempApp(t)
	f := &liftingFixture{quizPath: filepath.Join(t.TempDir(), "lifting-quiz.json"), clk: &fakeClock{t: time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)}}
	if err := os.WriteFile(f.quizPath, []byte("{garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	v := f.open(t, false)
	if !v.message.Visible() || !strings.Contains(v.message.Text, "kept it as "+f.quizPath+".broken-") {
		t.Fatalf("message %q", v.message.Text)
	}
	if v.refresher.Deck().Session() != 1 {
		t.Fatal("the quiz should start afresh")
	}
}
