// Package platform is Limber's OS integration behind small interfaces:
// paths, notifications, opening files, idle time, session events, autostart
// and the single-instance lock. Platform-specific code is split by file
// suffix.
package platform
