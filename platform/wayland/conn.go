package wayland

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Core interfaces and their opcodes (wayland.xml).
const (
	displayID = 1 // wl_display is always object 1

	displaySync        = 0 // request: new_id wl_callback
	displayGetRegistry = 1 // request: new_id wl_registry
	displayError       = 0 // event: object, uint code, string message
	displayDeleteID    = 1 // event: uint id

	registryBind         = 0 // request: uint name, string interface, uint version, new_id
	registryGlobal       = 0 // event: uint name, string interface, uint version
	registryGlobalRemove = 1 // event: uint name

	callbackDone = 0 // event: uint data
)

// maxClientID is the last id a client may allocate; the server's ids
// start after it.
const maxClientID = 0xfeffffff

// Handler receives the events for one object. It runs on the goroutine
// that calls Dispatch and must not call Dispatch or Roundtrip.
type Handler func(opcode uint16, r *Reader)

// Global is one interface the compositor offers in its registry.
type Global struct {
	Name      uint32
	Interface string
	Version   uint32
}

// ErrClosed is what requests return after Close.
var ErrClosed = errors.New("wayland: connection closed")

// ProtocolError is a fatal error the compositor reported on an object.
type ProtocolError struct {
	Object  uint32
	Code    uint32
	Message string
}

func (e *ProtocolError) Error() string {
	return fmt.Sprintf("wayland: protocol error %d on object %d: %s", e.Code, e.Object, e.Message)
}

// Conn is a connection to a compositor. Requests may be sent from any
// goroutine; one goroutine at a time dispatches events.
type Conn struct {
	sock net.Conn
	in   []byte // bytes read but not yet dispatched

	wmu  sync.Mutex // one message on the wire at a time
	held int        // Hold calls not yet flushed
	out  []byte     // requests held back

	mu       sync.Mutex
	handlers map[uint32]Handler
	next     uint32   // next fresh client id
	free     []uint32 // ids the server released (delete_id)
	closed   bool

	globals  []Global
	registry uint32
}

// SocketPath is where the compositor named name listens: name itself when
// it is absolute, else under $XDG_RUNTIME_DIR. An empty name means
// $WAYLAND_DISPLAY, or "wayland-0" when that is unset too.
func SocketPath(name string) (string, error) {
	if name == "" {
		name = os.Getenv("WAYLAND_DISPLAY")
	}
	if name == "" {
		name = "wayland-0"
	}
	if filepath.IsAbs(name) {
		return name, nil
	}
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		return "", errors.New("wayland: XDG_RUNTIME_DIR is not set")
	}
	return filepath.Join(dir, name), nil
}

// Dial connects to the compositor named name (see SocketPath) and reads
// its registry.
func Dial(name string) (*Conn, error) { return DialDeadline(name, time.Time{}) }

// DialDeadline is Dial with a deadline for every read and write on the
// connection, this one's included (zero: none), for short exchanges that
// must not hang on a compositor that stopped answering.
func DialDeadline(name string, deadline time.Time) (*Conn, error) {
	path, err := SocketPath(name)
	if err != nil {
		return nil, err
	}
	sock, err := net.Dial("unix", path)
	if err != nil {
		return nil, fmt.Errorf("wayland: %w", err)
	}
	if err := sock.SetDeadline(deadline); err != nil {
		sock.Close()
		return nil, fmt.Errorf("wayland: %w", err)
	}
	c, err := NewConn(sock)
	if err != nil {
		sock.Close()
		return nil, err
	}
	return c, nil
}

// NewConn speaks Wayland over sock: it asks for the registry and waits
// until the compositor has listed its globals.
func NewConn(sock net.Conn) (*Conn, error) {
	c := &Conn{sock: sock, handlers: make(map[uint32]Handler), next: displayID + 1}
	c.handlers[displayID] = c.onDisplay
	c.registry = c.NewObject(c.onRegistry)
	if err := c.Request(displayID, displayGetRegistry, new(Args).Uint(c.registry)); err != nil {
		return nil, err
	}
	if err := c.Roundtrip(); err != nil {
		return nil, err
	}
	return c, nil
}

// Globals is what the registry listed, in its order.
func (c *Conn) Globals() []Global {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Global(nil), c.globals...)
}

// Find returns the first global offering iface.
func (c *Conn) Find(iface string) (Global, bool) {
	for _, g := range c.Globals() {
		if g.Interface == iface {
			return g, true
		}
	}
	return Global{}, false
}

// Bind binds global g at version (at most what g offers) and routes the
// new object's events to h. It returns the object id and the version
// bound.
func (c *Conn) Bind(g Global, version uint32, h Handler) (uint32, uint32, error) {
	version = min(version, g.Version)
	id := c.NewObject(h)
	err := c.Request(c.registry, registryBind, new(Args).Uint(g.Name).String(g.Interface).Uint(version).Uint(id))
	return id, version, err
}

// NewObject allocates a client object id whose events go to h (nil: none
// expected).
func (c *Conn) NewObject(h Handler) uint32 {
	c.mu.Lock()
	defer c.mu.Unlock()
	var id uint32
	if n := len(c.free); n > 0 {
		id = c.free[n-1]
		c.free = c.free[:n-1]
	} else {
		id = c.next
		c.next++
	}
	c.handlers[id] = h
	return id
}

