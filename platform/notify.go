package platform

import "github.com/gen2brain/beeep"

// DefaultAction is the action key a notification server invokes when the
// notification body is clicked.
const DefaultAction = "default"

// NotifyAction is one button on a notification.
type NotifyAction struct{ Key, Label string }

// Notification is what the agent shows.
type Notification struct {
	Title   string
	Body    string
	Icon    string // absolute path of a PNG, may be empty
	Actions []NotifyAction
	// Replaces is the id of an earlier notification this one replaces (0: none).
	Replaces uint32
}

// Notifier shows notifications. Actions reports whether clicks and
// buttons come back through the handler given to NewNotifier.
type Notifier interface {
	Send(n Notification) (id uint32, err error)
	Dismiss(id uint32)
	Actions() bool
	Name() string
}

// ActionHandler receives a clicked action: the notification id and key.
type ActionHandler func(id uint32, key string)

// beeepNotifier is the portable fallback: no actions, no ids.
type beeepNotifier struct{}

func init() { beeep.AppName = "Limber" } // once: Send runs on several goroutines

func (beeepNotifier) Send(n Notification) (uint32, error) {
	return 0, beeep.Notify(n.Title, n.Body, n.Icon)
}
func (beeepNotifier) Dismiss(uint32) {}
func (beeepNotifier) Actions() bool  { return false }
func (beeepNotifier) Name() string   { return "beeep" }
