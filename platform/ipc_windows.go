//go:build windows

package platform

import (
	"errors"
	"fmt"
	"net"
	"time"

	"golang.org/x/sys/windows"
)

// userSID is the string SID of the user this process runs as.
func userSID() (string, error) {
	tok, err := windows.OpenCurrentProcessToken()
	if err != nil {
		return "", fmt.Errorf("reading this process's user: %w", err)
	}
	defer tok.Close()
	u, err := tok.GetTokenUser()
	if err != nil {
		return "", fmt.Errorf("reading this process's user: %w", err)
	}
	return u.User.Sid.String(), nil
}

// SocketPath is the address of the agent's control channel: here the
// named pipe \\.\pipe\limber-<user SID>.
func SocketPath() (string, error) {
	sid, err := userSID()
	if err != nil {
		return "", err
	}
	return pipeNameFor(sid)
}

// ListenControl creates the control pipe name, open to the current user
// only. The pipe is made with FILE_FLAG_FIRST_PIPE_INSTANCE, so it fails
// if anyone (another user squatting the name included) has the name
// already, rather than sharing it.
func ListenControl(name string) (net.Listener, error) {
	sid, err := userSID()
	if err != nil {
		return nil, err
	}
	sddl, err := pipeSDDL(sid)
	if err != nil {
		return nil, err
	}
	return listenPipe(name, sddl)
}

// DialControl connects to the control pipe name and checks that the
// process serving it runs as the current user: a pipe of that name made by
// someone else before the agent started would otherwise hear the CLI's
// requests and answer them.
func DialControl(name string, timeout time.Duration) (net.Conn, error) {
	c, err := dialPipe(name, timeout)
	if err != nil {
		return nil, err
	}
	if err := checkPipeServer(c); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// checkPipeServer refuses a pipe whose server process is not the current
// user's.
func checkPipeServer(c net.Conn) error {
	f, ok := c.(interface{ Fd() uintptr })
	if !ok {
		return errors.New("control pipe: no handle to check its server")
	}
	var pid uint32
	if err := windows.GetNamedPipeServerProcessId(windows.Handle(f.Fd()), &pid); err != nil {
		return fmt.Errorf("control pipe: finding its server: %w", err)
	}
	p, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, pid)
	if err != nil {
		return fmt.Errorf("control pipe: opening its server (pid %d): %w", pid, err)
	}
	defer windows.CloseHandle(p)
	var tok windows.Token
	if err := windows.OpenProcessToken(p, windows.TOKEN_QUERY, &tok); err != nil {
		return fmt.Errorf("control pipe: reading its server's user (pid %d): %w", pid, err)
	}
	defer tok.Close()
	theirs, err := tok.GetTokenUser()
	if err != nil {
		return fmt.Errorf("control pipe: reading its server's user (pid %d): %w", pid, err)
	}
	me, err := windows.OpenCurrentProcessToken()
	if err != nil {
		return err
	}
	defer me.Close()
	mine, err := me.GetTokenUser()
	if err != nil {
		return err
	}
	if !theirs.User.Sid.Equals(mine.User.Sid) {
		return fmt.Errorf("control pipe %s is served by process %d of user %s, not by this user's agent: refusing it", pipeName(c), pid, theirs.User.Sid)
	}
	return nil
}

func pipeName(c net.Conn) string { return c.RemoteAddr().String() }

// RemoveControl has nothing to remove: a pipe goes with its last handle.
func RemoveControl(string) {}
