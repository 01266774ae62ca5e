package platform

import (
	"fmt"
	"os"
	"sync"
	"time"
)

// ZoneWatcher follows the system time zone while the program runs:
// Go loads time.Local once, so after a change (travel, a settings app)
// working hours and calendar times would stay in the old zone until a
// restart. Current re-reads the zone file only when it changed (a stat
// per call) and returns the same *time.Location until then.
type ZoneWatcher struct {
	path string // the zone file, /etc/localtime
	mu   sync.Mutex
	key  string
	loc  *time.Location
}

// NewZoneWatcher follows path (normally /etc/localtime). With TZ set the
// zone is fixed for the process, as the C library does.
func NewZoneWatcher(path string) *ZoneWatcher {
	return &ZoneWatcher{path: path, loc: time.Local}
}

// LocalZone follows the system zone file.
func LocalZone() *ZoneWatcher { return NewZoneWatcher("/etc/localtime") }

// Current is the zone now in force.
func (z *ZoneWatcher) Current() *time.Location {
	z.mu.Lock()
	defer z.mu.Unlock()
	if _, fixed := os.LookupEnv("TZ"); fixed || z.path == "" {
		return z.loc
	}
	st, err := os.Stat(z.path)
	if err != nil {
		return z.loc
	}
	target, _ := os.Readlink(z.path)
	key := fmt.Sprint(target, "\x00", st.ModTime().UnixNano(), "\x00", st.Size())
	if key == z.key {
		return z.loc
	}
	data, err := os.ReadFile(z.path)
	if err != nil {
		return z.loc
	}
	loc, err := time.LoadLocationFromTZData(zoneName(target), data)
	if err != nil {
		return z.loc
	}
	first := z.key == ""
	z.key = key
	if first && loc.String() == "Local" {
		return z.loc // unchanged since start: keep time.Local itself
	}
	z.loc = loc
	return z.loc
}

// zoneName is the IANA name in a /etc/localtime link target
// (../usr/share/zoneinfo/Europe/Berlin → Europe/Berlin), or "Local".
func zoneName(target string) string {
	const marker = "zoneinfo/"
	for i := 0; i+len(marker) <= len(target); i++ {
		if target[i:i+len(marker)] == marker {
			return target[i+len(marker):]
		}
	}
	return "Local"
}
