#!/usr/bin/env bash
# Idle footprint of the Limber agent on each desktop this machine can run:
# every scripts/desktop-*.sh that exists (the bare session, XFCE, sway,
# KWin, GNOME; each runs a command inside its desktop and tears it down),
# one fresh desktop per measurement. Each measurement starts the agent
# with private folders, waits until it answers, notes the idle source
# `limber status --json` names, lets it settle SETTLE s (default 10), then
# reads RSS, CPU time and context switches (the agent's process tree,
# every thread) over WINDOW s (default 60). Prints one table of the
# medians over ROUNDS rounds (default 1) against the goal: RSS ≤ 25 MB,
# 0.00 s CPU, ≤ 30 context switches per 60 s.
#   scripts/bench-idle-desktops.sh /path/to/limber
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/procstat.sh"
settle=${SETTLE:-10}
window=${WINDOW:-60}


# --one LIMBER: one measurement inside the current desktop, as whoever
# the desktop script runs its command as. Prints "RESULT rss ticks cs source".
if [ "${1:-}" = --one ]; then
	limber=$2
	d=$(mktemp -d)
	mkdir -p "$d"/{config,state/limber,run,home}
	chmod 700 "$d" "$d"/* "$d"/state/limber
	touch "$d"/state/limber/welcome-shown # the agent alone, not a first-run window
	# A Wayland display name is looked up in XDG_RUNTIME_DIR: keep the
	# compositor's socket reachable when the runtime folder is our own.
	if [ -n "${WAYLAND_DISPLAY:-}" ] && [ "${WAYLAND_DISPLAY#/}" = "$WAYLAND_DISPLAY" ]; then
		export WAYLAND_DISPLAY="$XDG_RUNTIME_DIR/$WAYLAND_DISPLAY"
	fi
	export HOME="$d/home" XDG_CONFIG_HOME="$d/config" XDG_STATE_HOME="$d/state" XDG_RUNTIME_DIR="$d/run"
	"$limber" >"$d/log" 2>&1 &
	pid=$!
	for _ in $(seq 100); do "$limber" status >/dev/null 2>&1 && break; sleep 0.1; done
	source=$("$limber" status --json 2>/dev/null | sed -n 's/.*"idle_source": *"\([^"]*\)".*/\1/p')
	sleep "$settle"
	read -r _ t0 c0 <<<"$(sample "$pid")"
	sleep "$window"
	read -r rss t1 c1 <<<"$(sample "$pid")"
	"$limber" quit >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	[ -z "${BENCH_LOG:-}" ] || cat "$d/log" >&2
	rm -rf "$d"
	echo "RESULT $rss $((t1 - t0)) $((c1 - c0)) ${source:-none}"
	exit 0
fi

limber=${1:?usage: bench-idle-desktops.sh LIMBER_BINARY}
rounds=${ROUNDS:-1}
hz=$(getconf CLK_TCK)
# Desktops that run their command as an unprivileged user need to read
# the binary and this script: stage both in a folder anyone can read.
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
chmod 755 "$stage"
install -m 755 "$limber" "$stage/limber"
install -m 755 "$0" "$stage/bench-idle-desktops.sh"
install -m 644 "$here/procstat.sh" "$stage/procstat.sh"

median() { sort -n | awk '{a[NR]=$1} END{ if (NR==0) {print ""} else if (NR%2) {print a[(NR+1)/2]} else {print (a[NR/2]+a[NR/2+1])/2} }'; }
rows=()
for name in session xfce sway kwin gnome; do
	script="$here/desktop-$name.sh"
	[ -x "$script" ] || continue
	rss=() ticks=() cs=() source=""
	for r in $(seq "$rounds"); do
		out=$("$script" "$stage/bench-idle-desktops.sh" --one "$stage/limber" 2>/dev/null | sed -n 's/^RESULT //p' | tail -n 1) || true
		if [ -z "$out" ]; then
			echo "round $r $name: the desktop or the agent did not start" >&2
			continue
		fi
		read -r a b c s <<<"$out"
		rss+=("$a") ticks+=("$b") cs+=("$c") source=$s
		printf 'round %d %-8s idle source %-24s RSS %6d kB, CPU %3d ticks, %4d context switches\n' "$r" "$name" "$s" "$a" "$b" "$c" >&2
	done
	if [ ${#rss[@]} -eq 0 ]; then
		rows+=("| $name | did not start | | | | |")
		continue
	fi
	m_rss=$(printf '%s\n' "${rss[@]}" | median)
	m_t=$(printf '%s\n' "${ticks[@]}" | median)
	m_cs=$(printf '%s\n' "${cs[@]}" | median)
	mb=$(awk -v k="$m_rss" 'BEGIN{printf "%.1f", k/1024}')
	cpu=$(awk -v t="$m_t" -v hz="$hz" 'BEGIN{printf "%.2f", t/hz}')
	cs60=$(awk -v c="$m_cs" -v w="$window" 'BEGIN{printf "%d", c*60/w + 0.5}')
	goal=$(awk -v k="$m_rss" -v t="$m_t" -v c="$cs60" 'BEGIN{print (k <= 25*1024 && t == 0 && c <= 30) ? "yes" : "no"}')
	rows+=("| $name | $source | $mb | $cpu | $cs60 | $goal |")
done

printf '\nAgent idle footprint per desktop, median of %d round(s), %d s after a %d s settle\n\n' "$rounds" "$window" "$settle"
printf '| desktop | idle source | RSS (MB) | CPU (s) | context switches / 60 s | goal (≤ 25 MB, 0.00 s, ≤ 30) |\n|---|---|---|---|---|---|\n'
printf '%s\n' "${rows[@]}"
