package quiz

import (
	"encoding/json"
	"fmt"
)

// FileName is the lifting quiz's state file inside the state directory
// (the store package reads and writes it).
const FileName = "lifting-quiz.json"

// MarshalJSON writes the state in the current format version.
func (st State) MarshalJSON() ([]byte, error) {
	type plain State // no MarshalJSON of its own
	st.Version = StateVersion
	if st.Cards == nil {
		st.Cards = map[string]*Card{}
	}
	return json.Marshal(plain(st))
}

// Validate checks a state read back from its file, naming the field and
// what was expected, and fills in an absent cards map.
func (st *State) Validate() error {
	if st.Version != StateVersion {
		return fmt.Errorf("field \"version\": %d; expected %d", st.Version, StateVersion)
	}
	if st.Sessions < 0 {
		return fmt.Errorf("field \"sessions\": %d; expected 0 or more", st.Sessions)
	}
	if st.Cards == nil {
		st.Cards = map[string]*Card{}
	}
	for id, c := range st.Cards {
		switch {
		case c == nil:
			return fmt.Errorf("field \"cards.%s\": null; expected an object", id)
		case c.Box < FirstBox || c.Box > MaxBox:
			return fmt.Errorf("field \"cards.%s.box\": %d; expected %d to %d", id, c.Box, FirstBox, MaxBox)
		case c.Due < 0:
			return fmt.Errorf("field \"cards.%s.due\": %d; expected 0 or more", id, c.Due)
		case c.Asked < 0 || c.Right < 0 || c.Right > c.Asked:
			return fmt.Errorf("fields \"cards.%s.asked\"/\"right\": %d/%d; expected 0 ≤ right ≤ asked", id, c.Asked, c.Right)
		}
	}
	return nil
}
