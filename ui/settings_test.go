package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/limberapp/limber/prefs"
)

// settingsFixture is a settings window over a config file in a temp dir.
type settingsFixture struct {
	v       *SettingsView
	path    string
	admin   string
	reloads int
	auto    *fakeAutostart
}

type fakeAutostart struct {
	on      bool
	enables int
	err     error
}

func (f *fakeAutostart) Enabled() (bool, error) { return f.on, f.err }
func (f *fakeAutostart) Enable() error          { f.on = true; f.enables++; return nil }
func (f *fakeAutostart) Disable() error         { f.on = false; return nil }

// settingsDay is a Tuesday, for the timeline.
var settingsDay = time.Date(2026, 11, 24, 8, 0, 0, 0, time.Local)

// newTestSettings writes file (when not empty) and an administrator's
// file admin (when not empty) and opens the window over them.
func newTestSettings(t *testing.T, file, admin string) *settingsFixture {
	t.Helper()
	return newTestSettingsTheme(t, file, admin, nil)
}

// newTestSettingsTheme is newTestSettings with the app's theme set first
// (nil keeps the test driver's).
func newTestSettingsTheme(t *testing.T, file, admin string, th fyne.Theme) *settingsFixture {
	t.Helper()
	a := test.NewTempApp(t)
	if th != nil {
		a.Settings().SetTheme(th)
	}
	dir := t.TempDir()
	f := &settingsFixture{path: filepath.Join(dir, "config.toml"), admin: filepath.Join(dir, "etc", "config.toml"), auto: &fakeAutostart{}}
	if file != "" {
		if err := os.WriteFile(f.path, []byte(file), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if admin != "" {
		os.MkdirAll(filepath.Dir(f.admin), 0o755)
		if err := os.WriteFile(f.admin, []byte(admin), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f.v = NewSettingsView(fyne.CurrentApp(), SettingsOptions{
		Path:      f.path,
		Load:      prefs.Options{SystemFiles: []string{f.admin}},
		Autostart: f.auto,
		Reload:    func() error { f.reloads++; return nil },
		Now:       func() time.Time { return settingsDay },
	})
	t.Cleanup(func() { f.v.close() })
	return f
}

func (f *settingsFixture) field(t *testing.T, name string) *settingsField {
	t.Helper()
	fl := f.v.field(name)
	if fl == nil {
		t.Fatalf("no widget for %s", name)
	}
	return fl
}

func TestSettingsEditingADurationUpdatesTheConfig(t *testing.T) {
	f := newTestSettings(t, "", "")
	e := f.field(t, "breaks.posture.every").entry
	if e.Text != "20m" {
		t.Fatalf("default shown as %q", e.Text)
	}
	e.SetText("")
	test.Type(e, "25m")
	if got := f.v.Config().Breaks["posture"].Every; got != 25*time.Minute {
		t.Fatalf("every = %v", got)
	}
	if f.v.save.Disabled() {
		t.Fatal("Save should be enabled with valid values")
	}
}

// loaderMessage is what prefs.Load says about a file setting key to raw
// (a TOML value), cut the way the window shows it.
func loaderMessage(t *testing.T, key, table, line string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "c.toml")
	os.WriteFile(p, []byte("["+table+"]\n"+line+"\n"), 0o600)
	_, probs := prefs.Load(p, prefs.Options{NoEnv: true, SystemFiles: []string{}})
	for _, pr := range probs {
		if pr.Key == key {
			return settingsMessage(key, pr.Msg)
		}
	}
	t.Fatalf("the loader has no problem with %s", line)
	return ""
}

func TestSettingsInvalidValueShowsTheLoadersMessageAndDisablesSave(t *testing.T) {
	f := newTestSettings(t, "", "")
	fl := f.field(t, "breaks.posture.every")
	fl.entry.SetText("soon")
	want := loaderMessage(t, "breaks.posture.every", "breaks.posture", `every = "soon"`)
	if !fl.errText.Visible() || fl.errText.Text != want {
		t.Fatalf("inline message %q (visible %v), want %q", fl.errText.Text, fl.errText.Visible(), want)
	}
	if !strings.Contains(want, `"soon" is not a duration`) || !strings.Contains(want, "between 2m and 8h") {
		t.Fatalf("the loader's message changed: %q", want)
	}
	if !f.v.save.Disabled() || f.v.Valid() {
		t.Fatal("Save must be disabled while a value is invalid")
	}
	if f.v.status.Text != "To save, fix breaks.posture.every (Breaks)." {
		t.Fatalf("status: %q", f.v.status.Text)
	}
	if f.v.Config().Breaks["posture"].Every != 20*time.Minute {
		t.Fatal("an invalid value must not reach the config")
	}
	fl.entry.SetText("1m")
	if want := loaderMessage(t, "breaks.posture.every", "breaks.posture", `every = "1m"`); fl.errText.Text != want || !strings.Contains(want, "out of range") {
		t.Fatalf("out of range: %q, want %q", fl.errText.Text, want)
	}
	fl.entry.SetText("15m")
	if fl.errText.Visible() || f.v.save.Disabled() {
		t.Fatal("a fixed value clears the message and enables Save")
	}
}

func TestSettingsCrossKeyProblemShownUnderTheField(t *testing.T) {
	f := newTestSettings(t, "", "")
	f.field(t, "breaks.posture.duration").entry.SetText("4m")
	f.field(t, "breaks.posture.every").entry.SetText("3m")
	fl := f.field(t, "breaks.posture.duration")
	if !fl.errText.Visible() || !strings.Contains(fl.errText.Text, "4m is not shorter than every (3m)") || strings.Contains(fl.errText.Text, "using") {
		t.Fatalf("cross-key message: %q", fl.errText.Text)
	}
	if !f.v.save.Disabled() {
		t.Fatal("Save must be disabled")
	}
	f.field(t, "breaks.posture.every").entry.SetText("5m")
	if fl.errText.Visible() || f.v.save.Disabled() {
		t.Fatalf("raising every fixes it: %q", fl.errText.Text)
	}
}

func TestSettingsListsAndChecks(t *testing.T) {
	f := newTestSettings(t, "[hours]\nmonday = [\"09:00-12:30\", \"13:30-17:30\"]\n[exercises]\navoid_areas = [\"neck\"]\n", "")
	mon := f.field(t, "hours.monday")
	if mon.entry.Text != "09:00-12:30, 13:30-17:30" {
		t.Fatalf("hours shown as %q", mon.entry.Text)
	}
	mon.entry.SetText("08:00-12:00, 13:00-16:00")
	if got := f.v.Config().Hours[time.Monday]; len(got) != 2 || got[1] != "13:00-16:00" {
		t.Fatalf("hours: %v", got)
	}
	mon.entry.SetText("8 till 4")
	if !mon.errText.Visible() || !strings.HasPrefix(mon.errText.Text, `Working hours "8 till 4": expected a range HH:MM-HH:MM`) {
		t.Fatalf("bad hours: %q", mon.errText.Text)
	}
	areas := f.field(t, "exercises.avoid_areas")
	if len(areas.checks) != len(areas.key.Choices()) || !areas.checks[0].Checked {
		t.Fatalf("areas: %d checks, neck checked %v", len(areas.checks), areas.checks[0].Checked)
	}
	test.Tap(areas.checks[1]) // shoulders
	if got := f.v.Config().AvoidAreas; len(got) != 2 || got[1] != "shoulders" {
		t.Fatalf("avoid areas: %v", got)
	}
	strict := f.field(t, "breaks.strict")
	test.Tap(strict.check)
	if !f.v.Config().Strict {
		t.Fatal("tapping the check turns strict mode on")
	}
}

func TestSettingsLockedKeyIsDisabledWithItsReason(t *testing.T) {
	f := newTestSettings(t, "[breaks.rest]\nevery = \"100m\"\n", "[admin]\nlocked = [\"breaks.strict\", \"breaks.rest.every\"]\n[breaks]\nstrict = true\n[breaks.rest]\nevery = \"90m\"\n")
	for _, name := range []string{"breaks.strict", "breaks.rest.every"} {
		fl := f.field(t, name)
		if !fl.Disabled() {
			t.Fatalf("%s should be disabled", name)
		}
		if !fl.lock.Visible() || fl.lock.Text != "Locked: set by your administrator in "+f.admin {
			t.Fatalf("%s lock line: %q", name, fl.lock.Text)
		}
	}
	if !f.field(t, "breaks.strict").check.Checked || f.field(t, "breaks.rest.every").entry.Text != "1h30m" {
		t.Fatal("locked keys show the administrator's value")
	}
	if f.field(t, "breaks.posture.every").Disabled() {
		t.Fatal("unlocked keys stay editable")
	}
	// A locked check does not change when tapped.
	test.Tap(f.field(t, "breaks.strict").check)
	if !f.v.Config().Strict {
		t.Fatal("a locked key changed")
	}
	// Saving keeps the person's own value of a locked key in their file,
	// as a comment (see TestSettingsSaveWithLockedKeysLoadsWithNoProblems).
	f.v.OnSave()
	if b, _ := os.ReadFile(f.path); !strings.Contains(string(b), "\n# every = \"1h40m\"\n") || !strings.Contains(string(b), "\n# strict = false\n") {
		t.Fatalf("own values of the locked keys:\n%s", b)
	}
}

// Saving while the administrator locks keys writes those keys as
// comments (with the person's own value), so the saved file loads with no
// problem at all under the same administrator's layer.
func TestSettingsSaveWithLockedKeysLoadsWithNoProblems(t *testing.T) {
	admin := "[admin]\nlocked = [\"breaks.strict\", \"breaks.rest.every\"]\n[breaks]\nstrict = true\n[breaks.rest]\nevery = \"90m\"\n"
	for _, file := range []string{"", "[breaks.rest]\nevery = \"100m\"\n"} {
		f := newTestSettings(t, file, admin)
		f.field(t, "breaks.posture.every").entry.SetText("25m")
		test.Tap(f.v.save)
		if !f.v.closed || f.reloads != 1 {
			t.Fatalf("file %q: closed %v, reloads %d", file, f.v.closed, f.reloads)
		}
		cfg, probs := prefs.Load(f.path, prefs.Options{NoEnv: true, SystemFiles: []string{f.admin}})
		if len(probs) != 0 {
			b, _ := os.ReadFile(f.path)
			t.Fatalf("file %q: the saved file has problems under the same lock: %v\n%s", file, probs, b)
		}
		if !cfg.Strict || cfg.Breaks["rest"].Every != 90*time.Minute || cfg.Breaks["posture"].Every != 25*time.Minute {
			t.Fatalf("file %q: strict %v, rest every %v, posture every %v", file, cfg.Strict, cfg.Breaks["rest"].Every, cfg.Breaks["posture"].Every)
		}
		b, _ := os.ReadFile(f.path)
		text := string(b)
		own := `"2h"`
		if file != "" {
			own = `"1h40m"`
		}
		for _, want := range []string{"\n# strict = false\n", "\n# every = " + own + "\n"} {
			if !strings.Contains(text, want) {
				t.Fatalf("file %q: the locked key should be the comment %q:\n%s", file, want, text)
			}
		}
		if strings.Contains(text, "\nstrict = ") {
			t.Fatalf("file %q: a locked key written as a live value:\n%s", file, text)
		}
	}
}

func TestSettingsSaveWritesTheFileAndReloads(t *testing.T) {
	f := newTestSettings(t, "", "")
	f.field(t, "breaks.posture.every").entry.SetText("25m")
	f.field(t, "hours.friday").entry.SetText("09:00-13:00")
	test.Tap(f.v.save)
	st, err := os.Stat(f.path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", st.Mode().Perm())
	}
	cfg, probs := prefs.Load(f.path, prefs.Options{NoEnv: true, SystemFiles: []string{}})
	if len(probs) != 0 {
		t.Fatalf("the saved file has problems: %v", probs)
	}
	if cfg.Breaks["posture"].Every != 25*time.Minute || strings.Join(cfg.Hours[time.Friday], ",") != "09:00-13:00" {
		t.Fatalf("round trip: %v %v", cfg.Breaks["posture"].Every, cfg.Hours[time.Friday])
	}
	entries, _ := os.ReadDir(filepath.Dir(f.path))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Fatalf("temporary file left behind: %s", e.Name())
		}
	}
	if f.reloads != 1 || !f.v.closed {
		t.Fatalf("reloads %d, closed %v", f.reloads, f.v.closed)
	}
}

func TestSettingsFailedSaveKeepsTheWindowAndTheFile(t *testing.T) {
	f := newTestSettings(t, "[breaks]\nstrict = false\n", "")
	f.v.opt.Save = func(string, prefs.Config) error { return errors.New("disk full") }
	f.field(t, "breaks.posture.every").entry.SetText("25m")
	f.v.OnSave()
	if f.v.closed || !f.v.message.Visible() || !strings.Contains(f.v.message.Text, "disk full") {
		t.Fatalf("closed %v, message %q", f.v.closed, f.v.message.Text)
	}
	if b, _ := os.ReadFile(f.path); string(b) != "[breaks]\nstrict = false\n" || f.reloads != 0 {
		t.Fatalf("file %q, reloads %d", b, f.reloads)
	}
}

func TestSettingsCancelLeavesTheFileUntouched(t *testing.T) {
	const file = "[breaks.posture]\nevery = \"30m\"\n"
	f := newTestSettings(t, file, "")
	e := f.field(t, "breaks.posture.every").entry
	e.SetText("45m")
	f.v.win.Canvas().Focus(e)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // Esc from inside the entry
	if !f.v.closed {
		t.Fatal("Esc should cancel")
	}
	if b, _ := os.ReadFile(f.path); string(b) != file || f.reloads != 0 {
		t.Fatalf("file %q, reloads %d", b, f.reloads)
	}
}

func TestSettingsSaveShortcutWorksFromAnEntry(t *testing.T) {
	f := newTestSettings(t, "", "")
	e := f.field(t, "breaks.rest.duration").entry
	e.SetText("12m")
	f.v.win.Canvas().Focus(e)
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	cfg, _ := prefs.Load(f.path, prefs.Options{NoEnv: true, SystemFiles: []string{}})
	if !f.v.closed || cfg.Breaks["rest"].Duration != 12*time.Minute {
		t.Fatalf("Ctrl+S: closed %v, rest %v", f.v.closed, cfg.Breaks["rest"].Duration)
	}
}

func TestSettingsCtrlTabSwitchesGroupsAndFocuses(t *testing.T) {
	f := newTestSettings(t, "", "")
	c := f.v.win.Canvas()
	next := &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl}
	prev := &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift}
	c.(fyne.Shortcutable).TypedShortcut(next)
	if f.v.tabs.Selected().Text != groupSchedule {
		t.Fatalf("Ctrl+Tab: %q", f.v.tabs.Selected().Text)
	}
	if c.Focused() != f.field(t, "hours.enabled").check {
		t.Fatalf("focus after Ctrl+Tab: %T", c.Focused())
	}
	// From inside a focused control too.
	f.field(t, "hours.enabled").check.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab}) // plain Tab is not ours
	c.Focused().(*setCheck).hooks.short(prev)
	if f.v.tabs.SelectedIndex() != 0 {
		t.Fatalf("Ctrl+Shift+Tab: %d", f.v.tabs.SelectedIndex())
	}
	c.(fyne.Shortcutable).TypedShortcut(prev)
	if f.v.tabs.Selected().Text != groupAdvanced {
		t.Fatalf("Ctrl+Shift+Tab wraps to the last group: %q", f.v.tabs.Selected().Text)
	}
}

