//go:build darwin

package platform

import "context"

// WatchSession has no signal source on this system yet: the channel never
// delivers and is never closed, and no sources are named. Callers fall back
// on wall-clock jumps.
func WatchSession(ctx context.Context) (<-chan SessionEvent, []string, error) {
	return make(chan SessionEvent), nil, nil
}
