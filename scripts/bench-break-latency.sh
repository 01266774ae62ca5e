#!/usr/bin/env bash
# Latency from a click on the pre-break notification to a visible break
# window, cold (the window process starts at the click) and pre-started
# (started hidden when the warning went out), next to Workrave 1.10's rest
# break asked for over D-Bus (ControlInterface.RestBreak) in the same run.
# Real parts: Xvfb, openbox (a real window manager maps the windows), a
# private session bus, the tray watcher, dunst (its NotificationAction
# method, what `dunstctl action` calls, sent with dbus-send, is the
# click). scripts/winready runs the click (or the D-Bus call) and watches
# the X server every 2 ms; one definition for both programs: "mapped" is
# the window managed and viewable, "visible" is mapped AND its first frame
# drawn (its pixels hold 16 colours or more). Prints the medians of ROUNDS
# runs; with BENCH_RESULTS set, appends them there for bench-table.sh.
# Wall time: a loaded machine makes it longer.
# A last row, "smallest Fyne window", is scripts/fynefloor started cold
# (exec to its first frame, under winready): what any Fyne window costs
# here, the floor under the cold row.
#   scripts/bench-break-latency.sh /path/to/limber [/path/to/winready [/path/to/fynefloor]]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] || [ -z "${DISPLAY:-}" ]; then
	exec "$here/desktop-session.sh" "$0" "$@"
fi
limber=${1:?usage: bench-break-latency.sh LIMBER_BINARY [WINREADY_BINARY]}
winready=${2:-$(dirname "$limber")/winready}
[ -x "$winready" ] || { echo "bench-break-latency: no $winready (go build -o bin/winready ./scripts/winready)" >&2; exit 2; }
fynefloor=${3:-$(dirname "$limber")/fynefloor}
rounds=${ROUNDS:-5}
work=$(mktemp -d)
openbox --sm-disable >/dev/null 2>&1 &
wm=$!
trap 'kill $wm 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' && break; sleep 0.05; done
has_name() {
	dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
		org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q 'boolean true'
}

