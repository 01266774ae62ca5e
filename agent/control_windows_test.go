//go:build windows

package agent

import (
	"fmt"
	"os"
	"testing"

	"github.com/limberapp/limber/platform"
)

// A request goes to the agent's server and its answer comes back over the
// Windows control pipe, through the same listen, serve and Call that
// `limber status --json` uses.
func TestCallOverThePipe(t *testing.T) {
	name, err := platform.SocketPath()
	if err != nil {
		t.Fatal(err)
	}
	name = fmt.Sprintf("%s-test-%d", name, os.Getpid())
	l, err := listen(name)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	quit := make(chan Request, 32)
	go serve(l, func(r Request) Response {
		if r.Cmd != "status" {
			return Response{Error: "unexpected " + r.Cmd}
		}
		return Response{OK: true, Status: &StatusJSON{State: "running", PID: os.Getpid(), Next: []NextJSON{{Kind: "micro", DueInSeconds: 42}}}}
	}, func(r Request) { quit <- r })
	resp, err := Call(name, Request{Cmd: "status"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status == nil || resp.Status.State != "running" || resp.Status.PID != os.Getpid() || len(resp.Status.Next) != 1 || resp.Status.Next[0].DueInSeconds != 42 {
		t.Fatalf("status over the pipe: %+v", resp.Status)
	}
	if r := <-quit; r.Cmd != "status" {
		t.Fatalf("after-hook saw %q", r.Cmd)
	}
	// Many CLIs at once: each gets its answer (a busy pipe is retried).
	errs := make(chan error, 20)
	for i := 0; i < cap(errs); i++ {
		go func() {
			_, err := Call(name, Request{Cmd: "status"})
			errs <- err
		}()
	}
	for i := 0; i < cap(errs); i++ {
		if err := <-errs; err != nil {
			t.Fatalf("concurrent call: %v", err)
		}
		<-quit
	}
	if _, err := Call(name+"-nobody", Request{Cmd: "ping"}); err != ErrNoAgent {
		t.Fatalf("calling a pipe nobody serves: %v, expected ErrNoAgent", err)
	}
}
