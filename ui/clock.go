package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// FigureRate is the frames a second a moving figure is drawn at. A slow
// stretch reads well at 12–20; Fyne's own animations run at 60, and with
// software rendering every frame repaints the whole window.
const FigureRate = 15

// frameClock calls frame on Fyne's goroutine rate times a second while it
// runs. It is the one clock of an animation: nothing else wakes for it,
// and a stopped clock costs nothing. frame returns how long nothing will
// change (a held pose): the clock then sleeps that long. A frame is asked
// for only once the one before has run (a busy or loaded machine gets
// fewer frames, never a backlog). Start, Stop and SetRate are called on
// Fyne's goroutine.
type frameClock struct {
	rate  int
	frame func(now time.Time) (still time.Duration)
	stop  chan struct{} // nil while stopped
}

// clockTicks is false in this package's tests: Fyne's test driver runs
// fyne.Do on the calling goroutine, so a ticking clock would draw from
// its own goroutine while the test reads the canvas. Tests call frame.
var clockTicks = true

// newFrameClock returns a stopped clock.
func newFrameClock(rate int, frame func(now time.Time) time.Duration) *frameClock {
	return &frameClock{rate: max(rate, 1), frame: frame}
}

// Running reports whether the clock ticks.
func (c *frameClock) Running() bool { return c.stop != nil }

// Rate is the frames a second.
func (c *frameClock) Rate() int { return c.rate }

// Start starts ticking (a running clock is left alone).
func (c *frameClock) Start() {
	if c.stop != nil {
		return
	}
	stop := make(chan struct{})
	c.stop = stop
	if !clockTicks {
		return // tests drive frames themselves
	}
	go func(every time.Duration) {
		t := time.NewTimer(every)
		defer t.Stop()
		done := make(chan time.Duration, 1)
		for {
			select {
			case <-t.C:
			case <-stop:
				return
			}
			fyne.Do(func() {
				var still time.Duration
				if c.stop == stop { // not stopped (or restarted) since
					still = c.frame(time.Now())
				}
				done <- still
			})
			select {
			case still := <-done:
				t.Reset(max(every, still))
			case <-stop:
				return
			}
		}
	}(time.Second / time.Duration(c.rate))
}

// Stop stops ticking; no frame runs after it.
func (c *frameClock) Stop() {
	if c.stop != nil {
		close(c.stop)
		c.stop = nil
	}
}

// SetRate changes the frames a second (at least 1), keeping the clock
// running if it was.
func (c *frameClock) SetRate(fps int) {
	fps = max(fps, 1)
	if fps == c.rate {
		return
	}
	running := c.Running()
	c.Stop()
	c.rate = fps
	if running {
		c.Start()
	}
}
