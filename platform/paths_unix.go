//go:build !windows

package platform

import (
	"fmt"
	"os"
	"syscall"
)

// checkPrivateDir refuses a runtime directory another user owns or can
// enter, and tightens our own to 0700.
func checkPrivateDir(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if s, ok := st.Sys().(*syscall.Stat_t); ok && int(s.Uid) != os.Getuid() {
		return fmt.Errorf("%s belongs to another user", dir)
	}
	if st.Mode().Perm() != 0o700 {
		return os.Chmod(dir, 0o700)
	}
	return nil
}
