package wayland

import (
	"encoding/binary"
	"errors"
)

// Opcodes and states of zwlr_foreign_toplevel_management_unstable_v1.
const (
	managerStop     = 0 // request
	managerToplevel = 0 // event: new_id handle
	managerFinished = 1 // event

	handleDestroy = 7 // request

	handleTitle  = 0 // event: string
	handleAppID  = 1 // event: string
	handleState  = 4 // event: array of uint states
	handleDone   = 5 // event
	handleClosed = 6 // event

	stateActivated  = 2
	stateFullscreen = 3 // since version 2
)

// Toplevel is one window as the foreign-toplevel manager describes it.
type Toplevel struct {
	Title, AppID string
	Activated    bool
	Fullscreen   bool
}

// ErrNoToplevelManager means the compositor does not offer
// zwlr_foreign_toplevel_manager_v1 (only wlroots compositors do).
var ErrNoToplevelManager = errors.New("wayland: the compositor offers no " + ToplevelManager)

// Toplevels lists the compositor's windows once: it binds the manager,
// waits for the description of each window, and stops the manager again.
// It dispatches events, so no other goroutine may dispatch on c.
func Toplevels(c *Conn) ([]Toplevel, error) {
	g, ok := c.Find(ToplevelManager)
	if !ok {
		return nil, ErrNoToplevelManager
	}
	type entry struct {
		id      uint32
		pending Toplevel // changes until the next done
		cur     Toplevel
		closed  bool
	}
	var list []*entry
	mgr, _, err := c.Bind(g, 3, nil)
	if err != nil {
		return nil, err
	}
	c.Handle(mgr, func(op uint16, r *Reader) {
		if op != managerToplevel {
			return
		}
		e := &entry{id: r.Uint()}
		if r.Err() != nil {
			return
		}
		list = append(list, e)
		c.Handle(e.id, func(op uint16, r *Reader) {
			switch op {
			case handleTitle:
				e.pending.Title = r.String()
			case handleAppID:
				e.pending.AppID = r.String()
			case handleState:
				e.pending.Activated, e.pending.Fullscreen = parseStates(r.Array())
			case handleDone:
				e.cur = e.pending
			case handleClosed:
				e.closed = true
			}
		})
	})
	// The manager announces each window, then each window its details,
	// ending with done: two round trips see them all.
	for range 2 {
		if err := c.Roundtrip(); err != nil {
			return nil, err
		}
	}
	var out []Toplevel
	for _, e := range list {
		c.Forget(e.id)
		_ = c.Request(e.id, handleDestroy, nil)
		if !e.closed {
			out = append(out, e.cur)
		}
	}
	c.Forget(mgr)
	_ = c.Request(mgr, managerStop, nil)
	return out, nil
}

// parseStates reads a state array (uint32 values): whether it holds
// activated and fullscreen.
func parseStates(p []byte) (activated, fullscreen bool) {
	for i := 0; i+4 <= len(p); i += 4 {
		switch binary.LittleEndian.Uint32(p[i:]) {
		case stateActivated:
			activated = true
		case stateFullscreen:
			fullscreen = true
		}
	}
	return
}

// FullscreenActive reports whether the focused window is full screen.
func FullscreenActive(c *Conn) (bool, error) {
	ts, err := Toplevels(c)
	if err != nil {
		return false, err
	}
	for _, t := range ts {
		if t.Activated && t.Fullscreen {
			return true, nil
		}
	}
	return false, nil
}
