package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, bl, _ := c.RGBA()
		ch := func(v uint32) float64 {
			x := float64(v) / 0xffff
			if x <= 0.03928 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(bl)
	}
	la, lb := lum(a), lum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func TestContrastThemeMakesMessagesReadable(t *testing.T) {
	for _, c := range []struct {
		name string
		v    fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
		a := test.NewTempApp(t)
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), c.v})
		th := contrastTheme{}
		bg := th.Color(theme.ColorNameBackground, c.v)
		for _, n := range []fyne.ThemeColorName{theme.ColorNameError, theme.ColorNameWarning, theme.ColorNameDisabled} {
			if r := contrast(th.Color(n, c.v), bg); r < 4.5 {
				t.Errorf("%s: %s text has contrast %.2f on the background, want at least 4.5", c.name, n, r)
			}
		}
		if r := contrast(th.Color(theme.ColorNameInputBorder, c.v), bg); r < 3 {
			t.Errorf("%s: check box border contrast %.2f, want at least 3", c.name, r)
		}
		if th.Color(theme.ColorNamePrimary, c.v) != theme.DefaultTheme().Color(theme.ColorNamePrimary, c.v) {
			t.Errorf("%s: other colours are the app theme's", c.name)
		}
	}
}
