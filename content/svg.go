package content

import (
	"bufio"
	"errors"
	"fmt"
	"html"
	"io"
	"time"
)

// Palette is the set of colours a drawing uses, as CSS colours.
type Palette struct {
	Background, Body, Far, Face, PropFill, PropLine, Floor, Ghost, Text string
}

// LightPalette is the palette of SVG renders.
var LightPalette = Palette{
	Background: "#ffffff", Body: "#2b5d8c", Far: "#9fb8d0", Face: "#ffffff",
	PropFill: "#ece7df", PropLine: "#9a8f7d", Floor: "#8c8c8c", Ghost: "#dde3ea", Text: "#333333",
}

// writeShapes writes shapes (in the unit square) scaled to size at (x, y).
func writeShapes(w *bufio.Writer, shapes []Shape, x, y, size float64, pal Palette) {
	fmt.Fprintf(w, `<g transform="translate(%.2f %.2f) scale(%.4f)">`+"\n", x, y, size)
	for _, s := range shapes {
		color := pal.Body
		switch s.Role {
		case RoleFar:
			color = pal.Far
		case RoleFace:
			color = pal.Face
		case RoleOutline:
			color = pal.Background
		case RoleFloor:
			color = pal.Floor
		case RoleGhost:
			color = pal.Ghost
		}
		switch s.Kind {
		case ShapeLine:
			fmt.Fprintf(w, `<line x1="%.4f" y1="%.4f" x2="%.4f" y2="%.4f" stroke="%s" stroke-width="%.4f" stroke-linecap="round"/>`+"\n",
				s.A.X, s.A.Y, s.B.X, s.B.Y, color, s.W)
		case ShapeCircle:
			fmt.Fprintf(w, `<circle cx="%.4f" cy="%.4f" r="%.4f" fill="%s"/>`+"\n", s.A.X, s.A.Y, s.R, color)
		case ShapeRect:
			fmt.Fprintf(w, `<rect x="%.4f" y="%.4f" width="%.4f" height="%.4f" fill="%s" stroke="%s" stroke-width="0.004"/>`+"\n",
				s.A.X, s.A.Y, s.B.X-s.A.X, s.B.Y-s.A.Y, pal.PropFill, pal.PropLine)
		}
	}
	w.WriteString("</g>\n")
}

// stripFrame is one picture of a strip: the pose, a faint earlier pose,
// and its label.
type stripFrame struct {
	pose, ghost Pose
	label       string
}

// strip picks the poses to show: every key when frames is 0 or the number
// of keys, else frames moments spread evenly over the loop.
func strip(ex *Exercise, st *Stage, frames int) []stripFrame {
	a := st.Anim
	n := len(a.Keys)
	var out []stripFrame
	if n == 0 {
		return nil
	}
	if frames <= 0 || frames == n {
		poses := st.KeyPoses()
		for i, k := range a.Keys {
			out = append(out, stripFrame{pose: poses[i], ghost: poses[(i+n-1)%n], label: fmt.Sprintf("step %d", k.Step+1)})
		}
		return out
	}
	total := a.Duration()
	prev := a.At(total - total/time.Duration(frames))
	for i := range frames {
		t := total * time.Duration(i) / time.Duration(frames)
		p := a.At(t)
		out = append(out, stripFrame{pose: p, ghost: prev, label: fmt.Sprintf("step %d", a.StepAt(t)+1)})
		prev = p
	}
	return out
}

// RenderSVG writes a frame strip of an exercise: its key poses side by
// side (or frames moments spread over the loop when frames is neither 0
// nor the number of keyframes), each size pixels square and labelled with
// its step number. The pose before each is drawn faintly behind it.
func RenderSVG(w io.Writer, ex *Exercise, frames int, size float64) error {
	if ex == nil {
		return errors.New("no exercise")
	}
	if size < 32 {
		return fmt.Errorf("size %g is too small (at least 32)", size)
	}
	st := NewStage(ex)
	fs := strip(ex, st, frames)
	if len(fs) == 0 {
		return fmt.Errorf("exercise %q has no keyframes", ex.ID)
	}
	label := 18.0
	width, height := size*float64(len(fs)), size+label+22
	bw := bufio.NewWriter(w)
	pal := LightPalette
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="sans-serif">`+"\n", width, height, width, height)
	fmt.Fprintf(bw, `<rect width="100%%" height="100%%" fill="%s"/>`+"\n", pal.Background)
	fmt.Fprintf(bw, `<text x="6" y="16" font-size="13" fill="%s">%s — %s</text>`+"\n", pal.Text, html.EscapeString(ex.ID), html.EscapeString(ex.Name))
	for i, f := range fs {
		x := float64(i) * size
		g := f.ghost
		writeShapes(bw, st.DrawGhost(f.pose, &g), x, 22, size, pal)
		fmt.Fprintf(bw, `<text x="%.1f" y="%.1f" font-size="12" text-anchor="middle" fill="%s">%s</text>`+"\n", x+size/2, 22+size+14, pal.Text, html.EscapeString(f.label))
	}
	bw.WriteString("</svg>\n")
	return bw.Flush()
}

// RenderSheet writes a contact sheet: one row per exercise with its key
// poses, each cell size pixels square, for reviewing every figure at once.
func RenderSheet(w io.Writer, exercises []*Exercise, size float64) error {
	if size < 32 {
		return fmt.Errorf("size %g is too small (at least 32)", size)
	}
	cols := 1
	for _, ex := range exercises {
		cols = max(cols, len(ex.Animation().Keys))
	}
	const head, foot = 20.0, 16.0
	rowH := head + size + foot
	width, height := size*float64(cols), rowH*float64(len(exercises))
	bw := bufio.NewWriter(w)
	pal := LightPalette
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="sans-serif">`+"\n", width, height, width, height)
	fmt.Fprintf(bw, `<rect width="100%%" height="100%%" fill="%s"/>`+"\n", pal.Background)
	for r, ex := range exercises {
		y := float64(r) * rowH
		st := NewStage(ex)
		fmt.Fprintf(bw, `<line x1="0" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#cccccc"/>`+"\n", y, width, y)
		fmt.Fprintf(bw, `<text x="4" y="%.1f" font-size="13" fill="%s"><tspan font-weight="bold">%s</tspan> — %s · %s · %s view · kinds: %v</text>`+"\n",
			y+15, pal.Text, html.EscapeString(ex.ID), html.EscapeString(ex.Name), html.EscapeString(ex.Position), html.EscapeString(string(st.View)), ex.Kinds)
		for i, f := range strip(ex, st, 0) {
			x := float64(i) * size
			g := f.ghost
			writeShapes(bw, st.DrawGhost(f.pose, &g), x, y+head, size, pal)
			fmt.Fprintf(bw, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="none" stroke="#eeeeee"/>`+"\n", x, y+head, size, size)
			fmt.Fprintf(bw, `<text x="%.1f" y="%.1f" font-size="11" text-anchor="middle" fill="%s">%d · %s</text>`+"\n", x+size/2, y+head+size+12, pal.Text, i+1, html.EscapeString(f.label))
		}
	}
	bw.WriteString("</svg>\n")
	return bw.Flush()
}
