#!/usr/bin/env bash
# What a break window costs while it shows, Limber next to Workrave 1.10,
# in one desktop (Xvfb + openbox + session bus + tray watcher + dunst; GL
# is Mesa's llvmpipe, software rendering) and in the same run. Each
# measurement starts the program, waits until its window is mapped, lets
# it settle SETTLE s (default 2), then reads over WINDOW s (default 20) the
# CPU seconds (utime+stime from /proc/PID/stat, every thread), the context
# switches (/proc/PID/task/*/status) and at the end the RSS of the
# window's process tree.
#   limber-moves   `limber ui break` showing an exercise whose figure moves
#                  nearly all the time (shoulder rolls)
#   limber-holds   the same window with an exercise of one held pose (a
#                  user exercise the script writes): the figure holds still
#   limber-minimised  the moving one, minimised once it is mapped
#   limber-settings  `limber ui settings`: a static Fyne window, the floor
#   workrave-rest  Workrave's rest break (ControlInterface.RestBreak)
#   workrave-exercises  Workrave's animated exercises window (.Exercises)
# Prints every round and the medians of ROUNDS rounds (default 3); with
# BENCH_RESULTS set, appends the medians there for bench-table.sh.
#   scripts/bench-break-cpu.sh /path/to/limber
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/procstat.sh"
if [ -z "${BENCH_IN_SESSION:-}" ]; then
	export BENCH_IN_SESSION=1
	exec "$here/desktop-session.sh" "$0" "$@"
fi
limber=${1:?usage: bench-break-cpu.sh LIMBER_BINARY}
rounds=${ROUNDS:-3}
settle=${SETTLE:-2}
window=${WINDOW:-20}
scenarios=${SCENARIOS:-limber-moves limber-holds limber-minimised limber-settings workrave-rest workrave-exercises}
hz=$(getconf CLK_TCK)
work=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT

# A real window manager maps, focuses and closes windows as on a desktop.
openbox --sm-disable >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 100); do xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' && break; sleep 0.05; done

has_name() {
	dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
		org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q 'boolean true'
}
# visible NAME: wait (up to 20 s) until a window whose title matches is mapped
visible() { timeout 20 xdotool search --sync --onlyvisible --name "$1" >/dev/null; }
# measure PID → "rss ticks switches" over the window
measure() {
	sleep "$settle"
	local t0 c0 rss t1 c1
	read -r _ t0 c0 <<<"$(sample "$1")"
	sleep "$window"
	read -r rss t1 c1 <<<"$(sample "$1")"
	echo "$rss $((t1 - t0)) $((c1 - c0))"
}
stop() { # PID: end it and wait
	kill "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}

limber_env() { # DIR: a private home for one run
	local d=$1
	mkdir -p "$d"/{config/limber/exercises,state/limber,run,home}
	chmod -R 700 "$d"
	touch "$d/state/limber/welcome-shown"
	# A pose held for 40 s, then another: over the measurement the figure
	# holds still.
	cat >"$d/config/limber/exercises/bench.toml" <<-'EOF'
		[[exercise]]
		id = "bench-hold"
		name = "Bench hold"
		areas = ["shoulders"]
		position = "seated"
		kinds = ["mobility"]
		duration = "45s"
		view = "side"
		frame = "upper"
		props = [{ kind = "chair" }]
		why = "A pose held still, to measure a window whose figure does not move."
		cautions = ["None: a measurement."]
		sources = ["mayo"]

		[[exercise.steps]]
		text = "Sit tall and hold still."
		hold = "45s"

		[[exercise.keyframes]]
		step = 1
		pose = { shoulder_elev = 6, shoulder_plane = 40, elbow = 10 }
		hold = "40s"

		[[exercise.keyframes]]
		step = 1
		move = "1s"
		pose = { shoulder_elev = 6, shoulder_plane = 40, elbow = 30 }
		hold = "40s"
	EOF
	chmod 600 "$d/config/limber/exercises/bench.toml"
}

one() { # SCENARIO ROUND → "rss ticks switches", or "fail"
	local s=$1 r=$2 d="$work/$1-$2" pid name out
	mkdir -p "$d"
	case $s in
	limber-*)
		limber_env "$d"
		local args
		case $s in
		limber-moves | limber-minimised) args=(ui break --kind mobility --exercise shoulder-rolls); name="Shoulder rolls" ;;
		limber-holds) args=(ui break --kind mobility --exercise bench-hold); name="Bench hold" ;;
		limber-settings) args=(ui settings); name="Settings" ;;
		esac
		HOME="$d/home" XDG_CONFIG_HOME="$d/config" XDG_STATE_HOME="$d/state" XDG_RUNTIME_DIR="$d/run" \
			"$limber" "${args[@]}" >"$d/log" 2>&1 &
		pid=$!
		;;
	workrave-*)
		mkdir -p "$d/home"
		HOME="$d/home" XDG_CONFIG_HOME="$d/home/.config" workrave >"$d/log" 2>&1 &
		pid=$!
		for _ in $(seq 200); do has_name org.workrave.Workrave && break; sleep 0.05; done
		sleep 2 # let it settle before asking for the window
		case $s in
		workrave-rest) gdbus call --session --dest org.workrave.Workrave --object-path /org/workrave/Workrave/UI --method org.workrave.ControlInterface.RestBreak >/dev/null; name="Rest break" ;;
		workrave-exercises) gdbus call --session --dest org.workrave.Workrave --object-path /org/workrave/Workrave/UI --method org.workrave.ControlInterface.Exercises >/dev/null; name="Exercises" ;;
		esac
		;;
	esac
	if ! visible "$name"; then
		echo "bench-break-cpu: $s: no window \"$name\" within 20 s; its log:" >&2
		cat "$d/log" >&2
		stop "$pid"
		echo fail
		return
	fi
	if [ "$s" = limber-minimised ]; then
		sleep 0.5
		xdotool search --onlyvisible --name "$name" windowminimize >/dev/null
		for _ in $(seq 100); do [ -z "$(xdotool search --onlyvisible --name "$name" 2>/dev/null)" ] && break; sleep 0.05; done
	fi
	out=$(measure "$pid")
	stop "$pid"
	# The next run must not find this run's window.
	for _ in $(seq 100); do [ -z "$(xdotool search --onlyvisible --name "$name" 2>/dev/null)" ] && break; sleep 0.05; done
	echo "$out"
}

