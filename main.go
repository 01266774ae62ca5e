// Command limber is a desktop ergonomics and posture-break app.
//
// With no arguments it runs the resident tray agent; `limber ui VIEW` runs a
// short-lived window. See cmd/ for the command tree.
package main

import "github.com/limberapp/limber/cmd"

func main() {
	cmd.Execute()
}
