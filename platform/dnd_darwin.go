//go:build darwin

package platform

import (
	"bufio"
	"bytes"
	"os/exec"
	"path/filepath"
)

// checkDND on macOS covers the application list only: Focus, full-screen
// spaces and camera use are not readable without cgo.
func checkDND(cfg DNDConfig) DNDState {
	if len(cfg.Apps) == 0 {
		return DNDState{}
	}
	out, err := exec.Command("/bin/ps", "-A", "-c", "-o", "comm=").Output()
	if err != nil {
		return DNDState{}
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		name := filepath.Base(string(bytes.TrimSpace(sc.Bytes())))
		if app := matchApp(name, cfg.Apps); app != "" {
			return activeFor(reasonAppPrefix + app)
		}
	}
	return DNDState{}
}
