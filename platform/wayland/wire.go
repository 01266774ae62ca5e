// Package wayland is a small pure-Go Wayland client: the wire protocol,
// wl_display, wl_registry and wl_seat, and the few requests Limber needs
// from the idle protocols (ext-idle-notify-v1, org_kde_kwin_idle) and
// wlroots' foreign-toplevel manager. It passes no file descriptors: none
// of these protocols needs one.
package wayland

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// headerSize is the size of a message header: the object id, then the
// message size (upper 16 bits) and opcode (lower 16 bits).
const headerSize = 8

// maxMessage is the largest message libwayland sends or accepts.
const maxMessage = 4096

// Message is one request or event: the object it is for, its opcode and
// its arguments, already encoded.
type Message struct {
	Object uint32
	Opcode uint16
	Args   []byte
}

// Encode frames m for the wire.
func (m Message) Encode() ([]byte, error) {
	size := headerSize + len(m.Args)
	if size > maxMessage || len(m.Args)%4 != 0 {
		return nil, fmt.Errorf("wayland: message of %d argument bytes, want a multiple of 4 up to %d", len(m.Args), maxMessage-headerSize)
	}
	buf := make([]byte, size)
	binary.LittleEndian.PutUint32(buf, m.Object)
	binary.LittleEndian.PutUint32(buf[4:], uint32(size)<<16|uint32(m.Opcode))
	copy(buf[headerSize:], m.Args)
	return buf, nil
}

// ErrShort means the bytes end inside a message or argument.
var ErrShort = errors.New("wayland: message cut short")

// Decode reads one message from the start of buf and returns it with the
// number of bytes it took. With fewer bytes than a whole message it
// returns ErrShort; a header that cannot be right is another error.
func Decode(buf []byte) (Message, int, error) {
	if len(buf) < headerSize {
		return Message{}, 0, ErrShort
	}
	obj := binary.LittleEndian.Uint32(buf)
	w := binary.LittleEndian.Uint32(buf[4:])
	size := int(w >> 16)
	if size < headerSize || size%4 != 0 {
		return Message{}, 0, fmt.Errorf("wayland: message for object %d has size %d, want a multiple of 4 of at least %d", obj, size, headerSize)
	}
	if len(buf) < size {
		return Message{}, 0, ErrShort
	}
	args := make([]byte, size-headerSize)
	copy(args, buf[headerSize:size])
	return Message{Object: obj, Opcode: uint16(w), Args: args}, size, nil
}

// Args builds a message's arguments.
type Args struct{ b []byte }

// Uint appends a uint (also object ids and new_ids of a known interface).
func (a *Args) Uint(v uint32) *Args {
	a.b = binary.LittleEndian.AppendUint32(a.b, v)
	return a
}

// Int appends an int.
func (a *Args) Int(v int32) *Args { return a.Uint(uint32(v)) }

// String appends a string: its length with the closing NUL, the bytes,
// the NUL and padding to 4 bytes.
func (a *Args) String(s string) *Args {
	a.Uint(uint32(len(s) + 1))
	a.b = append(a.b, s...)
	a.b = append(a.b, 0)
	return a.pad()
}

// Array appends an array: its length, the bytes and padding to 4 bytes.
func (a *Args) Array(p []byte) *Args {
	a.Uint(uint32(len(p)))
	a.b = append(a.b, p...)
	return a.pad()
}

func (a *Args) pad() *Args {
	for len(a.b)%4 != 0 {
		a.b = append(a.b, 0)
	}
	return a
}

// Bytes is the encoded arguments.
func (a *Args) Bytes() []byte { return a.b }

// Reader reads a message's arguments in order. After the first error
// every read returns the zero value; Err reports that error.
type Reader struct {
	b   []byte
	err error
}

// NewReader reads args.
func NewReader(args []byte) *Reader { return &Reader{b: args} }

// Err is the first error a read met, or nil.
func (r *Reader) Err() error { return r.err }

// Uint reads a uint, object id or new_id.
func (r *Reader) Uint() uint32 {
	if r.err != nil {
		return 0
	}
	if len(r.b) < 4 {
		r.err = ErrShort
		return 0
	}
	v := binary.LittleEndian.Uint32(r.b)
	r.b = r.b[4:]
	return v
}

// Int reads an int.
func (r *Reader) Int() int32 { return int32(r.Uint()) }

// String reads a string; a null string reads as "".
func (r *Reader) String() string {
	p := r.Array()
	if r.err != nil || len(p) == 0 {
		return ""
	}
	if p[len(p)-1] != 0 {
		r.err = errors.New("wayland: string without its closing NUL")
		return ""
	}
	return string(p[:len(p)-1])
}

// Array reads an array's bytes.
func (r *Reader) Array() []byte {
	n := r.Uint()
	if r.err != nil {
		return nil
	}
	padded := (uint64(n) + 3) &^ 3
	if uint64(len(r.b)) < padded {
		r.err = ErrShort
		return nil
	}
	p := r.b[:n:n]
	r.b = r.b[padded:]
	return p
}
