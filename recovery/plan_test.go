package recovery

import (
	"errors"
	"strings"
	"testing"
)

func TestStartOnAStrainDayBeginsInProtect(t *testing.T) {
	p, a, err := Start(at(-1, 0), at(0, 10), Intake{How: "  twisted reaching  ", Pain: 6})
	if err != nil {
		t.Fatal(err)
	}
	if p.Phase != "protect" || p.Day(at(0, 10)) != 1 || p.How != "twisted reaching" || p.Severity != 6 {
		t.Fatalf("plan %+v day %d", p, p.Day(at(0, 10)))
	}
	if a.Level != LevelSelfCare || a.Headline == "" {
		t.Fatalf("advice %+v", a)
	}
}

func TestStartRejectsFutureDatesAndBadPain(t *testing.T) {
	_, _, err := Start(at(1, 0), at(0, 23), Intake{Pain: 3})
	if fieldOf(err) != "since" || !strings.Contains(err.Error(), "future") {
		t.Errorf("future since: %v", err)
	}
	for _, pain := range []int{-2, 11} {
		if _, _, err := Start(at(0, 0), at(0, 10), Intake{Pain: pain}); fieldOf(err) != "pain" || !strings.Contains(err.Error(), "0 (none) to 10") {
			t.Errorf("pain %d: %v", pain, err)
		}
	}
	if _, _, err := Start(at(0, 0), at(0, 10), Intake{Pain: 3, Flags: []string{"flag-made-up"}}); fieldOf(err) != "flag" || !strings.Contains(err.Error(), `"flag-made-up"`) || !strings.Contains(err.Error(), "flag-fever") {
		t.Errorf("unknown flag: %v", err)
	}
	if _, _, err := Start(at(0, 0), at(0, 10), Intake{Pain: 3, How: strings.Repeat("x", 600)}); fieldOf(err) != "how" {
		t.Errorf("long how: %v", err)
	}
}

func TestEmergencyFlagStartsNoPlan(t *testing.T) {
	p, a, err := Start(at(0, 0), at(0, 10), Intake{Pain: 4, Flags: []string{"flag-recurring", "flag-bladder-bowel"}})
	if !errors.Is(err, ErrEmergency) || p != nil {
		t.Fatalf("plan %v err %v", p, err)
	}
	if a.Level != LevelEmergency || len(a.Flags) != 2 || a.Flags[0].ID != "flag-bladder-bowel" || !strings.Contains(a.Headline, "emergency") {
		t.Fatalf("advice %+v", a)
	}
	if !strings.HasPrefix(a.Reasons[0], "New bladder or bowel trouble:") {
		t.Fatalf("the emergency reason should come first: %q", a.Reasons)
	}
}

func TestCheckInValidation(t *testing.T) {
	p := newPlan(t, 5)
	cases := []struct {
		c     Checkin
		now   int
		field string
		want  string
	}{
		{Checkin{Pain: 11}, 1, "pain", "0 (none) to 10"},
		{Checkin{Pain: -1}, 1, "pain", "0 (none) to 10"},
		{Checkin{Pain: 3, Date: at(3, 0)}, 1, "date", "future"},
		{Checkin{Pain: 3, Date: at(-1, 0)}, 1, "date", "before the plan started"},
		{Checkin{Pain: 3, Flags: []string{"flag-nope"}}, 1, "flag", `"flag-nope"`},
		{Checkin{Pain: 3, Function: "meh"}, 1, "function", "better, same or worse"},
		{Checkin{Pain: 3, Sleep: "fine"}, 1, "sleep", "good, or poor"},
		{Checkin{Pain: 3, Answers: map[string]string{"walking": "maybe"}}, 1, "answer", "yes or no"},
		{Checkin{Pain: 3, Answers: map[string]string{"function": "lots"}}, 1, "answer", "a little"},
		{Checkin{Pain: 3, Answers: map[string]string{"mood": "ok"}}, 1, "answer", `"mood"`},
	}
	for _, tc := range cases {
		_, err := p.CheckIn(tc.c, at(tc.now, 12))
		if fieldOf(err) != tc.field || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: got %v, want field %s mentioning %q", tc.c, err, tc.field, tc.want)
		}
	}
	if len(p.Checkins) != 0 {
		t.Fatalf("rejected check-ins were kept: %+v", p.Checkins)
	}
}

func TestSecondCheckInOnADayReplacesTheFirst(t *testing.T) {
	p := newPlan(t, 5)
	checkin(t, p, 2, Checkin{Pain: 5})
	checkin(t, p, 1, Checkin{Pain: 6})
	checkin(t, p, 2, Checkin{Pain: 4, Function: "better"})
	if len(p.Checkins) != 2 || p.Checkins[0].Pain != 6 || p.Checkins[1].Pain != 4 || p.Checkins[1].Function != "better" {
		t.Fatalf("check-ins %+v", p.Checkins)
	}
	if l := p.Latest(at(2, 21)); l == nil || l.Pain != 4 || !p.CheckedInToday(at(2, 21)) || p.CheckedInToday(at(3, 9)) {
		t.Fatalf("latest %+v", l)
	}
}

func TestStoppedPlanTakesNoCheckIns(t *testing.T) {
	p := newPlan(t, 5)
	p.Stop(at(1, 9))
	if _, err := p.CheckIn(Checkin{Pain: 2}, at(1, 10)); !errors.Is(err, ErrStopped) {
		t.Fatalf("got %v", err)
	}
	if p.Active() || p.Adapt(at(1, 10)).Active {
		t.Fatal("a stopped plan is still active")
	}
}

func TestBaselineFallsBackToFirstCheckIn(t *testing.T) {
	p := newPlan(t, -1)
	if p.Baseline() != -1 {
		t.Fatal(p.Baseline())
	}
	checkin(t, p, 1, Checkin{Pain: 7})
	checkin(t, p, 2, Checkin{Pain: 6})
	if p.Baseline() != 7 {
		t.Fatal(p.Baseline())
	}
}
