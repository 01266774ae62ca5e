#!/usr/bin/env bash
# Runs a command inside a throwaway XFCE desktop made of Debian's own
# parts: an Xvfb X server, a private D-Bus session bus, xfconfd, the xfwm4
# window manager, xfce4-panel with its status tray (a real
# StatusNotifierItem host: it owns org.kde.StatusNotifierWatcher) and the
# xfce4-notifyd notification server. The command runs with the caller's
# environment plus DISPLAY, DBUS_SESSION_BUS_ADDRESS and
# LIMBER_DESKTOP=xfce; the desktop's own parts keep their settings in a
# private folder. Everything the script started is ended by pid.
#   scripts/desktop-xfce.sh COMMAND [ARGS…]
set -euo pipefail

if [ "${1:-}" != "--inner" ]; then
	for n in $(seq 90 199); do
		[ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { disp=":$n"; break; }
	done
	Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
	xvfb=$!
	trap 'kill $xvfb 2>/dev/null || true' EXIT
	for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.05; done
	[ -e "/tmp/.X11-unix/X${disp#:}" ] || { echo "desktop-xfce: Xvfb did not start on $disp" >&2; exit 1; }
	export DISPLAY="$disp"
	case "${LANG:-C}" in C | C.* | POSIX) export LANG=en_US.UTF-8 ;; esac
	status=0
	dbus-run-session -- "$0" --inner "$@" || status=$?
	exit $status
fi
shift

for c in xfwm4 xfce4-panel; do
	command -v "$c" >/dev/null || { echo "desktop-xfce: $c is not installed (apt-get install xfwm4 xfce4-panel xfce4-notifyd)" >&2; exit 1; }
done
lib=$(dirname "$(command -v xfce4-panel)")/../lib/$(gcc -dumpmachine 2>/dev/null || echo x86_64-linux-gnu)/xfce4
xfconfd=$lib/xfconf/xfconfd
notifyd=$lib/notifyd/xfce4-notifyd
for f in "$xfconfd" "$notifyd"; do
	[ -x "$f" ] || { echo "desktop-xfce: $f is missing (apt-get install xfconf xfce4-notifyd)" >&2; exit 1; }
done

# The desktop's settings: one panel along the top with a task list and
# the status tray at its right end, no first-start dialog.
home=$(mktemp -d)
chmod 700 "$home"
mkdir -p "$home/config/xfce4/xfconf/xfce-perchannel-xml" "$home/cache" "$home/data"
cat >"$home/config/xfce4/xfconf/xfce-perchannel-xml/xfce4-panel.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<channel name="xfce4-panel" version="1.0">
  <property name="configver" type="int" value="2"/>
  <property name="panels" type="array">
    <value type="int" value="1"/>
    <property name="panel-1" type="empty">
      <property name="position" type="string" value="p=6;x=0;y=0"/>
      <property name="length" type="uint" value="100"/>
      <property name="position-locked" type="bool" value="true"/>
      <property name="size" type="uint" value="32"/>
      <property name="plugin-ids" type="array">
        <value type="int" value="1"/>
        <value type="int" value="2"/>
        <value type="int" value="3"/>
      </property>
    </property>
  </property>
  <property name="plugins" type="empty">
    <property name="plugin-1" type="string" value="tasklist"/>
    <property name="plugin-2" type="string" value="separator">
      <property name="expand" type="bool" value="true"/>
      <property name="style" type="uint" value="0"/>
    </property>
    <property name="plugin-3" type="string" value="systray"/>
  </property>
</channel>
EOF
desk=(env NO_AT_BRIDGE=1 GTK_A11Y=none HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" XDG_DATA_HOME="$home/data")

pids=()
cleanup() {
	# Newest first: the panel and the notification server before xfconfd.
	for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
		kill "${pids[i]}" 2>/dev/null || true
		wait "${pids[i]}" 2>/dev/null || true
	done
	rm -rf "$home"
}
trap cleanup EXIT

has_name() {
	dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
		org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q 'boolean true'
}
wait_name() {
	for _ in $(seq 200); do has_name "$1" && return 0; sleep 0.05; done
	echo "desktop-xfce: $2 did not take $1 on the session bus" >&2
	exit 1
}

log=${LIMBER_DESKTOP_LOG:-/dev/null}
"${desk[@]}" "$xfconfd" >>"$log" 2>&1 &
pids+=($!)
wait_name org.xfce.Xfconf xfconfd
"${desk[@]}" xfwm4 --compositor=off >>"$log" 2>&1 &
pids+=($!)
for _ in $(seq 200); do xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' && break; sleep 0.05; done
"${desk[@]}" "$notifyd" >>"$log" 2>&1 &
pids+=($!)
wait_name org.freedesktop.Notifications xfce4-notifyd
"${desk[@]}" xfce4-panel --disable-wm-check >>"$log" 2>&1 &
pids+=($!)
wait_name org.kde.StatusNotifierWatcher "xfce4-panel's status tray"

export LIMBER_DESKTOP=xfce
status=0
"$@" || status=$?
exit $status
