package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/store"
	"github.com/limberapp/limber/workstation"
)

var wizardNow = time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC)

// newTestWizard opens the wizard on st, saving to a state file in a
// temporary folder; it returns the view and the file's path.
func newTestWizard(t *testing.T, st workstation.State) (*WizardView, string, *content.Library) {
	t.Helper()
	test.NewTempApp(t)
	lib := library(t)
	path := filepath.Join(t.TempDir(), workstation.StateFile)
	v := NewWizardView(fyne.CurrentApp(), WizardOptions{
		Items: lib.Checklist, Sources: lib.Sources, State: st,
		Save: func(s workstation.State) error { return store.Save(path, s) },
		Now:  func() time.Time { return wizardNow },
	})
	t.Cleanup(func() {
		if !v.closed {
			v.win.Close()
		}
	})
	return v, path, lib
}

// tapRadio taps the option label of a radio group, as a person would.
func tapRadio(t *testing.T, r *widget.RadioGroup, label string) {
	t.Helper()
	i := slices.Index(r.Options, label)
	if i < 0 {
		t.Fatalf("no option %q in %v", label, r.Options)
	}
	test.Tap(test.WidgetRenderer(r).Objects()[i].(fyne.Tappable))
}

func stepIDs(v *WizardView) []string {
	var ids []string
	for _, s := range v.Steps() {
		ids = append(ids, s.ID)
	}
	return ids
}

func TestWizardWalksAllStepsByTaps(t *testing.T) {
	v, path, lib := newTestWizard(t, workstation.State{})
	var visited []string
	for {
		st := v.Current()
		visited = append(visited, st.ID)
		if st.Area != "" {
			for _, it := range workstation.AreaItems(lib.Checklist, st.Area, v.Setup()) {
				tapRadio(t, v.Radio(it.ID), "Yes")
			}
		}
		if st.ID == workstation.StepSummary {
			break
		}
		if !v.next.Visible() {
			t.Fatalf("no Next on %s", st.ID)
		}
		test.Tap(v.next)
		if len(visited) > 20 {
			t.Fatal("the wizard never reaches the summary")
		}
	}
	if !slices.Equal(visited, stepIDs(v)) {
		t.Errorf("visited %v, steps %v", visited, stepIDs(v))
	}
	if v.next.Visible() {
		t.Error("Next shown on the summary")
	}
	if v.overall.Text != "Overall 100 / 100" {
		t.Errorf("overall %q", v.overall.Text)
	}
	for i, b := range v.StepButtons() {
		if st := v.Steps()[i]; st.Area != "" && !strings.HasSuffix(b.Text, "✓") {
			t.Errorf("step %q not ticked: %q", st.ID, b.Text)
		}
	}
	test.Tap(v.saveCheck)
	saved, err := store.Get[workstation.State](path)
	if err != nil || len(saved.History) != 1 || saved.Draft != nil || saved.History[0].Result.Overall != 100 {
		t.Fatalf("saved %+v, %v", saved, err)
	}
	// Back all the way by taps.
	for v.cur > 0 {
		test.Tap(v.back)
	}
	if v.Current().ID != workstation.StepIntro || !v.back.Disabled() {
		t.Errorf("back to %s", v.Current().ID)
	}
}

func TestWizardStepListPerSetup(t *testing.T) {
	v, path, _ := newTestWizard(t, workstation.State{})
	v.GoTo(1)
	for _, s := range workstation.Setups {
		tapRadio(t, v.setupRadio, s.Name())
		if v.Setup() != s {
			t.Fatalf("setup %s after choosing %s", v.Setup(), s)
		}
		var titles []string
		for _, b := range v.StepButtons() {
			titles = append(titles, b.Text)
		}
		hasLaptop := slices.ContainsFunc(titles, func(t string) bool { return strings.Contains(t, "Laptop") })
		if hasLaptop != s.Laptop() {
			t.Errorf("%s: step list %v", s, titles)
		}
		if len(titles) != len(workstation.Steps(s)) || v.Current().ID != workstation.StepSetup {
			t.Errorf("%s: %d steps, on %s", s, len(titles), v.Current().ID)
		}
		want := "Next: Chair"
		if v.next.Text != want {
			t.Errorf("%s: next %q", s, v.next.Text)
		}
	}
	st, _ := store.Get[workstation.State](path)
	if st.Draft == nil || st.Draft.Setup != workstation.MultiMonitor || !st.Draft.SetupSet {
		t.Errorf("saved draft %+v", st.Draft)
	}
}

