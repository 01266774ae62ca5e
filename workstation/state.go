package workstation

import "encoding/json"

// StateFile is the state's file name in the state directory (the store
// package reads and writes it).
const StateFile = "workstation.json"

// WelcomeMarker is the file in the state directory whose presence means
// the welcome was shown.
const WelcomeMarker = "welcome-shown"

// NewState is the state before any check: the current version, no draft,
// an empty history.
func NewState() State {
	return State{Version: StateVersion, History: History{}}
}

// MarshalJSON writes the state in the current format version, with an
// empty history rather than none.
func (s State) MarshalJSON() ([]byte, error) {
	type plain State // no MarshalJSON of its own
	s.Version = StateVersion
	if s.History == nil {
		s.History = History{}
	}
	return json.Marshal(plain(s))
}
