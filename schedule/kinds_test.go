package schedule

import (
	"reflect"
	"testing"
	"time"
)

func TestKindRanking(t *testing.T) {
	cfg := utcConfig()
	// Mobility configured longer than rest: it ranks above rest, but idle
	// as long as the rest break still resets it.
	cfg.Breaks[Mobility] = BreakConfig{Enabled: true, Every: time.Hour, Duration: 15 * time.Minute}
	e := New(cfg, t0)
	if !e.longer(1, 2) || e.longer(2, 1) {
		t.Error("ranking by Duration")
	}
	if got := e.natDur(1); got != 10*time.Minute {
		t.Errorf("natural length of mobility %v, want the rest break's 10m", got)
	}
	if got := e.covers(1); !reflect.DeepEqual(got, []Kind{Posture, Rest}) {
		t.Errorf("covers %v", got)
	}
	// Equal durations: the later kind ranks higher, and each covers the other.
	cfg.Breaks[Mobility] = BreakConfig{Enabled: true, Every: time.Hour, Duration: 10 * time.Minute}
	e = New(cfg, t0)
	if !e.longer(2, 1) || e.longer(1, 2) {
		t.Error("tie broken by order")
	}
	if got := e.covers(1); !reflect.DeepEqual(got, []Kind{Posture, Rest}) {
		t.Errorf("covers %v", got)
	}
	// No rest duration at all: the longest duration resets everything.
	cfg = utcConfig()
	cfg.Breaks[Rest] = BreakConfig{}
	e = New(cfg, t0)
	if got := e.restDur(); got != 3*time.Minute {
		t.Errorf("restDur %v", got)
	}
	if e.enabled(2) {
		t.Error("a kind with no interval is not enabled")
	}
}

func TestTarget(t *testing.T) {
	e := New(utcConfig(), t0)
	e.clocks[0].acc = 20 * time.Minute // posture due now
	e.clocks[1].acc = 56 * time.Minute // mobility due in 4m
	e.clocks[2].acc = 114 * time.Minute
	if got := e.target(0, 0); got != 1 {
		t.Errorf("posture due with mobility 4m away: target %s", Kinds[got])
	}
	e.clocks[2].acc = 116 * time.Minute // rest due in 4m too: the longest wins
	if got := e.target(0, 0); got != 2 {
		t.Errorf("target %s", Kinds[got])
	}
	e.clocks[1].acc, e.clocks[2].acc = 54*time.Minute, 100*time.Minute
	if got := e.target(0, 0); got != 0 {
		t.Errorf("nothing within 5m: target %s", Kinds[got])
	}
}