func TestWizardLaptopStepOnlyForLaptops(t *testing.T) {
	v, _, lib := newTestWizard(t, workstation.State{})
	v.GoTo(1)
	tapRadio(t, v.setupRadio, workstation.LaptopExternal.Name())
	i := workstation.StepIndex(v.Steps(), "laptop")
	if i < 0 {
		t.Fatal("no laptop step for a laptop with an external screen")
	}
	test.Tap(v.StepButtons()[i])
	if v.Current().ID != "laptop" {
		t.Fatalf("on %s", v.Current().ID)
	}
	ids := map[string]bool{}
	for _, it := range workstation.AreaItems(lib.Checklist, "laptop", workstation.LaptopExternal) {
		ids[it.ID] = true
		if v.Radio(it.ID) == nil {
			t.Errorf("%s not asked", it.ID)
		}
	}
	if v.Radio("laptop-occasional") != nil || ids["laptop-occasional"] {
		t.Error("laptop-occasional asked with an external screen")
	}
}

func TestWizardNoShowsFix(t *testing.T) {
	v, _, lib := newTestWizard(t, workstation.State{})
	v.GoTo(workstation.StepIndex(v.Steps(), "monitor"))
	id := "monitor-height"
	fix := v.FixLabel(id)
	if fix.Visible() {
		t.Fatal("fix shown before answering")
	}
	tapRadio(t, v.Radio(id), "No")
	var want string
	for _, it := range lib.Checklist {
		if it.ID == id {
			want = "Fix: " + it.Fix
		}
	}
	if !fix.Visible() || fix.Text != want {
		t.Errorf("fix %q visible %v", fix.Text, fix.Visible())
	}
	tapRadio(t, v.Radio(id), "Not sure")
	if fix.Visible() {
		t.Error("fix still shown after Not sure")
	}
	if v.Answers()[id] != workstation.Unsure {
		t.Errorf("answer %q", v.Answers()[id])
	}
}

func TestWizardStepButtonsJump(t *testing.T) {
	v, _, _ := newTestWizard(t, workstation.State{})
	test.Tap(v.StepButtons()[5])
	if v.cur != 5 || v.StepButtons()[5].Importance != widget.HighImportance {
		t.Errorf("on step %d", v.cur)
	}
	test.Tap(v.StepButtons()[len(v.Steps())-1])
	if v.Current().ID != workstation.StepSummary {
		t.Errorf("on %s", v.Current().ID)
	}
}

func TestWizardKeyboard(t *testing.T) {
	v, _, _ := newTestWizard(t, workstation.State{})
	sc := v.win.Canvas().(fyne.Shortcutable)
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt})
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt})
	if v.cur != 2 {
		t.Fatalf("Alt+Right twice: step %d", v.cur)
	}
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt})
	if v.cur != 1 {
		t.Fatalf("Alt+Left: step %d", v.cur)
	}
	v.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	v.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	v.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyPageUp})
	if v.cur != 2 {
		t.Fatalf("PgDn PgDn PgUp: step %d", v.cur)
	}
	// Tab reaches the answer buttons.
	v.GoTo(workstation.StepIndex(v.Steps(), "chair"))
	c := v.win.Canvas()
	for range 60 {
		test.FocusNext(c)
		if f, ok := c.Focused().(fyne.Widget); ok && fmt.Sprintf("%T", f) == "*widget.radioItem" {
			return
		}
	}
	t.Error("Tab never reached an answer button")
}

