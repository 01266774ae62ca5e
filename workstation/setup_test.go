package workstation

import (
	"testing"

	"github.com/limberapp/limber/content"
)

func library(t *testing.T) *content.Library {
	t.Helper()
	lib, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func TestParseSetup(t *testing.T) {
	for _, s := range Setups {
		got, err := ParseSetup(string(s))
		if err != nil || got != s {
			t.Errorf("ParseSetup(%q) = %q, %v", s, got, err)
		}
	}
	if got, err := ParseSetup(""); err != nil || got != DeskMonitor {
		t.Errorf("empty: %q, %v", got, err)
	}
	if _, err := ParseSetup("standing-only"); err == nil {
		t.Error("unknown set-up accepted")
	}
}

func TestSetupsMatchContentKinds(t *testing.T) {
	if len(Setups) != len(content.SetupKinds) {
		t.Fatalf("Setups %v, content.SetupKinds %v", Setups, content.SetupKinds)
	}
	for i, s := range Setups {
		if string(s) != content.SetupKinds[i] {
			t.Errorf("Setups[%d] = %q, content has %q", i, s, content.SetupKinds[i])
		}
		if s.Name() == string(s) {
			t.Errorf("%q has no name", s)
		}
	}
}

func TestLaptopItemsOnlyForLaptopSetups(t *testing.T) {
	lib := library(t)
	for _, s := range Setups {
		n := len(AreaItems(lib.Checklist, "laptop", s))
		if s.Laptop() && n == 0 {
			t.Errorf("%s: no laptop items", s)
		}
		if !s.Laptop() && n != 0 {
			t.Errorf("%s: %d laptop items", s, n)
		}
	}
	if n := len(AreaItems(lib.Checklist, "laptop", LaptopOnly)); n != 3 {
		t.Errorf("laptop-only has %d laptop items, want 3", n)
	}
	if n := len(AreaItems(lib.Checklist, "laptop", LaptopExternal)); n != 2 {
		t.Errorf("laptop-external has %d laptop items, want 2", n)
	}
}

func TestSitStandItems(t *testing.T) {
	lib := library(t)
	has := func(s Setup, id string) bool {
		for _, it := range lib.Checklist {
			if it.ID == id {
				return Applies(it, s)
			}
		}
		t.Fatalf("no item %s", id)
		return false
	}
	if !has(SitStand, "desk-sit-stand-height") || has(DeskMonitor, "desk-sit-stand-height") {
		t.Error("desk-sit-stand-height should apply to sit-stand only")
	}
	if !has(MultiMonitor, "monitor-height") {
		t.Error("items without applies_to should apply to every set-up")
	}
}

func TestQuickItems(t *testing.T) {
	lib := library(t)
	for _, s := range Setups {
		q := QuickItems(lib.Checklist, s)
		if len(q) != content.QuickChecks {
			t.Errorf("%s: %d quick items, want %d", s, len(q), content.QuickChecks)
		}
		for _, it := range q {
			if !it.Quick {
				t.Errorf("%s is not quick", it.ID)
			}
		}
	}
}

func TestAreaNames(t *testing.T) {
	for _, a := range content.ChecklistAreas {
		if AreaName(a) == a {
			t.Errorf("area %q has no name", a)
		}
	}
	if AreaName("keyboard-mouse") != "Keyboard and mouse" {
		t.Error(AreaName("keyboard-mouse"))
	}
}
