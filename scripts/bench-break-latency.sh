#!/usr/bin/env bash
# Latency from a click on the pre-break notification to a visible break
# window, cold (the window process starts at the click) and pre-started
# (started hidden when the warning went out). Real parts: Xvfb, a private
# session bus, the tray watcher, dunst (`dunstctl action` is the click) and
# xdotool to see the window mapped. Prints the medians of ROUNDS runs.
#   scripts/bench-break-latency.sh /path/to/limber
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] || [ -z "${DISPLAY:-}" ]; then
	exec "$here/desktop-session.sh" "$0" "$@"
fi
limber=${1:?usage: bench-break-latency.sh LIMBER_BINARY}
rounds=${ROUNDS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now_ms() { date +%s%3N; }

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
	if ! timeout 20 xdotool search --sync --onlyvisible --name "Posture break" >/dev/null; then
		echo "bench-break-latency: no break window within 20 s (prestart=$1); agent log:" >&2
		cat "$d/log" >&2
		"$limber" status >&2 || true
		dunstctl history >&2 || true
		cat "$d/state/limber/journal.jsonl" >&2 || true
		exit 1
	fi
	t1=$(now_ms)
	"$limber" quit >/dev/null 2>&1 || kill "$pid"
	wait "$pid" 2>/dev/null || true
	pkill -f "$limber ui break" 2>/dev/null || true
	dunstctl close-all
	# The next run must not find this run's window.
	for _ in $(seq 100); do
		[ -z "$(xdotool search --onlyvisible --name "Posture break" 2>/dev/null)" ] && break
		sleep 0.05
	done
	sleep 0.5
	echo $((t1 - t0))
}
median() { sort -n | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }
cold=(); warm=()
for r in $(seq "$rounds"); do
	cold+=("$(one false "$r")")
	warm+=("$(one true "$r")")
done
printf '\nNotification click to visible break window, %d rounds each (ms)\n\n' "$rounds"
printf '| start | runs (ms) | median (ms) |\n|---|---|---|\n'
printf '| cold | %s | %s |\n' "${cold[*]}" "$(printf '%s\n' "${cold[@]}" | median)"
printf '| pre-started | %s | %s |\n' "${warm[*]}" "$(printf '%s\n' "${warm[@]}" | median)"
