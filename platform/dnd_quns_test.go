package platform

import "testing"

func TestNotificationStateToDND(t *testing.T) {
	both := DNDConfig{Desktop: true, Fullscreen: true}
	for _, c := range []struct {
		state uint32
		cfg   DNDConfig
		want  string
	}{
		{qunsBusy, both, ReasonFullscreen},
		{qunsRunningD3DFullScreen, both, ReasonFullscreen},
		{qunsPresentationMode, both, ReasonDesktop},
		{qunsQuietTime, both, ReasonDesktop},
		{qunsAcceptsNotifications, both, ""},
		{qunsNotPresent, both, ""},
		{qunsApp, both, ""},
		{0, both, ""},
		{99, both, ""},
		{qunsBusy, DNDConfig{Desktop: true}, ""},
		{qunsRunningD3DFullScreen, DNDConfig{Desktop: true}, ""},
		{qunsPresentationMode, DNDConfig{Fullscreen: true}, ""},
		{qunsQuietTime, DNDConfig{Fullscreen: true}, ""},
	} {
		if got := qunsReason(c.state, c.cfg); got != c.want {
			t.Errorf("state %d with %+v: %q, want %q", c.state, c.cfg, got, c.want)
		}
	}
}
