//go:build !windows

package agent

import "github.com/limberapp/limber/assets"

// trayIcon is the tray's icon: a PNG, which the StatusNotifierItem and
// macOS trays take.
func trayIcon() []byte { return assets.Icon22 }
