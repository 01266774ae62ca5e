package platform

import (
	"testing"
	"time"
)

func TestIdleParseHIDIdleTime(t *testing.T) {
	const sample = `+-o Root  <class IORegistryEntry, id 0x100000100, retain 22>
  +-o IOResources  <class IOResources, id 0x100000113, registered, matched, active, busy 0 (0 ms), retain 27>
    +-o IOHIDSystem  <class IOHIDSystem, id 0x1000004f3, registered, matched, active, busy 0 (0 ms), retain 25>
      | {
      |   "HIDParameters" = {"HIDIdleTime"=0}
      |   "HIDIdleTime" = 2739125000
      |   "IOClass" = "IOHIDSystem"
      | }
`
	cases := []struct {
		name, in string
		want     time.Duration
		ok       bool
	}{
		{"ioreg output", sample, 2739125000, true},
		{"no spaces", `"HIDIdleTime"=17`, 17, true},
		{"missing", `"IOClass" = "IOHIDSystem"`, 0, false},
		{"not a number", `"HIDIdleTime" = <data>`, 0, false},
		{"too large", `"HIDIdleTime" = 99999999999999999999`, 0, false},
	}
	for _, c := range cases {
		got, err := parseHIDIdleTime([]byte(c.in))
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("%s: parseHIDIdleTime = %v, %v; want %v, ok %v", c.name, got, err, c.want, c.ok)
		}
	}
}