// Handle routes the events of an object the server created (a new_id in
// an event) to h.
func (c *Conn) Handle(id uint32, h Handler) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.handlers[id] = h
}

// Forget drops the handler of id: events still on their way for it are
// ignored. Call it when sending the object's destructor. A client id
// becomes free again when the server confirms with delete_id.
func (c *Conn) Forget(id uint32) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if id > maxClientID {
		delete(c.handlers, id) // the server sends no delete_id for its own ids
		return
	}
	c.handlers[id] = nil
}

// Request sends a request to object obj.
func (c *Conn) Request(obj uint32, opcode uint16, args *Args) error {
	var a []byte
	if args != nil {
		a = args.Bytes()
	}
	buf, err := Message{Object: obj, Opcode: opcode, Args: a}.Encode()
	if err != nil {
		return err
	}
	c.mu.Lock()
	closed := c.closed
	c.mu.Unlock()
	if closed {
		return ErrClosed
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if c.held > 0 {
		c.out = append(c.out, buf...)
		return nil
	}
	if _, err := c.sock.Write(buf); err != nil {
		return fmt.Errorf("wayland: %w", err)
	}
	return nil
}

// Hold keeps requests back until the matching Flush, which sends them in
// one write: the compositor then handles them, and answers, in one go.
func (c *Conn) Hold() {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	c.held++
}

// Flush ends a Hold; the last one sends what was held back.
func (c *Conn) Flush() error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if c.held > 0 {
		c.held--
	}
	if c.held > 0 || len(c.out) == 0 {
		return nil
	}
	buf := c.out
	c.out = nil
	if _, err := c.sock.Write(buf); err != nil {
		return fmt.Errorf("wayland: %w", err)
	}
	return nil
}

// Sync sends wl_display.sync; done is called once the compositor has
// handled every request sent before it.
func (c *Conn) Sync(done func()) error {
	var id uint32
	id = c.NewObject(func(op uint16, r *Reader) {
		if op == callbackDone {
			c.Forget(id)
			done()
		}
	})
	return c.Request(displayID, displaySync, new(Args).Uint(id))
}

// Roundtrip sends wl_display.sync and dispatches events until its answer.
// Use it only while no other goroutine dispatches.
func (c *Conn) Roundtrip() error {
	finished := false
	if err := c.Sync(func() { finished = true }); err != nil {
		return err
	}
	for !finished {
		if err := c.Dispatch(); err != nil {
			return err
		}
	}
	return nil
}

// Dispatch reads one event, waiting for it, and hands it to its object's
// handler. It returns the compositor's protocol error, a read error
// (io.EOF when the compositor closed the connection) or a malformed
// message; the connection is of no use after any of them.
func (c *Conn) Dispatch() error {
	for {
		m, n, err := Decode(c.in)
		if err == nil {
			c.in = c.in[n:]
			return c.deliver(m)
		}
		if !errors.Is(err, ErrShort) {
			return err
		}
		if err := c.fill(); err != nil {
			return err
		}
	}
}

// fill reads more bytes from the socket.
func (c *Conn) fill() error {
	if cap(c.in)-len(c.in) < maxMessage {
		buf := make([]byte, len(c.in), len(c.in)+2*maxMessage)
		copy(buf, c.in)
		c.in = buf
	}
	n, err := c.sock.Read(c.in[len(c.in):cap(c.in)])
	c.in = c.in[:len(c.in)+n]
	if n > 0 {
		return nil
	}
	if err == nil {
		err = io.ErrNoProgress
	}
	return err
}

func (c *Conn) deliver(m Message) error {
	c.mu.Lock()
	h, known := c.handlers[m.Object]
	c.mu.Unlock()
	if m.Object == displayID && m.Opcode == displayError {
		r := NewReader(m.Args)
		e := &ProtocolError{Object: r.Uint(), Code: r.Uint(), Message: r.String()}
		return e
	}
	if !known && m.Object <= maxClientID {
		// An event for an id this client never allocated.
		return fmt.Errorf("wayland: event %d for unknown object %d", m.Opcode, m.Object)
	}
	if h != nil {
		r := NewReader(m.Args)
		h(m.Opcode, r)
		if r.Err() != nil {
			return fmt.Errorf("wayland: event %d on object %d: %w", m.Opcode, m.Object, r.Err())
		}
	}
	return nil
}

func (c *Conn) onDisplay(op uint16, r *Reader) {
	if op != displayDeleteID {
		return
	}
	id := r.Uint()
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.handlers[id]; ok && id <= maxClientID {
		delete(c.handlers, id)
		c.free = append(c.free, id)
	}
}

func (c *Conn) onRegistry(op uint16, r *Reader) {
	switch op {
	case registryGlobal:
		g := Global{Name: r.Uint(), Interface: r.String(), Version: r.Uint()}
		if r.Err() == nil {
			c.mu.Lock()
			c.globals = append(c.globals, g)
			c.mu.Unlock()
		}
	case registryGlobalRemove:
		name := r.Uint()
		c.mu.Lock()
		for i, g := range c.globals {
			if g.Name == name {
				c.globals = append(c.globals[:i], c.globals[i+1:]...)
				break
			}
		}
		c.mu.Unlock()
	}
}

// Close ends the connection; a Dispatch in progress returns an error.
func (c *Conn) Close() error {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	return c.sock.Close()
}
