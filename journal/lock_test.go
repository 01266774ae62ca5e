package journal

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// lockAsync takes a lock in a goroutine and reports when it holds it.
func lockAsync(t *testing.T, l locker, exclusive bool) <-chan func() error {
	t.Helper()
	got := make(chan func() error, 1)
	go func() {
		unlock, err := l.lock(exclusive)
		if err != nil {
			t.Error(err)
			close(got)
			return
		}
		got <- unlock
	}()
	return got
}

func TestLockers(t *testing.T) {
	for name, mk := range map[string]lockerFactory{"default": defaultLocker, "sidecar": newSidecarLocker} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "journal.jsonl")
			newLocker := func() locker {
				f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
				if err != nil {
					t.Fatal(err)
				}
				l := mk(f, path)
				t.Cleanup(func() { _ = l.close(); _ = f.Close() })
				return l
			}
			a, b := newLocker(), newLocker()

			for _, second := range []bool{true, false} { // exclusive blocks exclusive and shared
				unlockA, err := a.lock(true)
				if err != nil {
					t.Fatal(err)
				}
				got := lockAsync(t, b, second)
				select {
				case <-got:
					t.Fatalf("exclusive=%v lock taken while another holds an exclusive lock", second)
				case <-time.After(100 * time.Millisecond):
				}
				if err := unlockA(); err != nil {
					t.Fatal(err)
				}
				select {
				case unlockB := <-got:
					if unlockB == nil || unlockB() != nil {
						t.Fatal("second lock failed")
					}
				case <-time.After(10 * time.Second):
					t.Fatal("lock not taken after the holder released it")
				}
			}

			unlockA, err := a.lock(false) // shared locks coexist
			if err != nil {
				t.Fatal(err)
			}
			select {
			case unlockB := <-lockAsync(t, b, false):
				if unlockB == nil || unlockB() != nil {
					t.Fatal("second shared lock failed")
				}
			case <-time.After(10 * time.Second):
				t.Fatal("a shared lock blocked another shared lock")
			}
			if err := unlockA(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// Read takes a shared lock, so it waits for an append in progress.
func TestReadWaitsForWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := mustOpen(t, path)
	mustAppend(t, j, rec(0))
	unlock, err := j.lk.lock(true)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan int, 1)
	go func() {
		recs, _, err := Read(path)
		if err != nil {
			t.Error(err)
		}
		done <- len(recs)
	}()
	select {
	case <-done:
		t.Fatal("Read went ahead while a writer held the lock")
	case <-time.After(100 * time.Millisecond):
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	select {
	case n := <-done:
		if n != 1 {
			t.Errorf("Read found %d records, want 1", n)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Read still blocked after the writer released the lock")
	}
}
