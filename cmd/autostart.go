package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/limberapp/limber/platform"
)

var autostartCmd = &cobra.Command{
	Use:       "autostart enable|disable|status",
	Short:     "Start Limber when you log in (or not)",
	ValidArgs: []string{"enable", "disable", "status"},
	Args: func(cmd *cobra.Command, args []string) error {
		if len(args) != 1 || (args[0] != "enable" && args[0] != "disable" && args[0] != "status") {
			return &exitError{code: 2, err: fmt.Errorf("usage: limber autostart enable|disable|status")}
		}
		return nil
	},
	RunE: func(cmd *cobra.Command, args []string) error {
		a := platform.Autostart{}
		where, _ := a.Path()
		out := cmd.OutOrStdout()
		switch args[0] {
		case "enable":
			if err := a.Enable(); err != nil {
				return err
			}
			fmt.Fprintf(out, "Limber will start when you log in (%s).\n", where)
		case "disable":
			if err := a.Disable(); err != nil {
				return err
			}
			fmt.Fprintln(out, "Limber will not start when you log in.")
		case "status":
			on, err := a.Enabled()
			if err != nil {
				return err
			}
			if on {
				fmt.Fprintf(out, "enabled (%s)\n", where)
			} else {
				fmt.Fprintln(out, "disabled")
			}
		}
		return nil
	},
}

func init() { rootCmd.AddCommand(autostartCmd) }
