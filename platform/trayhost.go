package platform

// TrayHostName is the D-Bus name of the tray host that StatusNotifierItem
// icons (fyne.io/systray's among them) register with.
const TrayHostName = "org.kde.StatusNotifierWatcher"

// trayItemPath is where fyne.io/systray exports the tray item on the
// shared session connection.
const trayItemPath = "/StatusNotifierItem"
