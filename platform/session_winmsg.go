package platform

// Windows session messages, decoded here (no build tag) so the rules are
// tested on every system; session_windows.go only receives them.

// Window messages and their wParam codes (winuser.h, wtsapi32.h).
const (
	wmPowerBroadcast   = 0x0218
	wmWTSSessionChange = 0x02B1

	pbtAPMSuspend         = 0x4
	pbtAPMResumeSuspend   = 0x7
	pbtAPMResumeAutomatic = 0x12

	wtsSessionLock   = 0x7
	wtsSessionUnlock = 0x8
)

// Names of the Windows session sources, as WatchSession reports them.
const (
	SessionWindowsPower = "windows-power" // WM_POWERBROADCAST
	SessionWindowsLock  = "windows-wts"   // WTSRegisterSessionNotification
)

// winSessionState turns Windows messages into session events, reporting
// changes only, as every watcher does: Windows sends both
// PBT_APMRESUMEAUTOMATIC and PBT_APMRESUMESUSPEND after one sleep (and
// the same suspend twice when both a broadcast and
// RegisterSuspendResumeNotification deliver it), which are one Wake.
type winSessionState struct{ locked, asleep bool }

// classify returns the event of one message, or 0 when it is not one or
// repeats the current state.
func (s *winSessionState) classify(msg uint32, wParam uintptr) SessionEventKind {
	switch msg {
	case wmPowerBroadcast:
		switch wParam {
		case pbtAPMSuspend:
			return s.set(&s.asleep, true, Sleep, Wake)
		case pbtAPMResumeSuspend, pbtAPMResumeAutomatic:
			return s.set(&s.asleep, false, Sleep, Wake)
		}
	case wmWTSSessionChange:
		switch wParam {
		case wtsSessionLock:
			return s.set(&s.locked, true, Lock, Unlock)
		case wtsSessionUnlock:
			return s.set(&s.locked, false, Lock, Unlock)
		}
	}
	return 0
}

func (s *winSessionState) set(field *bool, v bool, on, off SessionEventKind) SessionEventKind {
	if *field == v {
		return 0
	}
	*field = v
	if v {
		return on
	}
	return off
}
