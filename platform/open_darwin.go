//go:build darwin

package platform

func openCommand(path string) (string, []string) { return "open", []string{path} }
