package ui

import (
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/workstation"
)

// The workstation scene is drawn in the figure model's world units (figure
// heights; x forward, y up) inside this frame, with room around the figure
// for the target labels.
var sceneFrame = content.Rect{Min: content.Point{X: -0.46, Y: -0.03}, Max: content.Point{X: 0.98, Y: 0.9}}

// Heights of the scene's own furniture, in figure heights.
const (
	sceneDeskTop   = 0.405 // work surface: fingers at elbow height above a thin keyboard
	sceneDeskFront = 0.2
	sceneDeskBack  = 0.66
	sceneScreenX   = 0.40  // screen face: about 60 cm from the eyes for a 175 cm person
	sceneScreenTop = 0.715 // just below eye level
	sceneScreenBot = 0.545
)

// markKind is what a scene mark draws.
type markKind uint8

const (
	markProp    markKind = iota // a piece of furniture (rectangle, or a thick line when W > 0)
	markKeyProp                 // the furniture the step is about, outlined in the target colour
	markLine                    // a target line
	markDashed                  // a dashed guide line
	markArrow                   // a line with an arrowhead at B
	markDim                     // a dimension line with ticks at both ends
	markArc                     // an angle: centre A, radius R, from angle Start to End (degrees, counter-clockwise from +x)
	markLabel                   // text at A
	markWindow                  // a window pane
)

// sceneMark is one thing drawn over or around the figure.
type sceneMark struct {
	Kind       markKind
	A, B       content.Point
	W, R       float64 // line width in world units (props), arc radius
	Start, End float64
	Text       string
	Align      fyne.TextAlign // for labels: A is the left, centre or right of the text's baseline row
}

// Scene is the picture of a workstation step: the figure seated (or
// standing) at a desk in the target posture, with the step's angles and
// distances marked and labelled with their target numbers.
type Scene struct {
	widget.BaseWidget
	Area  string
	Setup workstation.Setup

	body  []content.Shape
	marks []sceneMark
	// Caption is the step's targets in full sentences, shown under the
	// picture.
	Caption []string
}

// NewScene returns the picture for a checklist area ("" or "intro" for the
// overview) and set-up.
func NewScene(area string, setup workstation.Setup) *Scene {
	s := &Scene{}
	s.ExtendBaseWidget(s)
	s.Set(area, setup)
	return s
}

// Set changes the area and set-up shown.
func (s *Scene) Set(area string, setup workstation.Setup) {
	s.Area, s.Setup = area, setup
	s.body, s.marks, s.Caption = buildScene(area, setup)
	s.Refresh()
}

// Labels returns the texts written in the picture.
func (s *Scene) Labels() []string {
	var out []string
	for _, m := range s.marks {
		if m.Kind == markLabel {
			out = append(out, m.Text)
		}
	}
	return out
}

// MinSize keeps the labels readable.
func (s *Scene) MinSize() fyne.Size { return fyne.NewSize(360, 240) }

func pt(x, y float64) content.Point { return content.Point{X: x, Y: y} }

// targetPose is the seated posture the wizard shows: upper arms hanging
// close to the body, elbows open about 100°, forearms level, head level.
func targetPose() content.Pose {
	p, _ := content.BasePose("seated-desk")
	_ = p.Apply(map[string]float64{"shoulder_elev": 10, "elbow": 80, "wrist": -5, "fingers": 15})
	return p.Place()
}

// eyeOf is where the figure's near eye is.
func eyeOf(b content.Body) content.Point {
	e := b.Head.Add(b.HeadFrame.Apply(content.Vec3{X: content.HeadRadius * 0.8, Y: 0.012}))
	return pt(e.X, e.Y)
}

// deskMarks draws the desk; key outlines it.
func deskMarks(key bool) []sceneMark {
	k := markProp
	if key {
		k = markKeyProp
	}
	return []sceneMark{
		{Kind: k, A: pt(sceneDeskFront, sceneDeskTop-0.022), B: pt(sceneDeskBack, sceneDeskTop)},
		{Kind: markProp, A: pt(sceneDeskBack-0.045, 0), B: pt(sceneDeskBack-0.02, sceneDeskTop-0.022)},
	}
}

