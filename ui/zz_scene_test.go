package ui

import (
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limberapp/limber/workstation"
)

func TestZZScenes(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []struct{ area string; s workstation.Setup }{{"intro", "desk-monitor"}, {"chair", "desk-monitor"}, {"desk", "sit-stand"}, {"monitor", "desk-monitor"}, {"monitor", "laptop-only"}, {"keyboard-mouse", "desk-monitor"}, {"laptop", "laptop-only"}, {"lighting", "desk-monitor"}, {"habits", "desk-monitor"}} {
		sc := NewScene(c.area, c.s)
		w := test.NewWindow(sc)
		w.Resize(fyne.NewSize(420, 300))
		img := w.Canvas().Capture()
		f, _ := os.Create("/tmp/scene_" + c.area + "_" + string(c.s) + ".png")
		png.Encode(f, img)
		f.Close()
		w.Close()
	}
}
