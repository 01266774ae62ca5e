// Package stats turns the records of Limber's journal into the numbers of
// its history: per-day counts of breaks by outcome, the share taken, active
// time, the longest stretch without a break, totals by week or month, an
// hour × weekday heatmap, streaks, body areas exercised, and the check-in
// series. It is pure: values in, values out, no I/O, no Fyne.
package stats
