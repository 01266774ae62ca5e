package schedule

import (
	"reflect"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin on every machine
)

func berlin(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// at is a wall-clock time in loc.
func at(loc *time.Location, y int, m time.Month, d, hh, mm, ss int) time.Time {
	return time.Date(y, m, d, hh, mm, ss, 0, loc)
}

// utcConfig is the default config in UTC, always inside working hours.
func utcConfig() Config {
	c := DefaultConfig()
	c.Location = time.UTC
	return c
}

// only returns cfg with just the listed kinds enabled.
func only(cfg Config, kinds ...Kind) Config {
	b := map[Kind]BreakConfig{}
	for k, v := range cfg.Breaks {
		v.Enabled = false
		for _, on := range kinds {
			if on == k {
				v.Enabled = true
			}
		}
		b[k] = v
	}
	cfg.Breaks = b
	return cfg
}

// drive follows Next and Advance with constant inputs from now until end,
// without resolving breaks, and returns every action. It fails when Next
// promises an action that Advance does not deliver.
func drive(t testing.TB, e *Engine, now, end time.Time, in Inputs) []Action {
	t.Helper()
	var all []Action
	for range 10000 {
		a, ok := e.Next(now)
		if !ok || a.At.After(end) {
			return append(all, e.Advance(end, in)...)
		}
		if a.At.After(now) {
			now = a.At
		}
		got := e.Advance(now, in)
		if len(got) == 0 {
			t.Fatalf("Next promised %v but Advance(%v) returned nothing", a, now)
		}
		all = append(all, got...)
	}
	t.Fatal("drive: too many steps")
	return nil
}

func sameAction(a, b Action) bool {
	return a.Type == b.Type && a.Kind == b.Kind && a.At.Equal(b.At) && a.Lead == b.Lead && reflect.DeepEqual(a.Covers, b.Covers)
}

func types(acts []Action) []string {
	var out []string
	for _, a := range acts {
		s := a.Type.String()
		if a.Kind != "" {
			s += " " + string(a.Kind)
		}
		out = append(out, s)
	}
	return out
}

func nextIn(st Status, k Kind) (time.Duration, bool) {
	for _, n := range st.Next {
		if n.Kind == k {
			return n.In, true
		}
	}
	return 0, false
}

func mustIn(t testing.TB, e *Engine, now time.Time, k Kind) time.Duration {
	t.Helper()
	d, ok := nextIn(e.Status(now), k)
	if !ok {
		t.Fatalf("%s missing from Status.Next", k)
	}
	return d
}
