package wayland

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
)

// A wl_registry.bind as libwayland frames it: object 2, opcode 0, name 7,
// interface "wl_seat" (8 bytes with the NUL), version 1, new id 3.
func TestEncodeBind(t *testing.T) {
	args := new(Args).Uint(7).String("wl_seat").Uint(1).Uint(3)
	got, err := Message{Object: 2, Opcode: 0, Args: args.Bytes()}.Encode()
	if err != nil {
		t.Fatal(err)
	}
	want := []byte{
		2, 0, 0, 0, 0, 0, 32, 0, // object 2; size 32 << 16 | opcode 0
		7, 0, 0, 0,
		8, 0, 0, 0, 'w', 'l', '_', 's', 'e', 'a', 't', 0,
		1, 0, 0, 0,
		3, 0, 0, 0,
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("bind encodes as\n%v\nwant\n%v", got, want)
	}
}

// Strings are padded to 4 bytes after their NUL, whatever their length.
func TestStringPadding(t *testing.T) {
	for n, size := range map[int]int{0: 8, 1: 8, 2: 8, 3: 8, 4: 12, 7: 12, 8: 16} {
		s := string(bytes.Repeat([]byte{'x'}, n))
		b := new(Args).String(s).Bytes()
		if len(b) != size {
			t.Errorf("a %d-byte string takes %d bytes, want %d", n, len(b), size)
		}
		if got := NewReader(b).String(); got != s {
			t.Errorf("a %d-byte string reads back as %q", n, got)
		}
	}
}

func TestDecodeRejects(t *testing.T) {
	for _, tc := range []struct {
		name string
		buf  []byte
		want error
	}{
		{"empty", nil, ErrShort},
		{"half a header", []byte{1, 0, 0, 0}, ErrShort},
		{"body missing", []byte{1, 0, 0, 0, 0, 0, 12, 0}, ErrShort},
		{"size below the header", []byte{1, 0, 0, 0, 0, 0, 4, 0}, nil},
		{"size not a multiple of 4", []byte{1, 0, 0, 0, 0, 0, 9, 0, 0}, nil},
	} {
		_, _, err := Decode(tc.buf)
		if err == nil || (tc.want != nil && !errors.Is(err, tc.want)) || (tc.want == nil && errors.Is(err, ErrShort)) {
			t.Errorf("%s: Decode says %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestReaderRejects(t *testing.T) {
	// A string whose length runs past the message.
	r := NewReader([]byte{9, 0, 0, 0, 'a', 'b', 0, 0})
	if r.String() != "" || !errors.Is(r.Err(), ErrShort) {
		t.Errorf("overlong string: err %v, want ErrShort", r.Err())
	}
	// A string without its NUL.
	r = NewReader([]byte{2, 0, 0, 0, 'a', 'b', 0, 0})
	if r.String() != "" || r.Err() == nil {
		t.Error("a string without NUL reads without error")
	}
	// After an error every read is zero.
	r = NewReader([]byte{1, 0})
	if r.Uint() != 0 || r.Uint() != 0 || r.Err() == nil {
		t.Error("a short uint reads without error")
	}
	// A null string (length 0) reads as "".
	r = NewReader([]byte{0, 0, 0, 0, 5, 0, 0, 0})
	if r.String() != "" || r.Uint() != 5 || r.Err() != nil {
		t.Errorf("null string: err %v", r.Err())
	}
}

// Invariant: any sequence of arguments, framed into any sequence of
// messages and cut into arbitrary chunks, decodes back to the same
// messages and values.
func TestRoundTripRandom(t *testing.T) {
	seed := uint64(1)
	if s := os.Getenv("LIMBER_WIRE_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	rng := rand.New(rand.NewPCG(seed, 0))
	for iter := 0; iter < 500; iter++ {
		type value struct {
			kind int
			u    uint32
			s    string
			a    []byte
		}
		var msgs []Message
		var vals [][]value
		var stream []byte
		for m := rng.IntN(5) + 1; m > 0; m-- {
			var vs []value
			args := new(Args)
			for n := rng.IntN(6); n > 0; n-- {
				v := value{kind: rng.IntN(3)}
				switch v.kind {
				case 0:
					v.u = rng.Uint32()
					args.Uint(v.u)
				case 1:
					b := make([]byte, rng.IntN(20))
					for i := range b {
						b[i] = byte(rng.IntN(255) + 1)
					}
					v.s = string(b)
					args.String(v.s)
				case 2:
					v.a = make([]byte, rng.IntN(20))
					for i := range v.a {
						v.a[i] = byte(rng.Uint32())
					}
					args.Array(v.a)
				}
				vs = append(vs, v)
			}
			msg := Message{Object: rng.Uint32(), Opcode: uint16(rng.Uint32()), Args: args.Bytes()}
			b, err := msg.Encode()
			if err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			msgs, vals, stream = append(msgs, msg), append(vals, vs), append(stream, b...)
		}
		// Feed the stream in random chunks, as a socket might.
		var in []byte
		var got []Message
		for len(stream) > 0 || len(in) > 0 {
			if len(stream) > 0 {
				k := rng.IntN(len(stream)) + 1
				in, stream = append(in, stream[:k]...), stream[k:]
			}
			for {
				m, n, err := Decode(in)
				if errors.Is(err, ErrShort) {
					break
				}
				if err != nil {
					t.Fatalf("seed %d iteration %d: %v", seed, iter, err)
				}
				got, in = append(got, m), in[n:]
			}
			if len(stream) == 0 && len(in) > 0 {
				t.Fatalf("seed %d iteration %d: %d bytes left over", seed, iter, len(in))
			}
		}
		if len(got) != len(msgs) {
			t.Fatalf("seed %d iteration %d: %d messages back, want %d", seed, iter, len(got), len(msgs))
		}
		for i, m := range got {
			if m.Object != msgs[i].Object || m.Opcode != msgs[i].Opcode {
				t.Fatalf("seed %d iteration %d: message %d header %d/%d, want %d/%d", seed, iter, i, m.Object, m.Opcode, msgs[i].Object, msgs[i].Opcode)
			}
			r := NewReader(m.Args)
			for j, v := range vals[i] {
				ok := true
				switch v.kind {
				case 0:
					ok = r.Uint() == v.u
				case 1:
					ok = r.String() == v.s
				case 2:
					ok = bytes.Equal(r.Array(), v.a)
				}
				if !ok || r.Err() != nil {
					t.Fatalf("seed %d iteration %d: message %d argument %d reads back wrong (%v)", seed, iter, i, j, r.Err())
				}
			}
		}
	}
}
