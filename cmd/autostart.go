package cmd

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/platform"
)

var autostartCmd = &cobra.Command{
	Use:       "autostart enable|disable|status",
	Short:     "Start Limber when you log in (or not)",
	ValidArgs: []string{"enable", "disable", "status"},
	Args: func(cmd *cobra.Command, args []string) error {
		if len(args) != 1 || (args[0] != "enable" && args[0] != "disable" && args[0] != "status") {
			return &exitError{code: 2, err: errors.New(i18n.L("cli.usage.autostart"))}
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
			fmt.Fprintln(out, i18n.L("cli.autostart.on", i18n.Args{"Where": where}))
		case "disable":
			if err := a.Disable(); err != nil {
				return err
			}
			fmt.Fprintln(out, i18n.L("cli.autostart.off"))
		case "status":
			on, err := a.Enabled()
			if err != nil {
				return err
			}
			if on {
				fmt.Fprintln(out, i18n.L("cli.autostart.enabled", i18n.Args{"Where": where}))
			} else {
				fmt.Fprintln(out, i18n.L("cli.autostart.disabled"))
			}
		}
		return nil
	},
}

func init() { rootCmd.AddCommand(autostartCmd) }
