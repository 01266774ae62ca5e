//go:build !windows && !darwin

package platform

import (
	"fmt"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/screensaver"
	"github.com/jezek/xgb/xproto"
)

// x11Idle reads the X server's MIT-SCREEN-SAVER idle counter, which any
// keyboard or pointer input (real or XTest) resets.
type x11Idle struct {
	conn *xgb.Conn
	root xproto.Drawable
}

// newX11Idle connects to display ("" means $DISPLAY) and checks that the
// extension answers. When the server also has the SYNC extension's
// IDLETIME counter, the source is an IdleWatcher too.
func newX11Idle(display string) (IdleSource, error) {
	return dialX11(display, nil, nil)
}

// dialX11 is newX11Idle with the watcher's events channel and loss
// callback given (see newXSyncIdle).
func dialX11(display string, events chan IdleEvent, onLost func(*xsyncIdle)) (IdleSource, error) {
	x, err := dialX11Idle(display)
	if err != nil {
		return nil, err
	}
	if w, err := newXSyncIdle(x, events, onLost); err == nil {
		return w, nil
	}
	return x, nil
}

// dialX11Idle is the MIT-SCREEN-SAVER source alone.
func dialX11Idle(display string) (*x11Idle, error) {
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		return nil, err
	}
	if err := screensaver.Init(conn); err != nil {
		conn.Close()
		return nil, fmt.Errorf("MIT-SCREEN-SAVER: %w", err)
	}
	x := &x11Idle{conn: conn, root: xproto.Drawable(xproto.Setup(conn).DefaultScreen(conn).Root)}
	if _, err := x.IdleTime(); err != nil {
		conn.Close()
		return nil, err
	}
	return x, nil
}

func (x *x11Idle) Name() string { return IdleX11 }

func (x *x11Idle) IdleTime() (time.Duration, error) {
	r, err := screensaver.QueryInfo(x.conn, x.root).Reply()
	if err != nil {
		return 0, fmt.Errorf("MIT-SCREEN-SAVER QueryInfo: %w", err)
	}
	return time.Duration(r.MsSinceUserInput) * time.Millisecond, nil
}

func (x *x11Idle) Close() error {
	x.conn.Close()
	return nil
}
