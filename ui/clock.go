package ui

import (
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
)

// FigureRate is the frames a second a moving figure is drawn at. A slow
// stretch reads well at 12–20; Fyne's own animations run at 60, and with
// software rendering every frame repaints the whole window.
const FigureRate = 15

// frameClock calls frame on Fyne's goroutine rate times a second while it
// runs. It is the one clock of an animation: nothing else wakes for it,
// and a stopped clock costs nothing. A frame that has not run yet when
// the next is due is not queued again (a busy or loaded machine gets
// fewer frames, never a backlog). Start, Stop and SetRate are called on
// Fyne's goroutine.
type frameClock struct {
	rate  int
	frame func(now time.Time)
	stop  chan struct{} // nil while stopped
}

// newFrameClock returns a stopped clock.
func newFrameClock(rate int, frame func(now time.Time)) *frameClock {
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
	var pending atomic.Bool
	run := func() {
		pending.Store(false)
		if c.stop == stop { // not stopped (or restarted) since
			c.frame(time.Now())
		}
	}
	go func(every time.Duration) {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				if pending.CompareAndSwap(false, true) {
					fyne.Do(run)
				}
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
