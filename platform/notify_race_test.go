package platform

import (
	"sync"
	"testing"
)

// Defect 20: the fallback notifier is used from several goroutines; run
// with -race. (With no notification server Notify just fails.)
func TestBeeepNotifierSendsConcurrently(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
	t.Setenv("PATH", t.TempDir()) // no notify-send or kdialog either
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() { beeepNotifier{}.Send(Notification{Title: "t", Body: "b"}) })
	}
	wg.Wait()
}
