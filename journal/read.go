package journal

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"
)

// Read returns every valid record in the journal at path: its monthly
// archives, oldest first, then the live file, each in file order.
// Malformed lines and a truncated last line are skipped, each with a
// warning naming the file and line. A missing file holds no records and is
// not an error.
func Read(path string) (recs []Record, warnings []string, err error) {
	return readAll(path, time.Time{}, "")
}

// ReadSince is Read keeping only records at or after since. It skips the
// archives of months that end a day or more before since.
func ReadSince(path string, since time.Time) (recs []Record, warnings []string, err error) {
	from := ""
	if !since.IsZero() {
		from = month(since.Add(-tailMargin), time.Local)
	}
	return readAll(path, since, from)
}

func readAll(path string, since time.Time, from string) (recs []Record, warnings []string, err error) {
	srcs, err := sources(path, from)
	if err != nil {
		return nil, nil, err
	}
	for _, s := range srcs {
		var (
			r []Record
			w []string
		)
		if s.month == "" {
			r, w, err = read(s.path, since, defaultLocker)
		} else {
			var data []byte
			if data, err = readSource(s); err != nil {
				err = fmt.Errorf("journal %s: reading: %w", s.path, err)
			}
			r, w = parse(s.path, data)
			r = keepSince(r, since)
		}
		if err != nil {
			return nil, nil, err
		}
		recs, warnings = append(recs, r...), append(warnings, w...)
	}
	return recs, warnings, nil
}

func keepSince(recs []Record, since time.Time) []Record {
	if since.IsZero() {
		return recs
	}
	kept := recs[:0]
	for _, r := range recs {
		if !r.Time.Before(since) {
			kept = append(kept, r)
		}
	}
	return kept
}

func read(path string, since time.Time, mk lockerFactory) ([]Record, []string, error) {
	data, err := readLocked(path, mk)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("journal %s: reading: %w", path, err)
	}
	recs, warnings := parse(path, data)
	return keepSince(recs, since), warnings, nil
}

// readLocked reads the whole file under a shared lock, so it never sees
// half of a record another process is appending.
func readLocked(path string, mk lockerFactory) (data []byte, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	lk := mk(f, path)
	defer func() { err = errors.Join(err, lk.close()) }()
	unlock, err := lk.lock(false)
	if err != nil {
		return nil, fmt.Errorf("locking: %w", err)
	}
	data, err = io.ReadAll(f)
	return data, errors.Join(err, unlock())
}

// parse splits data into lines and decodes each. Blank lines are ignored.
// A last line without its newline is accepted when it decodes whole (the
// crash came just before the newline) and reported as truncated otherwise.
// Every skipped line gets one warning naming the file and its line number.
func parse(path string, data []byte) ([]Record, []string) {
	recs, _, warnings := parseNumbered(path, data)
	return recs, warnings
}

// parseNumbered is parse also giving each record's line number.
func parseNumbered(path string, data []byte) ([]Record, []int, []string) {
	var (
		recs     []Record
		nums     []int
		warnings []string
	)
	for n := 1; len(data) > 0; n++ {
		line, rest, terminated := bytes.Cut(data, []byte{'\n'})
		data = rest
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		r, err := decodeRecord(line)
		if err != nil {
			warnings = append(warnings, lineWarning(path, n, len(line), terminated, err))
			continue
		}
		recs = append(recs, r)
		nums = append(nums, n)
	}
	return recs, nums, warnings
}

// lineWarning says why line n (length bytes once trimmed) was skipped.
func lineWarning(path string, n, length int, terminated bool, err error) string {
	if !terminated {
		return fmt.Sprintf("%s:%d: skipped truncated last line (%d bytes, no final newline): %v", path, n, length, err)
	}
	return fmt.Sprintf("%s:%d: skipped malformed line: %v", path, n, err)
}
