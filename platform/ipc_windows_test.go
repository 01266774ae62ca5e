//go:build windows

package platform

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/windows"
)

// testPipe is a control pipe name of this user's that no agent uses.
func testPipe(t *testing.T) string {
	name, err := SocketPath()
	if err != nil {
		t.Fatal(err)
	}
	sid, _ := userSID()
	if !strings.HasPrefix(name, `\\.\pipe\limber-S-1-`) || !strings.HasSuffix(name, sid) {
		t.Fatalf("SocketPath = %q, expected \\\\.\\pipe\\limber-<SID> for SID %s", name, sid)
	}
	return fmt.Sprintf("%s-test-%d-%s", name, os.Getpid(), t.Name())
}

// A line written by the CLI reaches the agent, and its answer comes back,
// over the pipe, followed by the end of the stream when the agent closes.
func TestControlPipeRoundTrip(t *testing.T) {
	name := testPipe(t)
	l, err := ListenControl(name)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		c, err := l.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		line, _ := bufio.NewReader(c).ReadString('\n')
		fmt.Fprintf(c, "got %s", line)
	}()
	c, err := DialControl(name, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(c, "ping\n")
	r := bufio.NewReader(c)
	got, err := r.ReadString('\n')
	if err != nil || got != "got ping\n" {
		t.Fatalf("answer %q, %v", got, err)
	}
	if rest, err := r.ReadString('\n'); err == nil || rest != "" {
		t.Fatalf("after the answer: %q %v, expected the end of the stream", rest, err)
	}
}

// A second agent (or a squatter) cannot take a name already served.
func TestControlPipeNameIsNotShared(t *testing.T) {
	name := testPipe(t)
	l, err := ListenControl(name)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if l2, err := ListenControl(name); err == nil {
		l2.Close()
		t.Fatal("a second listener on the same pipe name was allowed")
	}
}

// Nothing listening: dialling fails at once, not after the timeout.
func TestControlPipeAbsent(t *testing.T) {
	start := time.Now()
	if c, err := DialControl(testPipe(t), 30*time.Second); err == nil {
		c.Close()
		t.Fatal("dialled a pipe nobody serves")
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Fatalf("dialling an absent pipe took %v", d)
	}
}

// The pipe's DACL is the one entry for this user.
func TestControlPipeDACLIsThisUserOnly(t *testing.T) {
	name := testPipe(t)
	l, err := ListenControl(name)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		if c, err := l.Accept(); err == nil {
			time.Sleep(time.Second)
			c.Close()
		}
	}()
	c, err := DialControl(name, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	h := windows.Handle(c.(interface{ Fd() uintptr }).Fd())
	sd, err := windows.GetSecurityInfo(h, windows.SE_KERNEL_OBJECT, windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		t.Fatal(err)
	}
	sid, _ := userSID()
	s := sd.String()
	if !strings.HasPrefix(s, "D:P(") || strings.Count(s, "(") != 1 || !strings.Contains(s, ";;;"+sid+")") {
		t.Fatalf("pipe DACL %q, expected D:P with one entry for %s", s, sid)
	}
}

// A read past its deadline ends with a timeout error, and Close ends a
// pending Accept: the agent's 10-second limit per request and its shutdown
// depend on both.
func TestControlPipeDeadlineAndClose(t *testing.T) {
	name := testPipe(t)
	l, err := ListenControl(name)
	if err != nil {
		t.Fatal(err)
	}
	accepted := make(chan error, 1)
	go func() {
		c, err := l.Accept()
		if err == nil {
			defer c.Close()
			c.SetDeadline(time.Now().Add(100 * time.Millisecond))
			_, err = c.Read(make([]byte, 10))
		}
		accepted <- err
	}()
	c, err := DialControl(name, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	err = <-accepted
	if ne, ok := err.(interface{ Timeout() bool }); !ok || !ne.Timeout() {
		t.Fatalf("reading past the deadline: %v, expected a timeout", err)
	}

	done := make(chan error, 1)
	go func() { _, err := l.Accept(); done <- err }()
	time.Sleep(100 * time.Millisecond) // let Accept start waiting (either order must work)
	l.Close()
	if err := <-done; err == nil {
		t.Fatal("Accept returned a connection after Close")
	}
	// The name is free again.
	l2, err := ListenControl(name)
	if err != nil {
		t.Fatalf("listening again after Close: %v", err)
	}
	l2.Close()
}

// A client that connects and leaves before the agent accepts (a CLI
// killed at once, a probe) does not end the agent's listening: the next
// Accept still serves the next client.
func TestControlPipeClientThatLeftAtOnce(t *testing.T) {
	name := testPipe(t)
	l, err := ListenControl(name)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	c, err := DialControl(name, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	served := make(chan error, 2)
	go func() {
		for i := 0; i < 2; i++ {
			c, err := l.Accept()
			if err != nil {
				served <- err
				return
			}
			fmt.Fprintf(c, "hello\n")
			c.Close()
			served <- nil
		}
	}()
	c2, err := DialControl(name, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	c2.SetDeadline(time.Now().Add(10 * time.Second))
	got, err := bufio.NewReader(c2).ReadString('\n')
	if err != nil || got != "hello\n" {
		t.Fatalf("the client after one that left: %q %v (accept: %v)", got, err, drain(served))
	}
}

func drain(ch chan error) []error {
	var out []error
	for {
		select {
		case err := <-ch:
			out = append(out, err)
		default:
			return out
		}
	}
}
