//go:build !windows

package platform

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"time"
)

// SocketPath is the address of the agent's control channel: here a unix
// socket in the runtime directory.
func SocketPath() (string, error) {
	dir, err := RuntimeDir()
	if err != nil {
		return "", err
	}
	return socketIn(dir)
}

// ListenControl opens the control socket at path, readable and writable
// by its owner only. The caller holds the instance lock, so a socket file
// left by a crashed agent can be removed safely.
func ListenControl(path string) (net.Listener, error) {
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	l, err := net.Listen("unix", path)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(path, 0o600); err != nil {
		l.Close()
		return nil, err
	}
	return l, nil
}

// DialControl connects to the control socket at path.
func DialControl(path string, timeout time.Duration) (net.Conn, error) {
	return net.DialTimeout("unix", path, timeout)
}

// RemoveControl removes what ListenControl left at path once its listener
// is closed: the socket file.
func RemoveControl(path string) { os.Remove(path) }

// maxSocketPath is the longest path a unix socket can have (sun_path is
// 108 bytes on Linux, 104 on macOS and the BSDs, with its final NUL).
const maxSocketPath = 103

// socketIn is the control socket's path in dir, or an error that says why
// it cannot be there.
func socketIn(dir string) (string, error) {
	p := filepath.Join(dir, "agent.sock")
	if len(p) > maxSocketPath {
		return "", fmt.Errorf("the control socket %s would be %d bytes long, more than the %d a socket path can have: set XDG_RUNTIME_DIR to a shorter folder", p, len(p), maxSocketPath)
	}
	return p, nil
}
