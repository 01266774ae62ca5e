// Package recovery runs Limber's back-strain recovery plan, after the seed
// guide: protect early but keep moving, mobilize, strengthen, return to load
// gradually, then keep the strength. It screens for red flags first, moves
// the plan on as the daily check-ins show the back tolerates more (a
// phase's day is only the earliest it may start), holds it while the
// review says worsening or not improving, or until a clinician has
// assessed a history flag, routes advice to the right level of care, and
// tells the agent how to adapt the schedule (walking prompts, the phase's
// exercises, ice and heat timers).
//
// The plan logic is pure: no Fyne, no clock (every call takes now), no I/O.
// Only state.go reads and writes the plan's state file.
package recovery
