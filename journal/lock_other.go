//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package journal

// defaultLocker locks a sidecar file where flock(2) is missing. On Windows
// a byte-range lock on the journal itself would block the appends.
var defaultLocker lockerFactory = newSidecarLocker
