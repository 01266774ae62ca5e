package platform

// SHQueryUserNotificationState's answers (QUERY_USER_NOTIFICATION_STATE),
// mapped here without a build tag so the rule is tested everywhere;
// dnd_windows.go only asks.
const (
	qunsNotPresent           = 1 // screensaver, locked, or another user's session: the session watcher's business
	qunsBusy                 = 2 // a full-screen application, presentations included
	qunsRunningD3DFullScreen = 3 // a full-screen Direct3D game
	qunsPresentationMode     = 4 // presentation settings are on
	qunsAcceptsNotifications = 5
	qunsQuietTime            = 6 // quiet time (first hour after a new user's first login; Focus Assist where Windows reports it)
	qunsApp                  = 7 // a Store app is in front
)

// qunsReason is the do-not-disturb reason for a notification state, or
// "" when breaks may come. A full-screen window (a presentation, a game,
// a video) counts when cfg.Fullscreen; presentation mode and quiet time
// are the desktop's own do-not-disturb (cfg.Desktop). QUNS_APP holds
// nothing: on Windows 8 Store apps were full-screen, since Windows 10 they
// are ordinary windows, and holding breaks whenever one is in front would
// hold them for hours.
func qunsReason(state uint32, cfg DNDConfig) string {
	switch state {
	case qunsBusy, qunsRunningD3DFullScreen:
		if cfg.Fullscreen {
			return ReasonFullscreen
		}
	case qunsPresentationMode, qunsQuietTime:
		if cfg.Desktop {
			return ReasonDesktop
		}
	}
	return ""
}