func keyboardMarks(key bool) []sceneMark {
	k := markProp
	if key {
		k = markKeyProp
	}
	return []sceneMark{{Kind: k, A: pt(0.19, sceneDeskTop), B: pt(0.3, sceneDeskTop+0.012)}}
}

func monitorMarks(key bool) []sceneMark {
	k := markProp
	if key {
		k = markKeyProp
	}
	x := sceneScreenX
	return []sceneMark{
		{Kind: markProp, A: pt(x+0.02, sceneDeskTop), B: pt(x+0.11, sceneDeskTop+0.012)},           // foot
		{Kind: markProp, A: pt(x+0.05, sceneDeskTop+0.012), B: pt(x+0.066, sceneScreenBot+0.04)},   // neck
		{Kind: k, A: pt(x, sceneScreenBot), B: pt(x+0.025, sceneScreenTop)},                        // screen
		{Kind: markProp, A: pt(x+0.025, sceneScreenBot+0.03), B: pt(x+0.045, sceneScreenTop-0.03)}, // back
	}
}

// laptopMarks draws a laptop raised on a stand so its screen's top is near
// eye level (raised), or flat on the desk.
func laptopMarks(raised, key bool) []sceneMark {
	k := markProp
	if key {
		k = markKeyProp
	}
	base := sceneDeskTop
	var out []sceneMark
	if raised {
		base = sceneScreenTop - 0.2
		out = append(out,
			sceneMark{Kind: markProp, A: pt(0.40, sceneDeskTop), B: pt(0.56, sceneDeskTop+0.01)},
			sceneMark{Kind: markProp, A: pt(0.5, sceneDeskTop+0.01), B: pt(0.52, base-0.01)},
			sceneMark{Kind: markProp, A: pt(0.36, base-0.01), B: pt(0.56, base)},
		)
	}
	// Base, then the screen tilted back a little from its hinge.
	out = append(out,
		sceneMark{Kind: k, A: pt(0.34, base), B: pt(0.54, base+0.012)},
		sceneMark{Kind: k, A: pt(0.35, base+0.012), B: pt(0.35+0.045, base+0.2), W: 0.014},
	)
	return out
}

