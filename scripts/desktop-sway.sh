#!/usr/bin/env bash
# Runs a command inside a throwaway Wayland desktop made of real parts: a
# headless compositor (sway, or KWin with LIMBER_COMPOSITOR=kwin, see
# desktop-kwin.sh) with XWayland, a private D-Bus session bus, a
# StatusNotifierWatcher tray host and a notification server (mako on sway,
# dunst on KWin). Compositors refuse or misbehave as root, so as root the
# whole session runs as an unprivileged user this script creates.
#   scripts/desktop-sway.sh COMMAND [ARGS…]
# The command sees WAYLAND_DISPLAY, DISPLAY (XWayland), SWAYSOCK (sway), XDG_RUNTIME_DIR,
# DBUS_SESSION_BUS_ADDRESS and LIMBER_COMPOSITOR (sway or kwin); the
# variables LIMBER_* and the command's files must be readable by that user.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
comp=${LIMBER_COMPOSITOR:-sway}
user=limber-wayland

if [ "${1:-}" != "--inner" ]; then
	base=$(mktemp -d /tmp/limber-wl.XXXXXX)
	chmod 0755 "$base"
	mkdir -m 0700 "$base/run" "$base/home"
	run_as=()
	if [ "$(id -u)" = 0 ]; then
		id -u "$user" >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user"
		chown "$user:" "$base/run" "$base/home"
		run_as=(runuser -u "$user" --)
	fi
	trap 'rm -rf "$base"' EXIT
	vars=(PATH="$PATH" HOME="$base/home" XDG_RUNTIME_DIR="$base/run" LANG=en_US.UTF-8
		LIMBER_COMPOSITOR="$comp" LIMBER_WL_BASE="$base")
	while IFS='=' read -r k v; do vars+=("$k=$v"); done < <(env | grep -E '^(LIMBER_[A-Z_]*|TERM)=' | grep -v -E '^LIMBER_(COMPOSITOR|WL_BASE)=')
	status=0
	"${run_as[@]}" env -i "${vars[@]}" dbus-run-session -- "$0" --inner "$@" || status=$?
	exit $status
fi
shift

pids=()
cleanup() {
	for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
	wait 2>/dev/null || true
}
trap cleanup EXIT
envfile="$XDG_RUNTIME_DIR/session-env"
# The compositor starts this once it and XWayland are up: it records what
# clients need to find them.
probe="$XDG_RUNTIME_DIR/probe.sh"
cat >"$probe" <<EOF
#!/bin/sh
printf 'WAYLAND_DISPLAY=%s\nDISPLAY=%s\nSWAYSOCK=%s\n' "\$WAYLAND_DISPLAY" "\$DISPLAY" "\${SWAYSOCK:-}" >"$envfile.tmp"
mv "$envfile.tmp" "$envfile"
[ "\${1:-}" = wait ] && exec sleep infinity
exit 0
EOF
chmod +x "$probe"

case "$comp" in
sway)
	cfg="$XDG_RUNTIME_DIR/sway.conf"
	cat >"$cfg" <<-EOF
		output HEADLESS-1 resolution 1280x800 bg #203040 solid_color
		xwayland force
		default_border normal
		exec $probe
	EOF
	WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman \
		sway -c "$cfg" >"$XDG_RUNTIME_DIR/compositor.log" 2>&1 &
	pids+=($!)
	;;
kwin)
	# Debian's binary carries a file capability that an unprivileged exec
	# refuses; a copy drops it. Its Qt platform plugin checks the name.
	mkdir -p "$XDG_RUNTIME_DIR/bin"
	cp /usr/bin/kwin_wayland "$XDG_RUNTIME_DIR/bin/kwin_wayland"
	"$XDG_RUNTIME_DIR/bin/kwin_wayland" --virtual --xwayland --socket wayland-limber \
		--width 1280 --height 800 --exit-with-session "$probe wait" \
		>"$XDG_RUNTIME_DIR/compositor.log" 2>&1 &
	pids+=($!)
	;;
*)
	echo "desktop-sway: LIMBER_COMPOSITOR is $comp, want sway or kwin" >&2
	exit 2
	;;
esac
for _ in $(seq 300); do [ -s "$envfile" ] && break; sleep 0.1; done
if [ ! -s "$envfile" ]; then
	echo "desktop-sway: $comp did not start; its log:" >&2
	cat "$XDG_RUNTIME_DIR/compositor.log" >&2
	exit 1
fi
set -a
. "$envfile"
set +a
export XDG_SESSION_TYPE=wayland

has_name() {
	dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
		org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q 'boolean true'
}
status-notifier-watcher >/dev/null 2>&1 &
pids+=($!)
if [ "$comp" = sway ]; then
	mako >"$XDG_RUNTIME_DIR/notify.log" 2>&1 &
else
	dunst -config "$here/dunstrc" >"$XDG_RUNTIME_DIR/notify.log" 2>&1 &
fi
pids+=($!)
for _ in $(seq 200); do
	has_name org.kde.StatusNotifierWatcher && has_name org.freedesktop.Notifications && break
	sleep 0.05
done
has_name org.kde.StatusNotifierWatcher || { echo "desktop-sway: the tray watcher did not start" >&2; exit 1; }
has_name org.freedesktop.Notifications || { echo "desktop-sway: the notification server did not start" >&2; cat "$XDG_RUNTIME_DIR/notify.log" >&2; exit 1; }
"$@"
