#!/usr/bin/env bash
# history-shots.sh OUTDIR: screenshots of the history window on a
# generated year of records (a week, a month, the heatmap, the body
# areas; light and dark), and the time from launch to the window being
# mapped. Run inside scripts/desktop-session.sh with openbox available.
set -euo pipefail
out=${1:?usage: history-shots.sh OUTDIR}
mkdir -p "$out"
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_STATE_HOME=$tmp/state XDG_CONFIG_HOME=$tmp/config
go build -o "$tmp/limber" "$root"
go build -o "$tmp/genjournal" "$root/journal/gen/genjournal"
"$tmp/genjournal" -active -bad "$XDG_STATE_HOME/limber/journal.jsonl" >/dev/null
openbox >/dev/null 2>&1 &
wm=$!
sleep 0.5
shot() { # name theme args…
	local name=$1 th=$2
	shift 2
	local t0 t1 pid
	t0=$(date +%s%N)
	env FYNE_THEME="$th" FYNE_SCALE="${scale:-1}" "$tmp/limber" ui history "$@" &
	pid=$!
	until xdotool search --onlyvisible --name 'History' >/dev/null 2>&1; do sleep 0.02; done
	t1=$(date +%s%N)
	echo "$name: window mapped $(((t1 - t0) / 1000000)) ms after launch"
	sleep 1.5
	import -window root "$out/history_$name.png"
	kill "$pid"
	wait "$pid" 2>/dev/null || true
}
d=$(date -d '11 days ago' +%F)
shot week_light light --range week --date "$d"
shot week_dark dark --range week --date "$d"
shot month_light light --range month --date "$d"
shot month_dark dark --range month --date "$d"
shot year_light light --range year
shot heatmap_light light --tab heatmap
shot heatmap_dark dark --tab heatmap
shot areas_light light --tab areas
shot checkins_dark dark --tab checkins
scale=2 shot week_scale2 light --range week --date "$d"
kill $wm
