package cmd

import (
	"errors"
	"fmt"
	"os"
	"sort"

	"github.com/spf13/cobra"

	"github.com/limberapp/limber/agent"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/ui"
)

var uiSettingsCmd = &cobra.Command{
	Use:   "settings",
	Short: "The settings window: every preference, checked as you type, saved atomically",
	Args:  cobra.NoArgs,
	RunE:  runSettingsView,
}

func runSettingsView(cmd *cobra.Command, args []string) error {
	path, err := platform.ConfigFile(configPath)
	if err != nil {
		return err
	}
	opt := ui.SettingsOptions{
		Path:      path,
		Environ:   os.Environ(),
		Autostart: platform.Autostart{},
		Reload:    reloadAgent,
	}
	if lib, err := loadLibrary(); err == nil {
		for _, e := range lib.Exercises {
			if !e.Demo {
				opt.Exercises = append(opt.Exercises, ui.SettingsChoice{Value: e.ID, Label: e.Name})
			}
		}
		sort.Slice(opt.Exercises, func(i, j int) bool { return opt.Exercises[i].Label < opt.Exercises[j].Label })
	} else {
		fmt.Fprintln(os.Stderr, "limber: exercises not listed:", err)
	}
	a := newApp()
	v := ui.NewSettingsView(a, opt)
	v.Show()
	a.Run()
	return nil
}

// reloadAgent asks a running agent to read the settings again; with no
// agent running there is nothing to tell.
func reloadAgent() error {
	_, err := call(agent.Request{Cmd: "reload"})
	if errors.Is(err, agent.ErrNoAgent) {
		return nil
	}
	return err
}

func init() { uiCmd.AddCommand(uiSettingsCmd) }
