package platform

import "time"

// tickIdle is the idle time between GetLastInputInfo's tick of the last
// input and GetTickCount's now, both 32-bit millisecond counters that wrap
// every 49.7 days: the unsigned difference is right across the wrap. A
// last input "after" now (the two read a moment apart, on different
// processors) is no idle time, not 49 days of it.
func tickIdle(now, last uint32) time.Duration {
	d := now - last
	if d > 1<<31 {
		return 0
	}
	return time.Duration(d) * time.Millisecond
}
