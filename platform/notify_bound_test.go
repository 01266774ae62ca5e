package platform

import (
	"testing"
	"time"
)

// The fallback notifier's call is bounded too: a notify-send or D-Bus
// call that hangs gives an error, and the next call is refused at once
// instead of piling up behind it.
func TestBeeepSendIsBounded(t *testing.T) {
	release := make(chan struct{})
	b := beeepNotifier{notify: func(string, string, string) error { <-release; return nil }}
	done := make(chan error, 1)
	go func() { _, err := b.Send(Notification{Title: "x"}); done <- err }()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("a hung notification reported success")
		}
	case <-time.After(30 * time.Second): // liveness, not speed
		t.Fatal("Send is blocked by a hung notification call")
	}
	if _, err := b.Send(Notification{Title: "y"}); err == nil {
		t.Fatal("a second call while the first still hangs should be refused")
	}
	close(release)
	for i := 0; i < 100 && inFlight.Load(); i++ {
		time.Sleep(10 * time.Millisecond)
	}
	ok := beeepNotifier{notify: func(string, string, string) error { return nil }}
	if _, err := ok.Send(Notification{Title: "z"}); err != nil {
		t.Fatalf("after the hung call ended: %v", err)
	}
}
