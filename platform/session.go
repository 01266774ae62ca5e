package platform

import "time"

// SessionEventKind is what happened to the login session.
type SessionEventKind int

// The session events. Each watcher reports changes only: a Lock is never
// followed by another Lock without an Unlock in between, whichever sources
// said so.
const (
	Sleep  SessionEventKind = iota + 1 // the machine is about to suspend
	Wake                               // the machine has resumed
	Lock                               // the screen locked or the screensaver started
	Unlock                             // the screen unlocked or the screensaver stopped
)

func (k SessionEventKind) String() string {
	switch k {
	case Sleep:
		return "sleep"
	case Wake:
		return "wake"
	case Lock:
		return "lock"
	case Unlock:
		return "unlock"
	}
	return "unknown"
}

// SessionEvent is one change of the session, stamped when it was seen.
type SessionEvent struct {
	Kind SessionEventKind
	At   time.Time
}

// Names of the session sources, as WatchSession reports them.
const (
	SessionLogindSleep      = "logind-sleep"
	SessionLogindLock       = "logind-lock"
	SessionFreedesktopSaver = "freedesktop-screensaver"
	SessionGnomeSaver       = "gnome-screensaver"
)
