package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// variantTheme is Fyne's default theme held to one variant, as the
// desktop's light or dark preference would select it.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// Golden renders of the Breaks tab in the light and the dark theme, with
// a locked key and an invalid value so the inline lines are in view.
func TestSettingsGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		v    fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
		t.Run(c.name, func(t *testing.T) {
			f := newTestSettingsTheme(t, "", "[admin]\nlocked = [\"breaks.posture.enabled\"]\n", variantTheme{theme.DefaultTheme(), c.v})
			// The lock's reason names the administrator's file: a fixed
			// name keeps the render the same on every run.
			f.field(t, "breaks.posture.enabled").Lock("set by your administrator in /etc/xdg/limber/config.toml")
			f.v.win.Resize(fyne.NewSize(760, 760))
			f.field(t, "breaks.posture.every").entry.SetText("soon")
			f.v.win.Canvas().Unfocus()
			test.AssertImageMatches(t, "settings_breaks_"+c.name+".png", f.v.win.Canvas().Capture())
		})
	}
}
