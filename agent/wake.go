package agent

import "time"

// Alarm is the loop's alarm clock: one pending wake at a time.
type Alarm interface {
	// C delivers a wake.
	C() <-chan time.Time
	// Set arms the alarm d from now, replacing the earlier setting;
	// d < 0 disarms it.
	Set(d time.Duration)
	// Close disarms the alarm and frees what it holds.
	Close()
}

// timerAlarm is an Alarm on a Go runtime timer (the tests' fake clock
// runs these). Since Go 1.23 a stopped or reset timer delivers nothing
// from its earlier setting.
type timerAlarm struct{ t *time.Timer }

// NewTimerAlarm is an Alarm on a Go runtime timer.
func NewTimerAlarm() Alarm {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return timerAlarm{t}
}

func (a timerAlarm) C() <-chan time.Time { return a.t.C }
func (a timerAlarm) Close()              { a.t.Stop() }

func (a timerAlarm) Set(d time.Duration) {
	if d < 0 {
		a.t.Stop()
		return
	}
	a.t.Reset(d)
}
