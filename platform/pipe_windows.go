//go:build windows

package platform

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// A named pipe as a net.Listener and net.Conn, on x/sys/windows alone.
// Overlapped I/O with an event per operation, waited for together with a
// close event, gives Accept and Read/Write that Close interrupts and that
// keep deadlines. (github.com/Microsoft/go-winio was tried first: its
// listener keeps a first pipe instance that is never connected, relying
// on an NT detail Wine does not copy, so under Wine a client reaches that
// idle instance and waits forever.)

const pipeBuffer = 64 << 10

// pipeListener serves one pipe name; next is the instance the next Accept
// connects.
type pipeListener struct {
	name  string
	sa    *windows.SecurityAttributes
	mu    sync.Mutex
	next  windows.Handle
	close windows.Handle // manual-reset event, set by Close
	once  sync.Once
}

// listenPipe makes the first instance of name with the security
// descriptor sddl. FILE_FLAG_FIRST_PIPE_INSTANCE makes it fail if the name
// exists already.
func listenPipe(name, sddl string) (net.Listener, error) {
	sd, err := windows.SecurityDescriptorFromString(sddl)
	if err != nil {
		return nil, fmt.Errorf("control pipe security descriptor %q: %w", sddl, err)
	}
	sa := &windows.SecurityAttributes{Length: uint32(unsafe.Sizeof(windows.SecurityAttributes{})), SecurityDescriptor: sd}
	ev, err := windows.CreateEvent(nil, 1, 0, nil)
	if err != nil {
		return nil, err
	}
	l := &pipeListener{name: name, sa: sa, close: ev}
	if pipeExists(name) {
		windows.CloseHandle(ev)
		return nil, &os.PathError{Op: "listen", Path: name, Err: errors.New("the pipe exists already (another process serves it)")}
	}
	if l.next, err = l.instance(true); err != nil {
		windows.CloseHandle(ev)
		return nil, &os.PathError{Op: "listen", Path: name, Err: err}
	}
	return l, nil
}

var procWaitNamedPipe = windows.NewLazySystemDLL("kernel32.dll").NewProc("WaitNamedPipeW")

// pipeExists reports whether anyone serves name, without connecting to
// it. FILE_FLAG_FIRST_PIPE_INSTANCE should refuse a name in use, but Wine
// ignores it; this check holds under Wine too (it leaves a short race,
// which the flag closes on Windows).
func pipeExists(name string) bool {
	n, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return false
	}
	ok, _, err := procWaitNamedPipe.Call(uintptr(unsafe.Pointer(n)), 1)
	return ok != 0 || !errors.Is(err, windows.ERROR_FILE_NOT_FOUND)
}

func (l *pipeListener) instance(first bool) (windows.Handle, error) {
	n, err := windows.UTF16PtrFromString(l.name)
	if err != nil {
		return 0, err
	}
	flags := uint32(windows.PIPE_ACCESS_DUPLEX | windows.FILE_FLAG_OVERLAPPED)
	if first {
		flags |= windows.FILE_FLAG_FIRST_PIPE_INSTANCE
	}
	mode := uint32(windows.PIPE_TYPE_BYTE | windows.PIPE_READMODE_BYTE | windows.PIPE_WAIT | windows.PIPE_REJECT_REMOTE_CLIENTS)
	return windows.CreateNamedPipe(n, flags, mode, windows.PIPE_UNLIMITED_INSTANCES, pipeBuffer, pipeBuffer, 0, l.sa)
}

func (l *pipeListener) Accept() (net.Conn, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.next == 0 {
		return nil, net.ErrClosed
	}
	h := l.next
	var err error
	for {
		err = overlapped(h, l.close, time.Time{}, func(o *windows.Overlapped) error {
			return windows.ConnectNamedPipe(h, o)
		})
		if !errors.Is(err, windows.ERROR_NO_DATA) {
			break
		}
		// A client came and went before this Accept: free the instance
		// for the next one.
		windows.DisconnectNamedPipe(h)
	}
	if err != nil && !errors.Is(err, windows.ERROR_PIPE_CONNECTED) {
		if errors.Is(err, net.ErrClosed) {
			windows.CloseHandle(h)
			l.next = 0
		}
		return nil, err
	}
	next, err := l.instance(false)
	if err != nil {
		windows.CloseHandle(h)
		windows.CloseHandle(l.close)
		l.next = 0
		return nil, fmt.Errorf("control pipe %s: a new instance: %w", l.name, err)
	}
	l.next = next
	return newPipeConn(h, l.name)
}

// Close stops Accept (at once, even while it waits) and removes the name.
func (l *pipeListener) Close() error {
	l.once.Do(func() {
		windows.SetEvent(l.close)
		l.mu.Lock() // Accept has returned
		if l.next != 0 {
			windows.CloseHandle(l.next)
			l.next = 0
		}
		l.mu.Unlock()
	})
	return nil
}

func (l *pipeListener) Addr() net.Addr { return pipeAddr(l.name) }

type pipeAddr string

func (a pipeAddr) Network() string { return "pipe" }
func (a pipeAddr) String() string  { return string(a) }

// pipeConn is one connected pipe end.
type pipeConn struct {
	h     windows.Handle
	name  string
	close windows.Handle // set by Close: pending I/O ends
	ops   sync.WaitGroup
	once  sync.Once
	mu    sync.Mutex
	rd    time.Time
	wd    time.Time
}

func newPipeConn(h windows.Handle, name string) (*pipeConn, error) {
	ev, err := windows.CreateEvent(nil, 1, 0, nil)
	if err != nil {
		windows.CloseHandle(h)
		return nil, err
	}
	return &pipeConn{h: h, name: name, close: ev}, nil
}

