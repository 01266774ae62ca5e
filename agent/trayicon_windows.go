//go:build windows

package agent

import (
	"github.com/limberapp/limber/assets"
	"github.com/limberapp/limber/internal/winicon"
)

// trayIcon is the tray's icon as Windows takes it: an .ico (systray hands
// the bytes to LoadImage, which reads no PNG), with the tray's sizes at
// 100 to 200 % scaling.
func trayIcon() []byte {
	ico, err := winicon.FromPNG(assets.Icon256, 16, 20, 24, 32, 40, 48)
	if err != nil {
		return assets.Icon22
	}
	return ico
}
