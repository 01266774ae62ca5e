package ui

import (
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/recovery"
)

// recOnColourTheme draws text and icons in one colour (white on the red
// emergency box) and leaves the rest to the app's theme.
type recOnColourTheme struct {
	fyne.Theme
	fg color.Color
}

func (t *recOnColourTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameForeground {
		return t.fg
	}
	return t.Theme.Color(n, v)
}

// recLevelLabels name the advice levels as box headings.
var recLevelLabels = map[string]string{
	recovery.LevelEmergency:    "Get urgent care now",
	recovery.LevelUrgent:       "Get medical advice today",
	recovery.LevelSeeClinician: "See a doctor or physiotherapist",
	recovery.LevelSelfCare:     "Keep going with the plan",
}

// recLevelNotes say what to do under the heading, where the flags' own
// actions do not.
var recLevelNotes = map[string]string{
	recovery.LevelSeeClinician: "Book an appointment with your doctor or a physiotherapist.",
	recovery.LevelSelfCare:     "Mild soreness is expected; sharp or rising pain means ease back.",
}

// Fixed alert colours, so the boxes read the same in light and dark themes:
// white on dark red (contrast about 6.5:1), black on amber.
var (
	recEmergencyBg = color.NRGBA{R: 0xb3, G: 0x26, B: 0x1e, A: 0xff}
	recUrgentBg    = color.NRGBA{R: 0xf2, G: 0xa9, B: 0x00, A: 0xff}
)

// recBullets joins items as one bulleted block.
func recBullets(items []string) string {
	return "• " + strings.Join(items, "\n• ")
}

// AdviceBox shows advice at its level: a red box with white text for an
// emergency, orange for urgent, tinted for see-clinician, plain for
// self-care.
type AdviceBox struct {
	widget.BaseWidget
	advice  recovery.Advice
	bg      *canvas.Rectangle
	heading *widget.Label
	body    *fyne.Container
	over    *container.ThemeOverride
	root    *fyne.Container
}

// NewAdviceBox returns a box showing a.
func NewAdviceBox(a recovery.Advice) *AdviceBox {
	b := &AdviceBox{}
	b.bg = canvas.NewRectangle(color.Transparent)
	b.bg.CornerRadius = theme.InputRadiusSize()
	b.heading = widget.NewLabel("")
	b.heading.TextStyle.Bold = true
	b.heading.Wrapping = fyne.TextWrapWord
	b.body = container.NewVBox()
	b.over = container.NewThemeOverride(container.NewPadded(container.NewVBox(b.heading, b.body)), theme.DefaultTheme())
	b.root = container.NewStack(b.bg, b.over)
	b.ExtendBaseWidget(b)
	b.Set(a)
	return b
}

// Advice is the advice shown.
func (b *AdviceBox) Advice() recovery.Advice { return b.advice }

// Heading is the box's heading text.
func (b *AdviceBox) Heading() string { return b.heading.Text }

