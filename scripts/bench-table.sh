#!/usr/bin/env bash
# The issue's table (issue 15) from what bench-break-cpu.sh and
# bench-break-latency.sh appended to one BENCH_RESULTS file in the same
# run: Limber's break window next to Workrave 1.10, and the goals.
#   scripts/bench-table.sh RESULTS_FILE
set -euo pipefail
f=${1:?usage: bench-table.sh RESULTS_FILE}
# get KIND NAME FIELD: one value (fields after the name, from 1)
get() { awk -v k="$1" -v n="$2" -v i="$3" '$1==k && $2==n {v=$(2+i)} END{print (v=="" ? "?" : v)}' "$f"; }
cpu() { echo "$(get cpu "$1" 1) s, $(get cpu "$1" 2) switches"; }
wr=$(get latency workrave 2)
printf '\nThe break window, Limber next to Workrave 1.10 in the same run (Xvfb + openbox, llvmpipe)\n\n'
printf '| | Limber | Workrave | goal |\n|---|---|---|---|\n'
printf '| CPU per 20 s while the figure moves (15 fps) | %s | its exercises window: %s | ≤ 2 s |\n' "$(cpu limber-moves)" "$(cpu workrave-exercises)"
printf '| CPU per 20 s while the figure holds a pose | %s | its rest break: %s | ≤ 0.3 s |\n' "$(cpu limber-holds)" "$(cpu workrave-rest)"
printf '| CPU per 20 s, minimised / a static Fyne window (settings) | %s / %s | | |\n' "$(cpu limber-minimised)" "$(cpu limber-settings)"
printf '| RSS of the window'"'"'s process: figure moving / holding | %s MB / %s MB | whole app: %s MB | ≤ 150 MB |\n' \
	"$(get cpu limber-moves 3)" "$(get cpu limber-holds 3)" "$(get cpu workrave-rest 3)"
printf '| "break now" → window visible (mapped, first frame drawn), pre-started, median | %s ms (mapped %s ms) | RestBreak over D-Bus: %s ms (mapped %s ms) | ≤ Workrave |\n' \
	"$(get latency pre-started 2)" "$(get latency pre-started 1)" "$wr" "$(get latency workrave 1)"
printf '| the same, cold (the window process starts at the click), median | %s ms (mapped %s ms) | | ≤ 2× Workrave: %s ms |\n' \
	"$(get latency cold 2)" "$(get latency cold 1)" "$(awk -v w="$wr" 'BEGIN{print (w=="?" ? "?" : 2*w)}')"
printf '| the smallest Fyne window (one label), cold, exec → visible, median | %s ms (mapped %s ms) | | the floor under "cold" |\n' \
	"$(get latency floor 2)" "$(get latency floor 1)"
