// Package wltest is a scripted fake compositor for tests of Wayland
// clients: it serves the registry, wl_display.sync, the idle protocols and
// the foreign-toplevel manager, records what the client asked for, and
// sends idle and resumed events when the test says so.
package wltest

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/limberapp/limber/platform/wayland"
)

// Global is one interface the server offers.
type Global struct {
	Interface string
	Version   uint32
}

// Notification is an idle notification the client created.
type Notification struct {
	ID        uint32
	Interface string // ext_idle_notifier_v1 or org_kde_kwin_idle
	Input     bool   // get_input_idle_notification
	Timeout   time.Duration
}

// Server is a fake compositor listening on a socket.
type Server struct {
	Path      string // the socket, for wayland.Dial
	ln        net.Listener
	globals   []Global
	toplevels []wayland.Toplevel

	mu       sync.Mutex
	cond     *sync.Cond
	conn     net.Conn
	objects  map[uint32]string // client object → interface
	notes    map[uint32]Notification
	requests int
	done     bool
}

// New starts a server offering globals (wl_seat should be among them)
// in a temporary directory of t; it stops when the test ends.
func New(t interface {
	TempDir() string
	Cleanup(func())
	Fatal(...any)
}, globals []Global, toplevels []wayland.Toplevel) *Server {
	dir := t.TempDir()
	path := filepath.Join(dir, "wayland-test")
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Path: path, ln: ln, globals: globals, toplevels: toplevels,
		objects: map[uint32]string{1: "wl_display"}, notes: map[uint32]Notification{}}
	s.cond = sync.NewCond(&s.mu)
	go s.serve()
	t.Cleanup(s.Close)
	return s
}

// Close stops the server and drops the client.
func (s *Server) Close() {
	s.ln.Close()
	s.Drop()
}

// Drop closes the current client's connection, as a compositor that
// exits does.
func (s *Server) Drop() {
	s.mu.Lock()
	c := s.conn
	s.conn = nil
	s.done = true
	s.cond.Broadcast()
	s.mu.Unlock()
	if c != nil {
		c.Close()
	}
}

func (s *Server) serve() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		s.conn, s.done = c, false
		s.objects = map[uint32]string{1: "wl_display"}
		s.notes = map[uint32]Notification{}
		s.mu.Unlock()
		s.read(c)
	}
}

func (s *Server) read(c net.Conn) {
	var in []byte
	buf := make([]byte, 4096)
	for {
		n, err := c.Read(buf)
		if err != nil {
			s.mu.Lock()
			s.done = true
			s.cond.Broadcast()
			s.mu.Unlock()
			return
		}
		in = append(in, buf[:n]...)
		for {
			m, used, err := wayland.Decode(in)
			if err != nil {
				break
			}
			in = in[used:]
			s.handle(c, m)
		}
	}
}

func (s *Server) send(c net.Conn, obj uint32, op uint16, a *wayland.Args) {
	var args []byte
	if a != nil {
		args = a.Bytes()
	}
	b, err := wayland.Message{Object: obj, Opcode: op, Args: args}.Encode()
	if err == nil {
		c.Write(b)
	}
}