declare -A res
for r in $(seq "$rounds"); do
	for s in $scenarios; do
		command -v "${s%%-*}" >/dev/null || [ "${s%%-*}" = limber ] || continue
		out=$(one "$s" "$r")
		[ "$out" != fail ] || continue
		res[$s,$r]=$out
		read -r rss ticks cs <<<"$out"
		printf 'round %d %-19s RSS %6d kB, CPU %5.2f s, %6d context switches\n' "$r" "$s" "$rss" "$(awk -v t="$ticks" -v hz="$hz" 'BEGIN{print t/hz}')" "$cs"
	done
done

median() { sort -n | awk '{a[NR]=$1} END{ if (NR==0) {print 0} else if (NR%2) {print a[(NR+1)/2]} else {print (a[NR/2]+a[NR/2+1])/2} }'; }
printf '\nA break window showing, median of %d rounds: CPU seconds and context switches over %d s (after %d s settled), RSS of the window'"'"'s process\n' "$rounds" "$window" "$settle"
printf '(Xvfb + openbox, llvmpipe; CPU is CPU time, not wall time, so a loaded machine changes it little)\n\n'
printf '| window | CPU (s) per %d s | context switches | RSS (MB) |\n|---|---|---|---|\n' "$window"
for s in $scenarios; do
	vals=$(for r in $(seq "$rounds"); do v=${res[$s,$r]:-}; [ -n "$v" ] && echo "$v"; done)
	if [ -z "$vals" ]; then
		printf '| %s | not measured | | |\n' "$s"
		continue
	fi
	rss=$(echo "$vals" | awk '{print $1}' | median)
	ticks=$(echo "$vals" | awk '{print $2}' | median)
	cs=$(echo "$vals" | awk '{print $3}' | median)
	printf '| %s | %s | %s | %s |\n' "$s" "$(awk -v t="$ticks" -v hz="$hz" 'BEGIN{printf "%.2f", t/hz}')" "$cs" "$(awk -v k="$rss" 'BEGIN{printf "%.0f", k/1024}')"
	[ -z "${BENCH_RESULTS:-}" ] || echo "cpu $s $(awk -v t="$ticks" -v hz="$hz" 'BEGIN{printf "%.2f", t/hz}') $cs $(awk -v k="$rss" 'BEGIN{printf "%.0f", k/1024}')" >>"$BENCH_RESULTS"
done
