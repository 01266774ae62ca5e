//go:build windows

package platform

import (
	"errors"

	"golang.org/x/sys/windows/registry"
)

const runKey = `Software\Microsoft\Windows\CurrentVersion\Run`

// Entry is the command line stored in the Run key.
func (a Autostart) Entry() (string, error) {
	exe, err := a.exe()
	if err != nil {
		return "", err
	}
	return `"` + exe + `"`, nil
}

// Path names the registry value.
func (a Autostart) Path() (string, error) { return `HKCU\` + runKey + `\Limber`, nil }

// Enable sets HKCU\…\Run\Limber.
func (a Autostart) Enable() error {
	cmd, err := a.Entry()
	if err != nil {
		return err
	}
	k, _, err := registry.CreateKey(registry.CURRENT_USER, runKey, registry.SET_VALUE)
	if err != nil {
		return err
	}
	defer k.Close()
	return k.SetStringValue("Limber", cmd)
}

// Disable deletes the value.
func (a Autostart) Disable() error {
	k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.SET_VALUE)
	if err != nil {
		return nil
	}
	defer k.Close()
	if err := k.DeleteValue("Limber"); err != nil && !errors.Is(err, registry.ErrNotExist) {
		return err
	}
	return nil
}

// Enabled reports whether the value exists.
func (a Autostart) Enabled() (bool, error) {
	k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.QUERY_VALUE)
	if err != nil {
		return false, nil
	}
	defer k.Close()
	_, _, err = k.GetStringValue("Limber")
	return err == nil, nil
}
