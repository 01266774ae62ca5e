#!/usr/bin/env bash
# Idle footprint of the Limber agent on real Wayland desktops: sway
# (org_kde_kwin_idle) and KWin (ext-idle-notify-v1), each round in a fresh
# throwaway desktop (scripts/desktop-sway.sh, desktop-kwin.sh). Each
# measurement: start the agent, check that it uses the desktop's idle
# source, let it settle SETTLE s (default 10), then read RSS, CPU seconds
# and context switches (whole process tree, every thread) over WINDOW s
# (default 60) with no input. Prints every round and the medians over
# ROUNDS rounds (default 3). Goal: RSS ≤ 25 MB, 0.00 s CPU, ≤ 30 context
# switches per 60 s.
#   scripts/bench-idle-wayland.sh /path/to/limber [sway|kwin …]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/procstat.sh"

# --one: one measurement inside the current desktop session.
if [ "${1:-}" = --one ]; then
	limber=$2
	settle=${LIMBER_BENCH_SETTLE:-10}
	window=${LIMBER_BENCH_WINDOW:-60}
	d="$XDG_RUNTIME_DIR/bench"
	mkdir -p -m 0700 "$d" "$d/config" "$d/state" "$d/state/limber" "$d/run" "$d/home"
	touch "$d/state/limber/welcome-shown" # the agent alone, no first-run window
	# The agent gets its own XDG_RUNTIME_DIR: name the compositor's socket
	# by its full path.
	export WAYLAND_DISPLAY="$XDG_RUNTIME_DIR/$WAYLAND_DISPLAY"
	export HOME="$d/home" XDG_CONFIG_HOME="$d/config" XDG_STATE_HOME="$d/state" XDG_RUNTIME_DIR="$d/run"
	"$limber" >"$d/log" 2>&1 &
	pid=$!
	trap 'kill $pid 2>/dev/null || true' EXIT
	src=""
	for _ in $(seq 100); do
		src=$("$limber" status --json 2>/dev/null | sed -n 's/.*"idle_source": *"\([^"]*\)".*/\1/p') && [ -n "$src" ] && break
		sleep 0.1
	done
	sleep "$settle"
	read -r _ t0 c0 <<<"$(sample "$pid")"
	sleep "$window"
	read -r rss t1 c1 <<<"$(sample "$pid")"
	procs=$(tree "$pid" | wc -l)
	echo "${src:-none} $rss $((t1 - t0)) $((c1 - c0)) $procs"
	exit 0
fi

limber=${1:?usage: bench-idle-wayland.sh LIMBER_BINARY [sway|kwin …]}
shift
desktops=("$@")
[ ${#desktops[@]} -gt 0 ] || desktops=(sway kwin)
rounds=${ROUNDS:-3}
hz=$(getconf CLK_TCK)
export LIMBER_BENCH_SETTLE=${SETTLE:-10} LIMBER_BENCH_WINDOW=${WINDOW:-60}
# The session runs as an unprivileged user: give it a copy it can read.
work=$(mktemp -d /tmp/limber-bench.XXXXXX)
chmod 0755 "$work"
trap 'rm -rf "$work"' EXIT
cp "$limber" "$here/bench-idle-wayland.sh" "$here/procstat.sh" "$work/"
chmod 0755 "$work"/*

median() { sort -n | awk '{a[NR]=$1} END{ if (NR==0) {print 0} else if (NR%2) {print a[(NR+1)/2]} else {print (a[NR/2]+a[NR/2+1])/2} }'; }
declare -A res src
for c in "${desktops[@]}"; do
	for r in $(seq "$rounds"); do
		out=$("$here/desktop-$c.sh" "$work/bench-idle-wayland.sh" --one "$work/$(basename "$limber")" 2>/dev/null | tail -n 1) || true
		[ -n "$out" ] || { echo "round $r $c: the desktop did not start" >&2; continue; }
		read -r s rss ticks cs procs <<<"$out"
		src[$c]=$s
		res[$c,$r]="$rss $ticks $cs"
		printf 'round %d %-5s idle source %-16s RSS %6d kB, CPU %3d ticks, %5d context switches, %d processes\n' "$r" "$c" "$s" "$rss" "$ticks" "$cs" "$procs"
	done
done
printf '\nLimber idle footprint on Wayland, median of %d rounds, %ss after a %ss settle\n\n' "$rounds" "$LIMBER_BENCH_WINDOW" "$LIMBER_BENCH_SETTLE"
printf '| desktop | idle source | RSS (MB) | CPU (s) | context switches |\n|---|---|---|---|---|\n'
for c in "${desktops[@]}"; do
	m=()
	for f in 1 2 3; do
		m+=("$(for r in $(seq "$rounds"); do v=${res[$c,$r]:-}; [ -n "$v" ] && echo "$v" | awk -v f=$f '{print $f}'; done | median)")
	done
	printf '| %s | %s | %s | %s | %s |\n' "$c" "${src[$c]:-?}" \
		"$(awk -v k="${m[0]}" 'BEGIN{printf "%.1f", k/1024}')" \
		"$(awk -v t="${m[1]}" -v hz="$hz" 'BEGIN{printf "%.2f", t/hz}')" "${m[2]}"
done
