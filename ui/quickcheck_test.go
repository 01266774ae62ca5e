package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/workstation"
)

type quickSave struct {
	answers workstation.Answers
	result  workstation.Result
}

func newTestQuick(t *testing.T) (*QuickCheckView, *[]quickSave, *int, *content.Library) {
	t.Helper()
	test.NewTempApp(t)
	lib := library(t)
	var saves []quickSave
	wizard := 0
	v := NewQuickCheckView(fyne.CurrentApp(), QuickCheckOptions{
		Items: lib.Checklist, Setup: workstation.DeskMonitor,
		Save: func(a workstation.Answers, r workstation.Result) error {
			saves = append(saves, quickSave{a, r})
			return nil
		},
		OpenWizard: func() error { wizard++; return nil },
	})
	t.Cleanup(func() {
		if !v.closed {
			v.win.Close()
		}
	})
	return v, &saves, &wizard, lib
}

func TestQuickCheckAsksTheQuickItems(t *testing.T) {
	v, _, _, lib := newTestQuick(t)
	var want []string
	for _, it := range lib.Checklist {
		if it.Quick {
			want = append(want, it.ID)
		}
	}
	if len(v.Items()) != content.QuickChecks || len(want) != content.QuickChecks {
		t.Fatalf("%d items", len(v.Items()))
	}
	for i, it := range v.Items() {
		if it.ID != want[i] || v.Radio(it.ID) == nil {
			t.Errorf("item %d: %s", i, it.ID)
		}
	}
}

func TestQuickCheckNoShowsFixAndScores(t *testing.T) {
	v, _, _, _ := newTestQuick(t)
	it := v.Items()[0]
	tapRadio(t, v.Radio(it.ID), "No")
	if !v.FixLabel(it.ID).Visible() || v.FixLabel(it.ID).Text != "Fix: "+it.Fix {
		t.Errorf("fix %q", v.FixLabel(it.ID).Text)
	}
	tapRadio(t, v.Radio(v.Items()[1].ID), "Yes")
	r := v.Result()
	if r.Answered != 2 || !strings.Contains(v.Score(), "2 of 5 answered") {
		t.Errorf("result %+v score %q", r, v.Score())
	}
	// Both items are impact 3: one no, one yes → 50.
	if r.Overall != 50 || !strings.HasPrefix(v.Score(), "Score 50 / 100") {
		t.Errorf("overall %v, %q", r.Overall, v.Score())
	}
	tapRadio(t, v.Radio(it.ID), "Yes")
	if v.FixLabel(it.ID).Visible() {
		t.Error("fix still shown")
	}
}

func TestQuickCheckDoneSavesOnce(t *testing.T) {
	v, saves, wizard, _ := newTestQuick(t)
	for _, it := range v.Items() {
		tapRadio(t, v.Radio(it.ID), "Yes")
	}
	tapRadio(t, v.Radio(v.Items()[2].ID), "No")
	test.Tap(v.done)
	if len(*saves) != 1 || *wizard != 0 || !v.closed {
		t.Fatalf("saves %d wizard %d closed %v", len(*saves), *wizard, v.closed)
	}
	s := (*saves)[0]
	if len(s.answers) != 5 || s.answers[v.Items()[2].ID] != workstation.No || s.result.Answered != 5 {
		t.Errorf("saved %+v", s)
	}
	v.OnClose()
	if len(*saves) != 1 {
		t.Error("saved twice")
	}
}

func TestQuickCheckFullCheckOpensWizard(t *testing.T) {
	v, saves, wizard, _ := newTestQuick(t)
	tapRadio(t, v.Radio(v.Items()[0].ID), "Not sure")
	test.Tap(v.full)
	if *wizard != 1 || len(*saves) != 1 || !v.closed {
		t.Errorf("wizard %d saves %d closed %v", *wizard, len(*saves), v.closed)
	}
}

func TestQuickCheckCloseWithoutAnswersSavesNothing(t *testing.T) {
	v, saves, _, _ := newTestQuick(t)
	v.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(*saves) != 0 || !v.closed {
		t.Errorf("saves %d closed %v", len(*saves), v.closed)
	}
}

func TestQuickCheckGolden(t *testing.T) {
	v, _, _, _ := newTestQuick(t)
	tapRadio(t, v.Radio("monitor-height"), "No")
	tapRadio(t, v.Radio("keyboard-height"), "Yes")
	tapRadio(t, v.Radio("chair-seat-height"), "Yes")
	test.AssertImageMatches(t, "quickcheck.png", v.win.Canvas().Capture())
}
