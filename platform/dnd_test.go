package platform

import "testing"

func TestDNDMatchApp(t *testing.T) {
	apps := []string{"zoom", "Teams.exe", "gnome-calculator", " obs "}
	cases := []struct{ process, want string }{
		{"zoom", "zoom"},
		{"ZOOM", "zoom"},
		{"Zoom.exe", "zoom"},
		{"teams", "Teams.exe"},
		{"gnome-calculato", "gnome-calculator"}, // Linux cuts names at 15 bytes
		{"gnome-calc", ""},
		{"obs", " obs "},
		{"zoomer", ""},
		{"", ""},
	}
	for _, c := range cases {
		if got := matchApp(c.process, apps); got != c.want {
			t.Errorf("matchApp(%q) = %q, want %q", c.process, got, c.want)
		}
	}
}
