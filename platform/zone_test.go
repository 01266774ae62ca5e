package platform

import (
	"os"
	"path/filepath"
	"testing"
	"time"
	_ "time/tzdata"
)

func tzdata(t *testing.T, name string) []byte {
	t.Helper()
	for _, dir := range []string{"/usr/share/zoneinfo", "/usr/lib/go/lib/time"} {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
			return b
		}
	}
	t.Skipf("no zoneinfo file for %s on this machine", name)
	return nil
}

// A change of the zone file is seen at the next call, without a restart;
// no change keeps the same location.
func TestZoneWatcherFollowsTheZoneFile(t *testing.T) {
	t.Setenv("TZ", "")
	os.Unsetenv("TZ") // restored by t.Setenv at cleanup
	dir := t.TempDir()
	link := filepath.Join(dir, "localtime")
	berlin := filepath.Join(dir, "zoneinfo", "Europe", "Berlin")
	tokyo := filepath.Join(dir, "zoneinfo", "Asia", "Tokyo")
	for p, name := range map[string]string{berlin: "Europe/Berlin", tokyo: "Asia/Tokyo"} {
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, tzdata(t, name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(berlin, link); err != nil {
		t.Fatal(err)
	}
	z := NewZoneWatcher(link)
	first := z.Current()
	if first.String() != "Europe/Berlin" {
		t.Fatalf("first zone %q", first)
	}
	if z.Current() != first {
		t.Fatal("an unchanged zone file must give the same location")
	}
	os.Remove(link)
	if err := os.Symlink(tokyo, link); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	if got := z.Current(); got.String() != "Asia/Tokyo" || now.In(got).Hour() != 21 {
		t.Fatalf("after the change: %q (%d h)", got, now.In(got).Hour())
	}
}
