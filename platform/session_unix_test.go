//go:build !windows && !darwin

package platform

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// logindService is a stand-in login manager: it knows one session.
type logindService struct{ session dbus.ObjectPath }

func (l logindService) GetSessionByPID(uint32) (dbus.ObjectPath, *dbus.Error) { return l.session, nil }

func nextEvent(t *testing.T, ch <-chan SessionEvent, want SessionEventKind) {
	t.Helper()
	select {
	case ev := <-ch:
		if ev.Kind != want {
			t.Fatalf("event %v, want %v", ev.Kind, want)
		}
		if time.Since(ev.At) > 5*time.Second || ev.At.After(time.Now()) {
			t.Fatalf("event stamped %v, not now", ev.At)
		}
	case <-time.After(3 * time.Second):
		t.Fatalf("no %v event within 3 s", want)
	}
}

func noEvent(t *testing.T, ch <-chan SessionEvent, why string) {
	t.Helper()
	select {
	case ev := <-ch:
		t.Fatalf("%s: got %v, want no event", why, ev.Kind)
	case <-time.After(300 * time.Millisecond):
	}
}

func emit(t *testing.T, conn *dbus.Conn, path dbus.ObjectPath, name string, values ...any) {
	t.Helper()
	if err := conn.Emit(path, name, values...); err != nil {
		t.Fatalf("emit %s: %v", name, err)
	}
}

func TestWatchSessionScreenSaverLockAndUnlock(t *testing.T) {
	fd := ownName(t, "org.freedesktop.ScreenSaver")
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	ch, sources, err := WatchSession(ctx)
	if err != nil {
		t.Fatalf("WatchSession: %v", err)
	}
	if !slices.Contains(sources, SessionFreedesktopSaver) || slices.Contains(sources, SessionGnomeSaver) {
		t.Fatalf("sources = %v, want %s and not %s", sources, SessionFreedesktopSaver, SessionGnomeSaver)
	}

	const iface = "org.freedesktop.ScreenSaver.ActiveChanged"
	emit(t, fd, "/org/freedesktop/ScreenSaver", iface, true)
	nextEvent(t, ch, Lock)
	// KDE says it twice (on /ScreenSaver too): one Lock only.
	emit(t, fd, "/ScreenSaver", iface, true)
	emit(t, fd, "/org/freedesktop/ScreenSaver", iface, false)
	nextEvent(t, ch, Unlock)

	// A process that does not own the name cannot fake a lock.
	other, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	emit(t, other, "/org/freedesktop/ScreenSaver", iface, true)
	noEvent(t, ch, "ActiveChanged from a non-owner")

	// GNOME's screensaver is heard too, and shares the lock state.
	gn := ownName(t, "org.gnome.ScreenSaver")
	emit(t, gn, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver.ActiveChanged", true)
	nextEvent(t, ch, Lock)
	emit(t, fd, "/org/freedesktop/ScreenSaver", iface, false)
	nextEvent(t, ch, Unlock)

	cancel()
	time.Sleep(100 * time.Millisecond)
	emit(t, fd, "/org/freedesktop/ScreenSaver", iface, true)
	noEvent(t, ch, "after the context ended")
}

func TestWatchSessionLogindSleepAndLock(t *testing.T) {
	const session = dbus.ObjectPath("/org/freedesktop/login1/session/_3test")
	login := ownName(t, logindName)
	if err := login.Export(logindService{session: session}, "/org/freedesktop/login1", logindManager); err != nil {
		t.Fatalf("export logind: %v", err)
	}
	// The watcher's "system bus" is its own connection to the test bus,
	// where the stand-in logind lives.
	sys, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	defer sys.Close()

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	ch, sources := watchSession(ctx, nil, sys)
	if want := []string{SessionLogindSleep, SessionLogindLock}; !slices.Equal(sources, want) {
		t.Fatalf("sources = %v, want %v", sources, want)
	}

	emit(t, login, "/org/freedesktop/login1", logindManager+".PrepareForSleep", true)
	nextEvent(t, ch, Sleep)
	emit(t, login, "/org/freedesktop/login1", logindManager+".PrepareForSleep", false)
	nextEvent(t, ch, Wake)

	emit(t, login, "/org/freedesktop/login1/session/_9other", logindSession+".Lock")
	noEvent(t, ch, "Lock of another session")
	emit(t, login, session, logindSession+".Lock")
	nextEvent(t, ch, Lock)
	emit(t, login, session, logindSession+".Unlock")
	nextEvent(t, ch, Unlock)

	changed := map[string]dbus.Variant{"LockedHint": dbus.MakeVariant(true)}
	emit(t, login, session, propsInterface+".PropertiesChanged", logindSession, changed, []string{})
	nextEvent(t, ch, Lock)
	changed["LockedHint"] = dbus.MakeVariant(false)
	emit(t, login, session, propsInterface+".PropertiesChanged", "org.example.Other", changed, []string{})
	noEvent(t, ch, "LockedHint of another interface")
	emit(t, login, session, propsInterface+".PropertiesChanged", logindSession, changed, []string{})
	nextEvent(t, ch, Unlock)
}

func TestWatchSessionWithoutBuses(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	ch, sources := watchSession(ctx, nil, nil)
	if ch == nil || len(sources) != 0 {
		t.Fatalf("watchSession(nil, nil) = %v, %v; want a channel and no sources", ch, sources)
	}
	noEvent(t, ch, "no buses")
}

func TestSessionEventKindString(t *testing.T) {
	for k, want := range map[SessionEventKind]string{Sleep: "sleep", Wake: "wake", Lock: "lock", Unlock: "unlock", 0: "unknown"} {
		if got := k.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", int(k), got, want)
		}
	}
}
