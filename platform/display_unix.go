//go:build !windows && !darwin && !wayland

package platform

import (
	"errors"
	"fmt"
	"os"

	"github.com/jezek/xgb"
)

// WindowProblem says why a window cannot open here, or nil when one can.
// Limber's windows (Fyne on GLFW, built for X11) need an X server: on
// Wayland that is XWayland, which a session may run without. Fyne itself
// only panics in that case, deep in its driver.
func WindowProblem() error {
	return windowProblem(os.Getenv("DISPLAY"), os.Getenv("WAYLAND_DISPLAY"))
}

func windowProblem(display, wayland string) error {
	if display == "" {
		if wayland != "" {
			return errors.New("this Wayland session runs without XWayland (DISPLAY is not set), and Limber's windows need X11")
		}
		return errors.New("there is no display (DISPLAY is not set)")
	}
	quietX11()
	c, err := xgb.NewConnDisplay(display)
	if err != nil {
		return fmt.Errorf("the X display %s does not answer: %v", display, err)
	}
	c.Close()
	return nil
}
