//go:build !linux

package agent

// dropCleanFilePages drops nothing where there is no /proc/self/smaps.
func dropCleanFilePages() {}
