// Package cmd is Limber's cobra command tree: the agent (the root command),
// the short-lived views under `ui`, and the commands that talk to a running
// agent. Each command lives in its own file and registers itself in init.
package cmd

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/limberapp/limber/agent"
	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/internal/clocale"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/prefs"
)

// Version is set at build time with -ldflags "-X .../cmd.Version=…".
var Version = "0.1.0"

// configPath is the --config flag; empty means LIMBER_CONFIG or the default.
var configPath string

var rootCmd = &cobra.Command{
	Use:           "limber",
	Short:         "Posture and micro-mobility breaks from the system tray",
	Long:          "Limber sits in the system tray, schedules posture, mobility and rest breaks, and opens guided exercises.\nRun with no arguments to start the tray agent.",
	Version:       Version,
	SilenceUsage:  true,
	SilenceErrors: true,
	Args:          cobra.NoArgs,
	RunE:          runAgent,
	// main mapped a C locale to English for Fyne (see clocale); only the
	// views keep it, so that what the others start sees the person's own.
	PersistentPreRun: func(c *cobra.Command, _ []string) {
		for p := c; p != nil; p = p.Parent() {
			if p == uiCmd {
				fyneLanguage(useLanguage())
				return
			}
		}
		clocale.Restore()
		useLanguage()
	},
}

func init() {
	rootCmd.PersistentFlags().StringVar(&configPath, "config", "", "config file (default $LIMBER_CONFIG or $XDG_CONFIG_HOME/limber/config.toml)")
}

// Execute runs the command line and exits non-zero on error.
func Execute() {
	if err := rootCmd.Execute(); err != nil {
		if errors.Is(err, agent.ErrNoAgent) {
			err = errors.New(i18n.L("error.no_agent"))
		}
		fmt.Fprintln(os.Stderr, "limber:", err)
		os.Exit(exitCode(err))
	}
}

// exitError carries a specific exit code.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func exitCode(err error) int {
	if e, ok := err.(*exitError); ok {
		return e.code
	}
	return 1
}

// useLanguage makes the messages speak the language the `ui.language`
// setting and the desktop choose, and returns it.
func useLanguage() string {
	setting := ""
	if path, err := platform.ConfigFile(configPath); err == nil {
		cfg, _ := prefs.Load(path, prefs.Options{})
		setting = cfg.Language
	}
	return i18n.Use(setting)
}
