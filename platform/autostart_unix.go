//go:build !windows && !darwin

package platform

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// autostartFile is $XDG_CONFIG_HOME/autostart/org.limber.Limber.desktop.
func autostartFile() (string, error) {
	base := os.Getenv("XDG_CONFIG_HOME")
	if base == "" || !filepath.IsAbs(base) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		base = filepath.Join(home, ".config")
	}
	return filepath.Join(base, "autostart", AppID+".desktop"), nil
}

// desktopExec quotes a path for a .desktop Exec line.
func desktopExec(p string) string {
	if !strings.ContainsAny(p, " \t\"'\\$`") {
		return p
	}
	r := strings.NewReplacer(`\`, `\\\\`, `"`, `\"`, "`", "\\`", `$`, `\$`)
	return `"` + r.Replace(p) + `"`
}

// Entry renders the autostart desktop entry.
func (a Autostart) Entry() (string, error) {
	exe, err := a.exe()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf(`[Desktop Entry]
Type=Application
Name=Limber
GenericName=Posture Break Reminder
Comment=Posture, mobility and rest breaks with guided exercises
Exec=%s
Icon=%s
Terminal=false
Categories=Utility;
X-GNOME-Autostart-enabled=true
`, desktopExec(exe), AppID), nil
}

// Path is where the entry lives.
func (a Autostart) Path() (string, error) { return autostartFile() }

// Enable writes the entry (0600, directory 0700).
func (a Autostart) Enable() error { return a.enableAt(autostartFile) }

// Disable removes the entry; it is not an error when there is none.
func (a Autostart) Disable() error { return disableAt(autostartFile) }

// Enabled reports whether the entry exists and is not marked hidden.
func (a Autostart) Enabled() (bool, error) {
	p, err := autostartFile()
	if err != nil {
		return false, err
	}
	b, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	s := string(b)
	return !strings.Contains(s, "\nHidden=true") && !strings.Contains(s, "X-GNOME-Autostart-enabled=false"), nil
}
