//go:build !windows && !darwin

package platform

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"time"
)

// SwayScreen is an X11Screen for XWayland under sway, which places X
// windows itself (on the focused output, ignoring their positions) and
// has no "keep above": it moves, fullscreens, pins and focuses windows
// through sway's IPC ($SWAYSOCK), using the X11 window id as sway's "id"
// criterion; the break's monitor is the focused output.
type SwayScreen struct {
	*X11Screen
	sock string
}

// OpenScreen is the screen of this session: a SwayScreen under sway
// ($SWAYSOCK set), else an X11Screen.
func OpenScreen() (Screen, error) {
	x, err := OpenX11Screen()
	if err != nil {
		return nil, err
	}
	if sock := os.Getenv("SWAYSOCK"); sock != "" {
		return &SwayScreen{X11Screen: x, sock: sock}, nil
	}
	return x, nil
}

// Screen is what a break window needs to use every monitor.
type Screen interface {
	Monitors() []Rect
	Pointer() (x, y int, err error)
	Place(win uintptr, r Rect, size bool) error
	Fullscreen(win uintptr) error
	KeepAbove(win uintptr) error
	Activate(win uintptr) error
	Active() (uintptr, error)
	Close()
}

// swayMagic starts every sway (i3) IPC message.
const swayMagic = "i3-ipc"

// Sway IPC message types.
const (
	swayRunCommand = 0
	swayGetOutputs = 3
)

// swayCall sends one IPC message and returns the reply's payload.
func swayCall(sock string, typ uint32, payload string) ([]byte, error) {
	c, err := net.DialTimeout("unix", sock, 2*time.Second)
	if err != nil {
		return nil, fmt.Errorf("sway IPC %s: %w", sock, err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(2 * time.Second))
	msg := make([]byte, 0, 14+len(payload))
	msg = append(msg, swayMagic...)
	msg = binary.LittleEndian.AppendUint32(msg, uint32(len(payload)))
	msg = binary.LittleEndian.AppendUint32(msg, typ)
	msg = append(msg, payload...)
	if _, err := c.Write(msg); err != nil {
		return nil, fmt.Errorf("sway IPC %s: %w", sock, err)
	}
	hdr := make([]byte, 14)
	if _, err := io.ReadFull(c, hdr); err != nil {
		return nil, fmt.Errorf("sway IPC %s: reading the reply: %w", sock, err)
	}
	if string(hdr[:6]) != swayMagic {
		return nil, fmt.Errorf("sway IPC %s: the reply does not start with %q", sock, swayMagic)
	}
	n := binary.LittleEndian.Uint32(hdr[6:])
	if n > 16<<20 {
		return nil, fmt.Errorf("sway IPC %s: a reply of %d bytes", sock, n)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(c, body); err != nil {
		return nil, fmt.Errorf("sway IPC %s: reading the reply: %w", sock, err)
	}
	return body, nil
}

// command runs sway commands on the window win; sway answers with one
// result per command.
func (s *SwayScreen) command(win uintptr, cmds string) error {
	body, err := swayCall(s.sock, swayRunCommand, fmt.Sprintf("[id=%d] %s", win, cmds))
	if err != nil {
		return err
	}
	var res []struct {
		Success bool   `json:"success"`
		Error   string `json:"error"`
	}
	if err := json.Unmarshal(body, &res); err != nil {
		return fmt.Errorf("sway IPC %s: the reply to %q is not the expected JSON list: %w", s.sock, cmds, err)
	}
	for _, r := range res {
		if !r.Success {
			return fmt.Errorf("sway: %q: %s", cmds, r.Error)
		}
	}
	return nil
}

// Pointer is the middle of sway's focused output (XWayland knows the
// pointer only over X windows): the break opens where the person is.
func (s *SwayScreen) Pointer() (int, int, error) {
	body, err := swayCall(s.sock, swayGetOutputs, "")
	if err != nil {
		return 0, 0, err
	}
	var outs []struct {
		Focused bool `json:"focused"`
		Active  bool `json:"active"`
		Rect    struct {
			X, Y, Width, Height int
		} `json:"rect"`
	}
	if err := json.Unmarshal(body, &outs); err != nil {
		return 0, 0, fmt.Errorf("sway IPC %s: get_outputs: %w", s.sock, err)
	}
	for _, o := range outs {
		if o.Focused && o.Active {
			return o.Rect.X + o.Rect.Width/2, o.Rect.Y + o.Rect.Height/2, nil
		}
	}
	return 0, 0, errors.New("sway: no focused output")
}

// Place floats win and moves it to r's corner (and to r's size).
func (s *SwayScreen) Place(win uintptr, r Rect, size bool) error {
	cmds := fmt.Sprintf("floating enable, move absolute position %d %d", r.X, r.Y)
	if size {
		cmds += fmt.Sprintf(", resize set %d %d", r.W, r.H)
	}
	return s.command(win, cmds)
}

// Fullscreen makes win full screen on its output.
func (s *SwayScreen) Fullscreen(win uintptr) error { return s.command(win, "fullscreen enable") }

// KeepAbove pins win (floating, on every workspace of its output).
func (s *SwayScreen) KeepAbove(win uintptr) error { return s.command(win, "sticky enable") }

// Activate focuses win.
func (s *SwayScreen) Activate(win uintptr) error { return s.command(win, "focus") }
