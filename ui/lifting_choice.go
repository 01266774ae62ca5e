package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ChoiceGroup is a column of radio choices with wrapped text. Unlike
// widget.RadioGroup it lets Enter through: a focused choice is selected by
// Space or a tap, Up and Down move between choices, and Enter selects the
// focused choice and calls OnSubmit (the quiz's "Answer").
type ChoiceGroup struct {
	Items    []*ChoiceItem
	Selected int // -1 for none
	// OnChanged is called with the index chosen; OnSubmit on Enter.
	OnChanged func(int)
	OnSubmit  func()
	box       *fyne.Container
	focus     func(fyne.Focusable)
}

// NewChoiceGroup makes a group of the choices; focus moves keyboard focus
// (the window canvas's Focus), and may be nil.
func NewChoiceGroup(choices []string, focus func(fyne.Focusable)) *ChoiceGroup {
	g := &ChoiceGroup{Selected: -1, box: container.NewVBox(), focus: focus}
	for i, c := range choices {
		it := &ChoiceItem{group: g, index: i, text: c}
		it.ExtendBaseWidget(it)
		g.Items = append(g.Items, it)
		g.box.Add(it)
	}
	return g
}

// Object is the group's layout.
func (g *ChoiceGroup) Object() fyne.CanvasObject { return g.box }

// Select chooses item i (-1 for none) and calls OnChanged.
func (g *ChoiceGroup) Select(i int) {
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
func (g *ChoiceGroup) Disable() {
	for _, it := range g.Items {
		it.disabled = true
		it.Refresh()
	}
}

// Disabled reports whether the group takes no more choices.
func (g *ChoiceGroup) Disabled() bool { return len(g.Items) > 0 && g.Items[0].disabled }

// Mark shows choice right as the right answer and wrong (or -1) as the
// wrong one picked.
func (g *ChoiceGroup) Mark(right, wrong int) {
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

func (g *ChoiceGroup) move(from, by int) {
	to := from + by
	if to < 0 || to >= len(g.Items) || g.focus == nil {
		return
	}
	g.focus(g.Items[to])
}

// ChoiceItem is one radio choice of a ChoiceGroup.
type ChoiceItem struct {
	widget.BaseWidget
	group    *ChoiceGroup
	index    int
	text     string
	focused  bool
	hovered  bool
	disabled bool
	mark     int // 1 right answer, -1 wrong pick, 0 none
}

var (
	_ fyne.Focusable      = (*ChoiceItem)(nil)
	_ fyne.Tappable       = (*ChoiceItem)(nil)
	_ desktop.Hoverable   = (*ChoiceItem)(nil)
	_ fyne.Widget         = (*ChoiceItem)(nil)
	_ fyne.WidgetRenderer = (*choiceRenderer)(nil)
)

// Text is the choice's text.
func (it *ChoiceItem) Text() string { return it.text }

// Tapped selects the choice and focuses it.
func (it *ChoiceItem) Tapped(*fyne.PointEvent) {
	if it.disabled {
		return
	}
	if it.group.focus != nil && !it.focused {
		it.group.focus(it)
	}
	it.group.Select(it.index)
}

// FocusGained implements fyne.Focusable.
func (it *ChoiceItem) FocusGained() { it.focused = true; it.Refresh() }

// FocusLost implements fyne.Focusable.
func (it *ChoiceItem) FocusLost() { it.focused = false; it.Refresh() }

// TypedRune selects on Space.
func (it *ChoiceItem) TypedRune(r rune) {
	if r == ' ' {
		it.group.Select(it.index)
	}
}

// TypedKey moves with Up/Down and submits with Enter.
func (it *ChoiceItem) TypedKey(ev *fyne.KeyEvent) {
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
func (it *ChoiceItem) MouseIn(*desktop.MouseEvent) { it.hovered = true; it.Refresh() }

// MouseMoved implements desktop.Hoverable.
func (it *ChoiceItem) MouseMoved(*desktop.MouseEvent) {}

// MouseOut implements desktop.Hoverable.
func (it *ChoiceItem) MouseOut() { it.hovered = false; it.Refresh() }

// CreateRenderer implements fyne.Widget.
func (it *ChoiceItem) CreateRenderer() fyne.WidgetRenderer {
	r := &choiceRenderer{it: it, bg: canvas.NewRectangle(color.Transparent), icon: widget.NewIcon(nil), label: widget.NewLabel(it.text)}
	r.label.Wrapping = fyne.TextWrapWord
	r.bg.CornerRadius = 4
	r.Refresh()
	return r
}

type choiceRenderer struct {
	it    *ChoiceItem
	bg    *canvas.Rectangle
	icon  *widget.Icon
	label *widget.Label
}

const choiceIcon = 24

func (r *choiceRenderer) Layout(size fyne.Size) {
	p := theme.Padding()
	r.bg.Resize(size)
	r.icon.Move(fyne.NewPos(p, (size.Height-choiceIcon)/2))
	r.icon.Resize(fyne.NewSize(choiceIcon, choiceIcon))
	x := p + choiceIcon
	r.label.Move(fyne.NewPos(x, 0))
	r.label.Resize(fyne.NewSize(size.Width-x, r.label.MinSize().Height))
	// A wrapped label's height depends on its width: size it again.
	h := r.label.MinSize().Height
	r.label.Resize(fyne.NewSize(size.Width-x, h))
	r.label.Move(fyne.NewPos(x, (size.Height-h)/2))
}

func (r *choiceRenderer) MinSize() fyne.Size {
	m := r.label.MinSize()
	return fyne.NewSize(m.Width+choiceIcon+theme.Padding(), max(m.Height, choiceIcon+2*theme.Padding()))
}

func (r *choiceRenderer) Refresh() {
	it := r.it
	th := it.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	switch {
	case it.mark == 1:
		r.bg.FillColor = withAlpha(th.Color(theme.ColorNameSuccess, v), 0x50)
	case it.mark == -1:
		r.bg.FillColor = withAlpha(th.Color(theme.ColorNameError, v), 0x50)
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
	r.label.Refresh()
	r.bg.Refresh()
}

func (r *choiceRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.icon, r.label}
}

func (r *choiceRenderer) Destroy() {}
