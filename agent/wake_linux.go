package agent

import (
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// newAlarm is the alarm the resident agent's loop sleeps on: a timerfd
// where the kernel offers one. A Go runtime timer that ends a long sleep
// costs a burst of some 60 context switches: the runtime's monitor
// thread wakes on time and polls every 20 µs until the network poller,
// whose epoll wait the kernel lets run late by 0.1% of its length (60 ms
// after a minute), runs the timer. A timerfd makes the poller's fd ready
// on time, and with no runtime timer pending the monitor sleeps on.
// The clock is CLOCK_MONOTONIC, as for Go's timers: a suspend stops it.
func newAlarm() Alarm {
	if a, err := newFDAlarm(); err == nil {
		return a
	}
	return NewTimerAlarm()
}

// fdAlarm is an Alarm on a timerfd, read through the runtime's poller.
type fdAlarm struct {
	fd int
	f  *os.File
	c  chan time.Time
}

func newFDAlarm() (*fdAlarm, error) {
	fd, err := unix.TimerfdCreate(unix.CLOCK_MONOTONIC, unix.TFD_NONBLOCK|unix.TFD_CLOEXEC)
	if err != nil {
		return nil, err
	}
	a := &fdAlarm{fd: fd, f: os.NewFile(uintptr(fd), "timerfd"), c: make(chan time.Time, 1)}
	go a.read()
	return a, nil
}

// read turns the timerfd's expiries into wakes until Close.
func (a *fdAlarm) read() {
	var b [8]byte
	for {
		if _, err := a.f.Read(b[:]); err != nil {
			if err == unix.EAGAIN { // disarmed between ready and read
				continue
			}
			return // closed
		}
		select {
		case a.c <- time.Now():
		default:
		}
	}
}

func (a *fdAlarm) C() <-chan time.Time { return a.c }

// Set drops a wake not yet taken and re-arms the timerfd. A wake already
// on its way from read may still arrive (an extra loop turn); none of
// the new setting is lost, since the drop comes first.
func (a *fdAlarm) Set(d time.Duration) {
	select {
	case <-a.c:
	default:
	}
	var spec unix.ItimerSpec
	if d >= 0 {
		spec.Value = unix.NsecToTimespec(max(int64(d), 1)) // zero would disarm
	}
	unix.TimerfdSettime(a.fd, 0, &spec, nil)
}

func (a *fdAlarm) Close() { a.f.Close() }
