#!/usr/bin/env bash
# Runs a command inside a throwaway desktop session made of real parts:
# an Xvfb X server, a private D-Bus session bus (dbus-run-session), a
# StatusNotifierWatcher tray host and the dunst notification server.
#   scripts/desktop-session.sh COMMAND [ARGS…]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

if [ "${1:-}" != "--inner" ]; then
	for n in $(seq 90 199); do
		[ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { disp=":$n"; break; }
	done
	Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
	xvfb=$!
	trap 'kill $xvfb 2>/dev/null || true' EXIT
	for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.05; done
	export DISPLAY="$disp"
	# Fyne reads the language from LANG and cannot parse "C" (nor
	# "C.UTF-8", which it cuts to "C"): give it a real one.
	case "${LANG:-C}" in C | C.* | POSIX) export LANG=en_US.UTF-8 ;; esac
	status=0
	dbus-run-session -- "$0" --inner "$@" || status=$?
	exit $status
fi
shift

has_name() {
	dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
		org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q 'boolean true'
}
status-notifier-watcher >/dev/null 2>&1 &
watcher=$!
dunst -config "$here/dunstrc" >/dev/null 2>&1 &
dunst=$!
trap 'kill $watcher $dunst 2>/dev/null || true' EXIT
for _ in $(seq 200); do
	has_name org.kde.StatusNotifierWatcher && has_name org.freedesktop.Notifications && break
	sleep 0.05
done
has_name org.kde.StatusNotifierWatcher || { echo "desktop-session: the tray watcher did not start" >&2; exit 1; }
has_name org.freedesktop.Notifications || { echo "desktop-session: dunst did not start" >&2; exit 1; }
"$@"
