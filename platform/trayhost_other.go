//go:build windows || darwin

package platform

import "context"

// WatchTrayHost reports a tray host as always there: Windows and macOS
// have their own.
func WatchTrayHost(ctx context.Context) (bool, <-chan bool, error) { return true, nil, nil }

// RegisterTrayItem has nothing to do where the tray is the system's.
func RegisterTrayItem() error { return nil }
