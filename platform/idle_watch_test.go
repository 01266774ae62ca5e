package platform

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestWatchPlanRoundsUpAndPutsActivityLast(t *testing.T) {
	got, err := planIdleAlarms([]time.Duration{time.Second, 1500 * time.Microsecond, time.Nanosecond}, 250*time.Millisecond)
	if err != nil {
		t.Fatalf("planIdleAlarms: %v", err)
	}
	want := []idleAlarm{{ms: 1000}, {ms: 2}, {ms: 1}, {ms: 250, active: true}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("planIdleAlarms = %+v, want %+v", got, want)
	}
	got, err = planIdleAlarms(nil, 0)
	if err != nil || len(got) != 0 {
		t.Fatalf("planIdleAlarms(nil, 0) = %+v, %v; want no alarms", got, err)
	}
}

func TestWatchPlanRejectsBadArguments(t *testing.T) {
	cases := []struct {
		name   string
		marks  []time.Duration
		active time.Duration
		want   string
	}{
		{"zero mark", []time.Duration{time.Second, 0}, 0, "mark 1 is 0s"},
		{"negative mark", []time.Duration{-time.Second}, 0, "mark 0 is -1s"},
		{"negative activeAfter", nil, -time.Millisecond, "activeAfter is -1ms"},
		{"too many marks", make([]time.Duration, MaxIdleMarks+1), 0, "at most 16"},
	}
	for _, c := range cases {
		_, err := planIdleAlarms(c.marks, c.active)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want one saying %q", c.name, err, c.want)
		}
	}
}
