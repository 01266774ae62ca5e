package platform

import "testing"

func TestGUISibling(t *testing.T) {
	there := map[string]bool{`C:\Program Files\Limber\limber.exe`: true, `/opt/limber/limber.exe`: true, `C:\X\LIMBER.exe`: true}
	exists := func(p string) bool { return there[p] }
	for _, c := range []struct{ goos, path, want string }{
		{"windows", `C:\Program Files\Limber\limber.com`, `C:\Program Files\Limber\limber.exe`},
		{"windows", `C:\X\LIMBER.COM`, `C:\X\LIMBER.exe`},
		{"windows", `C:\Program Files\Limber\limber.exe`, `C:\Program Files\Limber\limber.exe`},
		{"windows", `C:\elsewhere\limber.com`, `C:\elsewhere\limber.com`},
		{"windows", `C:\Program Files\Limber\limber`, `C:\Program Files\Limber\limber`},
		{"linux", `/opt/limber/limber.com`, `/opt/limber/limber.com`},
		{"darwin", `/opt/limber/limber.com`, `/opt/limber/limber.com`},
	} {
		if got := guiSibling(c.goos, c.path, exists); got != c.want {
			t.Errorf("guiSibling(%s, %q) = %q, want %q", c.goos, c.path, got, c.want)
		}
	}
}
