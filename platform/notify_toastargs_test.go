package platform

import (
	"math/rand"
	"testing"
)

func TestToastArgsRoundTrip(t *testing.T) {
	seed := rand.Int63()
	r := rand.New(rand.NewSource(seed))
	keys := []string{DefaultAction, "postpone", "skip", "a:b", "later-10m"}
	for i := 0; i < 2000; i++ {
		id := r.Uint32()%1_000_000 + 1
		if i == 0 {
			id = ^uint32(0)
		}
		key := keys[r.Intn(len(keys))]
		gotID, gotKey, err := parseToastArgs(toastArgs(id, key))
		if err != nil || gotID != id || gotKey != key {
			t.Fatalf("seed %d: %d %q came back as %d %q %v", seed, id, key, gotID, gotKey, err)
		}
	}
	for _, bad := range []string{"", "limber:", "limber:5", "limber:5:", "limber:x:skip", "limber:0:skip", "limber:99999999999:skip", "other:5:skip", "https://example.org"} {
		if _, _, err := parseToastArgs(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
