//go:build !linux && !windows

package platform

// NewNotifier returns the portable notifier (no actions) on this system.
func NewNotifier(onAction ActionHandler) Notifier { return beeepNotifier{} }
