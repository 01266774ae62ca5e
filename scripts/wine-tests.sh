#!/usr/bin/env bash
# The Windows tests, inside scripts/wine-session.sh: each package's
# Windows-only unit tests (DIR/*.test.exe, built by `make test-windows`)
# under Wine, then the Wine end-to-end tests (DIR/e2e-wine.test, run on
# this side, from e2e/). Usage: scripts/wine-tests.sh DIR [-test.run RE]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(cd "$1" && pwd)
shift
failed=0
for t in "$dir"/*.test.exe; do
	[ -e "$t" ] || continue
	pkg=$(basename "$t" .test.exe)
	# The tests in the package's _windows_test.go files (its other tests
	# run on Linux; several compare Linux paths).
	names=$(sed -n 's/^func \(Test[A-Za-z0-9_]*\)(t \*testing\.T).*/\1/p' "$root/$pkg"/*_windows_test.go | paste -sd'|')
	[ -n "$names" ] || continue
	echo "wine-tests: $pkg's Windows unit tests under Wine: $names"
	(cd "$root/$pkg" && wine "$t" -test.count=1 -test.v -test.run "^($names)\$" 2>&1 | grep -v '^=== RUN') || { echo "wine-tests: $pkg FAILED"; failed=1; }
done
echo "wine-tests: the Wine end-to-end tests"
(cd "$root/e2e" && "$dir/e2e-wine.test" -test.count=1 -test.v -test.timeout 5m "$@") || failed=1
exit $failed
