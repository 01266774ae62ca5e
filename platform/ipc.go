package platform

import (
	"fmt"
	"strings"
)

// The agent's control channel is local IPC between one user's processes:
// the agent listens (ListenControl at SocketPath) and the CLI and the views
// dial (DialControl). It is a unix socket in the runtime directory on
// Linux and macOS (ipc_unix.go) and a named pipe on Windows
// (ipc_windows.go), whose Wine lacks AF_UNIX and whose software uses pipes
// for this.

// pipePrefix starts every Windows pipe name.
const pipePrefix = `\\.\pipe\`

// pipeNameFor is the control pipe of the user with the SID sid: one per
// user, so two users' agents on one machine (fast user switching, a
// terminal server) do not meet.
func pipeNameFor(sid string) (string, error) {
	if err := checkSID(sid); err != nil {
		return "", err
	}
	return pipePrefix + AppName + "-" + sid, nil
}

// pipeSDDL is the control pipe's security descriptor: a protected DACL
// (no inherited entries) whose one entry gives the user sid full access.
// Nobody else, not even an administrator or SYSTEM, may open it.
func pipeSDDL(sid string) (string, error) {
	if err := checkSID(sid); err != nil {
		return "", err
	}
	return "D:P(A;;GA;;;" + sid + ")", nil
}

// checkSID accepts a SID in its string form (S-1-5-21-…): the letter S,
// then dash-separated decimal numbers. Anything else would make a pipe
// name or an SDDL string say something other than intended.
func checkSID(sid string) error {
	parts := strings.Split(sid, "-")
	if len(parts) < 3 || parts[0] != "S" {
		return fmt.Errorf("user SID %q: expected the form S-1-5-21-…", sid)
	}
	for _, p := range parts[1:] {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return fmt.Errorf("user SID %q: expected dash-separated decimal numbers after S", sid)
		}
	}
	return nil
}
