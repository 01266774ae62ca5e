//go:build !windows

package platform

import (
	"fmt"
	"os"
	"syscall"
)

// checkPrivateDir accepts dir only if it is, itself and not through a
// symlink, a directory we own with mode 0700. Anything else at that path,
// which in a shared temporary directory someone else may have put there,
// is refused with an error naming it: a symlink (whose target we would
// otherwise use and chmod), a file, another user's directory, or one of
// ours that others could enter or write to (they may have planted files
// in it already, so it is not tightened but refused).
func checkPrivateDir(dir string) error {
	st, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	const fix = "remove it (or set XDG_RUNTIME_DIR) and start Limber again"
	switch {
	case st.Mode()&os.ModeSymlink != 0:
		return fmt.Errorf("%s is a symlink, not Limber's private directory: refusing to use it; %s", dir, fix)
	case !st.IsDir():
		return fmt.Errorf("%s is not a directory (%v): refusing to use it; %s", dir, st.Mode().Type(), fix)
	}
	if s, ok := st.Sys().(*syscall.Stat_t); ok && int(s.Uid) != os.Getuid() {
		return fmt.Errorf("%s belongs to another user (uid %d): refusing to use it; %s", dir, s.Uid, fix)
	}
	if perm := st.Mode().Perm(); perm != 0o700 {
		return fmt.Errorf("%s has mode %o, expected 700: others may have used it, refusing to use it; %s", dir, perm, fix)
	}
	return nil
}
