//go:build !windows && !darwin

package platform

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

const testTrayHost = "org.limber.TestTrayHost"

func nextHostState(t *testing.T, ch <-chan bool) bool {
	t.Helper()
	select {
	case v, ok := <-ch:
		if !ok {
			t.Fatal("the tray host channel closed while watching")
		}
		return v
	case <-time.After(5 * time.Second):
		t.Fatal("no tray host change within 5 s")
	}
	return false
}

func TestWatchTrayHostFollowsTheName(t *testing.T) {
	needSessionBus(t)
	ctx, cancel := context.WithCancel(context.Background())
	present, ch, err := watchTrayHost(ctx, testTrayHost)
	if err != nil {
		t.Fatal(err)
	}
	if present {
		t.Fatal("present with nobody owning the name")
	}
	for range 2 {
		host, err := dbus.ConnectSessionBus()
		if err != nil {
			t.Fatal(err)
		}
		if r, err := host.RequestName(testTrayHost, dbus.NameFlagDoNotQueue); err != nil || r != dbus.RequestNameReplyPrimaryOwner {
			t.Fatalf("request name: %v %v", r, err)
		}
		if !nextHostState(t, ch) {
			t.Fatal("false when a host took the name")
		}
		host.Close() // the host dies
		if nextHostState(t, ch) {
			t.Fatal("true when the host went")
		}
	}
	cancel()
	select {
	case _, ok := <-ch:
		if ok {
			t.Fatal("a change after the context ended")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the channel is still open 5 s after the context ended")
	}
}

func TestWatchTrayHostPresentAtStart(t *testing.T) {
	ownName(t, testTrayHost)
	present, _, err := watchTrayHost(t.Context(), testTrayHost)
	if err != nil || !present {
		t.Fatalf("present = %v, %v with the name owned", present, err)
	}
}

// trayHostService records RegisterStatusNotifierItem calls.
type trayHostService struct {
	mu    sync.Mutex
	items []string
}

func (s *trayHostService) RegisterStatusNotifierItem(sender dbus.Sender, item string) *dbus.Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, string(sender)+item)
	return nil
}

func TestRegisterTrayItemNamesTheSharedConnection(t *testing.T) {
	conn := ownName(t, testTrayHost)
	s := &trayHostService{}
	if err := conn.Export(s, "/StatusNotifierWatcher", TrayHostName); err != nil {
		t.Fatal(err)
	}
	shared := needSessionBus(t)
	if err := registerTrayItem(shared, testTrayHost); err != nil {
		t.Fatalf("registerTrayItem: %v", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if want := shared.Names()[0] + trayItemPath; len(s.items) != 1 || s.items[0] != want {
		t.Fatalf("registered %q, want [%s]", s.items, want)
	}
}
