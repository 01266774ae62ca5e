#!/usr/bin/env bash
# Runs a command inside a headless GNOME session made of what runs here:
# mutter (43) as the Wayland compositor, with XWayland unless --no-x11,
# owning the real org.gnome.Mutter.IdleMonitor and RemoteDesktop on a
# private session bus. gnome-shell does not start headless on this machine
# (it needs logind on a system bus), so there is no shell: no tray host, as
# on stock GNOME without the AppIndicator extension, and no shell
# notification server. With XWayland, dunst stands in for the shell's
# notifications unless --no-notify (the e2e test brings its own minimal
# server instead, to read and click what arrives).
#   scripts/desktop-gnome.sh [--no-x11] [--no-notify] COMMAND [ARGS…]
# Inside: WAYLAND_DISPLAY, DISPLAY (XWayland only), XDG_CURRENT_DESKTOP=GNOME,
# XDG_SESSION_TYPE=wayland, LIMBER_GNOME_X11=1|0, and
# LIMBER_GNOME_LOG=the file mutter writes its log to.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

if [ "${LIMBER_GNOME_INNER:-}" != 1 ]; then
	x11=1
	notify=1
	while [ $# -gt 0 ]; do
		case "$1" in
		--no-x11) x11=0; shift ;;
		--no-notify) notify=0; shift ;;
		--) shift; break ;;
		*) break ;;
		esac
	done
	[ $# -gt 0 ] || { echo "usage: $0 [--no-x11] [--no-notify] COMMAND [ARGS…]" >&2; exit 2; }
	command -v mutter >/dev/null || { echo "desktop-gnome: mutter is not installed (apt-get install mutter)" >&2; exit 1; }
	rt=$(mktemp -d /tmp/limber-gnome.XXXXXX)
	chmod 700 "$rt"
	tailer=""
	trap '[ -n "$tailer" ] && kill $tailer 2>/dev/null; rm -rf "$rt"' EXIT
	case "${LANG:-C}" in C | C.* | POSIX) export LANG=en_US.UTF-8 ;; esac
	flags=(--headless --wayland --virtual-monitor 1280x800 --wayland-display "limber-gnome-$$")
	[ $x11 = 1 ] || flags+=(--no-x11)
	# mutter runs the command as its child; the child's output goes to a
	# file shown live here (mutter's own log goes to another), and its
	# exit status comes back through a third.
	: >"$rt/out"
	tail -n +1 -f "$rt/out" &
	tailer=$!
	env -u DISPLAY -u WAYLAND_DISPLAY XDG_RUNTIME_DIR="$rt" LIMBER_GNOME_INNER=1 LIMBER_GNOME_X11=$x11 \
		LIMBER_GNOME_NOTIFY=$notify LIMBER_GNOME_DIR="$rt" LIMBER_GNOME_LOG="$rt/mutter.log" \
		dbus-run-session -- mutter "${flags[@]}" -- "$0" "$@" >"$rt/mutter.log" 2>&1 || true
	sleep 0.2
	kill $tailer 2>/dev/null || true
	tailer=""
	if [ ! -s "$rt/status" ]; then
		echo "desktop-gnome: the session did not run the command; mutter's log:" >&2
		cat "$rt/mutter.log" >&2
		exit 1
	fi
	exit "$(cat "$rt/status")"
fi

# Inside mutter's session.
exec >>"$LIMBER_GNOME_DIR/out" 2>&1
status=1
children=()
finish() {
	for p in "${children[@]}"; do kill "$p" 2>/dev/null || true; done
	echo "$status" >"$LIMBER_GNOME_DIR/status"
}
trap finish EXIT

has_name() {
	dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
		org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q 'boolean true'
}
for _ in $(seq 200); do has_name org.gnome.Mutter.IdleMonitor && break; sleep 0.05; done
has_name org.gnome.Mutter.IdleMonitor || { echo "desktop-gnome: mutter's IdleMonitor is not on the bus" >&2; exit 1; }

export XDG_CURRENT_DESKTOP=GNOME XDG_SESSION_DESKTOP=gnome XDG_SESSION_TYPE=wayland
if [ "$LIMBER_GNOME_X11" = 1 ]; then
	for _ in $(seq 200); do [ -n "${DISPLAY:-}" ] && [ -e "/tmp/.X11-unix/X${DISPLAY#:}" ] && break; sleep 0.05; done
	[ -n "${DISPLAY:-}" ] || { echo "desktop-gnome: mutter started no XWayland (DISPLAY is not set)" >&2; exit 1; }
	if [ "$LIMBER_GNOME_NOTIFY" = 1 ]; then
		# dunst on XWayland: mutter has no layer-shell for its Wayland side.
		env -u WAYLAND_DISPLAY dunst -config "$here/dunstrc" >/dev/null 2>&1 &
		children+=($!)
		for _ in $(seq 200); do has_name org.freedesktop.Notifications && break; sleep 0.05; done
	fi
else
	unset DISPLAY
fi
status=0
"$@" || status=$?
