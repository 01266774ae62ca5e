package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// The journal for years. The file at a journal's path (the live file) is
// where every Append goes, exactly as before: one locked, synced write per
// record. Rotate moves the records of closed calendar months out of it
// into one archive file per month in a directory beside it (journal.jsonl
// → journal.d/2026-11.jsonl), and Summary keeps each archive's daily
// summary next to it (journal.d/2026-11.days.json), so that reading a
// year decodes one month of records and eleven small summaries, and
// today's records (ReadTail) come from a live file that holds a month at
// most. The first Rotate of a journal written before archives existed is
// its one-time migration.
//
// Rotate is crash-safe: it first writes a marker (rotating.json) naming
// each archive's size before it and a hash of the live file's contents;
// then appends to the archives; then replaces the live file with the
// records it keeps (temporary file, fsync, rename); then removes the
// marker. After a crash the marker tells which step was reached: if the
// live file still starts with the hashed contents, the archives are cut
// back to their sizes and the rotation is redone; otherwise only the
// marker is left to remove. Readers that find a marker read the archives
// only up to those sizes while the live file is still the old one, so no
// record is counted twice or lost at any point.

const (
	markerName  = "rotating.json"
	archiveExt  = ".jsonl"
	summaryExt  = ".days.json"
	monthLayout = "2006-01"
)

var archiveName = regexp.MustCompile(`^\d{4}-\d{2}\.jsonl$`)

// ArchiveDir is the directory of path's monthly archives: path without
// its ".jsonl", plus ".d".
func ArchiveDir(path string) string {
	return strings.TrimSuffix(path, ".jsonl") + ".d"
}

// crash, when set (by tests), is asked at each step of a rotation whether
// the process dies there; rotate then returns errCrash at once, leaving
// the files as a killed process would (its locks are released).
var crash func(step string) bool

var errCrash = errors.New("simulated crash")

func crashed(step string) bool { return crash != nil && crash(step) }

// marker is rotating.json.
type marker struct {
	LiveSize   int64            `json:"live_size"`
	LiveSHA256 string           `json:"live_sha256"`
	Archives   map[string]int64 `json:"archives"` // month → size before this rotation
}

func readMarker(dir string) (*marker, error) {
	b, err := os.ReadFile(filepath.Join(dir, markerName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var m marker
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, markerName), err)
	}
	return &m, nil
}

// liveIsOld reports whether live (its contents) is still the file the
// marker was written for.
func (m *marker) liveIsOld(live []byte) bool {
	if int64(len(live)) < m.LiveSize {
		return false
	}
	sum := sha256.Sum256(live[:m.LiveSize])
	return hex.EncodeToString(sum[:]) == m.LiveSHA256
}

// month is the local calendar month of t.
func month(t time.Time, loc *time.Location) string { return t.In(loc).Format(monthLayout) }

// splitByMonth assigns every line of data to a month: a record's own, a
// line that does not decode the month of the record before it (the first
// record's for lines before any). Lines with no record anywhere get "".
// Each line comes back with its newline (one is added to an
// unterminated last line).
func splitByMonth(data []byte, loc *time.Location) (lines [][]byte, months []string) {
	for len(data) > 0 {
		line, rest, _ := bytes.Cut(data, []byte{'\n'})
		data = rest
		l := append(append([]byte(nil), line...), '\n')
		m := ""
		if t := bytes.TrimSpace(line); len(t) > 0 {
			if r, err := decodeRecord(t); err == nil {
				m = month(r.Time, loc)
			}
		}
		lines = append(lines, l)
		months = append(months, m)
	}
	prev := ""
	for i, m := range months {
		if m == "" {
			months[i] = prev
		} else {
			prev = m
		}
	}
	next := ""
	for i := len(months) - 1; i >= 0; i-- {
		if months[i] == "" {
			months[i] = next
		} else {
			next = months[i]
		}
	}
	return lines, months
}

// Rotate moves the records of months before now's (in loc; nil means
// time.Local) from the live file at path into its monthly archives, and
// finishes a rotation a crash interrupted. Lines that do not decode move
// with the record before them, so nothing is dropped and the history
// still names them. A missing live file is not an error.
func Rotate(path string, now time.Time, loc *time.Location) error {
	if loc == nil {
		loc = time.Local
	}
	err := rotate(path, month(now, loc), loc)
	if err != nil {
		return fmt.Errorf("journal %s: moving closed months to %s: %w", path, ArchiveDir(path), err)
	}
	return nil
}

