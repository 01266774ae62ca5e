package agent

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/platform"
	"github.com/limberapp/limber/prefs"
	"github.com/limberapp/limber/schedule"
)

// Tray is what the agent shows in the system tray. The systray binding
// implements it; tests use a recorder.
type Tray interface {
	// Update sets the menu's status line, the tooltip, and whether the
	// pause menu offers Resume.
	Update(status, tooltip string, paused bool)
}

// Recorder appends to the journal.
type Recorder interface {
	Append(journal.Record) error
}

// Views opens windows in short-lived view processes.
type Views interface {
	// OpenBreak opens the break window for kind. onExit runs on the
	// agent's loop when the view process ends.
	OpenBreak(kind schedule.Kind, onExit func()) error
	// Open opens another view ("settings", "wizard", …).
	Open(view string, args ...string) error
}

// Options are the agent's parts. Zero values are filled by New with the
// real ones, except Tray (nil: no tray) and Views (nil: notify only).
type Options struct {
	ConfigPath string
	Now        func() time.Time
	Notifier   platform.Notifier
	Tray       Tray
	Views      Views
	Journal    Recorder
	Log        io.Writer
	IdleSource string
}

// Agent is the resident process's state. Everything it owns is touched
// only on the loop goroutine (Run); other goroutines hand it work through
// do.
type Agent struct {
	opt      Options
	cfg      prefs.Config
	problems []prefs.Problem
	eng      *schedule.Engine
	calls    chan func()
	stop     context.CancelFunc

	lastWall time.Time // wall and monotonic reading of the last loop turn,
	lastMono time.Time // to see a suspend as a wall-clock jump

	notified   map[schedule.Kind]uint32 // notification per kind, to replace
	viewOpen   map[schedule.Kind]bool
	autoEnd    time.Time // notify-only break: when it counts as done
	autoKind   schedule.Kind
	lastTray   string
	breakStart time.Time
}

// New loads the settings and builds the engine.
func New(opt Options) *Agent {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Log == nil {
		opt.Log = os.Stderr
	}
	if opt.IdleSource == "" {
		opt.IdleSource = "none"
	}
	a := &Agent{opt: opt, calls: make(chan func()), notified: map[schedule.Kind]uint32{}, viewOpen: map[schedule.Kind]bool{}}
	a.cfg, a.problems = prefs.Load(opt.ConfigPath, prefs.Options{})
	now := a.wall()
	a.eng = schedule.New(a.cfg.Schedule(), now)
	a.lastWall, a.lastMono = now, opt.Now()
	return a
}

// Problems are the settings problems found at start.
func (a *Agent) Problems() []prefs.Problem { return a.problems }

func (a *Agent) wall() time.Time { return a.opt.Now().Round(0) }

// ReportProblems tells the person, once, what is wrong with the settings:
// on stderr and in one notification.
func (a *Agent) ReportProblems() {
	if len(a.problems) == 0 {
		return
	}
	body := ""
	for i, p := range a.problems {
		fmt.Fprintln(a.opt.Log, "limber: settings:", p.String())
		if i < 3 {
			body += p.String() + "\n"
		}
	}
	if len(a.problems) > 3 {
		body += fmt.Sprintf("…and %d more (see the log).\n", len(a.problems)-3)
	}
	body += "Limber uses the defaults for these and has not changed the file."
	if a.opt.Notifier != nil {
		a.opt.Notifier.Send(platform.Notification{Title: "Limber: problem in your settings", Body: body})
	}
}

// do runs f on the loop goroutine and waits for it.
func (a *Agent) do(f func()) {
	done := make(chan struct{})
	a.calls <- func() { f(); close(done) }
	<-done
}

// Run is the agent's loop: one timer, armed for the engine's next
// deadline (or the next minute change of the tray countdown), and the
// calls from the tray, the socket and notifications. It returns when ctx
// ends or Quit is called.
func (a *Agent) Run(ctx context.Context) {
	ctx, a.stop = context.WithCancel(ctx)
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		a.tick()
		wait, ok := a.nextWake()
		if !timer.Stop() {
			select {
			case <-timer.C:
			default:
			}
		}
		if ok {
			timer.Reset(wait)
		}
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		case f := <-a.calls:
			f()
		}
	}
}

// Quit ends Run.
func (a *Agent) Quit() {
	if a.stop != nil {
		a.stop()
	}
}

// tick brings the engine up to now, performs what fell due and refreshes
// the tray.
func (a *Agent) tick() {
	now := a.wall()
	mono := a.opt.Now()
	// A suspend stops the monotonic clock but not the wall clock: the gap
	// between the two is time the person was away.
	if gap := now.Sub(a.lastWall) - mono.Sub(a.lastMono); gap > 30*time.Second {
		a.eng.Absent(now, gap)
	}
	a.lastWall, a.lastMono = now, mono

	if a.autoKind != "" && !now.Before(a.autoEnd) {
		k := a.autoKind
		a.autoKind = ""
		if err := a.eng.Complete(k, now); err == nil {
			a.record(journal.Record{Event: "completed", Kind: string(k), Outcome: "completed", Seconds: now.Sub(a.breakStart).Seconds(), Data: map[string]any{"window": false}})
		}
	}
	for _, act := range a.eng.Advance(now, schedule.Inputs{}) {
		a.perform(act, now)
	}
	a.refreshTray(now)
}

// nextWake is how long the loop may sleep.
func (a *Agent) nextWake() (time.Duration, bool) {
	now := a.wall()
	var wake time.Duration
	ok := false
	consider := func(d time.Duration) {
		if d < 0 {
			d = 0
		}
		if !ok || d < wake {
			wake, ok = d, true
		}
	}
	if act, has := a.eng.Next(now); has {
		consider(act.At.Sub(now))
	}
	if a.autoKind != "" {
		consider(a.autoEnd.Sub(now))
	}
	// The tray's countdown shows whole minutes: wake when it changes.
	st := a.eng.Status(now)
	if st.State == schedule.Running && len(st.Next) > 0 {
		if r := st.Next[0].In % time.Minute; r > 0 {
			consider(r)
		} else if st.Next[0].In > 0 {
			consider(time.Minute)
		}
	}
	if ok && wake < 10*time.Millisecond {
		wake = 10 * time.Millisecond
	}
	return wake, ok
}

func (a *Agent) refreshTray(now time.Time) {
	if a.opt.Tray == nil {
		return
	}
	st := a.eng.Status(now)
	line, tip := statusLine(st, now), tooltip(st, now)
	key := line + "\x00" + tip + fmt.Sprint(st.State == schedule.Paused)
	if key == a.lastTray {
		return
	}
	a.lastTray = key
	a.opt.Tray.Update(line, tip, st.State == schedule.Paused)
}

func (a *Agent) record(r journal.Record) {
	if a.opt.Journal == nil {
		return
	}
	if r.Time.IsZero() {
		r.Time = a.wall()
	}
	if err := a.opt.Journal.Append(r); err != nil {
		fmt.Fprintln(a.opt.Log, "limber: journal:", err)
	}
}
