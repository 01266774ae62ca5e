//go:build !linux

package agent

// newAlarm is the alarm the resident agent's loop sleeps on.
func newAlarm() Alarm { return NewTimerAlarm() }
