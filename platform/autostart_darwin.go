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
func (a Autostart) Enable() error {
	p, err := launchAgentFile()
	if err != nil {
		return err
	}
	text, err := a.Entry()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return err
	}
	return WriteFileAtomic(p, []byte(text), 0o600)
}

// Disable removes the LaunchAgent.
func (a Autostart) Disable() error {
	p, err := launchAgentFile()
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

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
