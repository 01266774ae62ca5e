package agent

import (
	"os"
	"path/filepath"
	"sync"

	"github.com/limberapp/limber/assets"
	"github.com/limberapp/limber/platform"
)

var iconOnce struct {
	sync.Once
	path string
}

// iconPath writes the notification icon to the runtime directory once and
// returns its path ("" when it cannot be written).
func iconPath() string {
	iconOnce.Do(func() {
		dir, err := platform.RuntimeDir()
		if err != nil {
			return
		}
		p := filepath.Join(dir, "limber-64.png")
		if os.WriteFile(p, assets.Icon64, 0o600) == nil {
			iconOnce.path = p
		}
	})
	return iconOnce.path
}