func rotate(path, current string, loc *time.Location) (err error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	lk := defaultLocker(f, path)
	defer func() { err = errors.Join(err, lk.close()) }()
	unlock, err := lk.lock(true)
	if err != nil {
		return fmt.Errorf("locking: %w", err)
	}
	defer func() { err = errors.Join(err, unlock()) }()
	if onDisk, err := os.Stat(path); err != nil || !sameFile(onDisk, f) {
		return nil // replaced while we waited: another process rotated it
	}
	live, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	dir := ArchiveDir(path)
	m, err := readMarker(dir)
	if err != nil {
		return err
	}
	if m != nil {
		if !m.liveIsOld(live) { // the crash came after the live file was replaced
			return removeMarker(dir)
		}
		for mon, size := range m.Archives { // cut back what the crashed run appended
			if err := truncateArchive(filepath.Join(dir, mon+archiveExt), size); err != nil {
				return err
			}
		}
	}

	lines, months := splitByMonth(live, loc)
	moved := map[string][]byte{}
	var keep []byte
	for i, l := range lines {
		if months[i] != "" && months[i] < current {
			moved[months[i]] = append(moved[months[i]], l...)
		} else if len(bytes.TrimSpace(l)) > 0 {
			keep = append(keep, l...)
		}
	}
	if len(moved) == 0 {
		if m != nil {
			return removeMarker(dir)
		}
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	sum := sha256.Sum256(live)
	mk := marker{LiveSize: int64(len(live)), LiveSHA256: hex.EncodeToString(sum[:]), Archives: map[string]int64{}}
	for mon := range moved {
		fi, err := os.Stat(filepath.Join(dir, mon+archiveExt))
		switch {
		case err == nil:
			mk.Archives[mon] = fi.Size()
		case errors.Is(err, fs.ErrNotExist):
			mk.Archives[mon] = 0
		default:
			return err
		}
	}
	b, _ := json.Marshal(mk)
	if err := writeAtomic(filepath.Join(dir, markerName), b); err != nil {
		return err
	}
	if crashed("marker") {
		return errCrash
	}
	mons := make([]string, 0, len(moved))
	for mon := range moved {
		mons = append(mons, mon)
	}
	sort.Strings(mons)
	for _, mon := range mons {
		data := moved[mon]
		if crashed("archive-half " + mon) {
			data = data[:len(data)/2]
		}
		if err := appendArchive(filepath.Join(dir, mon+archiveExt), data); err != nil {
			return err
		}
		if len(data) < len(moved[mon]) || crashed("archive "+mon) {
			return errCrash
		}
	}
	if err := syncDir(dir); err != nil {
		return err
	}
	if err := writeAtomic(path, keep); err != nil {
		return err
	}
	if crashed("live") {
		return errCrash
	}
	return removeMarker(dir)
}

func sameFile(onDisk fs.FileInfo, f *os.File) bool {
	held, err := f.Stat()
	return err == nil && os.SameFile(onDisk, held)
}

func removeMarker(dir string) error {
	if err := os.Remove(filepath.Join(dir, markerName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return syncDir(dir)
}

func truncateArchive(path string, size int64) error {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil || fi.Size() <= size {
		return err
	}
	return os.Truncate(path, size)
}

// appendArchive appends data to an archive, on a fresh line, and syncs it.
func appendArchive(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	cut, err := endsMidLine(f)
	if err == nil && cut {
		data = append([]byte{'\n'}, data...)
	}
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	return errors.Join(err, f.Close())
}

// writeAtomic replaces path with data (mode 0600): a temporary file in
// the same directory, synced, renamed over it, the directory synced.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // after a successful rename there is nothing to remove
	if err := tmp.Chmod(0o600); err != nil {
		_ = tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := errors.Join(tmp.Sync(), tmp.Close()); err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		return err
	}
	return syncDir(dir)
}

// source is one file a full read takes records from.
type source struct {
	path  string
	month string // an archive's month; "" for the live file
	limit int64  // read no further (-1: all of it)
}

// sources lists path's archives from month from on ("" for all), oldest
// first, then the live file; an unfinished rotation limits the archives
// it was appending to.
func sources(path, from string) ([]source, error) {
	dir := ArchiveDir(path)
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("journal %s: %w", path, err)
	}
	var out []source
	for _, e := range entries {
		if !e.Type().IsRegular() || !archiveName.MatchString(e.Name()) {
			continue
		}
		mon := strings.TrimSuffix(e.Name(), archiveExt)
		if from != "" && mon < from {
			continue
		}
		out = append(out, source{path: filepath.Join(dir, e.Name()), month: mon, limit: -1})
	}
	if len(out) > 0 {
		m, err := readMarker(dir)
		if err != nil {
			return nil, fmt.Errorf("journal %s: %w", path, err)
		}
		if m != nil {
			live, err := os.ReadFile(path)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("journal %s: %w", path, err)
			}
			if m.liveIsOld(live) {
				for i := range out {
					if size, ok := m.Archives[out[i].month]; ok {
						out[i].limit = size
					}
				}
			}
		}
	}
	return append(out, source{path: path, limit: -1}), nil
}

// readSource reads one source whole (an archive up to its limit): the
// live file under its shared lock. A missing file is empty.
func readSource(s source) ([]byte, error) {
	if s.month == "" {
		data, err := readLocked(s.path, defaultLocker)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return data, err
	}
	data, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if s.limit >= 0 && int64(len(data)) > s.limit {
		data = data[:s.limit]
	}
	return data, err
}
