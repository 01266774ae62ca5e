package ui

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// fakeScreens is a window system of fixed monitors that records what the
// break asked of it; Active is what it says is focused.
type fakeScreens struct {
	mons     []Monitor
	px, py   int
	placed   map[uintptr]Monitor
	full     map[uintptr]bool
	above    map[uintptr]bool
	active   uintptr
	activate int
}

func newFakeScreens(px, py int, mons ...Monitor) *fakeScreens {
	return &fakeScreens{mons: mons, px: px, py: py, placed: map[uintptr]Monitor{}, full: map[uintptr]bool{}, above: map[uintptr]bool{}}
}

func (f *fakeScreens) Monitors() []Monitor        { return f.mons }
func (f *fakeScreens) Pointer() (int, int, error) { return f.px, f.py, nil }
func (f *fakeScreens) Fullscreen(w uintptr) error { f.full[w] = true; return nil }
func (f *fakeScreens) KeepAbove(w uintptr) error  { f.above[w] = true; return nil }
func (f *fakeScreens) Active() (uintptr, error)   { return f.active, nil }
func (f *fakeScreens) Activate(w uintptr) error   { f.active = w; f.activate++; return nil }
func (f *fakeScreens) Place(w uintptr, m Monitor, size bool) error {
	f.placed[w] = m
	return nil
}

// Issue 15 item 5: over random monitor layouts, the break's monitor is
// the one with the pointer (the first when the pointer is on none), and a
// centred window stays on its monitor.
func TestMainMonitorHasThePointer(t *testing.T) {
	seed := time.Now().UnixNano()
	r := rand.New(rand.NewPCG(uint64(seed), 5))
	for i := range 2000 {
		var mons []Monitor
		x := 0
		for range 1 + r.IntN(4) {
			m := Monitor{x, r.IntN(300), 640 + r.IntN(3200), 480 + r.IntN(1800)}
			mons = append(mons, m)
			x += m.W
		}
		px, py := r.IntN(x+200)-100, r.IntN(2400)-100
		got := MainMonitor(mons, px, py, true)
		want := 0
		for j, m := range mons {
			if px >= m.X && px < m.X+m.W && py >= m.Y && py < m.Y+m.H {
				want = j
			}
		}
		if got != want {
			t.Fatalf("seed %d case %d: pointer %d,%d on %v: monitor %d, want %d", seed, i, px, py, mons, got, want)
		}
		if MainMonitor(mons, px, py, false) != 0 {
			t.Fatalf("seed %d case %d: no pointer: not the primary", seed, i)
		}
		m := mons[got]
		c := Centered(m, r.IntN(5000), r.IntN(3000))
		if c.X < m.X || c.Y < m.Y || c.X+c.W > m.X+m.W || c.Y+c.H > m.Y+m.H {
			t.Fatalf("seed %d case %d: %v centred on %v leaves it", seed, i, c, m)
		}
	}
	if MainMonitor(nil, 0, 0, true) != -1 {
		t.Fatal("no monitors")
	}
}

// spreadHandles gives the test windows handles: the break 1, backdrops 2….
func spreadHandles(s *Spread) {
	s.handle = func(w fyne.Window) uintptr {
		if w == s.view.win {
			return 1
		}
		for i, b := range s.Backdrops {
			if b.Win == w {
				return uintptr(2 + i)
			}
		}
		return 0
	}
}

// Issue 15 item 5: on two monitors the break opens on the pointer's and
// the other gets a full-screen backdrop with the countdown; in full-screen
// mode the break is full screen on its monitor.
func TestSpreadCoversEveryMonitor(t *testing.T) {
	left, right := Monitor{0, 0, 1280, 800}, Monitor{1280, 0, 1280, 800}
	for _, full := range []bool{false, true} {
		t.Run(fmt.Sprint("fullscreen=", full), func(t *testing.T) {
			v, _, clk := newTestBreak(t, "mobility", "cat-cow", false)
			scr := newFakeScreens(100, 400, left, right) // pre-started while the pointer was on the left …
			s := NewSpread(fyne.CurrentApp(), v, scr, full, false)
			spreadHandles(s)
			scr.px = 1900 // … shown once it is on the right
			s.Start()
			defer s.Close()
			if s.Main != right || len(s.Backdrops) != 1 || s.Backdrops[0].On != left {
				t.Fatalf("main %v, backdrops %d", s.Main, len(s.Backdrops))
			}
			if p := scr.placed[1]; p.X < right.X || p.X+p.W > right.X+right.W {
				t.Fatalf("the break window is placed at %v, not on %v", p, right)
			}
			if scr.full[1] != full || scr.placed[2] != left || !scr.full[2] || scr.active != 1 {
				t.Fatalf("full %v, backdrop at %v full %v, active %d", scr.full, scr.placed[2], scr.full[2], scr.active)
			}
			clk.t = clk.t.Add(10 * time.Second)
			s.Tick(20 * time.Second)
			if got := s.Backdrops[0].Label.Text; got != "Break · 0:20 left" {
				t.Fatalf("backdrop says %q", got)
			}
			if scr.above[1] {
				t.Fatal("not strict, yet kept above")
			}
			// A window manager gave the backdrop the focus: the break
			// takes it back; the backdrop's keys act on the break.
			scr.active = 2
			clk.t = clk.t.Add(time.Second)
			s.Tick(19 * time.Second)
			if scr.active != 1 {
				t.Fatalf("the backdrop keeps the focus (%d)", scr.active)
			}
			scr.active = 99 // another program: left alone when not strict
			clk.t = clk.t.Add(time.Second)
			s.Tick(18 * time.Second)
			if scr.active != 99 {
				t.Fatal("not strict, yet the focus was taken from another program")
			}
			clk.t = clk.t.Add(5 * time.Second)
			s.Backdrops[0].Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
			if !v.closed {
				t.Fatal("Esc on the backdrop did not postpone the break")
			}
		})
	}
	// One monitor: no backdrop.
	v, _, _ := newTestBreak(t, "mobility", "cat-cow", false)
	one := NewSpread(fyne.CurrentApp(), v, newFakeScreens(10, 10, left), false, false)
	one.Start()
	if len(one.Backdrops) != 0 {
		t.Fatal("a backdrop with one monitor")
	}
}

// Issue 15 item 6: in strict mode the window is kept above and comes back
// when another window takes the focus, until the countdown ends; not in
// normal mode.
func TestStrictModeHoldsTheWindow(t *testing.T) {
	for _, strict := range []bool{true, false} {
		v, _, clk := newTestBreak(t, "posture", "chin-tuck", strict)
		scr := newFakeScreens(10, 10, Monitor{0, 0, 1280, 800})
		s := NewSpread(fyne.CurrentApp(), v, scr, false, strict)
		spreadHandles(s)
		s.Start()
		if scr.above[1] != strict {
			t.Fatalf("strict %v: kept above %v", strict, scr.above[1])
		}
		scr.active = 99 // the person switches to another window
		clk.t = clk.t.Add(2 * time.Second)
		v.Tick()
		s.Tick(28 * time.Second)
		if back := scr.active == 1; back != strict {
			t.Fatalf("strict %v: the window came back %v", strict, back)
		}
		scr.active = 99
		clk.t = clk.t.Add(31 * time.Second)
		v.Tick() // the countdown ends
		s.Tick(0)
		s.Hold()
		if scr.active != 99 {
			t.Fatalf("strict %v: the window still pulled back after the countdown", strict)
		}
	}
}
