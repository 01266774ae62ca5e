package recovery

import (
	"math/rand/v2"
	"testing"
	"time"
)

// randomTimer is a timer in a phase where both kinds apply, with random
// lengths and gaps.
func randomTimer(r *rand.Rand) ThermalTimer {
	var rules []ThermalRule
	for _, kind := range []string{"ice", "heat"} {
		rules = append(rules, ThermalRule{Kind: kind, Max: time.Duration(1+r.IntN(40)) * time.Minute,
			Gap: time.Duration(r.IntN(300)) * time.Minute, Phases: []string{"test"}})
	}
	return ThermalTimer{Phase: "test", PhaseTitle: "Test", Rules: rules}
}

// Trimming the sessions never changes what CanStart answers from then on
// (for the next 48 hours), while what is kept stays bounded.
func TestTrimSessionsKeepsEveryAnswer(t *testing.T) {
	seed := time.Now().UnixNano()
	r := rand.New(rand.NewPCG(uint64(seed), 7))
	t.Logf("seed %d", seed)
	kinds := []string{"ice", "heat", "steam"}
	for round := 0; round < 400; round++ {
		tt := randomTimer(r)
		now := at(10, 0).Add(time.Duration(r.IntN(24*60)) * time.Minute)
		var sessions []Session
		start := now.Add(-time.Duration(r.IntN(20*24*60)) * time.Minute)
		for n := r.IntN(300); n > 0; n-- {
			start = start.Add(time.Duration(r.IntN(12*60)) * time.Minute)
			s := Session{Kind: kinds[r.IntN(len(kinds))], Start: start}
			switch r.IntN(4) {
			case 0: // still open (a crash, or running)
			case 1: // ended late (asleep when the timer ran out)
				s.End = start.Add(time.Duration(r.IntN(4*24*60)) * time.Minute)
			default:
				s.End = start.Add(time.Duration(r.IntN(40)) * time.Minute)
			}
			sessions = append(sessions, s)
		}
		kept := tt.TrimSessions(sessions, now)
		if len(kept) > len(sessions) {
			t.Fatalf("seed %d round %d: kept more than there was", seed, round)
		}
		for _, s := range kept {
			if s.Start.Before(now.Add(-5*24*time.Hour)) && s.End.IsZero() {
				t.Fatalf("seed %d round %d: kept an old open session %+v at %v", seed, round, s, now)
			}
		}
		for i := 0; i < 40; i++ {
			later := now.Add(time.Duration(r.IntN(48*60)) * time.Minute)
			for _, kind := range kinds[:2] {
				ok1, why1 := tt.CanStart(kind, later, sessions)
				ok2, why2 := tt.CanStart(kind, later, kept)
				if ok1 != ok2 || why1 != why2 {
					t.Fatalf("seed %d round %d: %s at %v: all sessions say %v %q, trimmed say %v %q\nsessions %v\nkept %v",
						seed, round, kind, later, ok1, why1, ok2, why2, sessions, kept)
				}
			}
		}
	}
}

// A long history shrinks to the sessions of the last days.
func TestTrimSessionsDropsOldOnes(t *testing.T) {
	tt := newPlan(t, 5).ThermalTimer(at(1, 12))
	var sessions []Session
	for d := 0; d < 365; d++ {
		for h := 8; h < 20; h += 3 {
			s := strainDay.AddDate(0, 0, d).Add(time.Duration(h) * time.Hour)
			sessions = append(sessions, Session{Kind: "ice", Start: s, End: s.Add(20 * time.Minute)})
		}
	}
	now := strainDay.AddDate(0, 0, 365).Add(9 * time.Hour)
	kept := tt.TrimSessions(sessions, now)
	if len(kept) == 0 || len(kept) > 12 {
		t.Fatalf("kept %d of %d sessions", len(kept), len(sessions))
	}
	if last := kept[len(kept)-1]; !last.Start.Equal(sessions[len(sessions)-1].Start) {
		t.Fatalf("the latest session was not kept: %v", kept)
	}
	// A session dated far in the future (a clock that was wrong) goes too.
	future := append(kept, Session{Kind: "ice", Start: now.AddDate(1, 0, 0)})
	if got := tt.TrimSessions(future, now); len(got) != len(kept) {
		t.Fatalf("kept a session a year ahead: %v", got)
	}
	// A session that started long ago but ended only an hour ago (the
	// timer ran out while the computer slept) still holds the gap.
	late := Session{Kind: "ice", Start: now.Add(-60 * time.Hour), End: now.Add(-time.Hour)}
	got := tt.TrimSessions([]Session{late}, now)
	if len(got) != 1 {
		t.Fatalf("dropped a session whose gap is not over: %v", got)
	}
	if ok, _ := tt.CanStart("ice", now, got); ok {
		t.Fatal("the gap after the late session was not kept")
	}
	// Without rules nothing can be judged, so nothing is dropped.
	if got := (ThermalTimer{}).TrimSessions(sessions, now); len(got) != len(sessions) {
		t.Fatalf("a timer without rules dropped sessions")
	}
}
