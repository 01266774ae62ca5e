package recovery

import (
	"time"
)

// StatusJSON is what `limber recovery status --json` prints.
type StatusJSON struct {
	Active     bool    `json:"active"`
	Phase      *string `json:"phase"` // null when no plan is active
	PhaseTitle string  `json:"phase_title,omitempty"`
	Day        int     `json:"day"`
	Since      string  `json:"since,omitempty"` // YYYY-MM-DD
	Stopped    bool    `json:"stopped,omitempty"`

	Advice     string     `json:"advice"`      // self-care, see-clinician, urgent, emergency
	AdviceText string     `json:"advice_text"` // what to do, in plain words
	Reasons    []string   `json:"reasons"`
	RedFlags   []FlagJSON `json:"red_flags"` // the flags behind the advice
	Review     string     `json:"review,omitempty"`

	ScaledBack   bool         `json:"scaled_back"`
	CheckinDue   bool         `json:"checkin_due"`
	LastCheckin  *CheckinJSON `json:"last_checkin,omitempty"`
	CheckinCount int          `json:"checkins"`

	// Guidance shown whatever the plan says.
	SeekCareIf      []string `json:"seek_care_if"`
	EmergencySigns  []string `json:"emergency_signs"`
	EmergencyAction string   `json:"emergency_action"`
}

// FlagJSON is one red flag of StatusJSON.
type FlagJSON struct {
	ID     string `json:"id"`
	Level  string `json:"level"` // the content level: emergency, same-day, routine
	Title  string `json:"title"`
	Action string `json:"action"`
}

// CheckinJSON is the last check-in of StatusJSON.
type CheckinJSON struct {
	Date     string   `json:"date"`
	Pain     int      `json:"pain"`
	Function string   `json:"function,omitempty"`
	Sleep    string   `json:"sleep,omitempty"`
	Flags    []string `json:"flags,omitempty"`
}

// Status reports the plan on now's date. A nil or stopped plan has a null
// phase and self-care advice, with the general guidance still filled in.
func (p *Plan) Status(now time.Time) StatusJSON {
	var s StatusJSON
	lib, err := DefaultLibrary()
	if p != nil {
		lib, err = p.Library(), nil
	}
	s.SeekCareIf = SeekCareIf
	s.Reasons, s.RedFlags = []string{}, []FlagJSON{}
	s.Advice, s.AdviceText = LevelSelfCare, "No recovery plan is active. Start one with `limber recovery start` if you have strained your back."
	if err == nil {
		for _, f := range FlagsAt(lib, "emergency") {
			s.EmergencySigns = append(s.EmergencySigns, f.Title)
			s.EmergencyAction = f.Action
		}
	}
	if p == nil {
		return s
	}
	s.Since, s.CheckinCount, s.Stopped = fmtDate(p.Since), len(p.Checkins), p.Stopped
	if l := p.Latest(now); l != nil {
		s.LastCheckin = &CheckinJSON{Date: fmtDate(l.Date), Pain: l.Pain, Function: l.Function, Sleep: l.Sleep, Flags: l.Flags}
	}
	if p.Stopped {
		s.AdviceText = "The recovery plan was stopped on " + fmtDate(p.StoppedAt) + "."
		return s
	}
	st := p.PhaseState(now)
	if st.Phase == nil {
		return s
	}
	id := st.Phase.ID
	s.Active, s.Phase, s.PhaseTitle, s.Day = true, &id, st.Phase.Title, p.Day(now)
	s.ScaledBack, s.CheckinDue = st.ScaledBack, !p.CheckedInToday(now)
	a := p.Advice(now)
	s.Advice, s.AdviceText, s.Review = a.Level, a.Headline, a.Review
	if a.Reasons != nil {
		s.Reasons = a.Reasons
	}
	for _, f := range a.Flags {
		s.RedFlags = append(s.RedFlags, FlagJSON{ID: f.ID, Level: f.Level, Title: f.Title, Action: f.Action})
	}
	return s
}
