//go:build !windows && !darwin

package platform

func openCommand(path string) (string, []string) { return "xdg-open", []string{path} }
