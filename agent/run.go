package agent

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"fyne.io/systray"

	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/recovery"
	"github.com/limberapp/limber/store"
)

// releaseAfter is how long after start the agent returns its start-up
// memory to the system.
const releaseAfter = 5 * time.Second

// Main runs the resident agent until Quit, SIGINT or SIGTERM. It returns
// platform.ErrRunning when another agent runs (after asking that one to
// open the requested view, if any).
func Main(configPath string, withViews bool) error {
	// The agent is one loop that sleeps until its next deadline: one P is
	// plenty, and with more the runtime wakes spare threads at every
	// timer or D-Bus message (measured: 35 against 9 context switches
	// over a minute of idling).
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(1)
	}
	inst, err := platform.AcquireInstance()
	if err != nil {
		return err
	}
	defer inst.Release()
	sock, err := platform.SocketPath()
	if err != nil {
		return err
	}
	l, err := listen(sock)
	if err != nil {
		return fmt.Errorf("control socket %s: %w", sock, err)
	}
	defer platform.RemoveControl(sock)

	opt := Options{ConfigPath: configPath, Log: os.Stderr, Zone: platform.LocalZone().Current}
	if dir, err := platform.StateDir(); err == nil {
		opt.StateDir = dir
	}
	if p, err := store.Path(recovery.StateFileName); err == nil {
		opt.RecoveryPath = p
	}
	var jr *journal.Journal
	if p, err := journal.DefaultPath(); err == nil {
		now := time.Now()
		// Closed months go to their archives first (the first time, the
		// one-time migration of a single file), so reading stays cheap.
		if err := journal.Rotate(p, now, nil); err != nil {
			fmt.Fprintln(os.Stderr, "limber: journal:", err)
		}
		opt.Rotate = func(t time.Time) error { return journal.Rotate(p, t, nil) }
		opt.Today, _, _ = journal.ReadTail(p, journal.DayStart(now, time.Local))
		if jr, err = journal.Open(p); err == nil {
			defer jr.Close()
			opt.Journal = jr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "limber: journal:", err)
	}
	var a *Agent
	// No window can open in a session with no display at all (Wayland
	// without XWayland): breaks are notifications from the start, and the
	// person is told why once. A display that does not answer yet may
	// still come up: windows are tried, and fail with a clear line.
	var noWindows error
	if os.Getenv("DISPLAY") == "" {
		noWindows = platform.WindowProblem()
	}
	nt := &noTray{desktop: os.Getenv("XDG_CURRENT_DESKTOP"), noWindows: noWindows, log: os.Stderr,
		after: func(d time.Duration, f func()) { time.AfterFunc(d, f) }}
	opt.Notifier = platform.NewNotifier(func(id uint32, key string) {
		if nt.isNotice(id) {
			// The no-tray notice: its click opens the Limber window.
			go a.openLimberWindow(nt)
			return
		}
		a.NotifyAction(id, key)
	})
	nt.notifier = opt.Notifier
	if withViews && noWindows != nil {
		fmt.Fprintln(os.Stderr, "limber: windows cannot open:", noWindows, "(breaks come as notifications)")
	} else if withViews {
		exe, err := platform.GUIExecutable()
		if err != nil {
			return err
		}
		opt.Views = &processViews{exe: exe, config: configPath, socket: sock, log: os.Stderr, onLoop: func(f func()) { go a.do(f) }}
	}
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer cancel()
	if idle, err := platform.DetectIdle(); err == nil {
		opt.Idle = idle
		// The source in use at the end (the agent may have found a new
		// one after the desktop came back) is closed then.
		defer func() {
			if a != nil && a.opt.Idle != nil {
				a.opt.Idle.Close()
			}
		}()
	} else {
		fmt.Fprintln(os.Stderr, "limber: idle detection:", err, "(you count as active whenever Limber runs)")
	}
	opt.Redetect = platform.DetectIdle
	opt.Alarm = newAlarm
	opt.DND = platform.CheckDND
	if events, _, err := platform.WatchSession(ctx); err == nil {
		opt.Session = events
	}
	a = New(opt)
	// Start-up (package inits, the settings, the journal's tail) leaves
	// heap pages, and pages of the program and its libraries, that the
	// idle agent never uses again: hand them back once (releaseStartup).
	time.AfterFunc(releaseAfter, releaseStartup)
	a.ReportProblems()
	a.FirstRun()

	go serve(l, func(req Request) Response {
		resp := a.Handle(req)
		return resp
	}, func(req Request) {
		if req.Cmd == "quit" {
			a.Quit()
		}
	})

	done := make(chan struct{})
	systray.Run(func() {
		a.opt.Tray = buildMenu(a)
		followTrayHost(ctx, nt)
		go func() {
			a.Run(ctx)
			l.Close()
			systray.Quit()
			close(done)
		}()
	}, func() {})
	select {
	case <-done:
	default:
		// The tray ended first (the session went away): stop the loop.
		a.Quit()
	}
	return nil
}

// Running reports whether an agent answers on the control socket.
func Running() bool {
	sock, err := platform.SocketPath()
	if err != nil {
		return false
	}
	_, err = Call(sock, Request{Cmd: "ping"})
	return err == nil
}

// ErrRunning is returned by Main when another agent holds the lock.
var ErrRunning = platform.ErrRunning

// IsRunning reports whether err says another agent runs.
func IsRunning(err error) bool { return errors.Is(err, platform.ErrRunning) }
