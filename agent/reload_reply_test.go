package agent

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/limberapp/limber/prefs"
)

// A reload whose only problems are in the administrator's file or the
// environment succeeds: the settings window must not say the running
// Limber refused settings the person cannot fix there.
func TestReloadReplyCountsOnlyTheUsersFile(t *testing.T) {
	dir := t.TempDir()
	user := filepath.Join(dir, "config.toml")
	admin := filepath.Join(dir, "admin.toml")
	os.WriteFile(user, []byte("[breaks]\nstrict = false\n"), 0o600)
	os.WriteFile(admin, []byte("[breaks]\nmax_postpones = \"lots\"\n"), 0o600)
	a := New(Options{ConfigPath: user, Log: &strings.Builder{}, Prefs: prefs.Options{NoEnv: true, SystemFiles: []string{admin}}})
	go a.Run(t.Context())
	if p := a.Problems(); len(p) == 0 {
		t.Fatal("the administrator's bad value should be a problem")
	}
	if r := a.Handle(Request{Cmd: "reload"}); !r.OK {
		t.Fatalf("reload with only an administrator's problem: %+v", r)
	}
	os.WriteFile(user, []byte("[breaks]\nstrict = \"maybe\"\n"), 0o600)
	if r := a.Handle(Request{Cmd: "reload"}); r.OK || !strings.Contains(r.Error, "breaks.strict") {
		t.Fatalf("reload with a problem in the person's file: %+v", r)
	}
	a.Quit()
}
