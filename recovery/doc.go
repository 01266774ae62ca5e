// Package recovery runs Limber's back-strain recovery plan, after the seed
// guide: protect early but keep moving, mobilize, strengthen, return to load
// gradually, then keep the strength. It screens for red flags first, picks
// today's phase from the days since the strain and the daily check-ins,
// routes advice to the right level of care, and tells the agent how to adapt
// the schedule (walking prompts, the phase's exercises, ice and heat timers).
//
// The plan logic is pure: no Fyne, no clock (every call takes now), no I/O.
// Only state.go reads and writes the plan's state file.
package recovery
