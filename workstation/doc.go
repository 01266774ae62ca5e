// Package workstation is the logic behind Limber's workstation check: the
// wizard's steps for each kind of set-up, the answers and their scores per
// area and overall, the fixes ordered by impact, the measure helper that
// estimates seat, keyboard and screen heights from a person's height, the
// Markdown and printable HTML export, and the saved checks, history and
// resume state as plain data. Everything here is pure except state.go,
// which reads and writes that state as JSON in the state directory.
package workstation
