# procstat.sh: measuring a process tree from /proc, for the bench scripts
# (sourced; the scripts that run as another user copy it beside them).

# tree PID: the pid and all its descendants
tree() {
	local p=$1 c
	echo "$p"
	for c in $(ps -o pid= --ppid "$p" 2>/dev/null); do tree "$c"; done
}

# sample PID → "rss_kb cpu_ticks ctxsw" summed over the tree and threads
sample() {
	local rss=0 ticks=0 cs=0 p r t c s
	for p in $(tree "$1"); do
		[ -r "/proc/$p/status" ] || continue
		r=$(awk '/^VmRSS:/{print $2}' "/proc/$p/status"); rss=$((rss + ${r:-0}))
		t=$(awk '{print $14 + $15}' "/proc/$p/stat"); ticks=$((ticks + t))
		for s in /proc/$p/task/*/status; do
			c=$(awk '/ctxt_switches/{s+=$2} END{print s+0}' "$s" 2>/dev/null || echo 0)
			cs=$((cs + c))
		done
	done
	echo "$rss $ticks $cs"
}
