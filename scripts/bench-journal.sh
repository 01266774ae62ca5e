#!/bin/sh
# bench-journal.sh: the journal's read costs on a generated year of
# records (issue 16): a full year's summary and today's records for a
# break view, from the single file of earlier versions and from the
# monthly archives, and the one-time migration. Prints each benchmark's
# median over COUNT runs (default 7) in milliseconds, and fails if a
# budget is missed: year summary (archived) ≤ 50 ms, today (archived) ≤ 2 ms.
set -eu
cd "$(dirname "$0")/.."
COUNT=${COUNT:-7}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
go test -run '^$' -bench 'YearSummary|TodayTail|YearReadSingleFile|MigrateYear' \
	-benchtime 10x -count "$COUNT" ./journal/ >"$out"
awk '
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name)
	for (i = 2; i <= NF; i++) if ($(i+1) == "ns/op") v[name] = v[name] " " $i / 1e6
	for (i = 2; i <= NF; i++) if ($(i+1) == "records") recs = $i
}
END {
	printf "journal benchmarks, a generated year of %s records, median of runs:\n", recs
	fail = 0
	for (name in v) {
		n = split(substr(v[name], 2), a, " ")
		for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
		med = (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
		printf "  %-32s %8.2f ms (%d runs)\n", name, med, n
		if (name == "BenchmarkYearSummaryArchived" && med > 50) fail = 1
		if (name == "BenchmarkTodayTailArchived" && med > 2) fail = 1
	}
	if (fail) { print "bench-journal: a budget was missed (year summary 50 ms, today 2 ms)"; exit 1 }
}' "$out"
