package recovery

import "time"

// trimWindow is how far back (and ahead, for a clock that was set wrong)
// of now a session is kept whatever its end: CanStart counts the sessions
// on now's date, and 48 hours covers any date read in any zone.
const trimWindow = 48 * time.Hour

// trimAhead is how far in the future a session may start and still be
// kept: one dated further ahead came from a clock that was wrong, and
// would otherwise stay for good.
const trimAhead = 72 * time.Hour

// TrimSessions returns the sessions CanStart can still need from now on,
// in their order, so the saved history stays bounded: those of a kind the
// timer knows that started within 48 hours of now (the daily cap counts
// today's), or whose end (End, or Start plus the rule's Max while open)
// plus the longest gap of any rule is after now (a session running, or a
// gap not yet over). Sessions starting more than 72 hours ahead of now are
// dropped. For any time in the 48 hours from now, CanStart answers the
// same with the trimmed sessions as with all of them. A timer without
// rules cannot judge and keeps everything.
func (t ThermalTimer) TrimSessions(sessions []Session, now time.Time) []Session {
	if len(t.Rules) == 0 {
		return sessions
	}
	var gap time.Duration
	for _, r := range t.Rules {
		gap = max(gap, r.Gap)
	}
	kept := make([]Session, 0, len(sessions))
	for _, s := range sessions {
		r, ok := t.Rule(s.Kind)
		if !ok || s.Start.After(now.Add(trimAhead)) {
			continue
		}
		end := s.End
		if end.IsZero() {
			end = s.Start.Add(r.Max)
		}
		if s.Start.After(now.Add(-trimWindow)) || end.Add(gap).After(now) {
			kept = append(kept, s)
		}
	}
	return kept
}