func TestSettingsEveryKeyHasAWidgetInATab(t *testing.T) {
	f := newTestSettings(t, "", "")
	inTabs := map[fyne.CanvasObject]bool{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		inTabs[o] = true
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(x.Content)
		case *container.ThemeOverride:
			walk(x.Content)
		}
	}
	for _, it := range f.v.tabs.Items {
		walk(it.Content)
	}
	for _, k := range prefs.Keys {
		fl := f.v.field(k.Name)
		if fl == nil || !inTabs[fl.box] {
			t.Errorf("%s has no widget in the window", k.Name)
			continue
		}
		if fl.Focusable() == nil {
			t.Errorf("%s has no control for the keyboard", k.Name)
		}
	}
	if len(f.v.fields) != len(prefs.Keys) {
		t.Fatalf("%d fields for %d keys", len(f.v.fields), len(prefs.Keys))
	}
}

func TestSettingsTimelineFollowsEdits(t *testing.T) {
	f := newTestSettings(t, "", "")
	p := f.v.previews[0]
	if got := p.timeline.plan.Counts(); got["posture"] != 16 || got["mobility"] != 4 || got["rest"] != 3 {
		t.Fatalf("defaults: %v", got)
	}
	f.field(t, "breaks.posture.every").entry.SetText("30m")
	if got := p.timeline.plan.Counts(); got["posture"] != 8 {
		t.Fatalf("every 30m: %v", got)
	}
	test.Tap(f.field(t, "hours.enabled").check)
	// Tuesday 09:00-17:30 by default.
	if s := f.v.previews[1].summary.Text; !strings.Contains(s, "Today (Tuesday), working hours 09:00–17:30") {
		t.Fatalf("summary: %q", s)
	}
	f.field(t, "hours.tuesday").entry.SetText("")
	if s := p.summary.Text; !strings.Contains(s, "no working hours") || len(p.timeline.plan.Marks) != 0 {
		t.Fatalf("no hours today: %q", s)
	}
}

