//go:build windows

package platform

// checkPrivateDir: per-user directories on Windows are private already.
func checkPrivateDir(dir string) error { return nil }
