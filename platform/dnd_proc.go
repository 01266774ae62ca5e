//go:build !windows && !darwin

package platform

import (
	"os"
	"strings"
	"syscall"
)

// scanProcs walks procRoot (/proc) once. It returns the first entry of apps
// naming a running process (by its comm), and whether any process has a
// file open whose target starts with videoPrefix (/dev/video). Processes
// that vanish or belong to other users are skipped silently: their fd
// directories are unreadable, which is also why a camera held by another
// user's process goes unseen. When no videoPrefix device exists, no fd is
// read.
func scanProcs(procRoot, videoPrefix string, apps []string, camera bool) (app string, cameraOpen bool) {
	if camera && !anyWithPrefix(videoPrefix) {
		camera = false
	}
	if len(apps) == 0 && !camera {
		return "", false
	}
	dir, err := os.Open(procRoot)
	if err != nil {
		return "", false
	}
	defer dir.Close()
	var buf [64]byte
	link := make([]byte, 0, 256)
	for {
		names, err := dir.Readdirnames(128)
		for _, pid := range names {
			if !isDigits(pid) {
				continue
			}
			base := procRoot + "/" + pid
			if len(apps) > 0 {
				if a := matchApp(readComm(base+"/comm", buf[:]), apps); a != "" {
					return a, cameraOpen
				}
			}
			if camera && !cameraOpen && hasOpenWithPrefix(base+"/fd", videoPrefix, link[:cap(link)]) {
				cameraOpen = true
				if len(apps) == 0 {
					return "", true
				}
			}
		}
		if err != nil {
			return "", cameraOpen
		}
	}
}

// readComm reads a process name into buf and returns it without the
// newline; "" when it cannot be read.
func readComm(path string, buf []byte) string {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return ""
	}
	n, err := syscall.Read(fd, buf)
	syscall.Close(fd)
	if err != nil || n <= 0 {
		return ""
	}
	return strings.TrimSuffix(string(buf[:n]), "\n")
}

// hasOpenWithPrefix reports whether any link in fdDir points at a path
// starting with prefix.
func hasOpenWithPrefix(fdDir, prefix string, buf []byte) bool {
	d, err := os.Open(fdDir)
	if err != nil {
		return false
	}
	defer d.Close()
	for {
		fds, err := d.Readdirnames(64)
		for _, fd := range fds {
			n, lerr := syscall.Readlink(fdDir+"/"+fd, buf)
			if lerr == nil && n >= len(prefix) && string(buf[:len(prefix)]) == prefix {
				return true
			}
		}
		if err != nil {
			return false
		}
	}
}

// anyWithPrefix reports whether a file whose path starts with prefix
// exists, such as /dev/video0 for /dev/video.
func anyWithPrefix(prefix string) bool {
	dir, base := prefix, ""
	if i := strings.LastIndexByte(prefix, '/'); i >= 0 {
		dir, base = prefix[:i], prefix[i+1:]
	}
	if dir == "" {
		dir = "/"
	}
	d, err := os.Open(dir)
	if err != nil {
		return false
	}
	defer d.Close()
	for {
		names, err := d.Readdirnames(128)
		for _, n := range names {
			if strings.HasPrefix(n, base) {
				return true
			}
		}
		if err != nil {
			return false
		}
	}
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
