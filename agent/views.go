package agent

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/limberapp/limber/schedule"
)

// ViewExit is how a break window's process ended.
type ViewExit struct {
	Err      error  // from Wait: nil for exit status 0
	LastLine string // the last line it wrote on stderr
}

// viewGrace is how long a view told to close (or a pre-started one
// discarded) may take to go before it is killed.
const viewGrace = 10 * time.Second

// processViews opens views by starting this same binary as
// `limber ui VIEW …`, a short-lived Fyne process. A break window reads
// commands on its stdin (`--control`): show, close, postpones N; the
// agent can pre-start one hidden when its warning goes out, so that it
// appears at once when the notification is clicked or the break falls
// due.
type processViews struct {
	exe    string
	config string
	socket string
	log    io.Writer
	// onLoop runs a function on the agent's loop.
	onLoop func(func())
	// grace is viewGrace (tests shorten it).
	grace time.Duration

	mu       sync.Mutex
	prepared map[schedule.Kind]*viewProc // hidden, waiting for show
	shown    map[schedule.Kind]*viewProc // on screen
	others   map[string]bool             // other views running, by name
}

// viewProc is a running break window process.
type viewProc struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	tail   *lastLine
	mu     sync.Mutex
	onExit func(ViewExit)
	exited bool
	done   chan struct{}
}

func (v *processViews) command(args ...string) *exec.Cmd {
	full := append([]string{"ui"}, args...)
	if v.config != "" {
		full = append(full, "--config", v.config)
	}
	c := exec.Command(v.exe, full...)
	c.Env = append(os.Environ(), "LIMBER_SOCKET="+v.socket)
	c.Stdout, c.Stderr = v.log, v.log
	return c
}

// start launches a break window process that takes commands on stdin.
func (v *processViews) start(k schedule.Kind, hidden bool, onExit func(ViewExit)) (*viewProc, error) {
	args := []string{"break", "--kind", string(k), "--control"}
	if hidden {
		args = append(args, "--hidden")
	}
	p := &viewProc{cmd: v.command(args...), onExit: onExit, tail: &lastLine{w: v.log}, done: make(chan struct{})}
	p.cmd.Stderr = p.tail
	in, err := p.cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	p.stdin = in
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the break window: %w", err)
	}
	go func() {
		err := p.cmd.Wait()
		p.mu.Lock()
		p.exited = true
		f := p.onExit
		p.mu.Unlock()
		close(p.done)
		v.mu.Lock()
		if v.prepared[k] == p {
			delete(v.prepared, k)
		}
		if v.shown[k] == p {
			delete(v.shown, k)
		}
		v.mu.Unlock()
		if f != nil {
			x := ViewExit{Err: err, LastLine: p.tail.last()}
			v.onLoop(func() { f(x) })
		}
	}()
	return p, nil
}

// endLater kills p if it is still running after the grace: a view that
// outlives its purpose must not live on invisibly.
func (p *viewProc) endLater(grace time.Duration) {
	if grace <= 0 {
		grace = viewGrace
	}
	go func() {
		select {
		case <-p.done:
		case <-time.After(grace):
			p.cmd.Process.Kill()
		}
	}()
}

// send writes one command line to the view.
func (p *viewProc) send(line string) error {
	_, err := io.WriteString(p.stdin, line+"\n")
	return err
}

// Prestart implements Views: start the window hidden.
func (v *processViews) Prestart(k schedule.Kind) error {
	v.mu.Lock()
	_, have := v.prepared[k]
	v.mu.Unlock()
	if have {
		return nil
	}
	p, err := v.start(k, true, nil)
	if err != nil {
		return err
	}
	v.mu.Lock()
	if v.prepared == nil {
		v.prepared = map[schedule.Kind]*viewProc{}
	}
	v.prepared[k] = p
	v.mu.Unlock()
	return nil
}

