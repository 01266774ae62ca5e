//go:build linux

package platform

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// wedgedServer is a notification server that answers GetCapabilities and
// then never answers Notify or CloseNotification, as a hung daemon does.
type wedgedServer struct{ hang chan struct{} }

func (w *wedgedServer) GetCapabilities() ([]string, *dbus.Error) {
	return []string{"actions", "body"}, nil
}
func (w *wedgedServer) Notify(app string, replaces uint32, icon, summary, body string, actions []string, hints map[string]dbus.Variant, expire int32) (uint32, *dbus.Error) {
	<-w.hang
	return 1, nil
}
func (w *wedgedServer) CloseNotification(id uint32) *dbus.Error {
	<-w.hang
	return nil
}

// A notification server that stops answering must not hold the caller:
// Send and Dismiss return (Send with a deadline error) instead of
// blocking the agent's loop for ever.
func TestNotifierCallsAreBoundedWhenTheServerHangs(t *testing.T) {
	const name = "org.limber.test.WedgedNotifications"
	srv := ownName(t, name)
	w := &wedgedServer{hang: make(chan struct{})}
	t.Cleanup(func() { close(w.hang) })
	if err := srv.Export(w, notifyPath, notifyIface); err != nil {
		t.Fatal(err)
	}
	d, err := newDBusNotifier(needSessionBus(t), name, 200*time.Millisecond, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Actions() {
		t.Fatal("the server offers actions")
	}
	done := make(chan error, 1)
	go func() {
		_, err := d.Send(Notification{Title: "Posture break in 10 seconds", Actions: []NotifyAction{{Key: DefaultAction, Label: "Start now"}}})
		d.Dismiss(7)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Send to a hung server: %v, want a deadline error", err)
		}
	case <-time.After(30 * time.Second): // a liveness bound, not a speed check
		t.Fatal("Send and Dismiss are still blocked on a hung notification server")
	}
}

// Against a server that answers, Send returns its id.
func TestNotifierSendsToARealServer(t *testing.T) {
	needSessionBus(t)
	d, err := newDBusNotifier(needSessionBus(t), notifyName, notifyTimeout, nil)
	if err != nil {
		t.Skipf("no notification server on this bus: %v", err)
	}
	id, err := d.Send(Notification{Title: "Limber test", Body: "platform test"})
	if err != nil || id == 0 {
		t.Fatalf("Send: %d %v", id, err)
	}
	d.Dismiss(id)
}
