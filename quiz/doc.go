// Package quiz schedules quiz questions by spaced repetition: a Leitner box
// per question, so questions answered wrong come back at the next refresher
// and questions answered right come back less and less often.
//
// The scheduler (Deck) is pure: it works on a State value, counts time in
// refreshers (sessions), and takes its clock and random seed from the
// caller. state.go reads and writes the State as JSON in Limber's state
// directory.
package quiz