// buildScene returns the figure's shapes, the marks and the caption for an
// area.
func buildScene(area string, setup workstation.Setup) ([]content.Shape, []sceneMark, []string) {
	pose := targetPose()
	props := []content.Prop{{Kind: "chair"}}
	var marks []sceneMark
	var caption []string
	b := pose.Solve()
	eye := eyeOf(b)
	laptopOnly := setup == workstation.LaptopOnly

	screen := func(key bool) {
		if laptopOnly {
			marks = append(marks, laptopMarks(true, key)...)
		} else {
			marks = append(marks, monitorMarks(key)...)
		}
	}
	label := func(x, y float64, text string, align fyne.TextAlign) {
		marks = append(marks, sceneMark{Kind: markLabel, A: pt(x, y), Text: text, Align: align})
	}
	marks = append(marks, deskMarks(area == "desk")...)

	switch area {
	case "chair":
		screen(false)
		marks = append(marks, keyboardMarks(false)...)
		seat := content.SeatHeight - 0.045
		knee := b.Legs[content.Left].Knee
		marks = append(marks,
			sceneMark{Kind: markDim, A: pt(-0.25, 0), B: pt(-0.25, seat)},
			sceneMark{Kind: markArc, A: pt(knee.X, knee.Y), R: 0.07, Start: 180, End: 270},
			sceneMark{Kind: markArrow, A: pt(-0.33, 0.4), B: pt(-0.1, 0.37)},
		)
		label(-0.27, seat/2+0.025, i18n.L("scene.chair.label1"), fyne.TextAlignTrailing)
		label(knee.X+0.03, knee.Y-0.1, "90°", fyne.TextAlignLeading)
		label(-0.44, 0.52, i18n.L("scene.chair.label2"), fyne.TextAlignLeading)
		caption = []string{
			i18n.L("scene.chair.caption1"),
			i18n.L("scene.chair.caption2"),
			i18n.L("scene.chair.caption3"),
		}
	case "desk":
		screen(false)
		marks = append(marks, keyboardMarks(false)...)
		marks = append(marks, sceneMark{Kind: markDim, A: pt(sceneDeskBack+0.05, 0), B: pt(sceneDeskBack+0.05, sceneDeskTop)})
		label(sceneDeskBack+0.08, sceneDeskTop/2+0.02, i18n.L("scene.desk.label1"), fyne.TextAlignLeading)
		marks = append(marks, sceneMark{Kind: markArrow, A: pt(0.42, 0.13), B: pt(0.6, 0.13)})
		label(0.51, 0.16, i18n.L("scene.desk.label2"), fyne.TextAlignCenter)
		caption = []string{
			i18n.L("scene.desk.caption1"),
			i18n.L("scene.desk.caption2"),
		}
		if setup == workstation.SitStand {
			seat := content.SeatHeight - 0.045
			marks = append(marks,
				sceneMark{Kind: markDashed, A: pt(0.14, seat), B: pt(0.34, seat)},
				sceneMark{Kind: markDim, A: pt(0.32, seat), B: pt(0.32, sceneDeskTop-0.022)},
			)
			label(0.34, (seat+sceneDeskTop)/2-0.01, i18n.L("scene.desk.label3"), fyne.TextAlignLeading)
			caption = append(caption, i18n.L("scene.desk.caption3"))
		}
	case "monitor", "", workstation.StepIntro:
		screen(area != workstation.StepIntro && area != "")
		marks = append(marks, keyboardMarks(false)...)
		centre := pt(sceneScreenX, (sceneScreenTop+sceneScreenBot)/2)
		if laptopOnly {
			centre = pt(0.37, sceneScreenTop-0.1)
		}
		gaze := math.Atan2(centre.Y-eye.Y, centre.X-eye.X) * 180 / math.Pi
		marks = append(marks,
			sceneMark{Kind: markDashed, A: eye, B: pt(sceneScreenX+0.2, eye.Y)},
			sceneMark{Kind: markLine, A: eye, B: centre},
			sceneMark{Kind: markArc, A: eye, R: 0.16, Start: gaze, End: 0},
			sceneMark{Kind: markDim, A: pt(eye.X, eye.Y+0.09), B: pt(sceneScreenX, eye.Y+0.09)},
		)
		label(sceneScreenX+0.21, eye.Y, i18n.L("scene.monitor.label1"), fyne.TextAlignLeading)
		label(sceneScreenX+0.09, eye.Y-0.08, i18n.L("scene.monitor.label2"), fyne.TextAlignLeading)
		label((eye.X+sceneScreenX)/2, eye.Y+0.125, i18n.L("scene.monitor.label3"), fyne.TextAlignCenter)
		label(eye.X+0.09, eye.Y-0.115, "15–20°", fyne.TextAlignLeading)
		caption = []string{
			i18n.L("scene.monitor.caption1"),
			i18n.L("scene.monitor.caption2"),
			i18n.L("scene.monitor.caption3"),
		}
		switch setup {
		case workstation.LaptopOnly:
			caption = append(caption, i18n.L("scene.monitor.caption4"))
		case workstation.MultiMonitor:
			caption = append(caption, i18n.L("scene.monitor.caption5"))
		}
		if area == workstation.StepIntro || area == "" {
			caption = nil
		}
	case "keyboard-mouse":
		screen(false)
		marks = append(marks, keyboardMarks(true)...)
		a := b.Arms[content.Left]
		up := math.Atan2(a.Shoulder.Y-a.Elbow.Y, a.Shoulder.X-a.Elbow.X) * 180 / math.Pi
		fore := math.Atan2(a.Wrist.Y-a.Elbow.Y, a.Wrist.X-a.Elbow.X) * 180 / math.Pi
		marks = append(marks,
			sceneMark{Kind: markArc, A: pt(a.Elbow.X, a.Elbow.Y), R: 0.07, Start: fore, End: up},
			sceneMark{Kind: markDashed, A: pt(a.Elbow.X-0.05, a.Elbow.Y), B: pt(a.Knuckle.X+0.08, a.Elbow.Y)},
		)
		label(a.Elbow.X+0.03, a.Elbow.Y-0.075, "90–110°", fyne.TextAlignLeading)
		label(a.Knuckle.X+0.09, a.Elbow.Y+0.005, i18n.L("scene.keyboard-mouse.label1"), fyne.TextAlignLeading)
		caption = []string{
			i18n.L("scene.keyboard-mouse.caption1"),
			i18n.L("scene.keyboard-mouse.caption2"),
			i18n.L("scene.keyboard-mouse.caption3"),
		}
	case "laptop":
		marks = append(marks, laptopMarks(true, true)...)
		marks = append(marks, keyboardMarks(true)...)
		marks = append(marks, sceneMark{Kind: markDashed, A: eye, B: pt(0.75, eye.Y)})
		marks = append(marks, sceneMark{Kind: markArrow, A: pt(0.6, 0.47), B: pt(0.32, sceneDeskTop+0.015)})
		label(0.6, eye.Y+0.035, i18n.L("scene.laptop.label1"), fyne.TextAlignLeading)
		label(0.62, 0.5, i18n.L("scene.laptop.label2"), fyne.TextAlignLeading)
		caption = []string{
			i18n.L("scene.laptop.caption1"),
			i18n.L("scene.laptop.caption2"),
		}
	case "lighting":
		screen(false)
		marks = append(marks, keyboardMarks(false)...)
		marks = append(marks,
			sceneMark{Kind: markWindow, A: pt(-0.43, 0.5), B: pt(-0.2, 0.8)},
			sceneMark{Kind: markProp, A: pt(0.56, sceneDeskTop), B: pt(0.64, sceneDeskTop+0.01)},
			sceneMark{Kind: markProp, A: pt(0.6, sceneDeskTop+0.01), B: pt(0.56, 0.6), W: 0.012},
			sceneMark{Kind: markProp, A: pt(0.56, 0.6), B: pt(0.5, 0.56), W: 0.03},
			sceneMark{Kind: markArrow, A: pt(0.48, 0.53), B: pt(0.35, sceneDeskTop+0.04)},
		)
		label(-0.315, 0.86, i18n.L("scene.lighting.label1"), fyne.TextAlignCenter)
		label(-0.315, 0.45, i18n.L("scene.lighting.label2"), fyne.TextAlignCenter)
		label(0.68, 0.6, i18n.L("scene.lighting.label3"), fyne.TextAlignLeading)
		caption = []string{
			i18n.L("scene.lighting.caption1"),
			i18n.L("scene.lighting.caption2"),
			i18n.L("scene.lighting.caption3"),
		}
	case "habits":
		screen(false)
		marks = append(marks, keyboardMarks(false)...)
		marks = append(marks, sceneMark{Kind: markArrow, A: pt(eye.X+0.03, eye.Y+0.06), B: pt(0.94, eye.Y+0.06)})
		label(0.5, eye.Y+0.1, i18n.L("scene.habits.label1"), fyne.TextAlignCenter)
		label(-0.44, 0.66, i18n.L("scene.habits.label2"), fyne.TextAlignLeading)
		caption = []string{
			i18n.L("scene.habits.caption1"),
			i18n.L("scene.habits.caption2"),
			i18n.L("scene.habits.caption3"),
		}
	}
	return content.Shapes(pose, props, content.ViewSide), marks, caption
}