one() { # $1 = prestart true|false → prints "mapped visible" milliseconds
	local d="$work/$1-$2"
	mkdir -p "$d"/{config/limber,state/limber,run,home}
	chmod -R 700 "$d"
	touch "$d/state/limber/welcome-shown"
	printf '[breaks.posture]\nevery = "2m"\nwarn_before = "1m56s"\n[break_window]\nprestart = %s\n' "$1" >"$d/config/limber/config.toml"
	export HOME="$d/home" XDG_CONFIG_HOME="$d/config" XDG_STATE_HOME="$d/state" XDG_RUNTIME_DIR="$d/run"
	# One cache folder for every round, as a person's: Fyne's index of the
	# system fonts is built once, not at every cold start (Mesa's shader
	# cache goes by the passwd home, shared already).
	mkdir -p "$work/cache" && chmod 700 "$work/cache"
	export XDG_CACHE_HOME="$work/cache"
	# The person is at the desk (no warning is shown to someone away):
	# move the mouse now and then, as they would.
	xdotool mousemove_relative -- 3 2
	"$limber" >"$d/log" 2>&1 &
	local pid=$!
	for i in $(seq 200); do
		[ "$(dunstctl count displayed)" -gt 0 ] && break
		[ $((i % 20)) -eq 0 ] && xdotool mousemove_relative -- 3 2
		sleep 0.05
	done
	sleep 2 # a person reads the notification before clicking
	local out
	# The click is dunst's own NotificationAction method, sent with
	# dbus-send as Workrave's RestBreak is below: one trigger program for
	# both, the lightest there is, which sends and exits without waiting
	# for a reply. (dunstctl is a shell script around dbus-send; gdbus
	# starts GLib and, exiting, competed with the window's first frame for
	# the two cores: both made the click's cost part of what was timed.)
	if ! out=$("$winready" "Posture break" dbus-send --session --type=method_call --dest=org.freedesktop.Notifications \
		/org/freedesktop/Notifications org.dunstproject.cmd0.NotificationAction uint32:0); then
		echo "bench-break-latency: no break window within 20 s (prestart=$1); agent log:" >&2
		cat "$d/log" >&2
		"$limber" status >&2 || true
		dunstctl history >&2 || true
		cat "$d/state/limber/journal.jsonl" >&2 || true
		exit 1
	fi
	local views
	views=$(ps -o pid= --ppid "$pid" 2>/dev/null || true)
	"$limber" quit >/dev/null 2>&1 || kill "$pid"
	wait "$pid" 2>/dev/null || true
	for v in $views; do kill "$v" 2>/dev/null || true; done
	dunstctl close-all
	# The next run must not find this run's window.
	for _ in $(seq 100); do
		[ -z "$(xdotool search --onlyvisible --name "Posture break" 2>/dev/null)" ] && break
		sleep 0.05
	done
	sleep 0.5
	echo "$out"
}
workrave_one() { # → "mapped visible" milliseconds from RestBreak to its window
	local d="$work/workrave-$1"
	mkdir -p "$d/home"
	HOME="$d/home" XDG_CONFIG_HOME="$d/home/.config" workrave >"$d/log" 2>&1 &
	local pid=$!
	for _ in $(seq 200); do has_name org.workrave.Workrave && break; sleep 0.05; done
	sleep 3 # started and settled, as a pre-started window is
	local out
	if ! out=$("$winready" "Rest break" dbus-send --session --type=method_call --dest=org.workrave.Workrave \
		/org/workrave/Workrave/UI org.workrave.ControlInterface.RestBreak); then
		echo "bench-break-latency: no Workrave rest break window within 20 s" >&2
		kill "$pid"; wait "$pid" 2>/dev/null || true
		return
	fi
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	for _ in $(seq 100); do
		[ -z "$(xdotool search --onlyvisible --name "Rest break" 2>/dev/null)" ] && break
		sleep 0.05
	done
	echo "$out"
}
floor_one() { # → "mapped visible" milliseconds from exec to the smallest Fyne window
	local d="$work/floor-$1"
	mkdir -p "$d"/{config,home}
	chmod -R 700 "$d"
	local out
	# It quits by itself a second after it shows.
	if ! out=$(HOME="$d/home" XDG_CONFIG_HOME="$d/config" XDG_CACHE_HOME="$work/cache" "$winready" "Smallest Fyne window" "$fynefloor"); then
		echo "bench-break-latency: the smallest Fyne window did not show within 20 s" >&2
		return
	fi
	for _ in $(seq 100); do
		[ -z "$(xdotool search --onlyvisible --name "Smallest Fyne window" 2>/dev/null)" ] && break
		sleep 0.05
	done
	echo "$out"
}
median() { sort -n | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }
declare -A runs
rows="cold pre-started"
command -v workrave >/dev/null && rows="$rows workrave"
[ -x "$fynefloor" ] && rows="$rows floor"
for r in $(seq "$rounds"); do
	runs[cold]+="$(one false "$r")"$'\n'
	runs[pre-started]+="$(one true "$r")"$'\n'
	if command -v workrave >/dev/null; then runs[workrave]+="$(workrave_one "$r")"$'\n'; fi
	if [ -x "$fynefloor" ]; then runs[floor]+="$(floor_one "$r")"$'\n'; fi
done
printf '\nNotification click (Limber) or RestBreak call (Workrave) to the break window mapped, and visible (mapped and its first frame drawn), %d rounds each (ms, wall time on a loaded machine)\n\n' "$rounds"
printf '| start | mapped, runs (ms) | visible, runs (ms) | mapped median (ms) | visible median (ms) |\n|---|---|---|---|---|\n'
for k in $rows; do
	v=$(printf '%s' "${runs[$k]}" | grep .)
	m=$(echo "$v" | awk '{print $1}' | median)
	f=$(echo "$v" | awk '{print $2}' | median)
	name=$k
	[ "$k" = workrave ] && name="Workrave RestBreak (D-Bus)"
	[ "$k" = floor ] && name="smallest Fyne window, cold (exec)"
	printf '| %s | %s | %s | %s | %s |\n' "$name" "$(echo "$v" | awk '{print $1}' | paste -sd' ')" "$(echo "$v" | awk '{print $2}' | paste -sd' ')" "$m" "$f"
	[ -z "${BENCH_RESULTS:-}" ] || echo "latency $k $m $f" >>"$BENCH_RESULTS"
done
