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
// privately and read-only from a file (an absolute path, not deleted, not
// a device), with no page of their own, resident or swapped out
// ("Anonymous: 0 kB" and "Swap: 0 kB", both seen: the read-only
// relocations a dynamic linker wrote hold the only copy of what it
// wrote), and no I/O, PFN, mixed or locked mapping (VmFlags io, pf, mm,
// lo). Dropping anything else could lose data, so an entry that lacks a
// field, or a text that does not read to its end, drops nothing.
func cleanFileSpans(smaps []byte) []span {
	var out []span
	var cur span
	candidate, anonZero, swapZero, bad := false, false, false, false
	flush := func() {
		if candidate && anonZero && swapZero && !bad {
			out = append(out, cur)
		}
		candidate, anonZero, swapZero, bad = false, false, false, false
	}
	sc := bufio.NewScanner(bytes.NewReader(smaps))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
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
			candidate = len(perms) == 4 && perms[0] == 'r' && perms[1] == '-' && perms[3] == 'p' &&
				strings.HasPrefix(path, "/") && !strings.HasPrefix(path, "/dev/") && !strings.HasSuffix(path, "(deleted)")
			cur = r
			continue
		}
		if !candidate {
			continue
		}
		switch f[0] {
		case "Anonymous:":
			anonZero = len(f) >= 2 && f[1] == "0"
			bad = bad || !anonZero
		case "Swap:":
			swapZero = len(f) >= 2 && f[1] == "0"
			bad = bad || !swapZero
		case "VmFlags:":
			for _, fl := range f[1:] {
				switch fl {
				case "io", "pf", "mm", "lo":
					bad = true
				}
			}
		}
	}
	if sc.Err() != nil {
		return nil
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
