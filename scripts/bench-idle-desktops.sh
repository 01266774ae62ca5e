#!/usr/bin/env bash
# Idle footprint of the Limber agent on each desktop this machine can run:
# every scripts/desktop-*.sh that exists (the bare session, XFCE, sway,
# KWin, GNOME; each runs a command inside its desktop and tears it down),
# one fresh desktop per measurement, the same agent binary in all (its
# SHA-256 is printed). Each measurement starts the agent with private
# folders, waits until it answers, notes the idle source `limber status
# --json` names, lets it settle SETTLE s (default 10), then reads RSS, CPU
# time and context switches (the agent's process tree, every thread,
# voluntary and not) over WINDOW s (default 60). Prints every round, then
# ONE table: per desktop the medians over ROUNDS rounds (default 3), the
# idle source of each round, and each goal met or missed: RSS ≤ 25 MB
# (MiB, as RSS is counted in kB), 0.00 s CPU, ≤ 30 context switches per
# 60 s, with the desktop's own idle source active (a round with another
# source, or none, misses the row).
# DESKTOPS limits the run to some of them ("xfce gnome").
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
rounds=${ROUNDS:-3}
hz=$(getconf CLK_TCK)
# Desktops that run their command as an unprivileged user need to read
# the binary and this script: stage both in a folder anyone can read.
# (A copy, as an install makes: a binary fresh from the linker sits in
# the page cache differently and maps some 5 MB more file pages.)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
chmod 755 "$stage"
install -m 755 "$limber" "$stage/limber"
install -m 755 "$0" "$stage/bench-idle-desktops.sh"
install -m 644 "$here/procstat.sh" "$stage/procstat.sh"
sum=$(sha256sum "$stage/limber" | cut -c1-12)

# The idle source each desktop should name (an extended regex).
declare -A want=([session]='^x11-' [xfce]='^x11-' [sway]='^(kde-idle|ext-idle-notify)$'
	[kwin]='^(ext-idle-notify|kde-idle)$' [gnome]='^mutter-watch$')

median() { sort -n | awk '{a[NR]=$1} END{ if (NR==0) {print ""} else if (NR%2) {print a[(NR+1)/2]} else {print (a[NR/2]+a[NR/2+1])/2} }'; }
mark() { if [ "$1" = 1 ]; then echo met; else echo "**missed**"; fi; }
rows=()
for name in ${DESKTOPS:-session xfce sway kwin gnome}; do
	script="$here/desktop-$name.sh"
	[ -x "$script" ] || continue
	rss=() ticks=() cs=() sources=() real=1
	for r in $(seq "$rounds"); do
		out=$("$script" "$stage/bench-idle-desktops.sh" --one "$stage/limber" 2>/dev/null | sed -n 's/^RESULT //p' | tail -n 1) || true
		if [ -z "$out" ]; then
			echo "round $r $name: the desktop or the agent did not start" >&2
			continue
		fi
		read -r a b c s <<<"$out"
		rss+=("$a") ticks+=("$b") cs+=("$c") sources+=("$s")
		[[ $s =~ ${want[$name]:-.} ]] || real=0
		printf 'round %d %-8s idle source %-18s RSS %6d kB, CPU %3d ticks, %4d context switches\n' "$r" "$name" "$s" "$a" "$b" "$c" >&2
	done
	if [ ${#rss[@]} -eq 0 ]; then
		rows+=("| $name | did not start | | | | | | | |")
		continue
	fi
	m_rss=$(printf '%s\n' "${rss[@]}" | median)
	m_t=$(printf '%s\n' "${ticks[@]}" | median)
	m_cs=$(printf '%s\n' "${cs[@]}" | median)
	mb=$(awk -v k="$m_rss" 'BEGIN{printf "%.1f", k/1024}')
	cpu=$(awk -v t="$m_t" -v hz="$hz" 'BEGIN{printf "%.2f", t/hz}')
	cs60=$(awk -v c="$m_cs" -v w="$window" 'BEGIN{printf "%d", c*60/w + 0.5}')
	range=$(printf '%s\n' "${cs[@]}" | sort -n | awk -v w="$window" '{a[NR]=int($1*60/w+0.5)} END{print a[1] "–" a[NR]}')
	src=$(printf '%s\n' "${sources[@]}" | sort -u | paste -sd/ -)
	[ "$real" = 1 ] || src="$src (not this desktop's own)"
	[ ${#rss[@]} -eq "$rounds" ] || src="$src; ${#rss[@]} of $rounds rounds ran"
	g_rss=$(awk -v k="$m_rss" 'BEGIN{print (k <= 25*1024)}')
	g_cpu=$(awk -v t="$m_t" 'BEGIN{print (t == 0)}')
	g_cs=$(awk -v c="$cs60" 'BEGIN{print (c <= 30)}')
	all=$((g_rss && g_cpu && g_cs && real))
	rows+=("| $name | $src | $mb | $(mark "$g_rss") | $cpu | $(mark "$g_cpu") | $cs60 ($range) | $(mark "$g_cs") | $(mark "$all") |")
done

printf '\nAgent idle footprint per desktop: binary %s, median of %d rounds, %d s after a %d s settle\n\n' "$sum" "$rounds" "$window" "$settle"
printf '| desktop | idle source | RSS (MB) | ≤ 25 MB | CPU (s) | 0.00 s | context switches / 60 s (range) | ≤ 30 | all goals |\n|---|---|---|---|---|---|---|---|---|\n'
printf '%s\n' "${rows[@]}"
