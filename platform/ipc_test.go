package platform

import (
	"math/rand"
	"strings"
	"testing"
)

func TestPipeNameAndSDDLForAUser(t *testing.T) {
	const sid = "S-1-5-21-1004336348-1177238915-682003330-1001"
	name, err := pipeNameFor(sid)
	if err != nil || name != `\\.\pipe\limber-S-1-5-21-1004336348-1177238915-682003330-1001` {
		t.Fatalf("pipe name: %q %v", name, err)
	}
	sddl, err := pipeSDDL(sid)
	if err != nil || sddl != "D:P(A;;GA;;;"+sid+")" {
		t.Fatalf("SDDL: %q %v", sddl, err)
	}
}

// Whatever is not a SID is refused, so it can neither widen the pipe's
// ACL (an SDDL fragment like "WD)(A;;GA;;;WD" would let everyone in) nor
// turn the pipe name into another path.
func TestNotASIDIsRefused(t *testing.T) {
	for _, bad := range []string{"", "S", "S-1", "S-1-", "s-1-5-21", "S-1-5-x", "S-1-5-21)(A;;GA;;;WD", `S-1-5\..\x`, "WD", "S-1--5"} {
		if _, err := pipeNameFor(bad); err == nil || !strings.Contains(err.Error(), "SID") {
			t.Errorf("pipe name for %q: %v", bad, err)
		}
		if _, err := pipeSDDL(bad); err == nil {
			t.Errorf("SDDL for %q accepted", bad)
		}
	}
}

// Invariant: for any string, pipeSDDL either refuses it or yields exactly
// one ACE, for that string, with no other SDDL syntax in the SID part.
func TestPipeSDDLHasOneACEForAnyInput(t *testing.T) {
	seed := rand.Int63()
	r := rand.New(rand.NewSource(seed))
	const alphabet = "S-0123456789();:AGDPW\\."
	for i := 0; i < 5000; i++ {
		b := make([]byte, r.Intn(20))
		for j := range b {
			b[j] = alphabet[r.Intn(len(alphabet))]
		}
		sid := string(b)
		if r.Intn(2) == 0 {
			sid = "S-1-" + sid
		}
		sddl, err := pipeSDDL(sid)
		if err != nil {
			continue
		}
		if strings.Count(sddl, "(") != 1 || strings.Count(sddl, ")") != 1 || strings.ContainsAny(sid, "();:") {
			t.Fatalf("seed %d: SID %q gave SDDL %q", seed, sid, sddl)
		}
	}
}
