package cmd

import "github.com/spf13/cobra"

// On Windows, cobra refuses to run a program that explorer.exe started
// (its "mousetrap": "This is a command line tool. You need to open cmd.exe
// and run it from there.", then exit after 5 s). Limber's agent is started
// exactly that way: by the Start-menu shortcut, a double click and the Run
// key at logon. An empty text turns the check off; elsewhere it is unused.
func init() { cobra.MousetrapHelpText = "" }
