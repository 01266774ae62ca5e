//go:build !windows && !darwin

package platform

import (
	"encoding/binary"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// fakeSway answers sway IPC messages: replies maps a message type to its
// reply; every payload received is kept.
type fakeSway struct {
	mu      sync.Mutex
	got     []string
	replies map[uint32]string
}

func (f *fakeSway) serve(t *testing.T) string {
	sock := filepath.Join(t.TempDir(), "sway.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			hdr := make([]byte, 14)
			if _, err := io.ReadFull(c, hdr); err == nil && string(hdr[:6]) == swayMagic {
				body := make([]byte, binary.LittleEndian.Uint32(hdr[6:]))
				io.ReadFull(c, body)
				typ := binary.LittleEndian.Uint32(hdr[10:])
				f.mu.Lock()
				f.got = append(f.got, string(body))
				reply := f.replies[typ]
				f.mu.Unlock()
				out := append([]byte(swayMagic), binary.LittleEndian.AppendUint32(nil, uint32(len(reply)))...)
				out = binary.LittleEndian.AppendUint32(out, typ)
				c.Write(append(out, reply...))
			}
			c.Close()
		}
	}()
	return sock
}

// Under sway the break is placed, made full screen, pinned and focused
// through sway's IPC with the X11 window id as the criterion, and its
// monitor is the focused output; sway's refusals come back as errors.
func TestSwayScreenCommands(t *testing.T) {
	f := &fakeSway{replies: map[uint32]string{
		swayRunCommand: `[{"success":true}]`,
		swayGetOutputs: `[{"name":"HEADLESS-1","active":true,"focused":false,"rect":{"x":0,"y":0,"width":1280,"height":800}},
		                  {"name":"HEADLESS-2","active":true,"focused":true,"rect":{"x":1280,"y":0,"width":1280,"height":800}}]`,
	}}
	s := &SwayScreen{sock: f.serve(t)}
	if err := s.Place(42, Rect{1280, 0, 1280, 800}, true); err != nil {
		t.Fatal(err)
	}
	s.Place(42, Rect{10, 20, 0, 0}, false)
	s.Fullscreen(42)
	s.KeepAbove(42)
	s.Activate(42)
	want := []string{
		"[id=42] floating enable, move absolute position 1280 0, resize set 1280 800",
		"[id=42] floating enable, move absolute position 10 20",
		"[id=42] fullscreen enable",
		"[id=42] sticky enable",
		"[id=42] focus",
	}
	if strings.Join(f.got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("sent\n%s\nwant\n%s", strings.Join(f.got, "\n"), strings.Join(want, "\n"))
	}
	if x, y, err := s.Pointer(); err != nil || x != 1920 || y != 400 {
		t.Fatalf("focused output's middle: %d,%d %v", x, y, err)
	}
	f.replies[swayRunCommand] = `[{"success":false,"error":"No matching node."}]`
	if err := s.Activate(7); err == nil || !strings.Contains(err.Error(), "No matching node") {
		t.Fatalf("a refusal: %v", err)
	}
	f.replies[swayRunCommand] = `not json`
	if err := s.Activate(7); err == nil || !strings.Contains(err.Error(), "expected JSON") {
		t.Fatalf("a bad reply: %v", err)
	}
}