func (s *Server) handle(c net.Conn, m wayland.Message) {
	s.mu.Lock()
	defer func() {
		s.requests++
		s.cond.Broadcast()
		s.mu.Unlock()
	}()
	r := wayland.NewReader(m.Args)
	iface := s.objects[m.Object]
	switch {
	case iface == "wl_display" && m.Opcode == 1: // get_registry
		id := r.Uint()
		s.objects[id] = "wl_registry"
		for i, g := range s.globals {
			s.send(c, id, 0, new(wayland.Args).Uint(uint32(i+1)).String(g.Interface).Uint(g.Version))
		}
	case iface == "wl_display" && m.Opcode == 0: // sync
		id := r.Uint()
		s.send(c, id, 0, new(wayland.Args).Uint(0))
		s.send(c, 1, 1, new(wayland.Args).Uint(id))
	case iface == "wl_registry" && m.Opcode == 0: // bind
		name, in, _, id := r.Uint(), r.String(), r.Uint(), r.Uint()
		if name == 0 || int(name) > len(s.globals) || s.globals[name-1].Interface != in {
			s.send(c, 1, 0, new(wayland.Args).Uint(m.Object).Uint(0).String("bad global"))
			return
		}
		s.objects[id] = in
		if in == wayland.ToplevelManager {
			for i, t := range s.toplevels {
				h := 0xff000000 + uint32(i)
				s.send(c, id, 0, new(wayland.Args).Uint(h))
				var st []byte
				if t.Activated {
					st = binary.LittleEndian.AppendUint32(st, 2)
				}
				if t.Fullscreen {
					st = binary.LittleEndian.AppendUint32(st, 3)
				}
				s.send(c, h, 0, new(wayland.Args).String(t.Title))
				s.send(c, h, 1, new(wayland.Args).String(t.AppID))
				s.send(c, h, 4, new(wayland.Args).Array(st))
				s.send(c, h, 5, nil)
			}
		}
	case iface == wayland.ExtIdleNotifier && (m.Opcode == 1 || m.Opcode == 2):
		id, ms := r.Uint(), r.Uint()
		s.objects[id] = "ext_idle_notification_v1"
		s.notes[id] = Notification{ID: id, Interface: iface, Input: m.Opcode == 2, Timeout: time.Duration(ms) * time.Millisecond}
	case iface == wayland.KDEIdle && m.Opcode == 0:
		id, _, ms := r.Uint(), r.Uint(), r.Uint()
		s.objects[id] = "org_kde_kwin_idle_timeout"
		s.notes[id] = Notification{ID: id, Interface: iface, Timeout: time.Duration(ms) * time.Millisecond}
	case (iface == "ext_idle_notification_v1" || iface == "org_kde_kwin_idle_timeout") && m.Opcode == 0:
		delete(s.notes, m.Object)
		delete(s.objects, m.Object)
		s.send(c, 1, 1, new(wayland.Args).Uint(m.Object))
	}
}

// Requests is how many requests the server has handled.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests
}

// Notifications is the live idle notifications.
func (s *Server) Notifications() []Notification {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Notification, 0, len(s.notes))
	for _, n := range s.notes {
		out = append(out, n)
	}
	return out
}

// WaitFor blocks until ok holds for the live notifications (checked after
// each request), or fails after a minute: a hang guard, not a timing.
func (s *Server) WaitFor(ok func([]Notification) bool) error {
	deadline := time.Now().Add(time.Minute)
	stop := time.AfterFunc(time.Minute, func() { s.mu.Lock(); s.cond.Broadcast(); s.mu.Unlock() })
	defer stop.Stop()
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		out := make([]Notification, 0, len(s.notes))
		for _, n := range s.notes {
			out = append(out, n)
		}
		if ok(out) {
			return nil
		}
		if time.Now().After(deadline) {
			return errors.New("wltest: the notifications never got there")
		}
		s.cond.Wait()
	}
}

// Idle sends the idled (idle) event for notification id.
func (s *Server) Idle(id uint32) error { return s.event(id, 0) }

// Resume sends the resumed event for notification id.
func (s *Server) Resume(id uint32) error { return s.event(id, 1) }

func (s *Server) event(id uint32, op uint16) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn == nil {
		return errors.New("wltest: no client")
	}
	if _, ok := s.notes[id]; !ok {
		return fmt.Errorf("wltest: no notification %d", id)
	}
	s.send(s.conn, id, op, nil)
	return nil
}

// Env points WAYLAND_DISPLAY at the server for code that dials "" and
// returns a function restoring it. Tests that use it must not run in
// parallel.
func (s *Server) Env() func() {
	old, had := os.LookupEnv("WAYLAND_DISPLAY")
	os.Setenv("WAYLAND_DISPLAY", s.Path)
	return func() {
		if had {
			os.Setenv("WAYLAND_DISPLAY", old)
		} else {
			os.Unsetenv("WAYLAND_DISPLAY")
		}
	}
}

// G is a Global.
func G(iface string, version uint32) Global { return Global{Interface: iface, Version: version} }