func TestSettingsAutostartAppliedOnSave(t *testing.T) {
	f := newTestSettings(t, "", "")
	if f.v.autostart.Checked {
		t.Fatal("autostart shown on while off")
	}
	test.Tap(f.v.autostart)
	if f.auto.enables != 0 {
		t.Fatal("autostart changed before Save")
	}
	f.v.OnSave()
	if f.auto.enables != 1 || !f.auto.on {
		t.Fatalf("enables %d", f.auto.enables)
	}
}

func TestSettingsFileProblemsAndEnvironmentAreShown(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "config.toml")
	os.WriteFile(path, []byte("[breaks.mobility]\nevery = \"often\"\n"), 0o600)
	v := NewSettingsView(fyne.CurrentApp(), SettingsOptions{
		Path: path, Load: prefs.Options{SystemFiles: []string{}, Environ: []string{"LIMBER_BREAKS_POSTURE_EVERY=5m"}},
		Environ: []string{"LIMBER_BREAKS_POSTURE_EVERY=5m"}, Now: func() time.Time { return settingsDay },
	})
	defer v.close()
	if !v.problems.Visible() || !strings.Contains(v.problems.Text, path+":2: breaks.mobility.every: \"often\" is not a duration") {
		t.Fatalf("problems: %q", v.problems.Text)
	}
	pe := v.field("breaks.posture.every")
	if pe.entry.Text != "20m" {
		t.Fatalf("the environment's value must not be shown as the file's: %q", pe.entry.Text)
	}
	if !pe.env.Visible() || !strings.Contains(pe.env.Text, "LIMBER_BREAKS_POSTURE_EVERY=5m") {
		t.Fatalf("env note: %q", pe.env.Text)
	}
}

