package platform

import (
	"bytes"
	"errors"
	"time"
)

// errNoHIDIdleTime means ioreg's output had no HIDIdleTime number.
var errNoHIDIdleTime = errors.New(`ioreg output has no "HIDIdleTime" = <nanoseconds>`)

// parseHIDIdleTime reads the HIDIdleTime property (nanoseconds) from the
// output of `ioreg -c IOHIDSystem`. ioreg writes top-level properties as
// `"Key" = value` and keys inside nested dictionaries as `"Key"=value`,
// so the spaced form wins over an earlier nested one.
func parseHIDIdleTime(out []byte) (time.Duration, error) {
	key := []byte(`"HIDIdleTime"`)
	var fallback time.Duration
	found := false
	for rest := out; ; {
		i := bytes.Index(rest, key)
		if i < 0 {
			break
		}
		rest = rest[i+len(key):]
		ns, spaced, err := hidNumber(rest)
		if err != nil {
			continue
		}
		if spaced {
			return ns, nil
		}
		if !found {
			fallback, found = ns, true
		}
	}
	if !found {
		return 0, errNoHIDIdleTime
	}
	return fallback, nil
}

// hidNumber reads `= N` (N decimal nanoseconds) at the start of b and says
// whether the equals sign had a space on its left, as top-level ones do.
func hidNumber(b []byte) (time.Duration, bool, error) {
	rest := bytes.TrimLeft(b, " \t")
	spaced := len(rest) < len(b)
	if len(rest) == 0 || rest[0] != '=' {
		return 0, false, errNoHIDIdleTime
	}
	rest = bytes.TrimLeft(rest[1:], " \t")
	var ns uint64
	n := 0
	for ; n < len(rest) && rest[n] >= '0' && rest[n] <= '9'; n++ {
		d := uint64(rest[n] - '0')
		if ns > (1<<63-1-d)/10 {
			return 0, false, errors.New("ioreg HIDIdleTime is out of range")
		}
		ns = ns*10 + d
	}
	if n == 0 {
		return 0, false, errNoHIDIdleTime
	}
	return time.Duration(ns), spaced, nil
}