// CreateRenderer implements fyne.Widget.
func (s *Scene) CreateRenderer() fyne.WidgetRenderer {
	r := &sceneRenderer{s: s}
	return r
}

type sceneRenderer struct {
	s       *Scene
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (r *sceneRenderer) Destroy()                     {}
func (r *sceneRenderer) MinSize() fyne.Size           { return r.s.MinSize() }
func (r *sceneRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *sceneRenderer) Layout(s fyne.Size) {
	r.size = s
	r.draw()
}
func (r *sceneRenderer) Refresh() {
	r.draw()
	canvas.Refresh(r.s)
}

// scenePalette is the scene's colours from the current theme.
type scenePalette struct {
	panel, body, far, face, propFill, propLine, mark, markFill, text color.Color
}

func (r *sceneRenderer) palette() scenePalette {
	c := func(n fyne.ThemeColorName) color.Color { return theme.ColorForWidget(n, r.s) }
	bg := c(theme.ColorNameBackground)
	primary := c(theme.ColorNamePrimary)
	mark := c(theme.ColorNameSuccess)
	return scenePalette{
		panel:    blend(c(theme.ColorNameInputBackground), bg, 0.3),
		body:     primary,
		far:      blend(primary, bg, 0.5),
		face:     bg,
		propFill: blend(c(theme.ColorNameForeground), bg, 0.86),
		propLine: blend(c(theme.ColorNameForeground), bg, 0.45),
		mark:     mark,
		markFill: withAlpha(mark, 0x60),
		text:     c(theme.ColorNameForeground),
	}
}

// withAlpha returns c with alpha a.
func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), a}
}

