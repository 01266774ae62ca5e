package cmd

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/limberapp/limber/agent"
	"github.com/limberapp/limber/i18n"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/ui"
)

// openWindow is --window, the launcher's flag: open the Limber window,
// starting the agent first when none runs.
var openWindow bool

func init() {
	rootCmd.Flags().BoolVar(&openWindow, "window", false, "also open the Limber window (the app launcher's entry does; a second `limber` always does)")
}

// runAgent starts the resident tray agent (`limber` with no arguments).
// When an agent already runs, a second `limber` opens its Limber window.
func runAgent(cmd *cobra.Command, args []string) error {
	path, err := platform.ConfigFile(configPath)
	if err != nil {
		return err
	}
	if openWindow {
		// This process may become the agent: open the window once it
		// answers, if it is this one.
		go func() {
			for range 100 {
				time.Sleep(100 * time.Millisecond)
				resp, err := call(agent.Request{Cmd: "status"})
				if err != nil || resp.Status == nil {
					continue
				}
				if resp.Status.PID == os.Getpid() {
					openLimberWindow(io.Discard, false)
				}
				return
			}
		}()
	}
	err = agent.Main(path, true)
	if agent.IsRunning(err) {
		openLimberWindow(cmd.OutOrStdout(), true)
		return nil
	}
	return err
}

// openLimberWindow asks the agent for the Limber window. Where no window
// can open (a Wayland session without XWayland), it says why, with what
// the window would have shown, on out and in a notification.
func openLimberWindow(out io.Writer, again bool) {
	running := ""
	if again {
		running = i18n.L("cli.already_running") + " "
	}
	if why := platform.WindowProblem(); why != nil {
		summary := i18n.L("cli.running")
		if resp, err := call(agent.Request{Cmd: "status"}); err == nil && resp.Status != nil {
			summary = limberSummary(*resp.Status)
		}
		fmt.Fprintf(out, "%s%s\n%s\n", running, i18n.L("cli.window_cannot_open", i18n.Args{"Why": why.Error()}), summary)
		n := platform.NewNotifier(nil)
		n.Send(platform.Notification{
			Title: i18n.L("notray.window.title"),
			Body:  i18n.L("cli.window_cannot_open.body", i18n.Args{"Why": capitalizeFirst(why.Error()), "Summary": summary}),
		})
		return
	}
	if _, err := call(agent.Request{Cmd: "open", View: "limber"}); err != nil {
		fmt.Fprintf(out, "%s%s\n", running, i18n.L("cli.window_did_not_open", i18n.Args{"Error": err.Error()}))
		return
	}
	fmt.Fprintf(out, "%s%s\n", running, i18n.L("cli.opening_window"))
}

// limberSummary is the Limber window's content in a sentence or two.
func limberSummary(st agent.StatusJSON) string {
	s := limberStatus(st)
	line := i18n.L("notify.sentence", i18n.Args{"Text": ui.LimberStateLine(s, time.Now())})
	var next []string
	for _, n := range s.Next {
		name := n.Kind
		if i18n.Has("break." + n.Kind + ".name") {
			name = i18n.L("break." + n.Kind + ".name")
		}
		next = append(next, i18n.L("notray.next_item", i18n.Args{"Break": name, "When": ui.DueText(n.In)}))
	}
	if len(next) > 0 {
		line += " " + i18n.L("notray.next", i18n.Args{"List": strings.Join(next, ", ")})
	}
	return line
}

func capitalizeFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// socketPath finds the running agent's control socket: $LIMBER_SOCKET (set
// for views the agent starts) or the runtime directory.
func socketPath() (string, error) {
	if s := os.Getenv("LIMBER_SOCKET"); s != "" {
		return s, nil
	}
	return platform.SocketPath()
}

// call sends one request to the running agent; no agent gives exit code 3.
func call(req agent.Request) (agent.Response, error) {
	sock, err := socketPath()
	if err != nil {
		return agent.Response{}, err
	}
	resp, err := agent.Call(sock, req)
	if err == agent.ErrNoAgent {
		return resp, &exitError{code: 3, err: err}
	}
	return resp, err
}