// Discard implements Views: a pre-started window that is no longer
// needed quits (its stdin closes), or is killed after the grace.
func (v *processViews) Discard(k schedule.Kind) {
	v.mu.Lock()
	p := v.prepared[k]
	delete(v.prepared, k)
	v.mu.Unlock()
	if p != nil {
		p.stdin.Close()
		p.endLater(v.grace)
	}
}

// OpenBreak implements Views: show the pre-started window, or start one.
// onExit belongs to the window shown: a pre-started process that has
// already ended never gets it.
func (v *processViews) OpenBreak(k schedule.Kind, onExit func(ViewExit)) error {
	v.mu.Lock()
	p := v.prepared[k]
	delete(v.prepared, k)
	v.mu.Unlock()
	if p != nil {
		p.mu.Lock()
		alive := !p.exited
		if alive {
			p.onExit = onExit
		}
		p.mu.Unlock()
		if alive && p.send("show") == nil {
			v.setShown(k, p)
			return nil
		}
		// It went away (or is going): it must not report for the new one.
		p.mu.Lock()
		p.onExit = nil
		p.mu.Unlock()
		p.stdin.Close()
		p.endLater(v.grace)
	}
	np, err := v.start(k, false, onExit)
	if err != nil {
		return err
	}
	v.setShown(k, np)
	return nil
}

func (v *processViews) setShown(k schedule.Kind, p *viewProc) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.shown == nil {
		v.shown = map[schedule.Kind]*viewProc{}
	}
	v.shown[k] = p
}

// CloseBreak implements Views: the break ended elsewhere; the window
// closes without reporting, or is killed after the grace.
func (v *processViews) CloseBreak(k schedule.Kind) {
	v.mu.Lock()
	p := v.shown[k]
	v.mu.Unlock()
	if p == nil {
		return
	}
	p.send("close")
	p.stdin.Close()
	p.endLater(v.grace)
}

// SetPostpones implements Views.
func (v *processViews) SetPostpones(k schedule.Kind, n int) {
	v.mu.Lock()
	p := v.shown[k]
	v.mu.Unlock()
	if p != nil {
		p.send(fmt.Sprintf("postpones %d", n))
	}
}

// Open implements Views: one window of each view at a time (a second
// click while settings is open does not start another; the Limber window
// brings its open one forward itself).
func (v *processViews) Open(view string, args ...string) error {
	v.mu.Lock()
	// The Limber window has its own single-window lock, which brings the
	// open one forward: let it run.
	if v.others[view] && view != "limber" {
		v.mu.Unlock()
		return nil
	}
	c := v.command(append([]string{view}, args...)...)
	if err := c.Start(); err != nil {
		v.mu.Unlock()
		return fmt.Errorf("starting the %s window: %w", view, err)
	}
	if v.others == nil {
		v.others = map[string]bool{}
	}
	v.others[view] = true
	v.mu.Unlock()
	go func() {
		c.Wait()
		v.mu.Lock()
		delete(v.others, view)
		v.mu.Unlock()
	}()
	return nil
}

// lastLine passes writes through to w and remembers the last non-empty
// line, for the message when a window fails.
type lastLine struct {
	w    io.Writer
	mu   sync.Mutex
	line string
	part []byte
}

func (l *lastLine) Write(b []byte) (int, error) {
	l.mu.Lock()
	l.part = append(l.part, b...)
	for {
		i := bytes.IndexByte(l.part, '\n')
		if i < 0 {
			break
		}
		if s := strings.TrimSpace(string(l.part[:i])); s != "" {
			l.line = s
		}
		l.part = l.part[i+1:]
	}
	if len(l.part) > 4096 {
		l.part = l.part[len(l.part)-4096:]
	}
	l.mu.Unlock()
	if l.w == nil {
		return len(b), nil
	}
	return l.w.Write(b)
}

func (l *lastLine) last() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if s := strings.TrimSpace(string(l.part)); s != "" {
		return s
	}
	return l.line
}
