#!/usr/bin/env bash
# Latency from a click on the pre-break notification to a visible break
# window, cold (the window process starts at the click) and pre-started
# (started hidden when the warning went out), next to Workrave 1.10's rest
# break asked for over D-Bus (ControlInterface.RestBreak) in the same run.
# Real parts: Xvfb, openbox (a real window manager maps the windows), a
# private session bus, the tray watcher, dunst (`dunstctl action` is the
# click) and xdotool, polled every 10 ms, to see the window mapped. Prints
# the medians of ROUNDS runs. Wall time: a loaded machine makes it longer.
#   scripts/bench-break-latency.sh /path/to/limber
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] || [ -z "${DISPLAY:-}" ]; then
	exec "$here/desktop-session.sh" "$0" "$@"
fi
limber=${1:?usage: bench-break-latency.sh LIMBER_BINARY}
rounds=${ROUNDS:-5}
work=$(mktemp -d)
openbox --sm-disable >/dev/null 2>&1 &
wm=$!
trap 'kill $wm 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' && break; sleep 0.05; done
now_ms() { date +%s%3N; }
# mapped NAME: wait (up to 20 s) until a window whose title matches is
# mapped, polling every 10 ms
mapped() {
	local end=$(($(now_ms) + 20000))
	until xdotool search --onlyvisible --name "$1" >/dev/null 2>&1; do
		[ "$(now_ms)" -lt "$end" ] || return 1
		sleep 0.01
	done
}
has_name() {
	dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
		org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q 'boolean true'
}

one() { # $1 = prestart true|false → prints milliseconds
	local d="$work/$1-$2"
	mkdir -p "$d"/{config/limber,state/limber,run,home}
	chmod -R 700 "$d"
	touch "$d/state/limber/welcome-shown"
	printf '[breaks.posture]\nevery = "2m"\nwarn_before = "1m56s"\n[break_window]\nprestart = %s\n' "$1" >"$d/config/limber/config.toml"
	export HOME="$d/home" XDG_CONFIG_HOME="$d/config" XDG_STATE_HOME="$d/state" XDG_RUNTIME_DIR="$d/run"
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
	local t0 t1
	t0=$(now_ms)
	dunstctl action
	if ! mapped "Posture break"; then
		echo "bench-break-latency: no break window within 20 s (prestart=$1); agent log:" >&2
		cat "$d/log" >&2
		"$limber" status >&2 || true
		dunstctl history >&2 || true
		cat "$d/state/limber/journal.jsonl" >&2 || true
		exit 1
	fi
	t1=$(now_ms)
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
	echo $((t1 - t0))
}
workrave_one() { # → milliseconds from RestBreak to its window mapped
	local d="$work/workrave-$1"
	mkdir -p "$d/home"
	HOME="$d/home" XDG_CONFIG_HOME="$d/home/.config" workrave >"$d/log" 2>&1 &
	local pid=$! t0 t1
	for _ in $(seq 200); do has_name org.workrave.Workrave && break; sleep 0.05; done
	sleep 3 # started and settled, as a pre-started window is
	t0=$(now_ms)
	gdbus call --session --dest org.workrave.Workrave --object-path /org/workrave/Workrave/UI \
		--method org.workrave.ControlInterface.RestBreak >/dev/null
	if ! mapped "Rest break"; then
		echo "bench-break-latency: no Workrave rest break window within 20 s" >&2
		kill "$pid"; wait "$pid" 2>/dev/null || true
		echo 0
		return
	fi
	t1=$(now_ms)
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	for _ in $(seq 100); do
		[ -z "$(xdotool search --onlyvisible --name "Rest break" 2>/dev/null)" ] && break
		sleep 0.05
	done
	echo $((t1 - t0))
}
median() { sort -n | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }
cold=(); warm=(); wr=()
for r in $(seq "$rounds"); do
	cold+=("$(one false "$r")")
	warm+=("$(one true "$r")")
	if command -v workrave >/dev/null; then wr+=("$(workrave_one "$r")"); fi
done
printf '\nNotification click (Limber) or RestBreak call (Workrave) to a mapped break window, %d rounds each (ms, wall time on a loaded machine)\n\n' "$rounds"
printf '| start | runs (ms) | median (ms) |\n|---|---|---|\n'
printf '| cold | %s | %s |\n' "${cold[*]}" "$(printf '%s\n' "${cold[@]}" | median)"
printf '| pre-started | %s | %s |\n' "${warm[*]}" "$(printf '%s\n' "${warm[@]}" | median)"
if [ ${#wr[@]} -gt 0 ]; then
	printf '| Workrave RestBreak (D-Bus) | %s | %s |\n' "${wr[*]}" "$(printf '%s\n' "${wr[@]}" | median)"
fi