func (r *sceneRenderer) draw() {
	size := r.size
	if size.Width <= 0 || size.Height <= 0 {
		size = r.s.Size()
	}
	fw := float32(sceneFrame.Max.X - sceneFrame.Min.X)
	fh := float32(sceneFrame.Max.Y - sceneFrame.Min.Y)
	scale := fyne.Min(size.Width/fw, size.Height/fh)
	ox := (size.Width - fw*scale) / 2
	oy := (size.Height - fh*scale) / 2
	pos := func(p content.Point) fyne.Position {
		return fyne.NewPos(ox+float32(p.X-sceneFrame.Min.X)*scale, oy+float32(sceneFrame.Max.Y-p.Y)*scale)
	}
	pal := r.palette()
	var objs []fyne.CanvasObject
	add := func(o fyne.CanvasObject) { objs = append(objs, o) }
	bgRect := canvas.NewRectangle(pal.panel)
	bgRect.CornerRadius = theme.InputRadiusSize()
	bgRect.Resize(size)
	add(bgRect)
	line := func(a, b fyne.Position, w float32, col color.Color) {
		l := canvas.NewLine(col)
		l.StrokeWidth = w
		l.Position1, l.Position2 = a, b
		add(l)
	}
	circle := func(c fyne.Position, radius float32, col color.Color) {
		o := canvas.NewCircle(col)
		o.Move(fyne.NewPos(c.X-radius, c.Y-radius))
		o.Resize(fyne.NewSquareSize(2 * radius))
		add(o)
	}
	rect := func(a, b content.Point, fill, stroke color.Color, sw float32) {
		pa, pb := pos(pt(math.Min(a.X, b.X), math.Max(a.Y, b.Y))), pos(pt(math.Max(a.X, b.X), math.Min(a.Y, b.Y)))
		o := canvas.NewRectangle(fill)
		o.StrokeColor, o.StrokeWidth = stroke, sw
		o.Move(pa)
		o.Resize(fyne.NewSize(pb.X-pa.X, pb.Y-pa.Y))
		add(o)
	}
	// Floor.
	line(pos(pt(sceneFrame.Min.X+0.04, -0.004)), pos(pt(sceneFrame.Max.X-0.04, -0.004)), 2, pal.propLine)
	// The chair and figure from the model, then the scene's own furniture
	// and marks. On the chair step the chair is outlined.
	chairStroke, chairWidth := pal.propLine, float32(1)
	if r.s.Area == "chair" {
		chairStroke, chairWidth = pal.mark, 2.5
	}
	for _, sh := range r.s.body {
		col := pal.body
		switch sh.Role {
		case content.RoleFar:
			col = pal.far
		case content.RoleFace, content.RoleOutline:
			col = pal.face
		case content.RoleGhost:
			continue
		}
		switch sh.Kind {
		case content.ShapeLine:
			a, b := pos(sh.A), pos(sh.B)
			w := float32(sh.W) * scale
			if sh.Role == content.RoleOutline {
				w += 2 * float32(content.Outline) * scale
			}
			line(a, b, w, col)
			circle(a, w/2, col)
			circle(b, w/2, col)
		case content.ShapeCircle:
			rad := float32(sh.R) * scale
			if sh.Role == content.RoleOutline {
				rad += float32(content.Outline) * scale
			}
			circle(pos(sh.A), rad, col)
		case content.ShapeRect:
			rect(sh.A, sh.B, pal.propFill, chairStroke, chairWidth)
		}
	}
	for _, m := range r.s.marks {
		switch m.Kind {
		case markProp, markKeyProp:
			stroke, sw := pal.propLine, float32(1)
			if m.Kind == markKeyProp {
				stroke, sw = pal.mark, 2.5
			}
			if m.W > 0 {
				w := float32(m.W) * scale
				line(pos(m.A), pos(m.B), w+2*sw, stroke)
				line(pos(m.A), pos(m.B), w, pal.propFill)
				continue
			}
			rect(m.A, m.B, pal.propFill, stroke, sw)
		case markWindow:
			rect(m.A, m.B, blend(pal.panel, pal.text, 0.12), pal.propLine, 3)
			midX, midY := (m.A.X+m.B.X)/2, (m.A.Y+m.B.Y)/2
			line(pos(pt(midX, m.A.Y)), pos(pt(midX, m.B.Y)), 2, pal.propLine)
			line(pos(pt(m.A.X, midY)), pos(pt(m.B.X, midY)), 2, pal.propLine)
		case markLine:
			line(pos(m.A), pos(m.B), 2, pal.mark)
		case markDashed:
			a, b := pos(m.A), pos(m.B)
			dx, dy := b.X-a.X, b.Y-a.Y
			n := float32(math.Hypot(float64(dx), float64(dy)))
			const dash, gap = 7, 5
			for t := float32(0); t < n; t += dash + gap {
				e := fyne.Min(t+dash, n)
				line(fyne.NewPos(a.X+dx*t/n, a.Y+dy*t/n), fyne.NewPos(a.X+dx*e/n, a.Y+dy*e/n), 1.5, pal.mark)
			}
		case markArrow, markDim:
			a, b := pos(m.A), pos(m.B)
			line(a, b, 2, pal.mark)
			dx, dy := b.X-a.X, b.Y-a.Y
			n := float32(math.Hypot(float64(dx), float64(dy)))
			if n == 0 {
				continue
			}
			ux, uy := dx/n, dy/n
			head := func(p fyne.Position, sx, sy float32) {
				const l, w = 9, 4.5
				line(p, fyne.NewPos(p.X-sx*l-uy*w, p.Y-sy*l+ux*w), 2, pal.mark)
				line(p, fyne.NewPos(p.X-sx*l+uy*w, p.Y-sy*l-ux*w), 2, pal.mark)
			}
			head(b, ux, uy)
			if m.Kind == markDim {
				head(a, -ux, -uy)
				const t = 6
				line(fyne.NewPos(a.X-uy*t, a.Y+ux*t), fyne.NewPos(a.X+uy*t, a.Y-ux*t), 2, pal.mark)
				line(fyne.NewPos(b.X-uy*t, b.Y+ux*t), fyne.NewPos(b.X+uy*t, b.Y-ux*t), 2, pal.mark)
			}
		case markArc:
			c := pos(m.A)
			rad := float32(m.R) * scale
			// Fyne's arcs run clockwise from the top; the scene's angles run
			// counter-clockwise from +x.
			start, end := float32(90-m.Start), float32(90-m.End)
			if start > end {
				start, end = end, start
			}
			arc := canvas.NewArc(start, end, 0.45, pal.markFill)
			arc.StrokeColor, arc.StrokeWidth = pal.mark, 1.5
			arc.Move(fyne.NewPos(c.X-rad, c.Y-rad))
			arc.Resize(fyne.NewSquareSize(2 * rad))
			add(arc)
		}
	}
	// Labels last, over everything.
	for _, m := range r.s.marks {
		if m.Kind != markLabel {
			continue
		}
		p := pos(m.A)
		for i, text := range strings.Split(m.Text, "\n") {
			t := canvas.NewText(text, pal.text)
			t.TextSize = theme.CaptionTextSize() + 1
			t.TextStyle.Bold = true
			ts := fyne.MeasureText(text, t.TextSize, t.TextStyle)
			x := p.X
			switch m.Align {
			case fyne.TextAlignCenter:
				x -= ts.Width / 2
			case fyne.TextAlignTrailing:
				x -= ts.Width
			}
			t.Move(fyne.NewPos(x, p.Y-ts.Height/2+float32(i)*ts.Height))
			t.Resize(ts)
			add(t)
		}
	}
	r.objects = objs
}
