package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// contrastTheme is the app's theme with more readable secondary text.
// Fyne's stock error (#f44336) and warning (#ff9800) colours are hard to
// read on white, and its "disabled" colour, which low-importance labels
// and locked (disabled) settings are written in, almost vanishes on both
// backgrounds (#e3e3e3 on white, #39393a on near black), as does the
// input border that draws an unchecked check box. The settings window
// writes its messages, key captions and locked values in these, and is
// mostly check boxes.
type contrastTheme struct{}

func (contrastTheme) base() fyne.Theme {
	if a := fyne.CurrentApp(); a != nil {
		return a.Settings().Theme()
	}
	return theme.DefaultTheme()
}

// Color implements fyne.Theme.
func (t contrastTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	base := t.base()
	c := base.Color(n, v)
	if isDarkBackground(base, v) {
		switch n {
		case theme.ColorNameDisabled:
			return color.NRGBA{R: 0x9a, G: 0x9a, B: 0x9a, A: 0xff}
		case theme.ColorNameInputBorder:
			return color.NRGBA{R: 0x70, G: 0x70, B: 0x74, A: 0xff}
		}
		return c
	}
	switch n {
	case theme.ColorNameInputBorder:
		return color.NRGBA{R: 0x8a, G: 0x8a, B: 0x8a, A: 0xff}
	case theme.ColorNameDisabled:
		return color.NRGBA{R: 0x6e, G: 0x6e, B: 0x6e, A: 0xff}
	case theme.ColorNameError:
		return color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
	case theme.ColorNameWarning:
		return color.NRGBA{R: 0x9a, G: 0x4a, B: 0x00, A: 0xff}
	}
	return c
}

// Font implements fyne.Theme.
func (t contrastTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

// Icon implements fyne.Theme.
func (t contrastTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

// Size implements fyne.Theme.
func (t contrastTheme) Size(n fyne.ThemeSizeName) float32 { return t.base().Size(n) }
