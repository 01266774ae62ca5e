package platform

import "strings"

// DNDConfig says which signals defer a break.
type DNDConfig struct {
	Desktop    bool     // the desktop's own do-not-disturb
	Fullscreen bool     // a full-screen active window
	Camera     bool     // a camera open by any process
	Apps       []string // process names that defer breaks (case-insensitive)
}

// DNDState is the answer of one check: Active with the first reason found.
type DNDState struct {
	Active bool
	Reason string // ReasonDesktop, ReasonFullscreen, ReasonCamera or "app: NAME"
}

// The reasons CheckDND gives, besides "app: " followed by the listed name.
const (
	ReasonDesktop    = "do not disturb"
	ReasonFullscreen = "full-screen window"
	ReasonCamera     = "camera in use"
	reasonAppPrefix  = "app: "
)

// CheckDND looks once at each enabled signal, cheapest first, and stops at
// the first that says not now. It is meant for the moment a break falls
// due, not for polling; signals the system does not expose count as
// "not active".
func CheckDND(cfg DNDConfig) DNDState {
	return checkDND(cfg)
}

func activeFor(reason string) DNDState { return DNDState{Active: true, Reason: reason} }

// matchApp returns the entry of apps that names the process called name,
// or "". Linux keeps only the first 15 bytes of a process name, so a longer
// entry matches its first 15 bytes; a ".exe" suffix on either side is
// ignored.
func matchApp(name string, apps []string) string {
	name = trimExe(name)
	if name == "" {
		return ""
	}
	for _, app := range apps {
		want := trimExe(strings.TrimSpace(app))
		if strings.EqualFold(want, name) || (len(want) > 15 && len(name) == 15 && strings.EqualFold(want[:15], name)) {
			return app
		}
	}
	return ""
}

// trimExe drops a ".exe" suffix in any case.
func trimExe(s string) string {
	if len(s) > 4 && strings.EqualFold(s[len(s)-4:], ".exe") {
		return s[:len(s)-4]
	}
	return s
}
