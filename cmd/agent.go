package cmd

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/limberapp/limber/agent"
	"github.com/limberapp/limber/platform"
)

// runAgent starts the resident tray agent (`limber` with no arguments).
func runAgent(cmd *cobra.Command, args []string) error {
	path, err := platform.ConfigFile(configPath)
	if err != nil {
		return err
	}
	err = agent.Main(path, true)
	if agent.IsRunning(err) {
		// The person started Limber again: show them its settings.
		if _, cerr := call(agent.Request{Cmd: "open", View: "settings"}); cerr != nil {
			fmt.Fprintln(cmd.OutOrStdout(), "Limber is already running.")
		} else {
			fmt.Fprintln(cmd.OutOrStdout(), "Limber is already running; opening its settings.")
		}
		return nil
	}
	return err
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
