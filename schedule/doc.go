// Package schedule is Limber's scheduling engine. It is pure and
// deterministic: no Fyne, no I/O, no goroutines, no reading of the clock.
// Every call takes the current wall-clock time from the caller, and the
// engine answers "what happens next and when" so the agent can arm a single
// timer for it.
package schedule
