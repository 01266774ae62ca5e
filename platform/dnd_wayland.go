//go:build !windows && !darwin

package platform

import (
	"os"
	"time"

	"github.com/limberapp/limber/platform/wayland"
)

// waylandDNDTimeout bounds the whole exchange with the compositor.
const waylandDNDTimeout = 2 * time.Second

// fullscreenWayland reports whether the focused window is full screen,
// through wlroots' zwlr_foreign_toplevel_manager_v1. It opens one short
// connection per call (the check runs when a break falls due, not in
// between). A compositor without the protocol (KWin, Mutter: they have
// their own do-not-disturb), or one that does not answer in time, counts
// as "not full screen": a wrong guess then shows the break rather than
// holding it.
func fullscreenWayland() bool {
	if os.Getenv("WAYLAND_DISPLAY") == "" {
		return false
	}
	c, err := wayland.DialDeadline("", time.Now().Add(waylandDNDTimeout))
	if err != nil {
		return false
	}
	defer c.Close()
	full, err := wayland.FullscreenActive(c)
	return err == nil && full
}
