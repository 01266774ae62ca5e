package ui

import (
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limberapp/limber/content"
	"github.com/limberapp/limber/workstation"
)

func TestSceneMarksTheTargets(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []struct {
		area  string
		setup workstation.Setup
		want  []string
	}{
		{"chair", workstation.DeskMonitor, []string{"knee\nheight", "90°"}},
		{"desk", workstation.DeskMonitor, []string{"58.5–71 cm\n23–28 in"}},
		{"desk", workstation.SitStand, []string{"25–35 cm"}},
		{"monitor", workstation.DeskMonitor, []string{"eye level", "50–70 cm · 20–28 in", "15–20°"}},
		{"keyboard-mouse", workstation.DeskMonitor, []string{"90–110°"}},
		{"laptop", workstation.LaptopOnly, []string{"laptop raised"}},
		{"lighting", workstation.DeskMonitor, []string{"window"}},
		{"habits", workstation.DeskMonitor, []string{"every 20 min: look 6 m away"}},
	} {
		s := NewScene(c.area, c.setup)
		for _, w := range c.want {
			if !slices.Contains(s.Labels(), w) {
				t.Errorf("%s/%s: no label %q in %q", c.area, c.setup, w, s.Labels())
			}
		}
		if len(s.Caption) == 0 {
			t.Errorf("%s: no caption", c.area)
		}
	}
	if slices.Contains(NewScene("desk", workstation.DeskMonitor).Labels(), "25–35 cm") {
		t.Error("sit-stand mark on a plain desk")
	}
}

// The monitor picture keeps to its targets: the screen's top below the
// eyes, the gaze 15–20° down, the screen about arm's length away.
func TestSceneMonitorGeometry(t *testing.T) {
	b := targetPose().Solve()
	eye := eyeOf(b)
	if sceneScreenTop > eye.Y {
		t.Errorf("screen top %.3f above the eyes %.3f", sceneScreenTop, eye.Y)
	}
	centre := (sceneScreenTop + sceneScreenBot) / 2
	gaze := math.Atan2(eye.Y-centre, sceneScreenX-eye.X) * 180 / math.Pi
	if gaze < 15 || gaze > 20 {
		t.Errorf("gaze %.1f° down", gaze)
	}
	// 50–70 cm for a 175 cm person.
	if d := (sceneScreenX - eye.X) * 175; d < 50 || d > 70 {
		t.Errorf("screen %.0f cm away", d)
	}
	// Forearms about level: the hands within 3 cm of elbow height; elbows
	// open 90–110°.
	a := b.Arms[content.Left]
	if math.Abs(a.Wrist.Y-a.Elbow.Y)*175 > 3 {
		t.Errorf("wrist %.3f, elbow %.3f", a.Wrist.Y, a.Elbow.Y)
	}
	up, fore := a.Shoulder.Sub(a.Elbow), a.Wrist.Sub(a.Elbow)
	angle := math.Acos(up.Dot(fore)/math.Sqrt(up.Dot(up)*fore.Dot(fore))) * 180 / math.Pi
	if angle < 90 || angle > 110 {
		t.Errorf("elbow open %.0f°", angle)
	}
}

func TestSceneLaptopOnlyDrawsALaptop(t *testing.T) {
	desk := NewScene("monitor", workstation.DeskMonitor)
	lap := NewScene("monitor", workstation.LaptopOnly)
	if len(desk.marks) == len(lap.marks) {
		t.Error("laptop-only screen step draws the same as a monitor")
	}
	if !strings.Contains(strings.Join(lap.Caption, " "), "laptop") {
		t.Errorf("caption %q", lap.Caption)
	}
}

func TestSceneGolden(t *testing.T) {
	test.NewTempApp(t)
	s := NewScene("keyboard-mouse", workstation.DeskMonitor)
	w := test.NewWindow(s)
	defer w.Close()
	w.Resize(fyne.NewSize(420, 300))
	test.AssertImageMatches(t, "wizard_scene_keyboard.png", w.Canvas().Capture())
}
