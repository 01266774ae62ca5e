package platform

import (
	"os"
	"os/exec"
)

// OpenWithDefault opens a file or URL with the desktop's default handler
// and does not wait for it.
func OpenWithDefault(path string) error {
	name, args := openCommand(path)
	c := exec.Command(name, args...)
	c.Stdout, c.Stderr = os.Stderr, os.Stderr
	if err := c.Start(); err != nil {
		return err
	}
	go c.Wait() // reap
	return nil
}
