package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"
)

// Journal appends records to one JSON Lines file. It is safe for use by
// several goroutines, and several processes may append to the same file:
// each append holds an exclusive lock, goes out in one write on a file
// opened O_APPEND, and is synced before the lock is released.
type Journal struct {
	mu       sync.Mutex
	path     string
	f        *os.File
	lk       locker
	mkLocker lockerFactory
}

// Open opens the journal at path for appending, creating its directory
// (mode 0700) and the file (mode 0600) if they are missing. An existing
// file readable by group or others is narrowed to its owner.
func Open(path string) (*Journal, error) {
	return open(path, defaultLocker)
}

func open(path string, mk lockerFactory) (*Journal, error) {
	if path == "" {
		return nil, errors.New("journal: empty path")
	}
	j := &Journal{path: path, mkLocker: mk}
	if err := j.reopen(); err != nil {
		return nil, err
	}
	return j, nil
}

// Path returns the file the journal writes to.
func (j *Journal) Path() string { return j.path }

// AppendMany writes recs as consecutive lines in one write, under one
// lock and one sync, as Append does for one (zero times are set to now).
// Nothing is written if any record is invalid.
func (j *Journal) AppendMany(recs []Record) (err error) {
	var buf []byte
	now := time.Now()
	for i, r := range recs {
		if r.Time.IsZero() {
			r.Time = now
		}
		line, err := r.encode()
		if err != nil {
			return fmt.Errorf("journal %s: record %d: %w", j.path, i, err)
		}
		buf = append(buf, line...)
	}
	return j.write(buf)
}

// Append writes r as one line. A zero r.Time is set to now. If the file
// does not end in a newline (a crash cut the previous line short), the
// new record starts on a fresh line so that only the cut line is lost.
func (j *Journal) Append(r Record) (err error) {
	if r.Time.IsZero() {
		r.Time = time.Now()
	}
	line, err := r.encode()
	if err != nil {
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	return j.write(line)
}

// write appends whole lines under the lock and syncs them.
func (j *Journal) write(line []byte) (err error) {
	if len(line) == 0 {
		return nil
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return fmt.Errorf("journal %s: %w", j.path, os.ErrClosed)
	}
	unlock, err := j.lockCurrent()
	if err != nil {
		return fmt.Errorf("journal %s: locking: %w", j.path, err)
	}
	defer func() {
		if uerr := unlock(); uerr != nil && err == nil {
			err = fmt.Errorf("journal %s: unlocking: %w", j.path, uerr)
		}
	}()

	cut, err := endsMidLine(j.f)
	if err != nil {
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	if cut {
		line = append([]byte{'\n'}, line...)
	}
	if _, err := j.f.Write(line); err != nil { // one write(2) for the whole line
		return fmt.Errorf("journal %s: writing: %w", j.path, err)
	}
	if err := j.f.Sync(); err != nil {
		return fmt.Errorf("journal %s: syncing: %w", j.path, err)
	}
	return nil
}

// Close releases the file. Appending after Close fails; closing twice is
// harmless.
func (j *Journal) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return nil
	}
	err := errors.Join(j.lk.close(), j.f.Close())
	j.f, j.lk = nil, nil
	if err != nil {
		return fmt.Errorf("journal %s: closing: %w", j.path, err)
	}
	return nil
}

// lockCurrent takes the exclusive lock on the file now at j.path. If that
// file was removed or replaced since Open (someone deleted the journal to
// clear it), the journal switches to the new file rather than writing into
// an unlinked one.
func (j *Journal) lockCurrent() (func() error, error) {
	for attempt := 0; ; attempt++ {
		unlock, err := j.lk.lock(true)
		if err != nil {
			return nil, err
		}
		same, err := j.stillAtPath()
		if err != nil {
			return nil, errors.Join(err, unlock())
		}
		if same || attempt > 0 {
			return unlock, nil
		}
		if err := unlock(); err != nil {
			return nil, err
		}
		if err := j.reopen(); err != nil {
			return nil, err
		}
	}
}

func (j *Journal) stillAtPath() (bool, error) {
	onDisk, err := os.Stat(j.path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	held, err := j.f.Stat()
	if err != nil {
		return false, err
	}
	return os.SameFile(onDisk, held), nil
}

// reopen opens j.path afresh, replacing any file and locker held.
func (j *Journal) reopen() error {
	f, err := openFile(j.path)
	if err != nil {
		return err
	}
	if j.f != nil {
		_ = j.lk.close()
		_ = j.f.Close()
	}
	j.f, j.lk = f, j.mkLocker(f, j.path)
	return nil
}

// openFile opens path for appending with the directory and file modes the
// journal promises.
func openFile(path string) (*os.File, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("journal %s: creating its directory: %w", path, err)
	}
	_, statErr := os.Stat(path)
	created := errors.Is(statErr, fs.ErrNotExist)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("journal %s: opening: %w", path, err)
	}
	fi, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("journal %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		_ = f.Close()
		return nil, fmt.Errorf("journal %s: not a regular file (%v)", path, fi.Mode().Type())
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		if err := f.Chmod(perm &^ 0o077); err != nil {
			_ = f.Close()
			return nil, fmt.Errorf("journal %s: restricting it to its owner: %w", path, err)
		}
	}
	if created {
		if err := syncDir(dir); err != nil {
			_ = f.Close()
			return nil, fmt.Errorf("journal %s: %w", path, err)
		}
	}
	return f, nil
}

// syncDir makes a newly created file's directory entry durable. Windows
// cannot fsync a directory and does not need to.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	return errors.Join(d.Sync(), d.Close())
}

// endsMidLine reports whether f is non-empty and its last byte is not '\n'.
func endsMidLine(f *os.File) (bool, error) {
	fi, err := f.Stat()
	if err != nil {
		return false, err
	}
	if fi.Size() == 0 {
		return false, nil
	}
	var last [1]byte
	if _, err := f.ReadAt(last[:], fi.Size()-1); err != nil {
		return false, fmt.Errorf("reading the last byte: %w", err)
	}
	return last[0] != '\n', nil
}
