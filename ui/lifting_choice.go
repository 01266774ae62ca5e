package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/i18n"
)

// LiftChoices is a column of radio choices with wrapped text. Unlike
// widget.RadioGroup it lets Enter through: a focused choice is selected by
// Space or a tap, a digit selects that choice, Up and Down move between
// choices, and Enter selects the focused choice if none is and calls
// OnSubmit (the quiz's "Answer").
type LiftChoices struct {
	Items    []*LiftChoice
	Selected int // -1 for none
	// OnChanged is called with the index chosen; OnSubmit on Enter.
	OnChanged func(int)
	OnSubmit  func()
	box       *fyne.Container
	focus     func(fyne.Focusable)
}

// NewLiftChoices makes a group of the choices; focus moves keyboard focus
// (the window canvas's Focus), and may be nil.
func NewLiftChoices(choices []string, focus func(fyne.Focusable)) *LiftChoices {
	g := &LiftChoices{Selected: -1, box: container.NewVBox(), focus: focus}
	for i, c := range choices {
		it := &LiftChoice{group: g, index: i, text: c}
		it.ExtendBaseWidget(it)
		g.Items = append(g.Items, it)
		g.box.Add(it)
	}
	return g
}

// Object is the group's layout.
func (g *LiftChoices) Object() fyne.CanvasObject { return g.box }

// Select chooses item i (-1 for none) and calls OnChanged.
func (g *LiftChoices) Select(i int) {
	if i < -1 || i >= len(g.Items) || g.Disabled() {
		return
	}
	g.Selected = i
	for _, it := range g.Items {
		it.Refresh()
	}
	if g.OnChanged != nil {
		g.OnChanged(i)
	}
}

// Disable stops further choices; the selection stays shown.
func (g *LiftChoices) Disable() {
	for _, it := range g.Items {
		it.disabled = true
		it.Refresh()
	}
}

// Disabled reports whether the group takes no more choices.
func (g *LiftChoices) Disabled() bool { return len(g.Items) > 0 && g.Items[0].disabled }

// Mark shows choice right as the right answer and wrong (or -1) as the
// wrong one picked.
func (g *LiftChoices) Mark(right, wrong int) {
	for i, it := range g.Items {
		it.mark = 0
		switch i {
		case right:
			it.mark = 1
		case wrong:
			it.mark = -1
		}
		it.Refresh()
	}
}

func (g *LiftChoices) move(from, by int) {
	to := from + by
	if to < 0 || to >= len(g.Items) || g.focus == nil {
		return
	}
	g.focus(g.Items[to])
}

// LiftChoice is one radio choice of a LiftChoices.
type LiftChoice struct {
	widget.BaseWidget
	group    *LiftChoices
	index    int
	text     string
	focused  bool
	hovered  bool
	disabled bool
	mark     int // 1 right answer, -1 wrong pick, 0 none
}

var (
	_ fyne.Focusable      = (*LiftChoice)(nil)
	_ fyne.Tappable       = (*LiftChoice)(nil)
	_ desktop.Hoverable   = (*LiftChoice)(nil)
	_ fyne.Widget         = (*LiftChoice)(nil)
	_ fyne.WidgetRenderer = (*liftChoiceRenderer)(nil)
)

// Text is the choice's text.
func (it *LiftChoice) Text() string { return it.text }

// Tapped selects the choice and focuses it.
func (it *LiftChoice) Tapped(*fyne.PointEvent) {
	if it.disabled {
		return
	}
	if it.group.focus != nil && !it.focused {
		it.group.focus(it)
	}
	it.group.Select(it.index)
}

// FocusGained implements fyne.Focusable.
func (it *LiftChoice) FocusGained() { it.focused = true; it.Refresh() }

// FocusLost implements fyne.Focusable.
func (it *LiftChoice) FocusLost() { it.focused = false; it.Refresh() }

// TypedRune selects on Space; a digit 1–9 selects and focuses that choice.
func (it *LiftChoice) TypedRune(r rune) {
	switch {
	case r == ' ':
		it.group.Select(it.index)
	case r >= '1' && r <= '9':
		i := int(r - '1')
		if i < len(it.group.Items) && !it.disabled {
			it.group.move(i, 0)
			it.group.Select(i)
		}
	}
}