// dialPipe opens name, retrying while every instance is busy until the
// timeout. A name nobody serves fails at once.
func dialPipe(name string, timeout time.Duration) (*pipeConn, error) {
	n, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return nil, err
	}
	end := time.Now().Add(timeout)
	for {
		// SECURITY_ANONYMOUS: whoever serves the pipe cannot act as us.
		h, err := windows.CreateFile(n, windows.GENERIC_READ|windows.GENERIC_WRITE, 0, nil, windows.OPEN_EXISTING,
			windows.FILE_FLAG_OVERLAPPED|windows.SECURITY_SQOS_PRESENT|windows.SECURITY_ANONYMOUS, 0)
		if err == nil {
			return newPipeConn(h, name)
		}
		if !errors.Is(err, windows.ERROR_PIPE_BUSY) || time.Now().After(end) {
			return nil, &os.PathError{Op: "dial", Path: name, Err: err}
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// errTimeout is the net.Error of a passed deadline.
var errTimeout = os.ErrDeadlineExceeded

// overlapped runs start (an overlapped ReadFile, WriteFile or
// ConnectNamedPipe on h) and waits for it, for the close event or for the
// deadline (zero: none); on the last two it cancels the operation and
// waits for it to end, so o is no longer the kernel's when it returns.
func overlapped(h, closeEv windows.Handle, deadline time.Time, start func(*windows.Overlapped) error) error {
	_, err := overlappedN(h, closeEv, deadline, start)
	return err
}

func overlappedN(h, closeEv windows.Handle, deadline time.Time, start func(*windows.Overlapped) error) (uint32, error) {
	ev, err := windows.CreateEvent(nil, 1, 0, nil)
	if err != nil {
		return 0, err
	}
	defer windows.CloseHandle(ev)
	o := &windows.Overlapped{HEvent: ev}
	var n uint32
	err = start(o)
	if err == nil || !errors.Is(err, windows.ERROR_IO_PENDING) {
		if err != nil {
			return 0, err
		}
		// Done at once; the count is in o all the same.
		err = windows.GetOverlappedResult(h, o, &n, true)
		return n, err
	}
	wait := uint32(windows.INFINITE)
	if !deadline.IsZero() {
		d := time.Until(deadline)
		if d < 0 {
			d = 0
		}
		wait = uint32(d / time.Millisecond)
	}
	r, werr := windows.WaitForMultipleObjects([]windows.Handle{ev, closeEv}, false, wait)
	var why error
	switch {
	case werr != nil:
		why = werr
	case r == windows.WAIT_OBJECT_0:
	case r == windows.WAIT_OBJECT_0+1:
		why = net.ErrClosed
	default: // WAIT_TIMEOUT
		why = errTimeout
	}
	if why != nil {
		windows.CancelIoEx(h, o)
	}
	err = windows.GetOverlappedResult(h, o, &n, true)
	if why != nil && (err != nil || n == 0) {
		return n, why
	}
	return n, err
}

func (c *pipeConn) io(deadline *time.Time, start func(*windows.Overlapped) error) (int, error) {
	c.mu.Lock()
	d := *deadline
	c.mu.Unlock()
	if !d.IsZero() && !time.Now().Before(d) {
		return 0, errTimeout
	}
	c.ops.Add(1)
	defer c.ops.Done()
	if r, _ := windows.WaitForSingleObject(c.close, 0); r == windows.WAIT_OBJECT_0 {
		return 0, net.ErrClosed
	}
	n, err := overlappedN(c.h, c.close, d, start)
	return int(n), err
}

func (c *pipeConn) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	n, err := c.io(&c.rd, func(o *windows.Overlapped) error { return windows.ReadFile(c.h, p, nil, o) })
	if errors.Is(err, windows.ERROR_BROKEN_PIPE) || errors.Is(err, windows.ERROR_PIPE_NOT_CONNECTED) {
		return n, io.EOF
	}
	return n, err
}

func (c *pipeConn) Write(p []byte) (int, error) {
	total := 0
	for total < len(p) {
		q := p[total:]
		n, err := c.io(&c.wd, func(o *windows.Overlapped) error { return windows.WriteFile(c.h, q, nil, o) })
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// Close ends pending I/O and closes the handle once it has.
func (c *pipeConn) Close() error {
	c.once.Do(func() {
		windows.SetEvent(c.close)
		c.ops.Wait()
		// What was written reaches the other end before the handle goes:
		// the agent answers "quit" and exits at once (a CI run under Wine
		// saw `limber quit` fail once). It returns at once when the other
		// end has closed.
		windows.FlushFileBuffers(c.h)
		windows.CloseHandle(c.h)
		windows.CloseHandle(c.close)
	})
	return nil
}

func (c *pipeConn) Fd() uintptr          { return uintptr(c.h) }
func (c *pipeConn) LocalAddr() net.Addr  { return pipeAddr(c.name) }
func (c *pipeConn) RemoteAddr() net.Addr { return pipeAddr(c.name) }

func (c *pipeConn) SetDeadline(t time.Time) error {
	c.mu.Lock()
	c.rd, c.wd = t, t
	c.mu.Unlock()
	return nil
}

func (c *pipeConn) SetReadDeadline(t time.Time) error {
	c.mu.Lock()
	c.rd = t
	c.mu.Unlock()
	return nil
}

func (c *pipeConn) SetWriteDeadline(t time.Time) error {
	c.mu.Lock()
	c.wd = t
	c.mu.Unlock()
	return nil
}