// Set shows a.
func (b *AdviceBox) Set(a recovery.Advice) {
	b.advice = a
	base := fyne.CurrentApp().Settings().Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	b.heading.SizeName = theme.SizeNameSubHeadingText
	var fg color.Color
	switch a.Level {
	case recovery.LevelEmergency:
		b.bg.FillColor, fg = recEmergencyBg, color.White
		b.heading.SizeName = theme.SizeNameHeadingText
	case recovery.LevelUrgent:
		b.bg.FillColor, fg = recUrgentBg, color.Black
	case recovery.LevelSeeClinician:
		b.bg.FillColor = recAlpha(base.Color(theme.ColorNamePrimary, v), 0x40)
	default:
		b.bg.FillColor = base.Color(theme.ColorNameInputBackground, v)
	}
	if fg != nil {
		b.over.Theme = &recOnColourTheme{Theme: base, fg: fg}
	} else {
		b.over.Theme = base
	}
	b.heading.SetText(recLevelText("recovery.level."+a.Level, recLevelLabels[a.Level]))
	b.body.RemoveAll()
	if note := recLevelText("recovery.level."+a.Level+".note", recLevelNotes[a.Level]); note != "" {
		b.body.Add(recWrapped(note, true))
	}
	if reasons := AdviceReasons(a); len(reasons) > 0 {
		b.body.Add(recWrapped(recBullets(reasons), false))
	}
	// Each urgent or emergency flag's own action, once.
	var actions []string
	for _, f := range a.Flags {
		if recovery.Rank(recovery.FlagLevel(f)) >= recovery.Rank(recovery.LevelUrgent) && !slices.Contains(actions, f.Action) {
			actions = append(actions, f.Action)
		}
	}
	if len(actions) == 0 && recLevelNotes[a.Level] == "" {
		actions = []string{AdviceHeadline(a)}
	}
	for _, act := range actions {
		b.body.Add(recWrapped("→ "+act, true))
	}
	b.over.Refresh()
	b.bg.Refresh()
	b.Refresh()
}

// AdviceHeadline is a's headline in the current language (its English
// Headline when it carries no message).
func AdviceHeadline(a recovery.Advice) string {
	if a.HeadlineText.Key == "" {
		return a.Headline
	}
	return i18n.Msg(a.HeadlineText)
}

// AdviceReasons are a's reasons in the current language (its English
// Reasons when it carries no messages for them).
func AdviceReasons(a recovery.Advice) []string {
	if len(a.ReasonTexts) != len(a.Reasons) {
		return a.Reasons
	}
	return i18n.Msgs(a.ReasonTexts)
}

func (b *AdviceBox) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(b.root) }

// wrapped is a word-wrapping label.
func recWrapped(s string, bold bool) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle.Bold = bold
	return l
}

func recAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// heading is a bold heading label.
func recHeading(s string, size fyne.ThemeSizeName) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	l.SizeName = size
	l.Wrapping = fyne.TextWrapWord
	return l
}

// panel draws content on a rounded, tinted background.
func recPanel(c fyne.CanvasObject) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	return container.NewStack(bg, container.NewPadded(c))
}

// seekCareBox is the "Seek care if…" box: the seed guide's reasons for an
// evaluation and the emergency signs.
func recSeekCareBox(lib *content.Library, sources map[string]*content.Source) fyne.CanvasObject {
	box := container.NewVBox(recHeading(i18n.L("recovery.seek_care"), theme.SizeNameSubHeadingText),
		recWrapped(i18n.L("recovery.see_a_doctor_or_physiotherapist"), false))
	box.Add(recWrapped(recBullets(i18n.Msgs(recovery.SeekCareIfTexts)), false))
	var action string
	em := recovery.FlagsAt(lib, "emergency")
	titles := ""
	for i, f := range em {
		if i > 0 {
			titles += "; "
		}
		titles += f.Title
		action = f.Action
	}
	if len(em) > 0 {
		box.Add(recWrapped(i18n.L("recovery.urgent_if", i18n.Args{"Signs": titles, "Action": action}), true))
	}
	box.Add(recSourceLine(recovery.SeekCareSources, sources))
	return recPanel(box)
}

// sourceLine names sources by publisher, small and muted.
func recSourceLine(ids []string, sources map[string]*content.Source) *widget.Label {
	text := i18n.L("recovery.sources") + " "
	for i, id := range ids {
		if i > 0 {
			text += "; "
		}
		if s, ok := sources[id]; ok && s.Publisher != "" {
			text += s.Publisher
		} else {
			text += id
		}
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	l.Importance = widget.LowImportance
	return l
}

// recLevelText is a level's heading or note in the current language
// (english where the catalog has no such key; "" stays "").
func recLevelText(key, english string) string {
	if english != "" && i18n.Has(key) {
		return i18n.L(key)
	}
	return english
}
