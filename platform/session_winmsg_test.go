package platform

import (
	"math/rand"
	"testing"
)

func TestWindowsSessionMessages(t *testing.T) {
	var s winSessionState
	for _, c := range []struct {
		msg    uint32
		wParam uintptr
		want   SessionEventKind
	}{
		{wmPowerBroadcast, pbtAPMSuspend, Sleep},
		{wmPowerBroadcast, pbtAPMSuspend, 0}, // delivered twice
		{wmPowerBroadcast, pbtAPMResumeAutomatic, Wake},
		{wmPowerBroadcast, pbtAPMResumeSuspend, 0}, // the second resume of one sleep
		{wmPowerBroadcast, 0xA, 0},                 // PBT_APMPOWERSTATUSCHANGE: not ours
		{wmWTSSessionChange, wtsSessionLock, Lock},
		{wmWTSSessionChange, wtsSessionLock, 0},
		{wmWTSSessionChange, 0x5, 0}, // WTS_SESSION_LOGON
		{wmWTSSessionChange, wtsSessionUnlock, Unlock},
		{wmWTSSessionChange, wtsSessionUnlock, 0},
		{0x0010, pbtAPMSuspend, 0},                 // WM_CLOSE with a lookalike wParam
		{wmPowerBroadcast, pbtAPMResumeSuspend, 0}, // a resume without a sleep seen
	} {
		if got := s.classify(c.msg, c.wParam); got != c.want {
			t.Fatalf("message %#x wParam %#x: %v, want %v", c.msg, c.wParam, got, c.want)
		}
	}
}

// Invariant, over random message sequences: sleep and wake alternate
// starting with sleep, and so do lock and unlock, whatever Windows repeats.
func TestWindowsSessionEventsAlternate(t *testing.T) {
	seed := rand.Int63()
	r := rand.New(rand.NewSource(seed))
	msgs := []struct {
		msg uint32
		w   uintptr
	}{
		{wmPowerBroadcast, pbtAPMSuspend}, {wmPowerBroadcast, pbtAPMResumeSuspend}, {wmPowerBroadcast, pbtAPMResumeAutomatic},
		{wmPowerBroadcast, 0xA}, {wmWTSSessionChange, wtsSessionLock}, {wmWTSSessionChange, wtsSessionUnlock}, {wmWTSSessionChange, 0x1},
	}
	var s winSessionState
	var lastPower, lastLock SessionEventKind = Wake, Unlock
	for i := 0; i < 10000; i++ {
		m := msgs[r.Intn(len(msgs))]
		switch k := s.classify(m.msg, m.w); k {
		case Sleep, Wake:
			if (k == Sleep) != (lastPower == Wake) {
				t.Fatalf("seed %d step %d: %v after %v", seed, i, k, lastPower)
			}
			lastPower = k
		case Lock, Unlock:
			if (k == Lock) != (lastLock == Unlock) {
				t.Fatalf("seed %d step %d: %v after %v", seed, i, k, lastLock)
			}
			lastLock = k
		}
	}
}
