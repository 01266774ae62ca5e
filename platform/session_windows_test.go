//go:build windows

package platform

import (
	"context"
	"slices"
	"testing"
	"time"

	"golang.org/x/sys/windows"
)

var procSendMessageW = windows.NewLazySystemDLL("user32.dll").NewProc("SendMessageW")

func expectEvent(t *testing.T, ch <-chan SessionEvent, want SessionEventKind) {
	t.Helper()
	select {
	case ev := <-ch:
		if ev.Kind != want {
			t.Fatalf("event %v, want %v", ev.Kind, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("no %v event", want)
	}
}

// The messages Windows sends on suspend, resume, lock and unlock, sent to
// the watcher's window, come out as session events, once each; the
// window goes when ctx ends.
func TestWatchSessionWindowMessages(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	ch, hwnd, sources, err := watchSessionWindow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(sources, SessionWindowsPower) {
		t.Fatalf("sources %v", sources)
	}
	t.Logf("sources %v", sources)
	send := func(msg uint32, w uintptr) uintptr {
		r, _, _ := procSendMessageW.Call(uintptr(hwnd), uintptr(msg), w, 0)
		return r
	}
	if r := send(wmPowerBroadcast, pbtAPMSuspend); r != 1 {
		t.Fatalf("WM_POWERBROADCAST answered %d, want TRUE", r)
	}
	expectEvent(t, ch, Sleep)
	send(wmPowerBroadcast, pbtAPMSuspend)
	send(wmPowerBroadcast, pbtAPMResumeAutomatic)
	expectEvent(t, ch, Wake)
	send(wmPowerBroadcast, pbtAPMResumeSuspend)
	send(wmWTSSessionChange, wtsSessionLock)
	expectEvent(t, ch, Lock)
	send(wmWTSSessionChange, wtsSessionUnlock)
	expectEvent(t, ch, Unlock)
	select {
	case ev := <-ch:
		t.Fatalf("a repeated message gave %v", ev.Kind)
	default:
	}
	cancel()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, ok := sessionWindows.Load(hwnd); !ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the window is still there after ctx ended")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
