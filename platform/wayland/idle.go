package wayland

import (
	"errors"
	"fmt"
	"time"
)

// Interface names of the globals this package uses.
const (
	Seat            = "wl_seat"
	ExtIdleNotifier = "ext_idle_notifier_v1" // ext-idle-notify-v1 (wayland-protocols staging)
	KDEIdle         = "org_kde_kwin_idle"    // plasma-wayland-protocols idle.xml
	ToplevelManager = "zwlr_foreign_toplevel_manager_v1"
)

// Opcodes of the idle protocols.
const (
	extNotifierGetIdle      = 1 // new_id, uint timeout, object seat
	extNotifierGetInputIdle = 2 // same arguments; since version 2
	extNotificationDestroy  = 0
	extNotificationIdled    = 0
	extNotificationResumed  = 1

	kdeIdleGetTimeout  = 0 // new_id, object seat, uint timeout
	kdeTimeoutRelease  = 0
	kdeTimeoutIdle     = 0
	kdeTimeoutResumed  = 1
	maxIdleTimeoutMsec = 1<<32 - 1
)

// IdleKind says which idle protocol an IdleNotifier speaks.
type IdleKind int

const (
	// IdleExt is ext-idle-notify-v1's get_idle_notification: idle
	// inhibitors (a playing video) hold the idle time at zero.
	IdleExt IdleKind = iota
	// IdleExtInput is ext-idle-notify-v1 version 2's
	// get_input_idle_notification: only input counts as activity.
	IdleExtInput
	// IdleKDE is org_kde_kwin_idle (KWin, wlroots before 0.17).
	IdleKDE
)

func (k IdleKind) String() string {
	switch k {
	case IdleExt:
		return ExtIdleNotifier
	case IdleExtInput:
		return ExtIdleNotifier + " (input)"
	case IdleKDE:
		return KDEIdle
	}
	return fmt.Sprintf("IdleKind(%d)", int(k))
}

// IdleNotifier creates idle notifications on one seat.
type IdleNotifier struct {
	conn     *Conn
	kind     IdleKind
	notifier uint32
	seat     uint32
}

// ErrNoIdleProtocol means the compositor offers neither idle protocol (or
// no seat).
var ErrNoIdleProtocol = errors.New("wayland: the compositor offers no idle protocol (ext_idle_notifier_v1, org_kde_kwin_idle) and seat")

// NewIdleNotifier binds the first seat and the best idle protocol the
// compositor offers: ext_idle_notifier_v1, at version 2 where offered
// (input-only notifications), else org_kde_kwin_idle.
func NewIdleNotifier(c *Conn) (*IdleNotifier, error) {
	seatG, ok := c.Find(Seat)
	if !ok {
		return nil, ErrNoIdleProtocol
	}
	n := &IdleNotifier{conn: c}
	var g Global
	var want uint32
	if g, ok = c.Find(ExtIdleNotifier); ok {
		n.kind, want = IdleExt, 2
		if g.Version >= 2 {
			n.kind = IdleExtInput
		}
	} else if g, ok = c.Find(KDEIdle); ok {
		n.kind, want = IdleKDE, 1
	} else {
		return nil, ErrNoIdleProtocol
	}
	var err error
	// The seat's events (capabilities, name) are of no interest here.
	if n.seat, _, err = c.Bind(seatG, 1, nil); err != nil {
		return nil, err
	}
	if n.notifier, _, err = c.Bind(g, want, nil); err != nil {
		return nil, err
	}
	return n, nil
}

// Kind is the protocol in use.
func (n *IdleNotifier) Kind() IdleKind { return n.kind }

// IdleNotification is one idle timeout on the compositor.
type IdleNotification struct {
	n  *IdleNotifier
	id uint32
}

// Notify asks for a notification after timeout without input (at least
// 1 ms, at most about 49 days): idled is called then, resumed at the next
// input after it, and so on. The compositor counts the timeout from now,
// not from the last input. The callbacks run on the dispatching goroutine.
func (n *IdleNotifier) Notify(timeout time.Duration, idled, resumed func()) (*IdleNotification, error) {
	ms := timeout.Milliseconds()
	if timeout%time.Millisecond != 0 {
		ms++
	}
	ms = min(max(ms, 1), maxIdleTimeoutMsec)
	idleOp, resumeOp := uint16(extNotificationIdled), uint16(extNotificationResumed)
	if n.kind == IdleKDE {
		idleOp, resumeOp = kdeTimeoutIdle, kdeTimeoutResumed
	}
	id := n.conn.NewObject(func(op uint16, _ *Reader) {
		switch op {
		case idleOp:
			idled()
		case resumeOp:
			resumed()
		}
	})
	var err error
	switch n.kind {
	case IdleExt:
		err = n.conn.Request(n.notifier, extNotifierGetIdle, new(Args).Uint(id).Uint(uint32(ms)).Uint(n.seat))
	case IdleExtInput:
		err = n.conn.Request(n.notifier, extNotifierGetInputIdle, new(Args).Uint(id).Uint(uint32(ms)).Uint(n.seat))
	case IdleKDE:
		err = n.conn.Request(n.notifier, kdeIdleGetTimeout, new(Args).Uint(id).Uint(n.seat).Uint(uint32(ms)))
	}
	if err != nil {
		n.conn.Forget(id)
		return nil, err
	}
	return &IdleNotification{n: n, id: id}, nil
}

// Destroy removes the notification; events already on their way for it
// are dropped.
func (t *IdleNotification) Destroy() error {
	t.n.conn.Forget(t.id)
	op := uint16(extNotificationDestroy)
	if t.n.kind == IdleKDE {
		op = kdeTimeoutRelease
	}
	return t.n.conn.Request(t.id, op, nil)
}

// kdeTimeoutSimulate is org_kde_kwin_idle_timeout.simulate_user_activity.
const kdeTimeoutSimulate = 1

// SimulateUserActivity tells the compositor, through org_kde_kwin_idle,
// that the person is active, for tests on compositors with no virtual
// keyboard (KWin resets every idle count; wlroots only that timeout's).
// It dispatches events, so no other goroutine may dispatch on c.
func SimulateUserActivity(c *Conn) error {
	g, ok := c.Find(KDEIdle)
	if !ok {
		return errors.New("wayland: the compositor offers no " + KDEIdle)
	}
	seatG, ok := c.Find(Seat)
	if !ok {
		return ErrNoIdleProtocol
	}
	seat, _, err := c.Bind(seatG, 1, nil)
	if err != nil {
		return err
	}
	idle, _, err := c.Bind(g, 1, nil)
	if err != nil {
		return err
	}
	t := c.NewObject(nil)
	if err := c.Request(idle, kdeIdleGetTimeout, new(Args).Uint(t).Uint(seat).Uint(maxIdleTimeoutMsec)); err != nil {
		return err
	}
	if err := c.Request(t, kdeTimeoutSimulate, nil); err != nil {
		return err
	}
	c.Forget(t)
	if err := c.Request(t, kdeTimeoutRelease, nil); err != nil {
		return err
	}
	return c.Roundtrip()
}
