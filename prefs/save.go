package prefs

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/limberapp/limber/platform"
)

// Marshal renders the settings as a commented TOML file, one table per
// section in the order of Keys.
func Marshal(c Config) []byte {
	var b bytes.Buffer
	b.WriteString("# Limber settings. Durations are written like \"20m\", \"30s\", \"1h30m\".\n")
	section := "\x00"
	for _, k := range Keys {
		sec, name := splitKey(k.Name)
		if sec != section {
			section = sec
			fmt.Fprintf(&b, "\n[%s]\n", sec)
		}
		if why, locked := c.Locked[k.Name]; locked {
			// Written as a comment: the administrator's value applies, and
			// a value here would be reported at every start.
			fmt.Fprintf(&b, "# %s — locked: %s\n# %s = %s\n", k.Doc, why, name, formatValue(k.typ, k.get(&c)))
			continue
		}
		fmt.Fprintf(&b, "# %s (default %s)\n%s = %s\n", k.Doc, k.DefaultString(), name, formatValue(k.typ, k.get(&c)))
	}
	return b.Bytes()
}

func splitKey(dotted string) (section, name string) {
	i := strings.LastIndex(dotted, ".")
	return dotted[:i], dotted[i+1:]
}

// Save writes the settings to path atomically: a temporary file in the
// same directory, written, synced and renamed over the old one, mode 0600,
// directory 0700. A file that exists but does not parse is first kept
// aside as path.broken-TIMESTAMP, so nothing the person wrote is lost.
func Save(path string, c Config) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if old, err := os.ReadFile(path); err == nil {
		var m map[string]any
		if toml.Unmarshal(old, &m) != nil {
			aside := path + ".broken-" + time.Now().Format("20060102-150405")
			if err := os.WriteFile(aside, old, 0o600); err != nil {
				return fmt.Errorf("keeping the broken %s aside: %w", path, err)
			}
		}
	}
	return WriteFileAtomic(path, Marshal(c), 0o600)
}

// WriteFileAtomic replaces path with data atomically (see
// platform.WriteFileAtomic).
func WriteFileAtomic(path string, data []byte, mode os.FileMode) error {
	return platform.WriteFileAtomic(path, data, mode)
}
