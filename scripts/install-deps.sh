#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Limber needs that are missing, using
# sudo when not root. Usage: scripts/install-deps.sh PACKAGE…
set -euo pipefail
missing=()
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if [ ${#missing[@]} -gt 0 ]; then
	echo "Installing: ${missing[*]}"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v go >/dev/null 2>&1; then
	echo "Go is not installed: installing Debian's golang-go (Go 1.21 or newer fetches the Go 1.26 toolchain through the module proxy)."
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq golang-go >/dev/null
fi
