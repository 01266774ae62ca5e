// Package assets embeds Limber's icon, drawn for the project (SVG source
// in icon/limber.svg, PNGs rendered from it with rsvg-convert).
package assets

import _ "embed"

// Icon22 is the tray icon at 22 px; Icon64 is used for notifications;
// Icon256 for windows.
var (
	//go:embed icon/limber-22.png
	Icon22 []byte
	//go:embed icon/limber-64.png
	Icon64 []byte
	//go:embed icon/limber-256.png
	Icon256 []byte
)
