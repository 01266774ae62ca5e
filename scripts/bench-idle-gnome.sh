#!/usr/bin/env bash
# Idle footprint of the Limber agent on GNOME: mutter headless with
# XWayland (scripts/desktop-gnome.sh, a fresh session each round), idle
# from mutter's IdleMonitor watches (the script checks that status names
# mutter-watch). Each round: start the agent, let it settle SETTLE s
# (default 10; the no-tray notice goes out in it), then read RSS, CPU
# seconds and context switches (the agent and anything it started, every
# thread) over WINDOW s (default 60) with no input: the person is away, so
# the watches fire for the away and natural-break marks as they would.
# Prints every round and the medians of ROUNDS (default 3) against the
# goals: RSS ≤ 25 MB, CPU 0.00 s, ≤ 30 context switches. STRICT=1: exit 1
# when a median misses a goal.
#   scripts/bench-idle-gnome.sh /path/to/limber
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/procstat.sh"
if [ "${1:-}" = --one ]; then
	shift
	one=1
fi
limber=${1:?usage: bench-idle-gnome.sh LIMBER_BINARY}
limber=$(cd "$(dirname "$limber")" && pwd)/$(basename "$limber")
rounds=${ROUNDS:-3}
settle=${SETTLE:-10}
window=${WINDOW:-60}
hz=$(getconf CLK_TCK)


# --one: one round inside the current GNOME session.
if [ -n "${one:-}" ]; then
	d=$(mktemp -d)
	mkdir -p "$d"/{config,state/limber,home}
	chmod 700 "$d" "$d"/* "$d"/state/limber
	touch "$d"/state/limber/welcome-shown # the agent alone, not a first-run window
	export HOME="$d/home" XDG_CONFIG_HOME="$d/config" XDG_STATE_HOME="$d/state"
	"$limber" >"$d/log" 2>&1 &
	pid=$!
	for _ in $(seq 100); do "$limber" status >/dev/null 2>&1 && break; sleep 0.1; done
	src=$("$limber" status --json 2>/dev/null | sed -n 's/.*"idle_source": *"\([^"]*\)".*/\1/p')
	sleep "$settle"
	read -r _ t0 c0 <<<"$(sample "$pid")"
	sleep "$window"
	read -r rss t1 c1 <<<"$(sample "$pid")"
	procs=$(tree "$pid" | wc -l)
	"$limber" quit >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	rm -rf "$d"
	echo "$rss $((t1 - t0)) $((c1 - c0)) $procs ${src:-none}"
	exit 0
fi

declare -a rr tt cc
for r in $(seq "$rounds"); do
	out=$("$here/desktop-gnome.sh" "$0" --one "$limber" 2>/dev/null | tail -n 1)
	read -r rss ticks cs procs src <<<"$out"
	if [ "${src:-}" != mutter-watch ]; then
		echo "round $r: the agent's idle source is '${src:-?}', not mutter-watch: not measured" >&2
		exit 1
	fi
	rr+=("$rss") tt+=("$ticks") cc+=("$cs")
	printf 'round %d limber RSS %6d kB, CPU %3d ticks, %4d context switches, %d processes, idle source %s\n' "$r" "$rss" "$ticks" "$cs" "$procs" "$src"
done
median() { tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END{ if (NR%2) {print a[(NR+1)/2]} else {print (a[NR/2]+a[NR/2+1])/2} }'; }
mr=$(echo "${rr[*]}" | median) mt=$(echo "${tt[*]}" | median) mc=$(echo "${cc[*]}" | median)
rss_mb=$(awk -v k="$mr" 'BEGIN{printf "%.1f", k/1024}')
cpu_s=$(awk -v t="$mt" -v hz="$hz" 'BEGIN{printf "%.2f", t/hz}')
printf '\nLimber idle on GNOME (mutter %s headless + XWayland, mutter-watch), median of %d rounds, %ds after a %ds settle\n\n' \
	"$(mutter --version 2>/dev/null | awk '{print $2; exit}')" "$rounds" "$window" "$settle"
printf '| measure | median | goal | met |\n|---|---|---|---|\n'
ok=1
row() { # name value goal test
	local met=yes
	awk -v v="$2" -v g="$3" 'BEGIN{exit !(v <= g)}' || { met=no; ok=0; }
	printf '| %s | %s | ≤ %s | %s |\n' "$1" "$2" "$3" "$met"
}
row "RSS (MB)" "$rss_mb" 25
row "CPU (s)" "$cpu_s" 0.00
row "context switches" "$mc" 30
if [ "${STRICT:-0}" = 1 ] && [ $ok = 0 ]; then exit 1; fi
