// Package e2e holds Limber's end-to-end tests. They run the real binary in
// a throwaway desktop session (scripts/desktop-session.sh: Xvfb, a private
// session bus, a StatusNotifierWatcher and dunst) and drive it the way the
// desktop does: the tray menu over com.canonical.dbusmenu, notifications
// through dunst, windows through xdotool. Build tag: e2e.
package e2e
