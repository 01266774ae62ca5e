#!/usr/bin/env bash
# Idle footprint of the Limber agent next to Workrave and Safe Eyes, run in
# the same session of this script, each measurement in a fresh throwaway
# desktop (Xvfb, session bus, tray watcher, dunst), one program at a time,
# so no program inherits another's leftovers or D-Bus chatter. Each
# measurement: start the program, let it settle 10 s, then read RSS, CPU
# seconds and context switches (whole process tree, every thread) over 60 s
# of idling. Prints every round, the medians over ROUNDS rounds (default
# 3), and the ratios against Limber.
#   scripts/bench-idle.sh /path/to/limber
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/procstat.sh"
if [ "${1:-}" = --one ]; then
	shift
	one=1
fi
limber=${1:?usage: bench-idle.sh LIMBER_BINARY}
rounds=${ROUNDS:-3}
settle=${SETTLE:-10}
window=${WINDOW:-60}
hz=$(getconf CLK_TCK)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT


start_limber() {
	local d="$work/limber-$1"
	mkdir -p "$d"/{config,state/limber,run,home}
	chmod 700 "$d"/* "$d"/state/limber
	touch "$d"/state/limber/welcome-shown # measure the agent alone, not a first-run window
	HOME="$d/home" XDG_CONFIG_HOME="$d/config" XDG_STATE_HOME="$d/state" XDG_RUNTIME_DIR="$d/run" \
		"$limber" >"$d/log" 2>&1 &
	echo $!
}
start_peer() {
	local name=$1 d="$work/$1-$2"
	mkdir -p "$d/home"
	command -v "$name" >/dev/null || { echo 0; return; }
	HOME="$d/home" XDG_CONFIG_HOME="$d/home/.config" "$name" >"$d/log" 2>&1 &
	echo $!
}

# --one NAME ROUND: measure one program inside the current desktop session.
if [ -n "${one:-}" ]; then
	n=$2 r=$3
	if [ "$n" = limber ]; then pid=$(start_limber "$r"); else pid=$(start_peer "$n" "$r"); fi
	[ "$pid" != 0 ] || { echo "skip"; exit 0; }
	sleep "$settle"
	read -r _ t0 c0 <<<"$(sample "$pid")"
	sleep "$window"
	read -r rss t1 c1 <<<"$(sample "$pid")"
	procs=$(tree "$pid" | wc -l)
	pkill -P "$pid" 2>/dev/null || true
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	echo "$rss $((t1 - t0)) $((c1 - c0)) $procs"
	exit 0
fi

declare -A res
names=(limber workrave safeeyes)
for r in $(seq "$rounds"); do
	for n in "${names[@]}"; do
		out=$("$here/desktop-session.sh" "$0" --one "$limber" "$n" "$r" 2>/dev/null | tail -n 1)
		[ "$out" != skip ] && [ -n "$out" ] || continue
		read -r rss ticks cs procs <<<"$out"
		res[$n,$r]="$rss $ticks $cs"
		printf 'round %d %-9s RSS %6d kB, CPU %3d ticks, %5d context switches, %d processes\n' "$r" "$n" "$rss" "$ticks" "$cs" "$procs"
	done
done

median() { sort -n | awk '{a[NR]=$1} END{ if (NR==0) {print 0} else if (NR%2) {print a[(NR+1)/2]} else {print (a[NR/2]+a[NR/2+1])/2} }'; }
declare -A med
for n in limber workrave safeeyes; do
	for f in 1 2 3; do
		med[$n,$f]=$(for r in $(seq "$rounds"); do v=${res[$n,$r]:-}; [ -n "$v" ] && echo "$v" | awk -v f=$f '{print $f}'; done | median)
	done
done
printf '\nIdle footprint, median of %d rounds, %ds after a %ds settle (Xvfb, a fresh desktop for each, one program at a time)\n\n' "$rounds" "$window" "$settle"
printf '| program | RSS (MB) | CPU (s) | context switches | RSS ratio to Limber | CPU ratio | switches ratio |\n|---|---|---|---|---|---|---|\n'
for n in limber workrave safeeyes; do
	rss=$(awk -v k="${med[$n,1]}" 'BEGIN{printf "%.1f", k/1024}')
	cpu=$(awk -v t="${med[$n,2]}" -v hz="$hz" 'BEGIN{printf "%.2f", t/hz}')
	if [ "${med[$n,1]}" = 0 ]; then
		printf '| %s | not installed | | | | | |\n' "$n"
		continue
	fi
	rr=$(awk -v a="${med[$n,1]}" -v b="${med[limber,1]}" 'BEGIN{printf "%.2f", (b>0)?a/b:0}')
	cr=$(awk -v a="${med[$n,2]}" -v b="${med[limber,2]}" 'BEGIN{ if (b>0) printf "%.1f", a/b; else printf "n/a (Limber 0)" }')
	sr=$(awk -v a="${med[$n,3]}" -v b="${med[limber,3]}" 'BEGIN{ if (b>0) printf "%.1f", a/b; else printf "n/a (Limber 0)" }')
	printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$rss" "$cpu" "${med[$n,3]}" "$rr" "$cr" "$sr"
done
printf '\nLimber RSS as a fraction of Workrave'"'"'s: %s\n' "$(awk -v a="${med[limber,1]}" -v b="${med[workrave,1]}" 'BEGIN{ if (b>0) printf "%.2f", a/b; else print "n/a" }')"
