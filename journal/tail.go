package journal

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"time"
)

// tailMargin is how far before since ReadTail keeps reading back: it stops
// at the first record (going backwards) dated before since − tailMargin.
// Records are appended in time order, so it finds every record at or
// after since as long as no record is dated more than tailMargin before
// one appended earlier (a clock set back by a day or more). Past such a
// step it may miss records dated at or after since that were appended
// before the step.
const tailMargin = 24 * time.Hour

// tailBlock is the first block ReadTail reads from the end; each further
// block doubles, up to tailMaxBlock.
const (
	tailBlock    = 64 << 10
	tailMaxBlock = 4 << 20
)

// ReadTail returns the records at or after since, in file order, reading
// the journal backwards from its end in blocks until it passes since (by
// tailMargin: see there) rather than decoding the whole file. For a
// journal written in time order it returns what ReadSince returns. Its
// warnings are those ReadSince gives for the lines it read, with the same
// line numbers. A missing file holds no records and is not an error.
//
// The archives of months from since − tailMargin on are read the same way
// before the live file; a journal rotated this month holds none of them.
func ReadTail(path string, since time.Time) (recs []Record, warnings []string, err error) {
	from := ""
	if !since.IsZero() {
		from = month(since.Add(-tailMargin), time.Local)
	}
	srcs, err := sources(path, from)
	if err != nil {
		return nil, nil, err
	}
	for _, s := range srcs {
		var (
			r []Record
			w []string
		)
		if s.limit >= 0 { // a rotation in progress: read what it had
			var data []byte
			if data, err = readSource(s); err != nil {
				return nil, nil, fmt.Errorf("journal %s: reading: %w", s.path, err)
			}
			r, w = parse(s.path, data)
			r = keepSince(r, since)
		} else if r, w, err = readTail(s.path, since, defaultLocker, tailBlock); err != nil {
			return nil, nil, err
		}
		recs, warnings = append(recs, r...), append(warnings, w...)
	}
	return recs, warnings, nil
}

func readTail(path string, since time.Time, mk lockerFactory, block int) ([]Record, []string, error) {
	recs, warnings, _, err := readTailFrom(path, since, mk, block)
	return recs, warnings, err
}

// badLine is a skipped line whose number is worked out at the end.
type badLine struct {
	off        int64 // where the line starts in the file
	length     int   // once trimmed
	terminated bool
	err        error
}

// readTailFrom is ReadTail, also returning the offset it read back to.
func readTailFrom(path string, since time.Time, mk lockerFactory, block int) (recs []Record, warnings []string, from int64, err error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, 0, nil
	}
	if err != nil {
		return nil, nil, 0, fmt.Errorf("journal %s: reading: %w", path, err)
	}
	defer f.Close()
	lk := mk(f, path)
	defer func() { err = errors.Join(err, lk.close()) }()
	unlock, err := lk.lock(false)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("journal %s: locking: %w", path, err)
	}
	defer func() { err = errors.Join(err, unlock()) }()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, 0, fmt.Errorf("journal %s: %w", path, err)
	}
	size := fi.Size()
	stop := since.Add(-tailMargin)
	if since.IsZero() {
		stop = time.Time{}.Add(-1 << 63) // no start (as in Read): all of it, even records dated before year 1
	}

	var (
		buf     []byte // the file from pos to size
		pos     = size
		scanned = size // lines from scanned on are decoded already
		segs    [][]Record
		bad     []badLine
	)
	for pos > 0 {
		n := int64(block)
		if n > pos {
			n = pos
		}
		chunk := make([]byte, n, int(n)+len(buf))
		if _, err := f.ReadAt(chunk, pos-n); err != nil && err != io.EOF {
			return nil, nil, 0, fmt.Errorf("journal %s: reading: %w", path, err)
		}
		buf = append(chunk, buf...)
		pos -= n
		block = min(block*2, tailMaxBlock)

		// The lines that are now whole and not decoded yet: from the first
		// line start at or after pos (pos itself only at the file's start).
		start := int64(0)
		if pos > 0 {
			i := bytes.IndexByte(buf[:scanned-pos], '\n')
			if i < 0 {
				continue // no line starts in what was read so far
			}
			start = int64(i) + 1
		}
		seg, segBad, older := decodeSpan(buf[start:scanned-pos], pos+start, scanned == size, stop)
		segs = append(segs, seg)
		bad = append(bad, segBad...)
		scanned = pos + start
		if older {
			break
		}
	}
	for i := len(segs) - 1; i >= 0; i-- {
		for _, r := range segs[i] {
			if since.IsZero() || !r.Time.Before(since) {
				recs = append(recs, r)
			}
		}
	}
	if len(bad) > 0 {
		warnings, err = numberLines(f, path, pos, buf, bad)
	}
	return recs, warnings, scanned, err
}

// decodeSpan decodes the lines of span, which starts at offset off in the
// file, from the last backwards, and stops after the first record dated
// before stop (older reports it); last says span runs to the file's end
// (so its final line may lack a newline). recs come in file order.
func decodeSpan(span []byte, off int64, last bool, stop time.Time) (recs []Record, bad []badLine, older bool) {
	end := len(span)
	for end > 0 {
		terminated := true
		lineEnd := end
		if span[end-1] == '\n' {
			lineEnd = end - 1
		} else if last && end == len(span) {
			terminated = false // the file's unterminated last line
		}
		lineStart := bytes.LastIndexByte(span[:lineEnd], '\n') + 1
		raw := span[lineStart:lineEnd]
		end = lineStart
		line := bytes.TrimSpace(raw)
		if len(line) == 0 {
			continue
		}
		r, err := decodeRecord(line)
		if err != nil {
			bad = append(bad, badLine{off: off + int64(lineStart), length: len(line), terminated: terminated, err: err})
			continue
		}
		recs = append(recs, r)
		if r.Time.Before(stop) {
			older = true
			break
		}
	}
	slices.Reverse(recs)
	return recs, bad, older
}

// numberLines turns the skipped lines into warnings with their line
// numbers, counting the newlines before each: those in buf (the file from
// pos on) and, read only now that a warning needs it, those before pos.
func numberLines(f *os.File, path string, pos int64, buf []byte, bad []badLine) ([]string, error) {
	lines := 0
	for off := int64(0); off < pos; {
		chunk := make([]byte, min(int64(tailMaxBlock), pos-off))
		if _, err := f.ReadAt(chunk, off); err != nil && err != io.EOF {
			return nil, fmt.Errorf("journal %s: reading: %w", path, err)
		}
		lines += bytes.Count(chunk, []byte{'\n'})
		off += int64(len(chunk))
	}
	// bad is in segments from the end backwards, each in file order.
	byOff := slices.Clone(bad)
	slices.SortFunc(byOff, func(a, b badLine) int { return cmp.Compare(a.off, b.off) })
	warnings := make([]string, 0, len(byOff))
	counted := pos
	for _, b := range byOff {
		lines += bytes.Count(buf[counted-pos:b.off-pos], []byte{'\n'})
		counted = b.off
		warnings = append(warnings, lineWarning(path, lines+1, b.length, b.terminated, b.err))
	}
	return warnings, nil
}