// Focusing a control below the fold scrolls it into view.
func TestSettingsFocusScrollsIntoView(t *testing.T) {
	f := newTestSettings(t, "", "")
	f.v.win.Resize(fyne.NewSize(760, 500))
	e := f.field(t, "breaks.skip_budget").entry
	f.v.win.Canvas().Focus(e)
	s := f.v.scrolls[0]
	d := fyne.CurrentApp().Driver()
	rel := d.AbsolutePositionForObject(e).Y - d.AbsolutePositionForObject(s).Y
	if s.Offset.Y == 0 || rel < 0 || rel+e.Size().Height > s.Size().Height {
		t.Fatalf("offset %v, entry at %v of %v", s.Offset.Y, rel, s.Size().Height)
	}
}

func TestSettingsResetPutsUnlockedDefaultsBack(t *testing.T) {
	f := newTestSettings(t, "[breaks.posture]\nevery = \"30m\"\n[breaks]\nskip_budget = 7\n", "[admin]\nlocked = [\"breaks.skip_budget\"]\n")
	f.v.OnReset()
	if e := f.field(t, "breaks.posture.every").entry; e.Text != "20m" || f.v.Config().Breaks["posture"].Every != 20*time.Minute {
		t.Fatalf("reset: %q", e.Text)
	}
	if f.v.Config().SkipBudget != 3 { // locked: the administrator's value, here the default
		t.Fatalf("skip budget %d", f.v.Config().SkipBudget)
	}
	if b, _ := os.ReadFile(f.path); !strings.Contains(string(b), "30m") {
		t.Fatal("reset must not write the file")
	}
}

func TestSettingsProblemListIsCapped(t *testing.T) {
	f := newTestSettings(t, "[breaks]\nmax_postpones = \"x\"\nskip_budget = \"x\"\npostpone_for = 1\nstrict = 3\n[idle]\nthreshold = 2\nenabled = 4\n", "")
	txt := f.v.problems.Text
	if strings.Count(txt, "\n• ") != 5 || !strings.HasSuffix(txt, "• and 2 more (`limber status` lists them all)") {
		t.Fatalf("banner:\n%s", txt)
	}
}
