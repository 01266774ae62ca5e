package platform

import (
	"fmt"
	"time"
)

// MaxIdleMarks is the most marks one IdleWatcher.Watch call accepts.
const MaxIdleMarks = 16

// IdleEvent is one firing of an IdleWatcher alarm.
type IdleEvent struct {
	// Idle is the idle time when the alarm fired: at least the mark for a
	// mark alarm, close to zero for the activity alarm.
	Idle time.Duration
	// Active is true when input resumed (the activity alarm) and false
	// when the idle time reached a mark.
	Active bool
}

// IdleWatcher is an IdleSource that can wake the caller instead of being
// polled: the desktop keeps the time and nothing runs in Limber between
// firings.
type IdleWatcher interface {
	IdleSource
	// Watch arms alarms: one that fires when the idle time reaches each of
	// marks (measured from the last input), and one that fires on the next
	// input once the idle time is at least activeAfter (0: no activity
	// alarm). A mark the idle time has already reached fires at once.
	// Each alarm fires at most once. Each call replaces the previous
	// alarms, and firings of replaced alarms that were not yet received
	// are dropped. Watch(nil, 0) disarms everything. On error no alarm is
	// armed.
	Watch(marks []time.Duration, activeAfter time.Duration) error
	// Events delivers the firings. It is closed when the watcher is
	// closed or loses its connection to the desktop.
	Events() <-chan IdleEvent
}

// idleAlarm is one alarm Watch arms: a threshold in whole milliseconds
// and whether it is the activity alarm.
type idleAlarm struct {
	ms     int64
	active bool
}

// planIdleAlarms checks Watch's arguments and turns them into alarms,
// rounding each threshold up to a whole millisecond (the desktops count
// idle time in milliseconds), marks first.
func planIdleAlarms(marks []time.Duration, activeAfter time.Duration) ([]idleAlarm, error) {
	if len(marks) > MaxIdleMarks {
		return nil, fmt.Errorf("idle watch: %d marks, want at most %d", len(marks), MaxIdleMarks)
	}
	if activeAfter < 0 {
		return nil, fmt.Errorf("idle watch: activeAfter is %v, want 0 (no activity alarm) or more", activeAfter)
	}
	alarms := make([]idleAlarm, 0, len(marks)+1)
	for i, m := range marks {
		if m <= 0 {
			return nil, fmt.Errorf("idle watch: mark %d is %v, want a positive duration", i, m)
		}
		alarms = append(alarms, idleAlarm{ms: ceilMillis(m)})
	}
	if activeAfter > 0 {
		alarms = append(alarms, idleAlarm{ms: ceilMillis(activeAfter), active: true})
	}
	return alarms, nil
}

// ceilMillis is d in milliseconds, rounded up.
func ceilMillis(d time.Duration) int64 {
	ms := int64(d / time.Millisecond)
	if d%time.Millisecond != 0 {
		ms++
	}
	return ms
}
