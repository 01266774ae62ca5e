// Command limber is a desktop ergonomics and posture-break app.
//
// With no arguments it runs the resident tray agent; `limber ui VIEW` runs a
// short-lived window. See cmd/ for the command tree.
package main

import (
	// First: maps a C locale to English before Fyne's init reads it.
	_ "github.com/limberapp/limber/internal/clocale"

	"github.com/limberapp/limber/cmd"
)

func main() {
	cmd.Execute()
}
