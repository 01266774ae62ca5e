package cmd

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/limberapp/limber/agent"
	"github.com/limberapp/limber/i18n"
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
		printStatusText(out, st)
		return nil
	},
}

var breakKind string

var breakCmd = &cobra.Command{
	Use:   "break now",
	Short: "Take a break now",
	Args: func(cmd *cobra.Command, args []string) error {
		if len(args) != 1 || args[0] != "now" {
			return &exitError{code: 2, err: errors.New(i18n.L("cli.usage.break"))}
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
				return &exitError{code: 2, err: errors.New(i18n.L("cli.pause.bad_duration", i18n.Args{"Value": strconv.Quote(args[0])}))}
			}
			req.Seconds = d.Seconds()
		default:
			return &exitError{code: 2, err: errors.New(i18n.L("cli.usage.pause"))}
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
			fmt.Fprintln(cmd.OutOrStdout(), i18n.L("cli.reloaded"))
		}
		return err
	},
}

func init() { rootCmd.AddCommand(reloadCmd) }

// printStatusText is `limber status` for people, in their language.
func printStatusText(out io.Writer, st *agent.StatusJSON) {
	state := strings.ReplaceAll(st.State, "_", " ")
	if i18n.Has("cli.state." + st.State) {
		state = i18n.L("cli.state." + st.State)
	}
	fmt.Fprintln(out, i18n.L("cli.status.state", i18n.Args{"State": state}))
	if st.PausedUntil != nil {
		t := st.PausedUntil.Local()
		fmt.Fprintln(out, i18n.L("cli.status.paused_until", i18n.Args{"Time": i18n.WeekdayShort(t.Weekday()) + " " + t.Format("15:04")}))
	}
	for _, n := range st.Next {
		kind := n.Kind
		if i18n.Has("break." + n.Kind + ".short") {
			kind = i18n.L("break." + n.Kind + ".short")
		}
		fmt.Fprintln(out, i18n.L("cli.status.next", i18n.Args{"Kind": fmt.Sprintf("%-10s", kind), "When": (time.Duration(n.DueInSeconds) * time.Second).String(), "Postpones": n.PostponesLeft}))
	}
	if st.SkipsLeft >= 0 {
		fmt.Fprintln(out, i18n.L("cli.status.skips_left", i18n.Args{"Skips": st.SkipsLeft}))
	}
	fmt.Fprintln(out, i18n.L("cli.status.sources", i18n.Args{"Notifier": st.Notifier, "Idle": st.IdleSource}))
	fmt.Fprintln(out, i18n.L("cli.status.config", i18n.Args{"Path": st.Config}))
	for _, p := range st.Problems {
		fmt.Fprintln(out, i18n.L("cli.status.problem", i18n.Args{"Problem": p}))
	}
}
