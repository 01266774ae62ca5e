package cmd

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/limberapp/limber/agent"
	"github.com/limberapp/limber/schedule"
)

var statusJSON bool

var statusCmd = &cobra.Command{
	Use:   "status",
	Short: "Show the running agent's state and the next breaks",
	Args:  cobra.NoArgs,
	RunE: func(cmd *cobra.Command, args []string) error {
		resp, err := call(agent.Request{Cmd: "status"})
		if err != nil {
			return err
		}
		st := resp.Status
		out := cmd.OutOrStdout()
		if statusJSON {
			enc := json.NewEncoder(out)
			enc.SetIndent("", "  ")
			return enc.Encode(st)
		}
		fmt.Fprintf(out, "State: %s\n", strings.ReplaceAll(st.State, "_", " "))
		if st.PausedUntil != nil {
			fmt.Fprintf(out, "Paused until: %s\n", st.PausedUntil.Local().Format("Mon 15:04"))
		}
		for _, n := range st.Next {
			fmt.Fprintf(out, "Next %-8s in %s (postpones left: %d)\n", n.Kind, time.Duration(n.DueInSeconds)*time.Second, n.PostponesLeft)
		}
		if st.SkipsLeft >= 0 {
			fmt.Fprintf(out, "Skips left today: %d\n", st.SkipsLeft)
		}
		fmt.Fprintf(out, "Notifications: %s; idle source: %s\nConfig: %s\n", st.Notifier, st.IdleSource, st.Config)
		for _, p := range st.Problems {
			fmt.Fprintf(out, "Settings problem: %s\n", p)
		}
		return nil
	},
}

var breakKind string

var breakCmd = &cobra.Command{
	Use:   "break now",
	Short: "Take a break now",
	Args: func(cmd *cobra.Command, args []string) error {
		if len(args) != 1 || args[0] != "now" {
			return &exitError{code: 2, err: fmt.Errorf("usage: limber break now [--kind posture|mobility|rest]")}
		}
		return nil
	},
	RunE: func(cmd *cobra.Command, args []string) error {
		if _, err := schedule.ParseKind(breakKind); err != nil {
			return &exitError{code: 2, err: fmt.Errorf("--kind: %w", err)}
		}
		_, err := call(agent.Request{Cmd: "break", Kind: breakKind})
		return err
	},
}

var pauseUntilTomorrow bool

var pauseCmd = &cobra.Command{
	Use:   "pause DURATION|--until-tomorrow",
	Short: "Pause breaks for a time (e.g. 30m, 1h30m) or until tomorrow morning",
	RunE: func(cmd *cobra.Command, args []string) error {
		req := agent.Request{Cmd: "pause"}
		switch {
		case pauseUntilTomorrow && len(args) == 0:
			req.UntilTomorrow = true
		case !pauseUntilTomorrow && len(args) == 1:
			d, err := time.ParseDuration(args[0])
			if err != nil || d <= 0 || d > 24*time.Hour {
				return &exitError{code: 2, err: fmt.Errorf("pause: %q is not a duration between 1s and 24h such as 30m or 1h30m", args[0])}
			}
			req.Seconds = d.Seconds()
		default:
			return &exitError{code: 2, err: fmt.Errorf("usage: limber pause DURATION (e.g. 30m) or limber pause --until-tomorrow")}
		}
		_, err := call(req)
		return err
	},
}

func simple(use, short, cmdName string) *cobra.Command {
	return &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := call(agent.Request{Cmd: cmdName})
			return err
		},
	}
}

func init() {
	statusCmd.Flags().BoolVar(&statusJSON, "json", false, "print JSON")
	breakCmd.Flags().StringVar(&breakKind, "kind", "posture", "posture, mobility or rest")
	pauseCmd.Flags().BoolVar(&pauseUntilTomorrow, "until-tomorrow", false, "pause until tomorrow's resume time (breaks.resume_at)")
	rootCmd.AddCommand(statusCmd, breakCmd, pauseCmd,
		simple("resume", "Resume breaks after a pause", "resume"),
		simple("quit", "Quit the running agent", "quit"))
}

var reloadCmd = &cobra.Command{
	Use:   "reload",
	Short: "Ask the running agent to re-read its settings",
	Args:  cobra.NoArgs,
	RunE: func(cmd *cobra.Command, args []string) error {
		_, err := call(agent.Request{Cmd: "reload"})
		if err == nil {
			fmt.Fprintln(cmd.OutOrStdout(), "Settings reloaded.")
		}
		return err
	},
}

func init() { rootCmd.AddCommand(reloadCmd) }
