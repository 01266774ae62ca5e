//go:build !windows

package platform

import (
	"errors"
	"net"
	"os"
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
