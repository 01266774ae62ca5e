package recovery

import (
	"errors"
	"testing"
	"time"
)

// zone is a fixed zone so the tests do not depend on the machine's.
var zone = time.FixedZone("UTC+1", 3600)

// strainDay is day 0 of the test plans.
var strainDay = time.Date(2026, 3, 2, 0, 0, 0, 0, zone)

// at is hour:00 on day d of the plan.
func at(d, hour int) time.Time {
	return strainDay.AddDate(0, 0, d).Add(time.Duration(hour) * time.Hour)
}

// newPlan starts a plan on day 0 with intake pain and flags.
func newPlan(t *testing.T, pain int, flags ...string) *Plan {
	t.Helper()
	p, _, err := Start(strainDay, at(0, 10), Intake{How: "lifting a box", Pain: pain, Flags: flags})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// checkin records a check-in on day d at 20:00.
func checkin(t *testing.T, p *Plan, d int, c Checkin) Advice {
	t.Helper()
	c.Date = at(d, 0)
	a, err := p.CheckIn(c, at(d, 20))
	if err != nil {
		t.Fatalf("day %d: %v", d, err)
	}
	return a
}

// fieldOf returns the field of a *FieldError, or "" for another error.
func fieldOf(err error) string {
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe.Field
	}
	return ""
}
