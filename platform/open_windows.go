//go:build windows

package platform

func openCommand(path string) (string, []string) {
	return "rundll32", []string{"url.dll,FileProtocolHandler", path}
}