func TestWizardResumesAfterClose(t *testing.T) {
	v, path, _ := newTestWizard(t, workstation.State{})
	v.GoTo(1)
	tapRadio(t, v.setupRadio, workstation.SitStand.Name())
	v.GoTo(workstation.StepIndex(v.Steps(), "desk"))
	tapRadio(t, v.Radio("desk-sit-stand-height"), "No")
	tapRadio(t, v.Radio("desk-leg-room"), "Yes")
	v.GoTo(workstation.StepIndex(v.Steps(), "monitor"))
	tapRadio(t, v.Radio("monitor-distance"), "Not sure")
	v.OnClose()

	st, err := store.Get[workstation.State](path)
	if err != nil {
		t.Fatal(err)
	}
	lib := library(t)
	v2 := NewWizardView(fyne.CurrentApp(), WizardOptions{Items: lib.Checklist, Sources: lib.Sources, State: st, Now: func() time.Time { return wizardNow }})
	defer v2.win.Close()
	if v2.Current().ID != "monitor" || v2.Setup() != workstation.SitStand {
		t.Fatalf("resumed on %s with %s", v2.Current().ID, v2.Setup())
	}
	if !v2.status.Visible() || !strings.Contains(v2.status.Text, "Picked up where you left off") {
		t.Errorf("status %q", v2.status.Text)
	}
	if got := v2.Radio("monitor-distance").Selected; got != "Not sure" {
		t.Errorf("monitor-distance shows %q", got)
	}
	v2.GoTo(workstation.StepIndex(v2.Steps(), "desk"))
	if v2.Radio("desk-sit-stand-height").Selected != "No" || !v2.FixLabel("desk-sit-stand-height").Visible() || v2.Radio("desk-leg-room").Selected != "Yes" {
		t.Error("desk answers not restored")
	}
}

func TestWizardStartOver(t *testing.T) {
	draft := &workstation.Draft{Setup: workstation.LaptopOnly, SetupSet: true, Step: "chair", Answers: workstation.Answers{"chair-base": workstation.No}, Updated: wizardNow}
	v, path, _ := newTestWizard(t, workstation.State{Version: 1, Draft: draft})
	if v.Current().ID != "chair" {
		t.Fatalf("did not resume: %s", v.Current().ID)
	}
	test.Tap(v.startOver)
	// The confirmation dialog: tap its confirm button.
	var confirm *widget.Button
	for _, o := range test.LaidOutObjects(v.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Yes" {
			confirm = b
		}
	}
	if confirm == nil {
		t.Fatal("no confirmation")
	}
	test.Tap(confirm)
	if v.Current().ID != workstation.StepIntro || len(v.Answers()) != 0 || v.Setup() != workstation.DeskMonitor {
		t.Errorf("after start over: %s %v %s", v.Current().ID, v.Answers(), v.Setup())
	}
	st, _ := store.Get[workstation.State](path)
	if !st.Draft.Empty() {
		t.Errorf("saved draft %+v", st.Draft)
	}
}

func TestWizardSaveErrorIsShown(t *testing.T) {
	test.NewTempApp(t)
	lib := library(t)
	v := NewWizardView(fyne.CurrentApp(), WizardOptions{Items: lib.Checklist, Save: func(workstation.State) error { return fmt.Errorf("disk full") }})
	defer v.win.Close()
	v.OnNext()
	if !v.status.Visible() || !strings.Contains(v.status.Text, "disk full") {
		t.Errorf("status %q", v.status.Text)
	}
}

// Golden renders: the intro, the screen step with some No answers, and
// the summary against an earlier check.
func TestWizardGolden(t *testing.T) {
	lib := library(t)
	v, _, _ := newTestWizard(t, workstation.State{Version: 1, History: workstation.History{previousCheck(lib)}})
	v.win.Resize(fyne.NewSize(1040, 720))
	test.AssertImageMatches(t, "wizard_intro.png", v.win.Canvas().Capture())

	v.GoTo(workstation.StepIndex(v.Steps(), "monitor"))
	tapRadio(t, v.Radio("monitor-position"), "Yes")
	tapRadio(t, v.Radio("monitor-distance"), "No")
	tapRadio(t, v.Radio("monitor-height"), "No")
	tapRadio(t, v.Radio("monitor-gaze-angle"), "Not sure")
	test.AssertImageMatches(t, "wizard_monitor.png", v.win.Canvas().Capture())

	for _, id := range []string{"chair-seat-height", "chair-lumbar-support", "keyboard-height", "habits-breaks"} {
		v.OnAnswer(id, "Yes")
	}
	v.OnAnswer("chair-base", "No")
	v.OnAnswer("desk-phone", "No")
	v.GoTo(len(v.Steps()) - 1)
	test.AssertImageMatches(t, "wizard_summary.png", v.win.Canvas().Capture())
}
