package agent

import (
	"bufio"
	"bytes"
	"runtime/debug"
	"strconv"
	"strings"
)

// releaseStartup hands back what start-up left resident that the idle
// agent does not use: the heap pages package inits, the settings and the
// journal's tail left free, and (on Linux) the pages of its program and
// libraries it touched only while starting.
func releaseStartup() {
	dropCleanFilePages() // first: reading the mappings allocates
	debug.FreeOSMemory()
}

// span is a range of addresses, [start, end).
type span struct{ start, end uintptr }

// cleanFileSpans lists, from a /proc/PID/smaps text, the mappings whose
// pages can be dropped and read again from their file unchanged: mapped
// from a file (an absolute path, not deleted), not writable, and with no
// page of their own (Anonymous: 0 kB; the read-only relocations a dynamic
// linker wrote hold the only copy of what it wrote). Dropping the rest
// would lose data.
func cleanFileSpans(smaps []byte) []span {
	var out []span
	var cur span
	ok := false
	flush := func() {
		if ok {
			out = append(out, cur)
		}
		ok = false
	}
	sc := bufio.NewScanner(bytes.NewReader(smaps))
	for sc.Scan() {
		line := sc.Text()
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if r, isRange := parseRange(f[0]); isRange && len(f) >= 5 {
			flush()
			path := ""
			if len(f) >= 6 {
				path = strings.Join(f[5:], " ")
			}
			perms := f[1]
			ok = len(perms) == 4 && perms[0] == 'r' && perms[1] == '-' && perms[3] == 'p' &&
				strings.HasPrefix(path, "/") && !strings.HasSuffix(path, "(deleted)")
			cur = r
			continue
		}
		if ok && f[0] == "Anonymous:" && (len(f) < 2 || f[1] != "0") {
			ok = false
		}
	}
	flush()
	return out
}

// parseRange reads "7f00-7f80" as a span.
func parseRange(s string) (span, bool) {
	a, b, found := strings.Cut(s, "-")
	if !found {
		return span{}, false
	}
	start, err1 := strconv.ParseUint(a, 16, 64)
	end, err2 := strconv.ParseUint(b, 16, 64)
	if err1 != nil || err2 != nil || end <= start {
		return span{}, false
	}
	return span{uintptr(start), uintptr(end)}, true
}
