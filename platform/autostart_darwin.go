//go:build darwin

package platform

import (
	"errors"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
)

func launchAgentFile() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, "Library", "LaunchAgents", AppID+".plist"), nil
}

// Entry renders the LaunchAgent plist.
func (a Autostart) Entry() (string, error) {
	exe, err := a.exe()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>Label</key><string>%s</string>
	<key>ProgramArguments</key><array><string>%s</string></array>
	<key>RunAtLoad</key><true/>
	<key>ProcessType</key><string>Interactive</string>
</dict>
</plist>
`, AppID, html.EscapeString(exe)), nil
}

// Path is where the entry lives.
func (a Autostart) Path() (string, error) { return launchAgentFile() }

// Enable writes the LaunchAgent.
func (a Autostart) Enable() error { return a.enableAt(launchAgentFile) }

// Disable removes the LaunchAgent.
func (a Autostart) Disable() error { return disableAt(launchAgentFile) }

// Enabled reports whether the LaunchAgent exists.
func (a Autostart) Enabled() (bool, error) {
	p, err := launchAgentFile()
	if err != nil {
		return false, err
	}
	_, err = os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}
