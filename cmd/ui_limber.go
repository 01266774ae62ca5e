package cmd

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/limberapp/limber/agent"
	"github.com/limberapp/limber/ui"
)

var uiLimberCmd = &cobra.Command{
	Use:   "limber",
	Short: "The Limber window: next breaks, take a break now, pause or resume, settings, quit",
	Args:  cobra.NoArgs,
	RunE:  runLimberView,
}

func runLimberView(cmd *cobra.Command, args []string) error {
	a := newApp()
	v := ui.NewLimberView(a, limberOptions())
	v.Show()
	a.Run()
	return nil
}

// limberOptions connect the Limber window to the agent's control socket.
func limberOptions() ui.LimberOptions {
	do := func(req agent.Request) error {
		_, err := call(req)
		return err
	}
	return ui.LimberOptions{
		Status: func() (ui.LimberStatus, error) {
			resp, err := call(agent.Request{Cmd: "status"})
			if err != nil || resp.Status == nil {
				return ui.LimberStatus{}, err
			}
			return limberStatus(*resp.Status), nil
		},
		Break: func(kind string) error { return do(agent.Request{Cmd: "break", Kind: kind}) },
		Pause: func(d time.Duration) error {
			if d <= 0 {
				return do(agent.Request{Cmd: "pause", UntilTomorrow: true})
			}
			return do(agent.Request{Cmd: "pause", Seconds: d.Seconds()})
		},
		Resume:   func() error { return do(agent.Request{Cmd: "resume"}) },
		Settings: func() error { return do(agent.Request{Cmd: "open", View: "settings"}) },
		Quit:     func() error { return do(agent.Request{Cmd: "quit"}) },
	}
}

// limberStatus is the agent's status as the window shows it.
func limberStatus(st agent.StatusJSON) ui.LimberStatus {
	out := ui.LimberStatus{State: st.State, InBreak: st.InBreak}
	if st.PausedUntil != nil {
		out.PausedUntil = *st.PausedUntil
	}
	for _, n := range st.Next {
		out.Next = append(out.Next, ui.LimberNext{Kind: n.Kind, In: time.Duration(n.DueInSeconds) * time.Second})
	}
	return out
}

func init() { uiCmd.AddCommand(uiLimberCmd) }