// TypedKey moves with Up/Down and submits with Enter.
func (it *LiftChoice) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp:
		it.group.move(it.index, -1)
	case fyne.KeyDown:
		it.group.move(it.index, 1)
	case fyne.KeyReturn, fyne.KeyEnter:
		if !it.disabled && it.group.Selected < 0 {
			it.group.Select(it.index)
		}
		if it.group.OnSubmit != nil {
			it.group.OnSubmit()
		}
	}
}

// MouseIn implements desktop.Hoverable.
func (it *LiftChoice) MouseIn(*desktop.MouseEvent) { it.hovered = true; it.Refresh() }

// MouseMoved implements desktop.Hoverable.
func (it *LiftChoice) MouseMoved(*desktop.MouseEvent) {}

// MouseOut implements desktop.Hoverable.
func (it *LiftChoice) MouseOut() { it.hovered = false; it.Refresh() }

// CreateRenderer implements fyne.Widget.
func (it *LiftChoice) CreateRenderer() fyne.WidgetRenderer {
	r := &liftChoiceRenderer{it: it, bg: canvas.NewRectangle(color.Transparent), icon: widget.NewIcon(nil), label: widget.NewLabel(it.text)}
	r.label.Wrapping = fyne.TextWrapWord
	r.bg.CornerRadius = 4
	r.Refresh()
	return r
}

type liftChoiceRenderer struct {
	it    *LiftChoice
	bg    *canvas.Rectangle
	icon  *widget.Icon
	label *widget.Label
}

const liftChoiceIcon = 24

func (r *liftChoiceRenderer) Layout(size fyne.Size) {
	p := theme.Padding()
	r.bg.Resize(size)
	r.icon.Move(fyne.NewPos(p, (size.Height-liftChoiceIcon)/2))
	r.icon.Resize(fyne.NewSize(liftChoiceIcon, liftChoiceIcon))
	x := p + liftChoiceIcon
	r.label.Move(fyne.NewPos(x, 0))
	r.label.Resize(fyne.NewSize(size.Width-x, r.label.MinSize().Height))
	// A wrapped label's height depends on its width: size it again.
	h := r.label.MinSize().Height
	r.label.Resize(fyne.NewSize(size.Width-x, h))
	r.label.Move(fyne.NewPos(x, (size.Height-h)/2))
}

func (r *liftChoiceRenderer) MinSize() fyne.Size {
	m := r.label.MinSize()
	return fyne.NewSize(m.Width+liftChoiceIcon+theme.Padding(), max(m.Height, liftChoiceIcon+2*theme.Padding()))
}

func (r *liftChoiceRenderer) Refresh() {
	it := r.it
	th := it.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	switch {
	case it.mark == 1:
		r.bg.FillColor = liftAlpha(th.Color(theme.ColorNameSuccess, v), 0x50)
	case it.mark == -1:
		r.bg.FillColor = liftAlpha(th.Color(theme.ColorNameError, v), 0x50)
	case it.focused:
		r.bg.FillColor = th.Color(theme.ColorNameFocus, v)
	case it.hovered && !it.disabled:
		r.bg.FillColor = th.Color(theme.ColorNameHover, v)
	default:
		r.bg.FillColor = color.Transparent
	}
	res := theme.RadioButtonIcon()
	if it.group.Selected == it.index {
		res = theme.RadioButtonCheckedIcon()
	}
	if it.disabled && it.group.Selected != it.index {
		res = theme.NewDisabledResource(res)
	} else if it.group.Selected == it.index {
		res = theme.NewPrimaryThemedResource(res)
	}
	r.icon.SetResource(res)
	r.label.TextStyle.Bold = it.mark == 1
	switch it.mark {
	case 1:
		r.label.Text = it.text + " " + i18n.L("lifting.right_answer")
	case -1:
		r.label.Text = it.text + " " + i18n.L("lifting.your_answer")
	default:
		r.label.Text = it.text
	}
	r.label.Refresh()
	r.bg.Refresh()
}

func (r *liftChoiceRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.icon, r.label}
}

func (r *liftChoiceRenderer) Destroy() {}
